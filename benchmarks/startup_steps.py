"""Where the app's start-up goes, step by step, against the bare window's.

    python -m benchmarks.startup_steps benchmarks/out/1x-....sqlite3 [--runs 9]

Each run is a fresh process that walks the steps of `journal.ui.app.run` in order and stamps
each with `perf_counter`; the floor is the bare QMainWindow of the cold-start measure, stamped
the same way. Prints the median of each step. The whole-process numbers (interpreter start and
exit included) are the cold_start measure's; this splits up what lies between.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks.measures.app import REPO_ROOT, _compile_app

# Stamps after each step; prints them as JSON once the page has painted, then quits.
APP_STEPS = """
import gc, json, sys, time
gc.disable()
stamps = [("start", time.perf_counter())]
def stamp(name): stamps.append((name, time.perf_counter()))
from PySide6 import QtCore, QtGui, QtWidgets
stamp("Python imports PySide6's QtCore, QtGui, QtWidgets")
import journal.store.journal
stamp("import the store (sqlite3, our store modules)")
import journal.ui.main_window
stamp("import the main window (its PySide6 classes, our UI modules)")
from journal.ui import app as A
stamp("import journal.ui.app")
qapp = A.create_app(icon=False)
stamp("QApplication and its names")
A.install_crash_net()
settings = A.settings_store()
stamp("crash net and settings")
A.theme.apply(qapp, str(settings.value("appearance", "system")))
stamp("theme (a palette for light or dark)")
path = A.resolve_journal(sys.argv[1])
window = A.MainWindow(settings, home_path=path, actions_later=True)
stamp("build the main window (sidebar, stack, menu titles, status bar)")
A.open_first_journal(window, path)
stamp("open the journal (header and content checks, lock)")
page = window.show_page("checklist")
stamp("the Checklist page: import, build, counts")
window.show()
stamp("show")
def painted():
    stamp("first paint")
    print(json.dumps([[n, (t - s) * 1000] for (n, t), (_, s) in zip(stamps[1:], stamps)]))
    qapp.quit()
A.after_first_paint(page, painted)
qapp.exec()
"""

FLOOR_STEPS = """
import gc, json, sys, time
stamps = [("start", time.perf_counter())]
def stamp(name): stamps.append((name, time.perf_counter()))
from PySide6 import QtCore, QtGui, QtWidgets
stamp("Python imports PySide6's QtCore, QtGui, QtWidgets")
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
stamp("QApplication and its names")
window = QMainWindow()
window.resize(1000, 700)
stamp("build the main window (sidebar, stack, menu titles, status bar)")
class Painted(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, done)
        return False
def done():
    stamp("first paint")
    print(json.dumps([[n, (t - s) * 1000] for (n, t), (_, s) in zip(stamps[1:], stamps)]))
    app.quit()
hook = Painted()
window.installEventFilter(hook)
window.show()
stamp("show")
app.exec()
"""


def _run(script: str, journal: Path, home: Path) -> list[tuple[str, float]]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(home / "config"),
               XDG_DATA_HOME=str(home / "data"), XDG_STATE_HOME=str(home / "state"))
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(REPO_ROOT), env.get("PYTHONPATH")) if p)
    done = subprocess.run([sys.executable, "-c", script, str(journal)], env=env, cwd=REPO_ROOT,
                          capture_output=True, text=True, timeout=60, check=True)
    return [(name, ms) for name, ms in json.loads(done.stdout.strip().splitlines()[-1])]


def _medians(runs: list[list[tuple[str, float]]]) -> dict[str, float]:
    return {name: statistics.median(run[i][1] for run in runs)
            for i, (name, _) in enumerate(runs[0])}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.startup_steps")
    parser.add_argument("journal", type=Path)
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args(argv)
    _compile_app()
    with tempfile.TemporaryDirectory() as home:
        app_runs, floor_runs = [], []
        for _ in range(args.runs + 1):  # interleaved; the first of each warms the file cache
            app_runs.append(_run(APP_STEPS, args.journal.resolve(), Path(home)))
            floor_runs.append(_run(FLOOR_STEPS, args.journal.resolve(), Path(home)))
    app, floor = _medians(app_runs[1:]), _medians(floor_runs[1:])
    print("| step | app | floor |\n|---|---:|---:|")
    for name, ms in app.items():
        other = f"{floor[name]:.1f} ms" if name in floor else "–"
        print(f"| {name} | {ms:.1f} ms | {other} |")
    print(f"| sum of the medians | {sum(app.values()):.1f} ms | {sum(floor.values()):.1f} ms |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
