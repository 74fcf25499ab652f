"""The commands on a journal an older version wrote (every journal from before the search index
is one): `due` lists what is due (bringing the journal up to date, as `search` does, with a
snapshot first), and no command calls a writable file one that "cannot be written here"."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from journal.cli.main import main
from journal.store import snapshots
from journal.store.schema import APPLICATION_ID, SCHEMA_VERSION


@pytest.fixture
def old_journal(journal_path: Path) -> Path:
    from journal.store.opener import apply_migrations

    start = (dt.date.today() - dt.timedelta(days=10)).isoformat()
    conn = sqlite3.connect(journal_path, isolation_level=None)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute("PRAGMA journal_mode = WAL")
    apply_migrations(conn, up_to=3)
    stamp = "2026-01-01T00:00:00.000Z"
    conn.execute("INSERT INTO people (uid, created_at, updated_at, name) VALUES "
                 f"('00000000-0000-0000-0000-000000000001', '{stamp}', '{stamp}', 'Émile')")
    conn.execute("INSERT INTO mentorships (uid, created_at, updated_at, mentee_id, "
                 "mentor_is_me, started_on, cadence_days) VALUES "
                 f"('00000000-0000-0000-0000-000000000002', '{stamp}', '{stamp}', 1, 1, "
                 f"'{start}', 7)")
    conn.execute("INSERT INTO goals (uid, created_at, updated_at, mentorship_id, outcome, "
                 "started_on) VALUES "
                 f"('00000000-0000-0000-0000-000000000003', '{stamp}', '{stamp}', 1, "
                 f"'Run the game day', '{start}')")
    conn.close()
    return journal_path


def test_due_lists_an_older_journal(capsys, old_journal) -> None:
    code = main(["--db", str(old_journal), "due"])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "Check in with Émile" in out
    conn = sqlite3.connect(old_journal)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    conn.close()
    assert [s.reason for s in snapshots.list_snapshots(old_journal)] == [
        snapshots.BEFORE_MIGRATION]


def test_info_on_an_older_journal_does_not_say_it_cannot_be_written(capsys, old_journal) -> None:
    code = main(["--db", str(old_journal), "info"])
    _out, err = capsys.readouterr()
    assert "cannot be written" not in err, err
    assert code == 0 or "open it in the app" in err.lower(), err
