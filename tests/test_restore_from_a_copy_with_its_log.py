"""Restoring from a copy of a journal taken while it was open (its -wal beside it, as a sync
folder or a copy of the whole folder leaves it): what the log holds is restored too."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from journal.cli.main import main
from journal.domain.kinds import PERSON
from journal.store.journal import open_journal

ROOT = Path(__file__).resolve().parents[1]


def test_a_copy_with_a_pending_log_is_restored_whole(tmp_path, journal_path, capsys):
    copy = tmp_path / "copy" / "journal.sqlite3"
    copy.parent.mkdir()
    with open_journal(copy) as journal:
        journal.create(PERSON, name="In the file")
    # The app killed with its last save still in the log (no checkpoint).
    subprocess.run([sys.executable, "-c", (
        "import os, sys; from journal.store.journal import open_journal; "
        "j = open_journal(sys.argv[1]); j.conn.execute('PRAGMA wal_autocheckpoint = 0'); "
        "j.create('person', name='Only in the log'); os._exit(0)"), str(copy)],
        cwd=ROOT, check=True, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    assert Path(f"{copy}-wal").stat().st_size > 0
    with open_journal(journal_path) as journal:
        journal.create(PERSON, name="Mine")
    assert main(["--db", str(journal_path), "restore", str(copy)]) == 0, capsys.readouterr()
    with open_journal(journal_path, read_only=True) as journal:
        names = {person.name for person in journal.list(PERSON)}
    assert names == {"In the file", "Only in the log"}
