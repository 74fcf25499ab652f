"""The journal file: pragmas, permissions, schema, migrations, and every file we refuse."""

from __future__ import annotations

import os
import sqlite3
import stat
import struct

import pytest

from journal.store.errors import (
    DamagedJournal,
    JournalLocked,
    NewerJournal,
    NotAJournal,
    ReadOnlyJournal,
)
from journal.store.opener import apply_migrations, open_journal
from journal.store.schema import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION
from tests.conftest import sha256


def test_new_journal_has_our_pragmas_and_private_modes(tmp_path):
    path = tmp_path / "new" / "deeper" / "j.sqlite3"
    with open_journal(path) as j:
        assert j.conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert j.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert j.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert j.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert APPLICATION_ID.to_bytes(4, "big") == b"LJRN"
    # No stray temporary files are left beside it.
    assert sorted(p.name for p in path.parent.iterdir()) == ["j.sqlite3", "j.sqlite3.lock"]


def test_zero_byte_file_becomes_a_journal(tmp_path):
    path = tmp_path / "empty.sqlite3"
    path.touch()
    with open_journal(path) as j:
        assert j.is_empty()
        assert j.schema_version == SCHEMA_VERSION


def test_every_record_has_uid_and_utc_timestamps(journal):
    person = journal.create("person", name="Ana")
    assert len(person.uid) == 36
    assert person.created_at.endswith("Z") and "T" in person.created_at
    later = journal.update("person", person.id, team="Edge")
    assert later.updated_at >= person.updated_at and later.created_at == person.created_at


def test_schema_refuses_bad_enumerations_and_missing_references(journal):
    from journal.store.errors import InvalidRecord

    person = journal.create("person", name="Ana")
    with pytest.raises(InvalidRecord):
        journal.create("mentorship", mentee_id=person.id, structure="osmosis",
                       started_on="2026-01-01")
    with pytest.raises(InvalidRecord):
        journal.create("goal", mentorship_id=9999, started_on="2026-01-01")
    with pytest.raises(InvalidRecord):
        journal.create("person", name="   ")
    with pytest.raises(InvalidRecord):
        journal.create("feedback_draft", recipient_id=person.id, status="delivered")
    assert journal.count("mentorship") == 0 and journal.count("goal") == 0


def _v1_journal(path):
    """A journal as the first schema version wrote it, with a few records in it."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute("PRAGMA journal_mode = WAL")
    apply_migrations(conn, up_to=1)
    conn.execute("INSERT INTO people (uid, created_at, updated_at, name) VALUES "
                 "('00000000-0000-4000-8000-000000000001', '2020-01-01T00:00:00Z', "
                 "'2020-01-01T00:00:00Z', 'Old Friend')")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    os.chmod(path, 0o600)


def test_a_first_version_journal_is_backed_up_then_migrated(tmp_path):
    path = tmp_path / "old.sqlite3"
    _v1_journal(path)
    before = sha256(path)
    with open_journal(path) as j:
        assert j.schema_version == SCHEMA_VERSION
        assert [p.name for p in j.list("person")] == ["Old Friend"]
        assert j.count("snooze") == 0
        backup = j.backup_path
        names = {r[0] for r in j.rows("SELECT name FROM _sqlite_migrations")}
        assert names == {name for _v, name, _s in MIGRATIONS}
    assert backup is not None and backup.exists()
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    conn = sqlite3.connect(backup)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    assert conn.execute("SELECT name FROM people").fetchall() == [("Old Friend",)]
    conn.close()
    assert sha256(path) != before


def _foreign_sqlite(path):
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    conn.execute("INSERT INTO notes (body) VALUES ('hello')")
    conn.commit()
    conn.close()


def _other_app(path):
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA application_id = 0x0f055112")  # another app's id
    conn.execute("CREATE TABLE people (id INTEGER PRIMARY KEY, name TEXT)")
    conn.commit()
    conn.close()


def _random_bytes(path):
    path.write_bytes(os.urandom(8192))


def _text_file(path):
    path.write_text("name,team\nAna,Edge\n")


def _truncated(path):
    with open_journal(path) as j:
        for i in range(300):
            j.create("person", name=f"Person {i}", notes="x" * 500)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _header_only(path):
    with open_journal(path):
        pass
    path.write_bytes(path.read_bytes()[:60])


def _corrupted(path):
    with open_journal(path) as j:
        for i in range(200):
            j.create("person", name=f"Person {i}", notes="y" * 400)
    data = bytearray(path.read_bytes())
    # Scribble over the schema page (page 1 after the header) so the table list is unreadable.
    data[100:4096] = os.urandom(3996)
    path.write_bytes(bytes(data))


def _newer(path):
    with open_journal(path):
        pass
    data = bytearray(path.read_bytes())
    data[60:64] = struct.pack(">I", SCHEMA_VERSION + 5)
    path.write_bytes(bytes(data))


def _missing_tables(path):
    with open_journal(path):
        pass
    conn = sqlite3.connect(path)
    conn.execute("DROP TABLE snoozes")
    conn.commit()
    conn.close()


REFUSED = {
    "plain SQLite file of other tables": (_foreign_sqlite, NotAJournal),
    "another application's SQLite file": (_other_app, NotAJournal),
    "random bytes": (_random_bytes, NotAJournal),
    "a text file": (_text_file, NotAJournal),
    "truncated journal": (_truncated, DamagedJournal),
    "journal cut inside its header": (_header_only, DamagedJournal),
    "corrupted journal": (_corrupted, (DamagedJournal, NotAJournal)),
    "journal from a newer version": (_newer, NewerJournal),
    "journal missing a table": (_missing_tables, DamagedJournal),
}


@pytest.fixture(params=sorted(REFUSED), ids=lambda k: k.replace(" ", "-"))
def refused_file(request, tmp_path):
    make, error = REFUSED[request.param]
    path = tmp_path / "refused.sqlite3"
    make(path)
    for extra in ("-wal", "-shm"):
        leftover = tmp_path / f"refused.sqlite3{extra}"
        if leftover.exists():
            leftover.unlink()
    return path, error


def test_refused_files_are_left_byte_for_byte_unchanged(refused_file):
    path, error = refused_file
    before = sha256(path)
    with pytest.raises(error) as caught:
        open_journal(path)
    message = str(caught.value)
    assert str(path) in message and "Traceback" not in message
    assert sha256(path) == before


def test_a_folder_is_refused(tmp_path):
    with pytest.raises(NotAJournal, match="folder"):
        open_journal(tmp_path)


def test_second_writer_is_told_and_nothing_changes(journal, journal_path):
    journal.create("person", name="Ana")
    before = sha256(journal_path)
    with pytest.raises(JournalLocked, match="already open"):
        open_journal(journal_path)
    assert sha256(journal_path) == before
    journal.close()
    with open_journal(journal_path) as again:
        assert again.count("person") == 1


def test_read_only_file_opens_read_only(journal_path, monkeypatch):
    with open_journal(journal_path) as j:
        j.create("person", name="Ana")
    os.chmod(journal_path, 0o400)
    # Root may write anything; ask the same question a normal user's process would get.
    monkeypatch.setattr("journal.store.opener._writable", lambda path: False)
    before = sha256(journal_path)
    with open_journal(journal_path) as j:
        assert j.read_only
        with pytest.raises(ReadOnlyJournal):
            j.create("person", name="Bo")
    assert sha256(journal_path) == before


def test_read_only_open_refuses_writes_and_leaves_file(journal_path):
    with open_journal(journal_path) as j:
        j.create("person", name="Ana")
    before = sha256(journal_path)
    with open_journal(journal_path, read_only=True) as j:
        assert j.read_only and j.count("person") == 1
        with pytest.raises(ReadOnlyJournal):
            j.update("person", 1, name="Bo")
        with pytest.raises(ReadOnlyJournal):
            j.set_setting("owner_name", "Me")
    assert sha256(journal_path) == before


def test_read_only_journal_that_needs_migration_is_refused_untouched(tmp_path):
    path = tmp_path / "old.sqlite3"
    _v1_journal(path)
    before = sha256(path)
    with pytest.raises(ReadOnlyJournal, match="older version"):
        open_journal(path, read_only=True)
    assert sha256(path) == before


def test_migrations_are_recorded_by_name(journal):
    applied = [r[0] for r in journal.rows("SELECT name FROM _sqlite_migrations ORDER BY id")]
    assert applied == [name for _v, name, _s in MIGRATIONS]


def test_counts_come_from_the_kept_table_and_agree_after_a_migration(tmp_path):
    from journal.domain.kinds import TABLES

    with open_journal(tmp_path / "new.sqlite3") as j:  # every record table is counted
        triggers = {r[0] for r in j.rows("SELECT name FROM sqlite_master WHERE type='trigger'")}
        assert {r[0] for r in j.rows("SELECT table_name FROM record_counts")} == set(
            TABLES.values())
    assert triggers >= {f"{t}_counted_{way}" for t in TABLES.values() for way in ("in", "out")}
    path = tmp_path / "old.sqlite3"
    _v1_journal(path)
    with open_journal(path) as j:
        assert j.count("person") == 1 and j.counts()["person"] == 1
        friend = j.list("person")[0]
        j.create("person", name="New Friend")
        removal = j.delete("person", friend.id)
        assert j.count("person") == 1
        j.restore(removal)
        assert j.counts() == {kind: j.rows(f"SELECT count(*) FROM {table}")[0][0]
                              for kind, table in TABLES.items()}
        assert j.count("person") == 2
