"""A journal in a folder the user cannot write to (a read-only disk, a colleague's shared folder,
a restored backup disc) opens read-only: it is never called damaged.

SQLite in WAL mode needs a `-shm` file beside the journal even to read it; where it cannot make
one, it answers "attempt to write a readonly database". The journal is run as another user
(root ignores mode bits), so the test needs either a non-root user or root with `setpriv`.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from journal.domain.kinds import PERSON
from journal.store.journal import open_journal

ROOT = Path(__file__).resolve().parents[1]
NOBODY = 65534

pytestmark = pytest.mark.skipif(
    os.geteuid() == 0 and shutil.which("setpriv") is None,
    reason="as root, needs setpriv to run the command as a user whom mode bits apply to")


def _as_a_user(*argv: str, home: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "HOME": str(home), "XDG_DATA_HOME": str(home / "data"),
           "XDG_CONFIG_HOME": str(home / "config"), "XDG_STATE_HOME": str(home / "state"),
           "PYTHONPATH": str(ROOT)}
    env.pop("LEADERSHIP_JOURNAL_DB", None)
    prefix = ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"] \
        if os.geteuid() == 0 else []
    return subprocess.run([*prefix, sys.executable, "-m", "journal", *argv], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=60)


@pytest.fixture
def read_only_folder():
    base = Path(tempfile.mkdtemp(prefix="journal-ro-"))
    os.chmod(base, 0o755)
    folder, home = base / "shared", base / "home"
    folder.mkdir()
    home.mkdir()
    os.chmod(home, 0o777)
    with open_journal(folder / "journal.sqlite3") as journal:
        journal.create(PERSON, name="Zoë Lefèvre")
    assert not Path(f"{folder / 'journal.sqlite3'}-shm").exists()
    os.chmod(folder / "journal.sqlite3", 0o444)
    os.chmod(folder, 0o555)
    yield folder / "journal.sqlite3", home
    os.chmod(folder, 0o755)
    shutil.rmtree(base)


def test_a_journal_in_a_read_only_folder_is_read_not_called_damaged(read_only_folder):
    path, home = read_only_folder
    before = sorted(p.name for p in path.parent.iterdir())
    info = _as_a_user("--db", str(path), "info", home=home)
    assert "damaged" not in info.stderr, info.stderr
    assert info.returncode == 0, info.stderr
    assert "read-only" in info.stdout
    found = _as_a_user("--db", str(path), "search", "zoe", home=home)
    assert found.returncode == 0 and "Zoë Lefèvre" in found.stdout, found.stderr
    assert sorted(p.name for p in path.parent.iterdir()) == before


def test_the_apps_worker_connections_read_it_too(read_only_folder):
    """The search box and the lists open a second read-only connection beside the app's."""
    path, home = read_only_folder
    script = ("import sys; from journal.store.journal import open_journal; "
              "app = open_journal(sys.argv[1], read_only=True); "
              "worker = open_journal(sys.argv[1], read_only=True); "
              "print(worker.counts()['person'], app.read_only); worker.close(); app.close()")
    env = {**os.environ, "HOME": str(home), "PYTHONPATH": str(ROOT)}
    prefix = ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"] \
        if os.geteuid() == 0 else []
    done = subprocess.run([*prefix, sys.executable, "-c", script, str(path)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["1", "True"]
