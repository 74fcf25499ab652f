"""Command line of the benchmarks.

    python -m benchmarks generate --size tiny|1x|10x --output FILE [--seed N]
    python -m benchmarks [--size tiny|1x|10x] [--json FILE] [--only a,b] [--skip-gui] [--repeat N]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from benchmarks.fixtures import DEFAULT_CACHE
from benchmarks.generate import SCALES


def _generate(argv: list[str]) -> int:
    from benchmarks.generate import generate

    parser = argparse.ArgumentParser(prog="python -m benchmarks generate",
                                     description="Write a seeded journal of a given size.")
    parser.add_argument("--size", choices=SCALES, default="1x")
    parser.add_argument("--output", required=True, type=Path, help="a new journal file")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    if args.output.exists() and args.output.stat().st_size:
        parser.error(f"{args.output} already exists; choose a new file")
    generate(args.output, size=args.size, seed=args.seed)
    return 0


def _harness(argv: list[str]) -> int:
    from benchmarks import harness

    parser = argparse.ArgumentParser(
        prog="python -m benchmarks",
        description="Run every registered measure on a journal of the chosen size "
                    "(generated once and cached in benchmarks/out/). "
                    "Use `python -m benchmarks generate -h` to write a journal file.")
    parser.add_argument("--size", choices=SCALES, default="1x")
    parser.add_argument("--json", type=Path, help="also write the results to this JSON file")
    parser.add_argument("--only", help="comma-separated measure names to run")
    parser.add_argument("--skip-gui", action="store_true", help="skip measures that start the app")
    parser.add_argument("--repeat", type=int, default=15, help="runs per measure (default 15)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--cache-dir", type=Path, default=DEFAULT_CACHE)
    parser.add_argument("--list", action="store_true", help="list the measures and exit")
    args = parser.parse_args(argv)
    only = [name.strip() for name in args.only.split(",") if name.strip()] if args.only else None
    try:
        measures = harness.select(only, skip_gui=args.skip_gui)
    except KeyError as error:
        parser.error(error.args[0])
    if args.list:
        for m in measures:
            print(f"{m.name:<20} {m.target:<16} {'(starts the app)' if m.gui else ''}".rstrip())
        return 0
    results = harness.run(measures, size=args.size, seed=args.seed, repeat=max(1, args.repeat),
                          cache_dir=args.cache_dir)
    print(harness.table(results))
    if args.json:
        harness.write_json(results, args.json)
    return 0


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["generate"]:
        return _generate(argv[1:])
    return _harness(argv)


if __name__ == "__main__":
    sys.exit(main())
