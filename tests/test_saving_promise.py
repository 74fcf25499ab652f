"""The saving promise, proved from outside: a crash loses nothing that was shown as saved.

The app runs as a real process in a real X server (Xvfb, with openbox for focus as on a desktop).
xdotool types into a field as a person would; the app, with LEADERSHIP_JOURNAL_TRACE_SAVES set,
prints each change of its status bar's saved indicator, which is how the test reads "Saved".
Then the process is killed with SIGKILL at a random moment (often mid-typing or mid-save), the
file is opened again, and every character typed before "Saved" must be there, and the file must
pass `PRAGMA integrity_check`. The same kill, without a window, lands while a snapshot, a large
batch write (what an import does) and a migration are being written: the file is then the old
version or the new one, never damaged.

The short run is part of the normal suite; the long one is marked `slow`:
    LEADERSHIP_JOURNAL_KILL_TRIALS=40 python -m pytest -m slow tests/test_saving_promise.py
"""

from __future__ import annotations

import contextlib
import os
import queue
import random
import shutil
import signal
import sqlite3
import string
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TRIALS_ENV = "LEADERSHIP_JOURNAL_KILL_TRIALS"
SHORT_TRIALS = 2


def _env(home: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM",)}
    for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        env[var] = str(home / var.lower())
    env.pop("LEADERSHIP_JOURNAL_DB", None)
    env["PYTHONPATH"] = str(ROOT)
    env.update(extra)
    return env


def _integrity(path: Path) -> str:
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


# -- an X server of our own ------------------------------------------------------------------------
class Display:
    """Xvfb on a display number it picks itself (-displayfd), plus openbox."""

    def __init__(self) -> None:
        read, write = os.pipe()
        self.xvfb = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
            pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(write)
        with os.fdopen(read) as f:
            number = f.readline().strip()
        if not number:
            self.xvfb.kill()
            raise RuntimeError("Xvfb did not start")
        self.name = f":{number}"
        self.wm = subprocess.Popen(["openbox"], env=dict(os.environ, DISPLAY=self.name),
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def xdotool(self, *args: str, timeout: float = 20) -> str:
        result = subprocess.run(["xdotool", *args], env=dict(os.environ, DISPLAY=self.name),
                                capture_output=True, text=True, timeout=timeout, check=False)
        return result.stdout.strip()

    def close(self) -> None:
        for proc in (self.wm, self.xvfb):
            proc.terminate()
            with contextlib.suppress(subprocess.TimeoutExpired):
                proc.wait(5)
            if proc.poll() is None:
                proc.kill()


@pytest.fixture(scope="module")
def display():
    missing = [tool for tool in ("Xvfb", "xdotool", "openbox") if shutil.which(tool) is None]
    if missing:
        pytest.skip(f"needs {', '.join(missing)} to run the app in a real X server "
                    "(apt-get install xvfb xdotool openbox)")
    screen = Display()
    yield screen
    screen.close()


# -- the app as a process --------------------------------------------------------------------------
class App:
    def __init__(self, display: Display, journal: Path, home: Path):
        self.display = display
        self.lines: queue.Queue[tuple[float, str]] = queue.Queue()
        self.status: list[tuple[float, str]] = []
        env = _env(home, DISPLAY=display.name, QT_QPA_PLATFORM="xcb",
                   LEADERSHIP_JOURNAL_TRACE_SAVES="1")
        self.proc = subprocess.Popen([sys.executable, "-m", "journal", "--db", str(journal)],
                                     env=env, cwd=ROOT, stdout=subprocess.PIPE,
                                     stderr=subprocess.DEVNULL, text=True, bufsize=1)
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.proc.stdout:
            if line.startswith("status: "):
                self.lines.put((time.monotonic(), line[len("status: "):].strip()))

    def pump(self) -> None:
        while True:
            try:
                self.status.append(self.lines.get_nowait())
            except queue.Empty:
                return

    def wait_saved(self, after: float, quiet: float = 0.8, timeout: float = 15) -> None:
        """Until the indicator's latest word, said after `after`, is "Saved" and has stayed so
        for `quiet` seconds (longer than the autosave's pause)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            self.pump()
            recent = [s for s in self.status if s[0] >= after]
            if recent and recent[-1][1] == "Saved" and time.monotonic() - recent[-1][0] > quiet:
                return
            time.sleep(0.05)
        raise AssertionError(f"no 'Saved' in time; statuses: {self.status[-5:]}")

    def kill(self) -> None:
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(10)


def _open_preferences(app: App) -> None:
    window = app.display.xdotool("search", "--sync", "--onlyvisible", "--name",
                                 "Leadership Journal")
    assert window, "the main window did not appear"
    wid = window.split()[0]
    app.display.xdotool("windowactivate", "--sync", wid)
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        app.display.xdotool("key", "--clearmodifiers", "ctrl+comma")
        if app.display.xdotool("search", "--sync", "--onlyvisible", "--name", "^Preferences$",
                               timeout=3):
            return
        time.sleep(0.3)  # the menus' shortcuts arrive just after the first paint
    raise AssertionError("Preferences did not open")


def _owner_name(path: Path) -> str:
    import json

    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        row = conn.execute("SELECT value FROM settings WHERE key = 'owner_name'").fetchone()
    finally:
        conn.close()
    return json.loads(row[0]) if row else ""


def _typing_trials(display: Display, tmp_path: Path, trials: int, seed: int) -> list[str]:
    """Run `trials` kill trials on one journal; return a description of each loss (none, we
    promise)."""
    from journal.sample import populate
    from journal.store.journal import open_journal

    rng = random.Random(seed)
    path = tmp_path / "journal.sqlite3"
    with open_journal(path) as journal:
        populate(journal)
    losses = []
    for trial in range(trials):
        app = App(display, path, tmp_path)
        try:
            _open_preferences(app)
            saved = f"T{trial}" + "".join(rng.choices(string.ascii_letters + string.digits,
                                                      k=rng.randint(8, 30)))
            display.xdotool("key", "--clearmodifiers", "ctrl+a")
            display.xdotool("type", "--delay", "15", saved)
            typed_at = time.monotonic()
            app.wait_saved(after=typed_at - 0.05)
            # More typing, and the kill at a random moment: mid-typing, mid-save or after.
            extra = "".join(rng.choices(string.ascii_letters, k=rng.randint(5, 40)))
            typist = subprocess.Popen(["xdotool", "type", "--delay", str(rng.randint(5, 60)),
                                       extra], env=dict(os.environ, DISPLAY=display.name))
            time.sleep(rng.uniform(0.0, 2.0))
            app.kill()
            typist.wait(30)
        finally:
            if app.proc.poll() is None:
                app.kill()
        check = _integrity(path)
        value = _owner_name(path)
        kept = value.startswith(saved) and extra.startswith(value[len(saved):])
        if check != "ok" or not kept:
            losses.append(f"trial {trial}: integrity {check!r}, saved {saved!r}, "
                          f"found {value!r}")
    return losses


def test_a_kill_after_saved_loses_nothing(display, tmp_path):
    losses = _typing_trials(display, tmp_path, SHORT_TRIALS, seed=int(time.time()))
    assert losses == []


@pytest.mark.slow
def test_many_kills_after_saved_lose_nothing(display, tmp_path):
    trials = int(os.environ.get(TRIALS_ENV, "40"))
    losses = _typing_trials(display, tmp_path, trials, seed=int(time.time()))
    print(f"{trials} trials, {len(losses)} lost anything")
    assert losses == []


# -- kills while a copy, a batch or a migration is being written ----------------------------------
_SNAPSHOT = """
import sys
from journal.ops.snapshots import snapshot_now
print("go", flush=True)
while True:
    snapshot_now(sys.argv[1])
"""

_BATCH = """
import sys
from journal.store.journal import open_journal
with open_journal(sys.argv[1]) as j:
    print("go", flush=True)
    while True:
        j.create_many("person", ({"name": f"Bulk {i}", "notes": "x" * 200}
                                 for i in range(20000)))
"""

_MIGRATE = """
import sys
import sqlite_utils.migrations  # loaded first, so the kill lands in the copy and migration
import journal.store.snapshots
from journal.store.journal import open_journal
print("go", flush=True)
open_journal(sys.argv[1]).close()
print("done", flush=True)
"""


def _run_and_kill(script: str, path: Path, home: Path, delay: float) -> None:
    proc = subprocess.Popen([sys.executable, "-c", script, str(path)], env=_env(home), cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "go", proc.stderr.read()
    time.sleep(delay)
    proc.send_signal(signal.SIGKILL)
    proc.wait(10)


def _big_journal(path: Path) -> None:
    from journal.sample import populate
    from journal.store.journal import open_journal

    with open_journal(path) as journal:
        populate(journal)
        journal.create_many("person", ({"name": f"P{i}", "notes": "n" * 300}
                                       for i in range(20000)))


OLD_PEOPLE = 30000  # enough that the migration takes a while to be killed in


def _old_journal(path: Path) -> None:
    """A schema-1 journal with many people, so its migration is long enough to be cut."""
    from tests.test_store_file import _v1_journal

    _v1_journal(path)
    conn = sqlite3.connect(path)
    with conn:
        conn.executemany(
            "INSERT INTO people (uid, created_at, updated_at, name, notes) VALUES "
            "(?, '2020-01-01T00:00:00Z', '2020-01-01T00:00:00Z', ?, ?)",
            ((f"00000000-0000-4000-8000-{i:012d}", f"Person {i}", "n" * 200)
             for i in range(2, OLD_PEOPLE + 2)))
    conn.close()


def _kill_trials(tmp_path: Path, trials: int, seed: int,
                 seen: dict[str, int] | None = None) -> list[str]:
    """Kill trials without a window; returns the losses. `seen` counts where the kills landed:
    mid-snapshot (a partial copy left), and the schema version a killed migration left."""
    from journal.store import snapshots
    from journal.store.journal import open_journal
    from journal.store.schema import SCHEMA_VERSION

    rng = random.Random(seed)
    seen = seen if seen is not None else {}
    losses = []
    path = tmp_path / "big.sqlite3"
    _big_journal(path)
    for trial in range(trials):
        # A snapshot: the journal is untouched, and every named snapshot is whole.
        _run_and_kill(_SNAPSHOT, path, tmp_path, rng.uniform(0.05, 1.0))
        if list(snapshots.folder_for(path).glob("*.partial")):
            seen["killed mid-snapshot"] = seen.get("killed mid-snapshot", 0) + 1
        for snap in snapshots.list_snapshots(path):
            try:
                snapshots.verify(snap.path)
            except Exception as error:  # noqa: BLE001 (any failure is a loss, reported)
                losses.append(f"snapshot trial {trial}: {snap.path.name}: {error}")
        # A large batch (as an import writes): all of it or none of it.
        with open_journal(path, read_only=True) as j:
            before = j.count("person")
        _run_and_kill(_BATCH, path, tmp_path, rng.uniform(0.05, 1.5))
        if _integrity(path) != "ok":
            losses.append(f"batch trial {trial}: integrity {_integrity(path)}")
        with open_journal(path) as j:  # recovers the WAL as the app would
            after = j.count("person")
            real = j.rows("SELECT count(*) FROM people")[0][0]
        seen["batches committed before a kill"] = seen.get(
            "batches committed before a kill", 0) + (after - before) // 20000
        if (after - before) % 20000 or after != real:
            losses.append(f"batch trial {trial}: {before} -> {after} people ({real} rows)")
        # A migration: the old version or the new one, and the old record either way.
        old = tmp_path / f"old-{trial}.sqlite3"
        _old_journal(old)
        _run_and_kill(_MIGRATE, old, tmp_path, rng.uniform(0.0, 0.15))
        check = _integrity(old)
        conn = sqlite3.connect(f"{old.as_uri()}?mode=ro", uri=True)
        left = f"migration killed at schema {conn.execute('PRAGMA user_version').fetchone()[0]}"
        conn.close()
        seen[left] = seen.get(left, 0) + 1
        with open_journal(old) as j:  # finishes a migration that was cut short
            names = [p.name for p in j.list("person")]
            version = j.schema_version
        if check != "ok" or len(names) != OLD_PEOPLE + 1 or "Old Friend" not in names \
                or version != SCHEMA_VERSION:
            losses.append(f"migration trial {trial}: {check}, {len(names)} people, v{version}")
    return losses


def test_kills_during_snapshot_batch_and_migration(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg_data_home"))
    assert _kill_trials(tmp_path, SHORT_TRIALS, seed=int(time.time())) == []


@pytest.mark.slow
def test_many_kills_during_snapshot_batch_and_migration(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg_data_home"))
    trials = int(os.environ.get(TRIALS_ENV, "40"))
    seen: dict[str, int] = {}
    losses = _kill_trials(tmp_path, trials, seed=int(time.time()), seen=seen)
    print(f"{trials} trials, {len(losses)} lost anything; kills landed: {seen}")
    assert losses == []


# -- found by the kill trials ----------------------------------------------------------------------
_GROW_IN_WAL = """
import os, sqlite3, sys
from journal.store.journal import open_journal
open_journal(sys.argv[1]).close()
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("PRAGMA wal_autocheckpoint = 0")
conn.execute("BEGIN")
conn.executemany("INSERT INTO people (uid, created_at, updated_at, name, notes) VALUES "
                 "(?, '2020-01-01T00:00:00Z', '2020-01-01T00:00:00Z', ?, ?)",
                 ((f"00000000-0000-4000-8000-{i:012d}", f"P{i}", "n" * 300)
                  for i in range(3000)))
conn.execute("COMMIT")
os._exit(0)  # as a crash: no checkpoint at close
"""


def test_a_checkpoint_cut_short_is_not_mistaken_for_a_damaged_file(tmp_path):
    """A kill during a checkpoint can leave the main file's header (page 1, written first)
    naming more pages than the file has yet; the rest is still in the WAL, and SQLite finishes
    the checkpoint on the next open. The journal must open, with every row."""
    import struct

    from journal.store.journal import open_journal

    path = tmp_path / "journal.sqlite3"
    subprocess.run([sys.executable, "-c", _GROW_IN_WAL, str(path)], env=_env(tmp_path),
                   cwd=ROOT, check=True, timeout=60)
    wal = Path(f"{path}-wal").read_bytes()
    page_size = struct.unpack(">I", wal[8:12])[0]
    frames = range(32, len(wal) - 24 - page_size + 1, 24 + page_size)
    page_one = [wal[f + 24: f + 24 + page_size] for f in frames
                if struct.unpack(">I", wal[f: f + 4])[0] == 1][-1]
    with open(path, "r+b") as f:  # what the checkpoint had written when it was killed
        f.write(page_one)
    declared = struct.unpack(">I", page_one[28:32])[0]
    assert path.stat().st_size < declared * page_size
    with open_journal(path) as journal:
        assert journal.count("person") == 3000
        assert journal.rows("PRAGMA integrity_check") == [("ok",)]
