"""Benchmarks for Leadership Journal: a seeded journal generator and a harness of measures.

`python -m benchmarks generate --size 1x --output FILE` writes a journal; `python -m benchmarks`
runs every registered measure (see `benchmarks/measures.py`) and prints a table.
"""
