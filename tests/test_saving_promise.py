"""The saving promise, proved from outside: a crash loses nothing that was shown as saved.

The app runs as a real process in a real X server (Xvfb, with openbox for focus as on a desktop).
xdotool types into a field as a person would; the app, with LEADERSHIP_JOURNAL_TRACE_SAVES set,
prints each change of its status bar's saved indicator, which is how the test reads "Saved".
Then the process is killed with SIGKILL at a random moment (often mid-typing or mid-save), the
file is opened again, and every character typed before "Saved" must be there, and the file must
pass `PRAGMA integrity_check`. The same kill, without a window, lands while a snapshot, a large
batch write (what an import does) and a migration are being written: the file is then the old
version or the new one, never damaged.

Then the real commands: `python -m journal --db J import FILE` (into an empty journal, and with
--merge into one that holds records) and `python -m journal --db J restore SNAPSHOT` are started
as processes and killed at a random moment of their run (before, during or after the snapshot
they take first, during the write): J then holds exactly what it held before or the whole import
(the restored snapshot), never part of it, and running the command again completes it.

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


# -- kills during a real import and a real restore -------------------------------------------------
def _journal_cli(db: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "journal", "--db", str(db), *args]


def _generate(path: Path, home: Path, size: str, seed: int) -> None:
    subprocess.run([sys.executable, "-m", "benchmarks", "generate", "--size", size, "--output",
                    str(path), "--seed", str(seed)], env=_env(home), cwd=ROOT, check=True,
                   capture_output=True, timeout=600)


def _copy_journal(source: Path, target: Path) -> None:
    """A closed journal, copied as a file (its write-ahead log was emptied when it was closed)."""
    assert not Path(f"{source}-wal").exists() or Path(f"{source}-wal").stat().st_size == 0
    shutil.copyfile(source, target)


def _fingerprint(path: Path) -> str:
    """Everything the journal holds, opened as the app opens it (which recovers a write-ahead
    log a kill left): every row of every table, the search index's own tables included, the
    next ids, and the schema with its triggers. Also checks the search index's structure."""
    import hashlib

    from journal.store.journal import open_journal
    from journal.store.search_index import INDEX_TABLE

    digest = hashlib.sha256()
    with open_journal(path) as journal:
        conn = journal.conn
        conn.execute(f"INSERT INTO {INDEX_TABLE}({INDEX_TABLE}) VALUES ('integrity-check')")
        schema = conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master "
                              "WHERE name != 'sqlite_stat1' ORDER BY type, name").fetchall()
        digest.update(repr(schema).encode())
        tables = [name for kind, name, _, sql in schema if kind == "table" and sql
                  and not sql.upper().startswith("CREATE VIRTUAL")
                  and name != "sqlite_stat1"]
        for table in tables:
            digest.update(table.encode())
            for row in sorted(map(repr, conn.execute(f"SELECT * FROM {table}"))):
                digest.update(row.encode())
    return digest.hexdigest()


class Command:
    """One CLI command on copies of one journal: `before` is what the journal holds first,
    `after` what it holds once the command has run to its end. That first run, uninterrupted,
    is also watched to time its phases: until the snapshot it takes first (start-up, reading and
    checking), the snapshot, and the write. Each kill picks a phase, then a moment in it."""

    def __init__(self, name: str, template: Path, args: tuple[str, ...], home: Path):
        from journal.store import snapshots

        self.name, self.template, self.args, self.home = name, template, args, home
        self.before = _fingerprint(template)
        reference = template.with_name(f"{name}-reference.sqlite3")
        _copy_journal(template, reference)
        folder = snapshots.folder_for(reference)
        started = time.monotonic()
        proc = self.start(reference)
        snapshot_at = written_at = None
        while proc.poll() is None:
            at = time.monotonic() - started
            if snapshot_at is None and folder.is_dir() and any(folder.iterdir()):
                snapshot_at = at
            if written_at is None and snapshots.list_snapshots(reference):
                written_at = at
            time.sleep(0.002)
        end = time.monotonic() - started
        assert proc.returncode == 0, f"{name} failed"
        assert written_at is not None, f"{name} took no snapshot"
        snapshot_at = written_at if snapshot_at is None else snapshot_at
        # Kills up to 5% past the end land after the commit now and then, as they may.
        self.phases = ((0.0, snapshot_at), (snapshot_at, written_at), (written_at, end * 1.05))
        self.after = _fingerprint(reference)
        assert self.after != self.before, f"{name}: the command changed nothing"

    def kill_at(self, rng: random.Random) -> float:
        return rng.uniform(*rng.choice(self.phases))

    def run(self, db: Path) -> None:
        result = subprocess.run(_journal_cli(db, *self.args), env=_env(self.home),
                                cwd=ROOT, capture_output=True, text=True, timeout=600)
        assert result.returncode == 0, f"{self.name}: {result.stdout}{result.stderr}"

    def start(self, db: Path) -> subprocess.Popen:
        return subprocess.Popen(_journal_cli(db, *self.args), env=_env(self.home),
                                cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _where(db: Path, state: str, command: Command) -> str:
    """Where in the command's run the kill landed, from what it left behind."""
    from journal.store import snapshots

    if state == command.after:
        return "after the commit"
    if list(snapshots.folder_for(db).glob(f"*{snapshots.PARTIAL_SUFFIX}")):
        return "during the snapshot"
    if snapshots.list_snapshots(db):
        return "during the write"
    return "before the snapshot"


def _command_trials(command: Command, trials: int, rng: random.Random,
                    seen: dict[str, int]) -> list[str]:
    losses = []
    for trial in range(trials):
        db = command.template.with_name(f"{command.name}-{trial}.sqlite3")
        _copy_journal(command.template, db)
        proc = command.start(db)
        time.sleep(command.kill_at(rng))
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
        check = _integrity(db)
        state = _fingerprint(db)
        where = f"{command.name} killed {_where(db, state, command)}"
        seen[where] = seen.get(where, 0) + 1
        if check != "ok" or state not in (command.before, command.after):
            losses.append(f"{command.name} trial {trial}: integrity {check!r}, "
                          f"{'part of the change' if check == 'ok' else 'damaged'} ({where})")
            continue
        command.run(db)  # again, to its end: it completes normally
        if _fingerprint(db) != command.after:
            losses.append(f"{command.name} trial {trial}: a second run did not complete it")
        for leftover in db.parent.glob(f"{db.name}*"):
            leftover.unlink()
    return losses


def _import_and_restore_trials(tmp_path: Path, trials: int, size: str, seed: int,
                               seen: dict[str, int]) -> list[str]:
    """Kill trials of `import` (into an empty journal, and --merge into one with records) and
    of `restore`; returns the losses."""
    from journal.store import snapshots
    from journal.store.journal import open_journal

    rng = random.Random(seed)
    exported, holding = tmp_path / "exported.sqlite3", tmp_path / "holding.sqlite3"
    _generate(exported, tmp_path, size, seed=1)
    _generate(holding, tmp_path, size, seed=2)  # other records: a merge adds every one
    export = tmp_path / "export.json"
    subprocess.run(_journal_cli(exported, "export", "--format", "json", "-o",
                                str(export)), env=_env(tmp_path), cwd=ROOT, check=True,
                   capture_output=True, timeout=600)
    empty = tmp_path / "empty.sqlite3"
    open_journal(empty).close()
    snapshot = snapshots.snapshot_file(exported, snapshots.MANUAL)
    commands = [Command("import", empty, ("import", str(export)), tmp_path),
                Command("merge", holding, ("import", "--merge", str(export)), tmp_path),
                Command("restore", holding, ("restore", str(snapshot)), tmp_path)]
    losses = []
    for command in commands:
        seen[f"{command.name} phases (s)"] = [round(b, 2) for _, b in command.phases]
        losses += _command_trials(command, trials, rng, seen)
    return losses


def test_kills_during_import_and_restore(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg_data_home"))
    seen: dict[str, int] = {}
    assert _import_and_restore_trials(tmp_path, SHORT_TRIALS, "tiny", int(time.time()),
                                      seen) == []


@pytest.mark.slow
def test_many_kills_during_import_and_restore(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg_data_home"))
    trials = int(os.environ.get(TRIALS_ENV, "40"))
    seen: dict[str, int] = {}
    losses = _import_and_restore_trials(tmp_path, trials, "1x", int(time.time()), seen)
    print(f"{trials} trials of each command, {len(losses)} lost anything; kills landed: {seen}")
    for loss in losses:
        print(loss)
    assert losses == []
