"""A healthy journal in a folder the user cannot write to opens read-only, and says so; it is not
called damaged (issue 10, #14). SQLite reads a WAL journal through a -shm file it cannot create
there. Root ignores mode bits, so as root the commands run as `nobody` (setpriv)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from journal.store.journal import open_journal

ROOT = Path(__file__).resolve().parent.parent
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
SETPRIV = shutil.which("setpriv")

pytestmark = pytest.mark.skipif(
    sys.platform == "win32" or (IS_ROOT and SETPRIV is None),
    reason="needs POSIX permissions (and setpriv when run as root)")


@pytest.fixture
def locked_folder():
    """A folder holding a journal, made unwritable once the test has filled it. Under /tmp
    itself, so that `nobody` can reach it when the tests run as root."""
    folder = Path(tempfile.mkdtemp(prefix="lj-ro-", dir="/tmp"))
    folder.chmod(0o755)

    def lock() -> None:
        for item in folder.iterdir():
            item.chmod(0o644)  # readable by nobody; root ignores it, nobody cannot write it
        folder.chmod(0o555)

    yield folder, lock
    folder.chmod(0o755)
    shutil.rmtree(folder)


def _run(*args: str) -> subprocess.CompletedProcess:
    prefix = [SETPRIV, "--reuid=65534", "--regid=65534", "--clear-groups"] if IS_ROOT else []
    env = dict(os.environ, HOME="/tmp", XDG_CONFIG_HOME="/tmp/lj-ro-none",
               XDG_STATE_HOME="/tmp/lj-ro-none", XDG_DATA_HOME="/tmp/lj-ro-none")
    return subprocess.run([*prefix, sys.executable, *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=60)


def _make(path: Path) -> None:
    with open_journal(path) as journal:
        journal.create("person", name="Ana")
        journal.create("person", name="Bo")


def test_info_reads_it_and_says_read_only(locked_folder):
    folder, lock = locked_folder
    path = folder / "journal.sqlite3"
    _make(path)
    (folder / "journal.sqlite3.lock").unlink()
    lock()
    before = sorted(p.name for p in folder.iterdir())
    done = _run("-m", "journal", "--db", str(path), "info")
    assert done.returncode == 0, done.stderr
    assert "damaged" not in done.stdout + done.stderr
    assert "Access:         read-only" in done.stdout
    assert sorted(p.name for p in folder.iterdir()) == before  # nothing written beside it


def test_the_store_opens_it_read_only_with_every_record(locked_folder):
    folder, lock = locked_folder
    path = folder / "journal.sqlite3"
    _make(path)
    lock()
    done = _run("-c", "import sys; from journal.store.journal import open_journal\n"
                      "j = open_journal(sys.argv[1])\n"
                      "print(j.read_only, [p.name for p in j.list('person')])", str(path))
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "True ['Ana', 'Bo']"


def test_changes_left_in_the_wal_are_not_hidden(locked_folder, tmp_path):
    folder, lock = locked_folder
    source = tmp_path / "journal.sqlite3"
    with open_journal(source) as journal:
        journal.conn.execute("PRAGMA wal_autocheckpoint = 0")
        journal.create("person", name="Ana")
        # Copied while still open: the new person lives only in the -wal file, as after a crash.
        shutil.copy(source, folder / "journal.sqlite3")
        shutil.copy(f"{source}-wal", folder / "journal.sqlite3-wal")
    assert (folder / "journal.sqlite3-wal").stat().st_size > 0
    lock()
    done = _run("-m", "journal", "--db", str(folder / "journal.sqlite3"), "info")
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1
    assert "damaged" not in done.stderr and "-wal" in done.stderr
    assert "folder you can write to" in done.stderr


def test_the_window_says_read_only(window, qtbot, journal_path):
    window.journal.create("person", name="Ana")
    window.set_journal(open_journal(journal_path, read_only=True))
    assert window.banner.isVisible()
    assert "read-only" in window.banner_text.text()
    assert "read-only" in window.windowTitle()



def test_the_apps_worker_connections_read_it_too(locked_folder):
    """The search box and the lists open a second read-only connection beside the app's own,
    in the same process (issue 14's search on a read-only journal)."""
    folder, lock = locked_folder
    path = folder / "journal.sqlite3"
    _make(path)
    lock()
    done = _run("-c", "import sys; from journal.store.journal import open_journal\n"
                      "app = open_journal(sys.argv[1], read_only=True)\n"
                      "worker = open_journal(sys.argv[1], read_only=True)\n"
                      "print(worker.counts()['person'], app.read_only)", str(path))
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["2", "True"]


def test_restoring_from_a_copy_with_its_log_on_a_read_only_disk_says_why(locked_folder,
                                                                        tmp_path):
    """A copy of a journal taken while it was open, with its -wal, on a read-only medium:
    its log cannot be read there, so it is refused with the reason, not called damaged."""
    folder, lock = locked_folder
    copy = folder / "copy.sqlite3"
    _make(copy)
    subprocess.run([sys.executable, "-c", (
        "import os, sys; from journal.store.journal import open_journal; "
        "j = open_journal(sys.argv[1]); j.conn.execute('PRAGMA wal_autocheckpoint = 0'); "
        "j.create('person', name='Only in the log'); os._exit(0)"), str(copy)],
        cwd=ROOT, check=True, env=dict(os.environ, PYTHONPATH=str(ROOT)))
    for leftover in (folder / "copy.sqlite3-shm", folder / "copy.sqlite3.lock"):
        leftover.unlink(missing_ok=True)
    lock()
    target = Path(tempfile.mkdtemp(prefix="lj-target-", dir="/tmp"))
    target.chmod(0o777)
    try:
        done = _run("-m", "journal", "--db", str(target / "journal.sqlite3"), "restore",
                    str(copy))
    finally:
        shutil.rmtree(target)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "damaged" not in done.stderr and "-wal" in done.stderr, done.stderr
