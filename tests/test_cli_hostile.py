"""The `search` and `due` commands given what a hurried or hostile user types: a silly limit, an
empty file name, the journal itself as the calendar file. Each gets a sentence and an exit
code, never a traceback, and nothing the user keeps is overwritten."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from journal.cli.main import main
from journal.domain.kinds import GOAL, MENTORSHIP, PERSON
from journal.store.journal import open_journal


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def path(journal_path: Path) -> Path:
    """Priya has three goals whose check-ins all fall due on the same day."""
    today = dt.date.today()
    started = (today - dt.timedelta(days=5)).isoformat()
    with open_journal(journal_path) as journal:
        priya = journal.create(PERSON, name="Priya Raghunathan", team="Security")
        ms = journal.create(MENTORSHIP, mentee_id=priya.id, mentor_is_me=True,
                            started_on=started, cadence_days=7)
        for outcome in ("Give the internal talk on build provenance",
                        "Move the CI signing keys into the HSM",
                        "Threat-model the new secrets broker"):
            journal.create(GOAL, mentorship_id=ms.id, outcome=outcome, started_on=started)
    return journal_path


def test_a_huge_limit_is_no_traceback(capsys, path) -> None:
    code, out, err = run(capsys, "--db", str(path), "search", "priya", "--limit",
                         "99999999999999999999")
    assert code in (0, 2), err
    if code == 0:
        assert "Priya Raghunathan" in out


def test_an_empty_calendar_file_name_is_a_usage_error(capsys, path) -> None:
    code, _out, err = run(capsys, "--db", str(path), "due", "--ics", "")
    assert code == 2 and "--ics" in err


def test_the_calendar_never_overwrites_the_journal_itself(capsys, path) -> None:
    before = path.read_bytes()
    code, _out, err = run(capsys, "--db", str(path), "due", "--ics", str(path))
    assert code != 0 and str(path) in err
    with open_journal(path, read_only=True) as journal:
        assert journal.counts()[GOAL] == 3
    assert sqlite3.connect(path).execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert path.read_bytes()[:16] == before[:16]


def test_the_calendar_never_overwrites_a_file_that_is_not_a_calendar(capsys, path,
                                                                    tmp_path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("Things I must not lose\n")
    code, _out, err = run(capsys, "--db", str(path), "due", "--ics", str(notes))
    assert code == 1 and "notes.txt" in err
    assert notes.read_text() == "Things I must not lose\n"
    # A calendar file written before is replaced, as a newer export should be.
    ics = tmp_path / "due.ics"
    assert run(capsys, "--db", str(path), "due", "--ics", str(ics))[0] == 0
    assert run(capsys, "--db", str(path), "due", "--ics", str(ics))[0] == 0


def test_check_ins_of_one_person_due_the_same_day_can_be_told_apart(capsys, path) -> None:
    code, out, _err = run(capsys, "--db", str(path), "due")
    lines = out.splitlines()
    assert code == 0 and len(lines) == 3
    assert len(set(lines)) == 3, lines
    assert any("HSM" in line for line in lines)
    # (The calendar file keeps to names: goals stay off a calendar that may be synced.)


def test_backup_list_counts_one_person_in_the_singular(capsys, journal_path) -> None:
    with open_journal(journal_path) as journal:
        journal.create(PERSON, name="Ana")
    assert run(capsys, "--db", str(journal_path), "backup")[0] == 0
    code, out, _err = run(capsys, "--db", str(journal_path), "backup", "--list")
    assert code == 0 and "1 record, 1 person " in out, out


def test_restoring_the_journal_from_itself_is_refused(capsys, path) -> None:
    from journal.store import snapshots

    before = path.read_bytes()
    code, _out, err = run(capsys, "--db", str(path), "restore", str(path))
    assert code == 1 and "itself" in err, err
    assert snapshots.list_snapshots(path) == []  # nothing was done, not even a snapshot
    assert path.read_bytes() == before


def test_snapshot_commands_with_a_data_folder_that_cannot_be_made(capsys, path, tmp_path,
                                                                 monkeypatch) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    monkeypatch.setenv("XDG_DATA_HOME", str(blocker))
    code, out, err = run(capsys, "--db", str(path), "backup", "--list")
    assert code in (0, 1) and "Traceback" not in err
    assert "No snapshots" in out or err
    code, _out, err = run(capsys, "--db", str(path), "restore", "20261130T100000000Z-daily.sqlite3")
    assert code == 1 and err
    code, _out, err = run(capsys, "--db", str(path), "backup")
    assert code == 1 and "snapshot" in err


def test_the_calendar_is_never_written_over_a_pipe_or_a_device(capsys, path, tmp_path) -> None:
    import os
    import threading

    fifo = tmp_path / "pipe.ics"
    os.mkfifo(fifo)
    result: list[tuple[int, str, str]] = []
    worker = threading.Thread(target=lambda: result.append(
        run(capsys, "--db", str(path), "due", "--ics", str(fifo))), daemon=True)
    worker.start()
    worker.join(10)
    if worker.is_alive():  # unblock the reader, then fail
        with open(fifo, "wb"):
            pass
        pytest.fail("due --ics waited forever on a named pipe")
    code, _out, err = result[0]
    assert code == 1 and "pipe.ics" in err
    assert fifo.exists() and not fifo.is_file()  # still the pipe


def test_the_calendar_through_a_link_updates_the_file_it_points_to(capsys, path,
                                                                  tmp_path) -> None:
    target = tmp_path / "synced" / "due.ics"
    target.parent.mkdir()
    assert run(capsys, "--db", str(path), "due", "--ics", str(target))[0] == 0
    link = tmp_path / "due.ics"
    link.symlink_to(target)
    target.write_bytes(target.read_bytes().replace(b"Priya", b"OLD"))
    assert run(capsys, "--db", str(path), "due", "--ics", str(link))[0] == 0
    assert link.is_symlink() and b"Priya" in target.read_bytes()


def test_a_named_pipe_as_the_journal_is_refused_at_once(capsys, tmp_path) -> None:
    import os
    import threading

    fifo = tmp_path / "journal.sqlite3"
    os.mkfifo(fifo)
    result: list[tuple[int, str, str]] = []
    worker = threading.Thread(target=lambda: result.append(
        run(capsys, "--db", str(fifo), "info")), daemon=True)
    worker.start()
    worker.join(10)
    if worker.is_alive():
        with open(fifo, "wb"):
            pass
        pytest.fail("info waited forever on a named pipe given as the journal")
    code, _out, err = result[0]
    assert code == 1 and "journal" in err


def test_restore_counts_one_record_in_the_singular(capsys, tmp_path) -> None:
    source = tmp_path / "one.sqlite3"
    with open_journal(source) as journal:
        journal.create(PERSON, name="Ana")
    target = tmp_path / "journal.sqlite3"
    code, out, err = run(capsys, "--db", str(target), "restore", str(source))
    assert code == 0, err
    assert "(1 record)" in out, out


def test_due_counts_in_words(capsys, tmp_path, journal_path) -> None:
    with open_journal(journal_path) as journal:
        journal.create(PERSON, name="Ana")
    code, out, _err = run(capsys, "--db", str(journal_path), "due", "--days", "0")
    assert code == 0 and out.strip() == "Nothing due today."
    code, out, _err = run(capsys, "--db", str(journal_path), "due", "--days", "1")
    assert code == 0 and out.strip() == "Nothing due today or tomorrow."
    code, out, _err = run(capsys, "--db", str(journal_path), "due", "--days", "7")
    assert code == 0 and out.strip() == "Nothing due in the next 7 days."


def test_due_writes_one_event_in_the_singular(capsys, path, tmp_path) -> None:
    with open_journal(path) as journal:
        for goal in journal.list(GOAL)[1:]:
            journal.delete(GOAL, goal.id)
    code, out, _err = run(capsys, "--db", str(path), "due", "--ics", str(tmp_path / "d.ics"))
    assert code == 0 and "Wrote 1 event to" in out, out


def test_a_journal_path_that_cannot_be_made_is_one_line(capsys, tmp_path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    target = blocker / "sub" / "journal.sqlite3"  # under a file: no folder can be made
    for command in (["demo"], ["search", "x"], ["restore", str(tmp_path / "none.sqlite3")]):
        code, _out, err = run(capsys, "--db", str(target), *command)
        assert code in (1, 2), (command, err)
        assert "Traceback" not in err and len(err.strip().splitlines()) == 1, (command, err)
