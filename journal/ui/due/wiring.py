"""How the main window gets what this package adds: one call from the window, one from start-up.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from journal.ui.due.daily import DailyJobs
    from journal.ui.main_window import MainWindow

TRACE_SAVES = "LEADERSHIP_JOURNAL_TRACE_SAVES"


def add_menu_actions(window: MainWindow) -> None:
    """File > Restore from snapshot…; and, with LEADERSHIP_JOURNAL_TRACE_SAVES set, every change
    of the saved indicator printed on stdout (what a user reads in the status bar; the saving
    test reads it from outside the process)."""
    from PySide6.QtGui import QAction

    action = QAction(window.tr("&Restore from snapshot…"), window)
    action.triggered.connect(lambda: show_restore_dialog(window))
    window.restore_action = action
    window._menus["file"].insertAction(window.location_action, action)
    if os.environ.get(TRACE_SAVES):
        trace_saves(window)


def show_restore_dialog(window: MainWindow) -> None:
    if window.journal is None:
        return
    from journal.ui.due.restore import RestoreDialog

    RestoreDialog(window).exec()


def trace_saves(window: MainWindow) -> None:
    def report() -> None:
        # Connected after the window's own handlers, so the label already says it.
        print(f"status: {window.saved_indicator.text()}", flush=True)

    for signal in (window.saver.saving, window.saver.saved, window.saver.failed):
        signal.connect(report)
    sys.stdout.flush()


def start_daily_jobs(window: MainWindow) -> DailyJobs:
    """Start the daily snapshot and tray note (start-up calls this after the first paint)."""
    from journal.ui.due.daily import DailyJobs

    jobs = DailyJobs(window)
    window.daily_jobs = jobs
    jobs.start()
    return jobs
