"""The desktop app as a whole: cold start to first paint, and the memory it takes to get there.

Both are compared with a floor: a bare PySide6 window that quits after its first paint, started
the same way. The app honours LEADERSHIP_JOURNAL_EXIT_AFTER_PAINT=1 by quitting right after its
own first paint. Until the app shell exists, these measures report an error row.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from benchmarks.registry import Context, Sample, measure, median

REPO_ROOT = Path(__file__).resolve().parents[2]
TIMEOUT_S = 60.0

# The floor: the least a Qt app can do before its first paint. The quit is queued from the
# window's first paint event (not a singleShot after show(), which quits before any paint).
FLOOR_SCRIPT = """
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

class QuitAfterFirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, QApplication.quit)
        return False

app = QApplication(sys.argv)
window = QMainWindow()
window.resize(1000, 700)
hook = QuitAfterFirstPaint()
window.installEventFilter(hook)
window.show()
sys.exit(app.exec())
"""


# Runs the measured program as its own child and reports wall time and that child's peak memory.
# It exists because a child's ru_maxrss starts from its parent's size at fork (Linux keeps the
# high-water mark across exec): forked from this big harness process, even `python -c pass` would
# look as large as the harness. Forked from this small runner instead, the runner's own ~10 MB is
# far below anything a Qt window needs.
RUNNER_SCRIPT = """
import json, os, signal, sys, time
timeout, argv = float(sys.argv[1]), sys.argv[2:]
start = time.perf_counter()
pid = os.posix_spawn(argv[0], argv, os.environ)
signal.signal(signal.SIGALRM, lambda *_: os.kill(pid, signal.SIGKILL))
signal.setitimer(signal.ITIMER_REAL, timeout)
_, status, usage = os.wait4(pid, 0)
wall_ms = (time.perf_counter() - start) * 1000
kb = 1024 if sys.platform == "darwin" else 1  # macOS reports bytes, Linux kilobytes
print(json.dumps({"code": os.waitstatus_to_exitcode(status), "wall_ms": wall_ms,
                  "peak_rss_mb": usage.ru_maxrss / kb / 1024,
                  "timed_out": wall_ms >= timeout * 1000}))
"""


@dataclass(frozen=True)
class Run:
    wall_ms: float
    peak_rss_mb: float


_CONFIG_HOME: list[str] = []


def _config_home() -> str:
    if not _CONFIG_HOME:
        _CONFIG_HOME.append(tempfile.mkdtemp(prefix="leadership-journal-bench-config-"))
    return _CONFIG_HOME[0]


def launch(label: str, argv: list[str]) -> Run:
    """Run `argv` offscreen until it exits; its wall time and peak resident memory.

    Raises RuntimeError, with the last line the program wrote on stderr, when it fails or does
    not quit within TIMEOUT_S.
    """
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", LEADERSHIP_JOURNAL_EXIT_AFTER_PAINT="1")
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(REPO_ROOT), env.get("PYTHONPATH")) if p)
    # A settings folder of its own: the user's saved appearance (light or dark loads the app's
    # own style, about 40 ms) would otherwise change what is measured from one machine to another.
    env["XDG_CONFIG_HOME"] = _config_home()
    with tempfile.TemporaryFile() as stderr:
        done = subprocess.run([sys.executable, "-c", RUNNER_SCRIPT, str(TIMEOUT_S), *argv],
                              env=env, cwd=REPO_ROOT, stdin=subprocess.DEVNULL,
                              stdout=subprocess.PIPE, stderr=stderr, timeout=TIMEOUT_S + 30,
                              check=False)
        stderr.seek(0)
        lines = stderr.read().decode(errors="replace").strip().splitlines()
    if done.returncode != 0:
        raise RuntimeError(f"the launcher failed for {label}: {lines[-1] if lines else ''}")
    facts = json.loads(done.stdout)
    if facts["timed_out"]:
        raise RuntimeError(f"{label} was stopped after {TIMEOUT_S:.0f} s: it did not quit after "
                           "its first paint")
    if facts["code"] != 0:
        raise RuntimeError(f"{label} exited with {facts['code']}: "
                           f"{lines[-1] if lines else 'no message'}")
    return Run(facts["wall_ms"], facts["peak_rss_mb"])


# What the `leadership-journal` script that pip and Briefcase install runs: the launcher's
# main(), with no runpy (`python -m` costs about 2.5 ms more). Started with -c, like the floor.
LAUNCHER = "import sys; from journal.launcher import main; sys.exit(main())"


def app_command(journal: Path) -> list[str]:
    """How the app is started on `journal`, as the installed launcher starts it."""
    return [sys.executable, "-c", LAUNCHER, "--db", str(journal)]


def _compile_app() -> None:
    """Write the app's bytecode, as an installed app has it (pip and Briefcase compile on
    install). Without it, a checkout run with PYTHONDONTWRITEBYTECODE=1 recompiles every module
    on each launch (about 25 ms), which measures the checkout, not the app."""
    import compileall

    compileall.compile_dir(REPO_ROOT / "journal", quiet=1)


def _launches(ctx: Context) -> tuple[list[Run], list[Run]]:
    """App and floor runs, interleaved so that a noisy moment hurts both alike."""
    _compile_app()
    app_argv = app_command(ctx.journal())
    floor_argv = [sys.executable, "-c", FLOOR_SCRIPT]
    runs = max(3, ctx.repeat // 2)
    # One untimed run of each first, so both are measured with the OS file cache warm.
    launch("the app", app_argv)
    launch("the floor window", floor_argv)
    app, floor = [], []
    for _ in range(runs):
        app.append(launch("the app", app_argv))
        floor.append(launch("the floor window", floor_argv))
    return app, floor


@measure("cold_start", target="<= 1.5x floor", gui=True)
def cold_start(ctx: Context) -> Sample:
    """Wall time from process start to the end of the first paint of the main window."""
    app, floor = ctx.once("app.launches", lambda: _launches(ctx))
    return Sample(median([r.wall_ms for r in app]), median([r.wall_ms for r in floor]))


@measure("memory", target="<= 1.5x floor", gui=True, unit="MB")
def memory(ctx: Context) -> Sample:
    """Peak resident memory of the app up to its first paint."""
    app, floor = ctx.once("app.launches", lambda: _launches(ctx))
    return Sample(median([r.peak_rss_mb for r in app]), median([r.peak_rss_mb for r in floor]),
                  unit="MB")
