"""The app's own reads of its journal file must never drop the locks its SQLite connection holds.

POSIX file locks belong to a process, and closing *any* descriptor of a file drops all of them.
Reading a journal's header with plain `open()` while the same process has the journal open
through SQLite therefore releases that connection's lock; the next program that opens the
journal for writing and closes it then believes it was the last user, checkpoints the
write-ahead log and deletes it. The app goes on writing into the deleted log: others no longer
see what it saves (a `backup` taken then misses it), and a crash loses it.

The app reads its journal's header in this way whenever a list query or a search runs on a
worker connection (`open_journal(read_only=True)`) and when the daily snapshot starts.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from journal.domain.kinds import PERSON
from journal.ops.snapshots import snapshot_now
from journal.store.journal import open_journal


def _other_program_opens_and_closes(path: Path) -> None:
    """What the sqlite3 shell, a database browser or a sync tool does: open, read, close."""
    subprocess.run([sys.executable, "-c", (
        "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
        "c.execute('SELECT count(*) FROM people').fetchall(); c.close()"), str(path)],
        check=True)


def _name_seen_by_another_program(path: Path, person_id: int) -> str:
    out = subprocess.run([sys.executable, "-c", (
        "import sqlite3, sys; c = sqlite3.connect(f'file:{sys.argv[1]}?mode=ro', uri=True); "
        "print(c.execute('SELECT name FROM people WHERE id = ?', (int(sys.argv[2]),))"
        ".fetchone()[0]); c.close()"), str(path), str(person_id)],
        check=True, capture_output=True, text=True)
    return out.stdout.strip()


def test_a_worker_query_keeps_the_apps_saves_visible_to_other_programs(journal_path):
    journal = open_journal(journal_path)
    try:
        person = journal.create(PERSON, name="Ana")
        # What the search box and the lists' filters do on a worker thread.
        open_journal(journal_path, read_only=True).close()
        _other_program_opens_and_closes(journal_path)
        journal.update(PERSON, person.id, name="Ana Silva")  # shown as "Saved"
        assert Path(f"{journal_path}-wal").exists(), "the write-ahead log was deleted under the app"
        assert _name_seen_by_another_program(journal_path, person.id) == "Ana Silva"
    finally:
        journal.close()


def test_the_daily_snapshot_keeps_the_apps_saves_visible_to_other_programs(journal_path):
    journal = open_journal(journal_path)
    try:
        person = journal.create(PERSON, name="Ana")
        snapshot_now(journal_path, "daily")  # what the app's worker thread does once a day
        _other_program_opens_and_closes(journal_path)
        journal.update(PERSON, person.id, name="Ana Silva")
        assert _name_seen_by_another_program(journal_path, person.id) == "Ana Silva"
    finally:
        journal.close()
