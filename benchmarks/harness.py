"""Run the registered measures on a journal of one size; print a table and write JSON."""

from __future__ import annotations

import json
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

from benchmarks.fixtures import DEFAULT_CACHE
from benchmarks.registry import Context, Measure, Result, load_measures, run_measure


def select(only: Iterable[str] | None = None, skip_gui: bool = False) -> list[Measure]:
    """The measures to run, in registration order. Raises KeyError naming unknown ones."""
    registry = load_measures()
    if only:
        wanted = list(only)
        unknown = [name for name in wanted if name not in registry]
        if unknown:
            raise KeyError(f"unknown measure(s) {', '.join(unknown)}; "
                           f"known: {', '.join(registry)}")
        chosen = [registry[name] for name in registry if name in wanted]
    else:
        chosen = list(registry.values())
    return [m for m in chosen if not (skip_gui and m.gui)]


def run(measures: list[Measure], size: str = "1x", seed: int = 0, repeat: int = 15,
        cache_dir: Path = DEFAULT_CACHE) -> list[Result]:
    results = []
    with tempfile.TemporaryDirectory(prefix="lj-bench-") as scratch:
        ctx = Context(size=size, seed=seed, repeat=repeat, cache_dir=cache_dir,
                      workdir=Path(scratch))
        for m in measures:
            print(f"measuring {m.name} ...", file=sys.stderr, flush=True)
            results.append(run_measure(m, ctx))
    return results


def _number(value: float | None, unit: str = "") -> str:
    if value is None:
        return "-"
    return f"{value:.2f}{' ' + unit if unit else ''}"


def table(results: list[Result]) -> str:
    header = ("name", "median", "floor", "ratio", "target", "met")
    rows = []
    for r in results:
        if r.error:
            rows.append((r.name, "error", "-", "-", r.target, f"no ({r.error})"))
        else:
            rows.append((r.name, _number(r.median, r.unit), _number(r.floor, r.unit),
                         _number(r.ratio), r.target, "yes" if r.met else "NO"))
    widths = [max(len(str(row[i])) for row in (header, *rows)) for i in range(len(header) - 1)]
    lines = []
    for row in (header, *rows):
        cells = [str(cell).ljust(width) for cell, width in zip(row, widths, strict=False)]
        lines.append("  ".join([*cells, str(row[-1])]).rstrip())
    return "\n".join(lines)


def write_json(results: list[Result], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps([r.to_json() for r in results], indent=2, ensure_ascii=False)
                    + "\n", encoding="utf-8")
