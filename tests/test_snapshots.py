"""Snapshots: where and how they are written, rotation, restore, and every refusal."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import stat

import pytest

from journal.cli.main import main
from journal.domain.kinds import PERSON
from journal.ops import snapshots as ops
from journal.paths import snapshots_dir
from journal.store import snapshots
from journal.store.errors import JournalError, ReadOnlyJournal
from journal.store.journal import open_journal
from journal.store.schema import SCHEMA_VERSION
from tests.conftest import sha256
from tests.test_store_file import REFUSED, _v1_journal


def _names(journal):
    return sorted(p.name for p in journal.list(PERSON))


def test_snapshot_is_a_private_checked_copy_in_the_data_folder(journal, journal_path):
    journal.create(PERSON, name="Zoë")
    taken = ops.snapshot_now(journal_path)
    assert taken.parent == snapshots.folder_for(journal_path)
    assert taken.parent.parent == snapshots_dir()
    assert stat.S_IMODE(taken.stat().st_mode) == 0o600
    assert stat.S_IMODE(taken.parent.stat().st_mode) == 0o700
    assert snapshots.verify(taken) == SCHEMA_VERSION
    described = snapshots.describe(snapshots.list_snapshots(journal_path)[0])
    assert described.counts[PERSON] == 1 and described.reason == snapshots.MANUAL
    assert [p.name for p in taken.parent.iterdir()] == [taken.name]  # no -wal, -shm, partial


def test_rotation_keeps_the_newest_n(journal, journal_path):
    journal.set_setting(snapshots.KEEP_SETTING, 3)
    start = dt.datetime(2026, 1, 1, 9, tzinfo=dt.UTC)
    for day in range(5):
        snapshots.take_snapshot(journal.conn, journal_path, snapshots.DAILY,
                                keep=ops.keep_of(journal), now=start + dt.timedelta(days=day))
    kept = snapshots.list_snapshots(journal_path)
    assert [s.taken_at.day for s in kept] == [5, 4, 3]


def test_two_snapshots_in_the_same_millisecond_never_overwrite(journal, journal_path):
    now = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    a = snapshots.take_snapshot(journal.conn, journal_path, snapshots.MANUAL, now=now)
    journal.create(PERSON, name="Later")
    b = snapshots.take_snapshot(journal.conn, journal_path, snapshots.MANUAL, now=now)
    assert a != b and a.exists() and b.exists()
    assert snapshots.describe(snapshots._parse(a)).counts[PERSON] == 0


def test_daily_snapshot_at_most_once_a_day(journal, journal_path):
    assert ops.daily_snapshot(journal_path) is not None
    assert ops.daily_snapshot(journal_path) is None
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    assert ops.daily_snapshot(journal_path, tomorrow) is not None


def test_restore_snapshots_first_then_restores(journal, journal_path):
    journal.create(PERSON, name="Ana")
    taken = ops.snapshot_now(journal_path)
    journal.create(PERSON, name="Ben")
    before = ops.restore(journal, taken)
    journal.close()
    with open_journal(journal_path) as again:
        assert _names(again) == ["Ana"]
        assert again.rows("PRAGMA journal_mode") == [("wal",)]
        assert again.rows("PRAGMA integrity_check") == [("ok",)]
    assert before.name.endswith("-before-restore.sqlite3")
    with open_journal(before, read_only=True) as old:
        assert _names(old) == ["Ana", "Ben"]


def test_restore_of_an_older_schema_migrates_it(tmp_path, journal_path):
    old = tmp_path / "old.sqlite3"
    _v1_journal(old)
    with open_journal(journal_path) as j:
        j.create(PERSON, name="Now")
    before, journal = ops.restore_file(journal_path, old)
    with journal:
        assert journal.schema_version == SCHEMA_VERSION
        assert _names(journal) == ["Old Friend"]


@pytest.fixture(params=sorted(REFUSED), ids=lambda k: k.replace(" ", "-"))
def bad_file(request, tmp_path):
    make, _error = REFUSED[request.param]
    path = tmp_path / "bad.sqlite3"
    make(path)
    for extra in ("-wal", "-shm"):
        leftover = tmp_path / f"bad.sqlite3{extra}"
        if leftover.exists():
            leftover.unlink()
    return path


def test_a_bad_snapshot_is_refused_and_nothing_changes(bad_file, journal, journal_path):
    journal.create(PERSON, name="Keep me")
    journal.close()
    before = sha256(journal_path)
    with pytest.raises(JournalError):
        ops.restore_file(journal_path, bad_file)
    assert sha256(journal_path) == before
    assert snapshots.list_snapshots(journal_path) == []  # not even the pre-restore snapshot


def test_a_refused_journal_is_never_snapshotted(bad_file):
    before = sha256(bad_file)
    with pytest.raises(JournalError):
        ops.snapshot_now(bad_file)
    assert snapshots.list_snapshots(bad_file) == []
    assert sha256(bad_file) == before
    assert main(["--db", str(bad_file), "backup"]) == 1


def test_a_damaged_page_is_caught_by_the_thorough_check(journal, journal_path, tmp_path):
    for i in range(300):
        journal.create(PERSON, name=f"Person {i}", notes="x" * 500)
    taken = ops.snapshot_now(journal_path)
    data = bytearray(taken.read_bytes())
    page = 4096
    data[page * 5: page * 5 + 200] = os.urandom(200)
    broken = tmp_path / "broken.sqlite3"
    broken.write_bytes(bytes(data))
    with pytest.raises(JournalError):
        ops.restore(journal, broken)
    assert journal.count(PERSON) == 300


def test_a_read_only_journal_is_not_restored(journal, journal_path):
    taken = ops.snapshot_now(journal_path)
    journal.close()
    with open_journal(journal_path, read_only=True) as ro:
        with pytest.raises(ReadOnlyJournal):
            ops.restore(ro, taken)
        with pytest.raises(ReadOnlyJournal):
            ops.snapshot_before_import(ro)
    assert len(snapshots.list_snapshots(journal_path)) == 1


def test_migration_snapshot_lands_in_the_snapshot_folder(tmp_path):
    path = tmp_path / "old.sqlite3"
    _v1_journal(path)
    with open_journal(path) as j:
        backup = j.backup_path
    assert backup.parent == snapshots.folder_for(path)
    assert backup.name.endswith("-before-migration.sqlite3")
    conn = sqlite3.connect(backup)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    conn.close()
    assert not any("backup" in p.name for p in tmp_path.iterdir())


def test_migration_falls_back_to_a_copy_beside_the_file(tmp_path, monkeypatch):
    path = tmp_path / "old.sqlite3"
    _v1_journal(path)
    blocked = tmp_path / "blocked"
    blocked.write_text("not a folder")
    monkeypatch.setenv("XDG_DATA_HOME", str(blocked))
    with open_journal(path) as j:
        assert j.schema_version == SCHEMA_VERSION
        assert j.backup_path.parent == tmp_path and "schema-1-backup" in j.backup_path.name


def test_cli_backup_list_and_restore(journal, journal_path, capsys):
    journal.create(PERSON, name="Ana")
    journal.close()
    assert main(["--db", str(journal_path), "backup"]) == 0
    assert "Snapshot of" in capsys.readouterr().out
    assert main(["--db", str(journal_path), "backup", "--list"]) == 0
    line = capsys.readouterr().out.strip()
    assert "manual" in line and "1 record," in line
    name = line.split()[-1]
    with open_journal(journal_path) as j:
        j.create(PERSON, name="Ben")
        # The app holds the journal: restore waits for it to close.
        assert main(["--db", str(journal_path), "restore", name]) == 1
        assert "already open" in capsys.readouterr().err
    assert main(["--db", str(journal_path), "restore", name]) == 0
    assert "Restored" in capsys.readouterr().out
    with open_journal(journal_path, read_only=True) as j:
        assert _names(j) == ["Ana"]
    assert main(["--db", str(journal_path), "restore", "no-such.sqlite3"]) == 1


def test_a_damaged_journal_is_replaced_and_kept_beside(journal, journal_path):
    journal.create(PERSON, name="Ana")
    taken = ops.snapshot_now(journal_path)
    journal.close()
    data = journal_path.read_bytes()
    journal_path.write_bytes(data[: len(data) // 2])  # cut off, as by a failed copy
    damaged = sha256(journal_path)
    with pytest.raises(JournalError):
        open_journal(journal_path)
    kept, again = ops.restore_file(journal_path, taken)
    with again:
        assert _names(again) == ["Ana"]
    assert sha256(kept) == damaged and kept.parent == journal_path.parent
    assert ".damaged-" in kept.name
    assert stat.S_IMODE(journal_path.stat().st_mode) == 0o600


def test_a_foreign_file_is_never_restored_over(tmp_path, journal, journal_path):
    taken = ops.snapshot_now(journal_path)
    other = tmp_path / "other.sqlite3"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE notes (body TEXT)")
    conn.commit()
    conn.close()
    before = sha256(other)
    with pytest.raises(JournalError):
        ops.restore_file(other, taken)
    assert sha256(other) == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("other")) == [
        "other.sqlite3"]
