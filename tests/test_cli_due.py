"""`leadership-journal due`: text, JSON and the iCalendar file, parsed back with icalendar."""

from __future__ import annotations

import datetime as dt
import json
import stat

import icalendar
import pytest

from journal.cli.main import main
from journal.domain.kinds import CHECK_IN, GOAL, MENTORSHIP, PERSON
from journal.store.journal import open_journal


@pytest.fixture
def due_journal(journal_path):
    today = dt.date.today()
    with open_journal(journal_path) as j:
        amara = j.create(PERSON, name="Amara Zoë", notes="private person notes")
        ms = j.create(MENTORSHIP, mentee_id=amara.id, mentor_is_me=True,
                      started_on=(today - dt.timedelta(days=40)).isoformat(), cadence_days=7)
        soon = j.create(GOAL, mentorship_id=ms.id, outcome="Lead the failover drill",
                        started_on=(today - dt.timedelta(days=40)).isoformat())
        j.create(CHECK_IN, goal_id=soon.id, on_date=(today - dt.timedelta(days=5)).isoformat(),
                 progress="SECRET progress note")
        late = j.create(GOAL, mentorship_id=ms.id, outcome="Write the runbook",
                        started_on=(today - dt.timedelta(days=30)).isoformat())
    return journal_path, soon, late


def _events(path):
    cal = icalendar.Calendar.from_ical(path.read_bytes())
    return {str(e["UID"]): e for e in cal.walk("VEVENT")}


def test_due_text_and_json(due_journal, capsys):
    path, soon, late = due_journal
    assert main(["--db", str(path), "due"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 2 and "overdue" in out[0] and "Check in with Amara Zoë" in out[1]
    assert main(["--db", str(path), "due", "--json", "--days", "1"]) == 0
    items = json.loads(capsys.readouterr().out)
    assert [(i["record_id"], i["state"]) for i in items] == [(late.id, "overdue")]
    assert main(["--db", str(path), "due", "--days", "0"]) == 0
    assert "overdue" in capsys.readouterr().out


def test_ics_events_dates_and_stable_uids(due_journal, tmp_path, capsys):
    path, soon, late = due_journal
    ics = tmp_path / "due.ics"
    assert main(["--db", str(path), "due", "--ics", str(ics)]) == 0
    assert "Wrote 2 events" in capsys.readouterr().out
    assert stat.S_IMODE(ics.stat().st_mode) == 0o600
    first = _events(ics)
    today = dt.date.today()
    by_goal = {uid.split(".")[0]: e for uid, e in first.items()}
    with open_journal(path, read_only=True) as j:
        soon_uid, late_uid = j.get(GOAL, soon.id).uid, j.get(GOAL, late.id).uid
    assert set(by_goal) == {soon_uid, late_uid}
    assert by_goal[soon_uid].decoded("DTSTART") == today + dt.timedelta(days=2)
    assert by_goal[soon_uid].decoded("DTEND") == today + dt.timedelta(days=3)
    assert by_goal[late_uid].decoded("DTSTART") == today  # overdue: shown today
    assert "Amara Zoë" in str(by_goal[soon_uid]["SUMMARY"])
    text = ics.read_bytes().decode()
    for private in ("SECRET", "private person notes", "failover drill", "runbook"):
        assert private not in text
    # Again, later: the same UIDs (an import updates them), a SEQUENCE no lower.
    assert main(["--db", str(path), "due", "--ics", str(ics)]) == 0
    second = _events(ics)
    assert set(second) == set(first)
    assert all(second[u]["SEQUENCE"] >= first[u]["SEQUENCE"] for u in first)
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]  # none left


def test_ics_write_failure_is_one_line_and_leaves_the_old_file(due_journal, tmp_path, capsys):
    path, *_ = due_journal
    folder = tmp_path / "not-a-folder"
    folder.write_text("x")
    assert main(["--db", str(path), "due", "--ics", str(folder / "due.ics")]) == 1
    assert capsys.readouterr().err.count("\n") == 1


def test_due_on_a_missing_journal(tmp_path, capsys):
    assert main(["--db", str(tmp_path / "none.sqlite3"), "due"]) == 1
    assert "does not exist" in capsys.readouterr().err
