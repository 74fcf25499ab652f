"""The measure registry: what a measure is, what it returns, and what it is given.

A measure is one small function registered with `@measure(name, target=...)`. It receives a
`Context` (the journal files of the chosen size, a scratch folder, how often to repeat) and
returns a `Sample`: the median, optionally the floor it is compared with, and the unit. The harness
turns that into a `Result` and decides whether the target is met. A measure that raises becomes an
error row; it never stops the other measures.

Targets are written as text so they read well in the table: "< 50 ms", "<= 2000 ms" compare the
median; "<= 1.5x floor" compares median / floor.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from benchmarks import fixtures


@dataclass(frozen=True)
class Sample:
    """What a measure function returns."""

    median: float
    floor: float | None = None
    unit: str = "ms"


@dataclass(frozen=True)
class Result:
    """One row of the table and one entry of the JSON."""

    name: str
    target: str
    median: float | None = None
    floor: float | None = None
    unit: str = "ms"
    error: str | None = None

    @property
    def ratio(self) -> float | None:
        if self.median is None or not self.floor:
            return None
        return self.median / self.floor

    @property
    def met(self) -> bool:
        return self.error is None and target_met(self.target, self.median, self.ratio)

    def to_json(self) -> dict[str, Any]:
        def rounded(value: float | None) -> float | None:
            return None if value is None else round(value, 3)

        in_ms = self.unit == "ms"
        return {
            "name": self.name,
            "median_ms": rounded(self.median) if in_ms else None,
            "floor_ms": rounded(self.floor) if in_ms else None,
            "ratio": rounded(self.ratio),
            "target": self.target,
            "met": self.met,
            # Measures in other units (memory in MB) keep their values here.
            "unit": self.unit,
            "median": rounded(self.median),
            "floor": rounded(self.floor),
            "error": self.error,
        }


_TARGET = re.compile(r"^\s*(<=|<)\s*([0-9.]+)\s*(x floor|ms|MB)\s*$")


def target_met(target: str, median: float | None, ratio: float | None) -> bool:
    """Whether `median` (or `ratio`, for "x floor" targets) satisfies `target`."""
    match = _TARGET.match(target)
    if not match:
        raise ValueError(f"cannot read target {target!r}; write '< 30 ms' or '<= 1.5x floor'")
    op, limit, unit = match.group(1), float(match.group(2)), match.group(3)
    value = ratio if unit == "x floor" else median
    if value is None:
        return False
    return value < limit if op == "<" else value <= limit


@dataclass
class Context:
    """What every measure is given. Journal files are made on first use and cached on disk."""

    size: str
    seed: int
    repeat: int
    cache_dir: Path
    workdir: Path
    _memo: dict[str, Any] = field(default_factory=dict)

    def once(self, key: str, make: Callable[[], Any]) -> Any:
        """Compute something several measures share (a set of app launches) only once."""
        if key not in self._memo:
            self._memo[key] = make()
        return self._memo[key]

    def journal(self) -> Path:
        """A journal of the chosen size at the current schema version."""
        return self.once("journal", lambda: fixtures.journal_file(self.size, self.seed,
                                                                  self.cache_dir))

    def v1_journal(self) -> Path:
        """The same journal as written by schema version 1 (for the migration measure)."""
        return self.once("v1_journal", lambda: fixtures.v1_journal_file(self.journal(),
                                                                        self.cache_dir))


@dataclass(frozen=True)
class Measure:
    name: str
    target: str
    gui: bool
    unit: str
    run: Callable[[Context], Sample]


REGISTRY: dict[str, Measure] = {}


def measure(name: str, target: str, *, gui: bool = False, unit: str = "ms"
            ) -> Callable[[Callable[[Context], Sample]], Callable[[Context], Sample]]:
    """Register a measure. `gui=True` marks one that starts the app (skipped by --skip-gui);
    `unit` labels its error row when it fails (a successful run reports the Sample's unit)."""
    target_met(target, 0.0, 0.0)  # reject an unreadable target at import time

    def register(run: Callable[[Context], Sample]) -> Callable[[Context], Sample]:
        if name in REGISTRY:
            raise ValueError(f"measure {name!r} is registered twice")
        REGISTRY[name] = Measure(name, target, gui, unit, run)
        return run

    return register


def load_measures() -> dict[str, Measure]:
    """Import every module in `benchmarks/measures/`, so each registers its measures."""
    from benchmarks import measures

    for module in pkgutil.iter_modules(measures.__path__):
        importlib.import_module(f"{measures.__name__}.{module.name}")
    return REGISTRY


def run_measure(m: Measure, ctx: Context) -> Result:
    try:
        sample = m.run(ctx)
    except Exception as error:  # a broken measure is a row in the table, not a crash
        message = str(error).strip().splitlines()
        return Result(m.name, m.target, unit=m.unit,
                      error=f"{type(error).__name__}: {message[-1] if message else ''}")
    return Result(m.name, m.target, sample.median, sample.floor, sample.unit)


def timings_ms(action: Callable[[], object], repeat: int,
               setup: Callable[[], object] | None = None) -> list[float]:
    """Wall times in ms of `repeat` calls of `action`; `setup` runs untimed before each."""
    times = []
    for _ in range(repeat):
        if setup:
            setup()
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return times


def median(values: list[float]) -> float:
    return statistics.median(values)
