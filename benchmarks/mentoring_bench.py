"""How fast the Mentoring page opens and switches mentees on a big journal.

    python -m benchmarks.mentoring_bench [--file F] [--runs N]

Without --file (or with a file that does not exist yet) a journal with 300 mentees, 1,000 goals,
30,000 check-ins and 2,000 sessions is built first. Prints the median of each measurement;
`run(path)` returns the same numbers for the benchmark harness.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TARGET_MS = 50.0
MENTEES, GOALS, CHECK_INS, SESSIONS = 300, 1_000, 30_000, 2_000
STRUCTURES = ("goal_based", "shadowing", "reverse_shadowing", "pairing", "office_hours")
HEALTHS = ("on_track", "on_track", "at_risk", "off_track")


def build(path: Path, seed: int = 4) -> None:
    """Fill a new journal at `path` through the store (create_many when the store has it)."""
    from journal.store.journal import open_journal

    rng = random.Random(seed)
    today = dt.date.today()
    with open_journal(path) as journal, journal.batch():
        bulk = getattr(journal, "create_many", None)

        def create(kind: str, rows: list[dict]) -> list[int]:
            if bulk is not None:
                bulk(kind, rows)
                return [r[0] for r in journal.rows(
                    f"SELECT id FROM {kind_table[kind]} ORDER BY id DESC LIMIT ?",
                    (len(rows),))][::-1]
            return [journal.create(kind, **row).id for row in rows]

        kind_table = {"person": "people", "mentorship": "mentorships", "goal": "goals",
                      "check_in": "check_ins", "mentoring_session": "mentoring_sessions"}
        people = create("person", [{"name": f"Mentee {i:03d} {rng.choice('ABCDEFGH')}",
                                    "team": rng.choice(("Storage", "Network", "Platform"))}
                                   for i in range(MENTEES)])
        mentors = create("person", [{"name": f"Mentor {i:02d}"} for i in range(20)])
        mentorships = create("mentorship", [{
            "mentee_id": pid,
            "mentor_id": None if i % 3 == 0 else rng.choice(mentors),
            "mentor_is_me": i % 3 == 0,
            "structure": rng.choice(STRUCTURES),
            "started_on": today - dt.timedelta(days=rng.randint(100, 700)),
            "ended_on": today - dt.timedelta(days=10) if i % 25 == 0 else None,
            "cadence_days": rng.choice((7, 7, 7, 14)),
        } for i, pid in enumerate(people)])
        goal_owner = [mentorships[i % MENTEES] for i in range(GOALS)]
        goals = create("goal", [{
            "mentorship_id": mid,
            "outcome": f"Run the failover game day number {i} for the payments database",
            "success_signal": "The runbook is updated and the drill finishes within the SLO",
            "started_on": today - dt.timedelta(days=rng.randint(30, 600)),
            "target_on": today + dt.timedelta(days=rng.randint(-30, 60)),
            "status": "active" if i % 3 else rng.choice(("achieved", "dropped")),
        } for i, mid in enumerate(goal_owner)])
        per_goal = CHECK_INS // GOALS
        create("check_in", [{
            "goal_id": gid,
            "on_date": today - dt.timedelta(days=7 * k + rng.randint(0, 6)),
            "progress": "Walked through the dashboards together; the alert fired as expected.",
            "health": rng.choice(HEALTHS),
            "next_step": "Draft the runbook change and ask the on-call lead to review it",
        } for gid in goals for k in range(per_goal)])
        create("mentoring_session", [{
            "mentorship_id": mentorships[i % MENTEES],
            "on_date": today - dt.timedelta(days=rng.randint(0, 400)),
            "structure": rng.choice(STRUCTURES),
            "during_incident": rng.random() < 0.2,
            "driver": rng.choice(("mentor", "mentee")),
            "notes": "Paired on the alert rules; they drove the rollout.",
            "hypothesis": "The cache eviction started after the config push",
        } for i in range(SESSIONS)])


def _median_ms(samples: list[float]) -> float:
    return round(statistics.median(samples), 2)


def run(path: Path | str, runs: int = 12) -> list[dict]:
    """Measure (a) opening the Mentoring page on a fresh main window, page construction and first
    data load included, and (b) switching the selected mentee. Medians of `runs` runs. The
    harness's page measures (benchmarks/measures/pages.py) time the same through benchmarks.gui."""
    from benchmarks import gui

    opening, switching = gui.page_open_times(Path(path), "mentoring", runs,
                                             then=gui.switch_mentees)
    results = []
    for name, samples in (("mentoring.open", opening), ("mentoring.switch", switching)):
        median = _median_ms(samples)
        results.append({"name": name, "median_ms": median, "target": f"< {TARGET_MS:g} ms",
                        "met": median < TARGET_MS, "runs": len(samples)})
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--file", help="journal to measure; built first when it does not exist")
    parser.add_argument("--runs", type=int, default=12)
    args = parser.parse_args(argv)

    from benchmarks import gui

    home = Path(tempfile.mkdtemp(prefix="lj-bench-"))
    gui.use_private_settings(home)  # never touch the user's settings
    path = Path(args.file) if args.file else home / "bench.sqlite3"
    if not path.exists():
        start = time.perf_counter()
        build(path)
        print(f"built {path} in {time.perf_counter() - start:.1f} s", file=sys.stderr)
    for result in run(path, args.runs):
        verdict = "met" if result["met"] else "MISSED"
        print(f"{result['name']:<18} median {result['median_ms']:7.2f} ms  "
              f"(target {result['target']}, {verdict}, {result['runs']} runs)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
