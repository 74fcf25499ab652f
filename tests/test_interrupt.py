"""Ctrl+C in the terminal quits the app as File > Quit does, saving what is pending
(issue 10, #17)."""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from journal.store.journal import open_journal
from journal.ui.interrupt import quit_on_interrupt


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_sigint_closes_the_window_and_saves_the_pending_edit(window, qtbot, journal_path):
    person = window.journal.create("person", name="Ana")
    window.journal.create("mentorship", mentee_id=person.id, mentor_is_me=True,
                          started_on=dt.date.today())
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    page = window.page("mentoring")
    page.detail.tabs.setCurrentIndex(2)  # Mentorship: its notes save themselves after a pause
    guard = quit_on_interrupt(window)
    try:
        notes = page.detail.editor.notes
        notes.setFocus()
        qtbot.keyClicks(notes, "Met on Tuesday")
        assert window.saver.has_pending
        os.kill(os.getpid(), signal.SIGINT)
        qtbot.waitUntil(lambda: not window.isVisible(), timeout=3000)
    finally:
        guard.uninstall()
    assert window.journal is None  # closed as Quit closes it
    with open_journal(journal_path) as again:
        assert again.list("mentorship")[0].notes == "Met on Tuesday"


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_ctrl_c_quits_the_running_app_cleanly(tmp_path, private_dirs):
    db = tmp_path / "j.sqlite3"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    root = Path(__file__).resolve().parent.parent
    app = subprocess.Popen([sys.executable, "-m", "journal", "--db", str(db)], cwd=root, env=env,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    lock = db.with_name(db.name + ".lock")
    deadline = time.monotonic() + 30
    while not (lock.exists() and lock.read_text().strip()):
        assert app.poll() is None and time.monotonic() < deadline, app.communicate()
        time.sleep(0.05)
    time.sleep(1.0)  # the window is up and idle, waiting for events
    app.send_signal(signal.SIGINT)
    try:
        _out, err = app.communicate(timeout=10)
    except subprocess.TimeoutExpired:
        app.kill()
        pytest.fail("Ctrl+C did not quit the app")
    assert app.returncode == 0, err
    assert "KeyboardInterrupt" not in err and "Traceback" not in err
    assert lock.read_text() == ""  # the journal was closed: its writer lock let go
