"""The benchmark generator and harness, at size tiny (fast enough for every test run)."""

from __future__ import annotations

import datetime as dt
import json
import sys

import pytest

from benchmarks.__main__ import main as bench_main
from benchmarks.generate import generate, planned_counts
from benchmarks.registry import Context, Result, target_met
from journal.domain.records import BY_KIND
from journal.store.journal import open_journal
from journal.store.schema import SCHEMA_VERSION

TODAY = dt.date(2026, 6, 30)


def contents(path) -> dict[str, list[tuple]]:
    """Every record's own fields (uids are random; timestamps are part of the generated data)."""
    with open_journal(path, read_only=True) as journal:
        return {kind: [(r.created_at, *(getattr(r, f) for f in cls.own_fields()))
                       for r in journal.list(kind)]
                for kind, cls in BY_KIND.items()}


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    path = tmp_path_factory.mktemp("gen") / "tiny.sqlite3"
    generate(path, size="tiny", seed=7, today=TODAY, progress=None)
    return path


def test_tiny_has_the_planned_counts_and_opens(tiny):
    planned = planned_counts("tiny")
    with open_journal(tiny) as journal:
        assert journal.schema_version == SCHEMA_VERSION
        counts = journal.counts()
    for kind, n in planned.items():
        assert counts[kind] == n, kind
    assert counts["conflict"] <= counts["conflict_owner"] <= 3 * counts["conflict"]
    assert counts["snooze"] == 0


def test_sizes_scale():
    one, ten, tiny = planned_counts("1x"), planned_counts("10x"), planned_counts("tiny")
    assert one["check_in"] == 20_000 and one["person"] == 300
    assert ten["check_in"] == 10 * one["check_in"]
    assert tiny["check_in"] == one["check_in"] // 100
    assert all(n >= 1 for n in tiny.values())


def test_deterministic_for_a_seed(tiny, tmp_path):
    again = tmp_path / "again.sqlite3"
    generate(again, size="tiny", seed=7, today=TODAY, progress=None)
    assert contents(again) == contents(tiny)
    other = tmp_path / "other.sqlite3"
    generate(other, size="tiny", seed=8, today=TODAY, progress=None)
    assert contents(other) != contents(tiny)


def test_realistic_dates_and_text(tiny):
    with open_journal(tiny, read_only=True) as journal:
        check_ins = journal.list("check_in")
        sessions = journal.list("mentoring_session")
        people = journal.list("person")
    dates = [c.on_date for c in check_ins]
    assert max(dates) <= TODAY
    assert min(d.on_date for d in sessions) >= TODAY - dt.timedelta(days=3650)
    assert all(c.created_at.startswith(c.on_date.isoformat()) for c in check_ins)
    lengths = sorted(len(s.notes) for s in sessions)
    assert lengths[0] >= 40 and lengths[-1] >= 400
    assert any("\n\n" in s.notes for s in sessions)
    assert len({s.notes for s in sessions}) == len(sessions)
    assert all(p.name.strip() for p in people)


def test_generate_command(tmp_path, capsys):
    out = tmp_path / "cli.sqlite3"
    assert bench_main(["generate", "--size", "tiny", "--output", str(out), "--seed", "3"]) == 0
    assert "records" in capsys.readouterr().err
    with open_journal(out, read_only=True) as journal:
        assert journal.count("check_in") == planned_counts("tiny")["check_in"]
    with pytest.raises(SystemExit):  # refuses to write over an existing journal
        bench_main(["generate", "--size", "tiny", "--output", str(out)])


def test_harness_runs_store_measures_and_writes_json(tmp_path, capsys):
    report = tmp_path / "report.json"
    code = bench_main(["--size", "tiny", "--only", "store.open,store.counts,migration",
                       "--repeat", "3", "--cache-dir", str(tmp_path / "cache"),
                       "--json", str(report)])
    assert code == 0
    table = capsys.readouterr().out
    assert "store.open" in table and "migration" in table
    entries = json.loads(report.read_text(encoding="utf-8"))
    assert [e["name"] for e in entries] == ["migration", "store.open", "store.counts"]
    for entry in entries:
        assert {"name", "median_ms", "floor_ms", "ratio", "target", "met"} <= set(entry)
        assert entry["error"] is None, entry
        assert entry["median_ms"] > 0 and entry["met"] is True
    # The cached journal is reused by the next run rather than generated again.
    assert len(list((tmp_path / "cache").glob("tiny-*.sqlite3"))) == 2  # current and schema 1


def test_harness_rejects_unknown_measures(capsys):
    with pytest.raises(SystemExit):
        bench_main(["--only", "no.such.measure"])
    assert "unknown measure" in capsys.readouterr().err


def test_gui_measures_report_an_error_row_when_the_app_cannot_start(tmp_path, monkeypatch):
    from benchmarks.measures import app
    from benchmarks.registry import REGISTRY, load_measures, run_measure

    load_measures()
    monkeypatch.setattr(app, "app_command",
                        lambda journal: [sys.executable, "-c", "raise SystemExit('no app yet')"])
    ctx = Context("tiny", 0, 1, tmp_path / "cache", tmp_path)
    result = run_measure(REGISTRY["cold_start"], ctx)
    assert result.error and "no app yet" in result.error
    assert result.met is False and result.to_json()["median_ms"] is None


def test_cold_start_and_memory_against_the_floor(tmp_path, monkeypatch):
    """With the floor window standing in for the app, both ratios come out near 1."""
    pytest.importorskip("PySide6.QtWidgets")
    from benchmarks.measures import app
    from benchmarks.registry import REGISTRY, load_measures, run_measure

    load_measures()
    monkeypatch.setattr(app, "app_command",
                        lambda journal: [sys.executable, "-c", app.FLOOR_SCRIPT])
    ctx = Context("tiny", 0, 1, tmp_path / "cache", tmp_path)
    start, memory = (run_measure(REGISTRY[n], ctx) for n in ("cold_start", "memory"))
    assert start.error is None and memory.error is None
    assert 0.5 < start.ratio < 2 and 0.8 < memory.ratio < 1.25
    assert memory.unit == "MB" and 20 < memory.median < 500


@pytest.mark.parametrize(("target", "median", "ratio", "met"), [
    ("< 30 ms", 29.9, None, True),
    ("< 30 ms", 30.0, None, False),
    ("<= 30 ms", 30.0, None, True),
    ("<= 1.5x floor", 100.0, 1.5, True),
    ("<= 1.5x floor", 100.0, 1.51, False),
    ("<= 1.5x floor", 100.0, None, False),
])
def test_targets(target, median, ratio, met):
    assert target_met(target, median, ratio) is met


def test_result_json_shape():
    entry = Result("x", "<= 2x floor", median=30.0, floor=20.0).to_json()
    assert entry["ratio"] == 1.5 and entry["met"] is True
    assert entry["median_ms"] == 30.0 and entry["floor_ms"] == 20.0


def test_every_measure_runs_at_size_tiny(tmp_path, qapp):
    """Every registered measure, the app launches and page measures included (offscreen), gives
    a number rather than an error row on a tiny journal."""
    from benchmarks import harness

    measures = harness.select()
    results = harness.run(measures, size="tiny", repeat=1, cache_dir=tmp_path / "cache")
    assert [r.name for r in results] == [m.name for m in measures]
    errors = {r.name: r.error for r in results if r.error}
    assert not errors
    assert all(r.median is not None and r.median >= 0 for r in results)


def test_startup_steps_splits_the_app_and_the_floor(tiny, capsys):
    pytest.importorskip("PySide6.QtWidgets")
    from benchmarks.startup_steps import main as steps_main

    assert steps_main([str(tiny), "--runs", "1"]) == 0
    rows = [line.split("|")[1:-1] for line in capsys.readouterr().out.splitlines()[2:]]
    steps = {name.strip(): (app.strip(), floor.strip()) for name, app, floor in rows}
    assert len(steps) == 13
    assert steps["the Checklist page: import, build, counts"][1] == "–"
    assert all(app.endswith(" ms") for app, _ in steps.values())
    assert steps["first paint"][1].endswith(" ms")
