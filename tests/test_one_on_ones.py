"""1:1s as records: the migration that adds them, counting, and what a delete takes along."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3

from journal.domain.kinds import ONE_ON_ONE, PERSON
from journal.store.opener import apply_migrations, open_journal
from journal.store.schema import APPLICATION_ID, SCHEMA_VERSION


def _v3_journal(path):
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute("PRAGMA journal_mode = WAL")
    apply_migrations(conn, up_to=3)
    conn.execute("INSERT INTO people (uid, created_at, updated_at, name) VALUES "
                 "('00000000-0000-4000-8000-000000000001', '2020-01-01T00:00:00Z', "
                 "'2020-01-01T00:00:00Z', 'Ana Lima')")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    os.chmod(path, 0o600)


def test_a_schema_3_journal_gains_one_on_ones_after_a_backup(tmp_path):
    path = tmp_path / "j.sqlite3"
    _v3_journal(path)
    with open_journal(path) as j:
        assert j.schema_version == SCHEMA_VERSION
        assert j.backup_path is not None and j.backup_path.exists()
        assert "before-migration" in j.backup_path.name  # a snapshot (issue 15)
        assert j.count(ONE_ON_ONE) == 0
        ana = j.list(PERSON)[0]
        held = j.create(ONE_ON_ONE, person_id=ana.id, held_on=dt.date(2026, 3, 2), notes="n")
        assert held.held_on == dt.date(2026, 3, 2) and j.count(ONE_ON_ONE) == 1
        applied = [r[0] for r in j.rows("SELECT name FROM _sqlite_migrations")]
        assert "0006_one_on_ones" in applied


def test_deleting_a_person_takes_their_one_on_ones_and_undo_brings_them_back(journal):
    ana = journal.create(PERSON, name="Ana Lima")
    held = journal.create(ONE_ON_ONE, person_id=ana.id, held_on=dt.date(2026, 3, 2))
    plan = journal.deletion_plan(PERSON, ana.id)
    assert (ONE_ON_ONE, held.id) in plan.deleted
    removal = journal.delete(PERSON, ana.id)
    assert journal.count(ONE_ON_ONE) == 0
    journal.restore(removal)
    assert journal.get(ONE_ON_ONE, held.id).held_on == dt.date(2026, 3, 2)
    assert journal.count(ONE_ON_ONE) == 1


def test_a_one_on_one_needs_a_day(journal):
    import pytest

    from journal.store.errors import InvalidRecord

    ana = journal.create(PERSON, name="Ana Lima")
    with pytest.raises(InvalidRecord):
        journal.create(ONE_ON_ONE, person_id=ana.id, held_on=None)
