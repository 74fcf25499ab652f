"""While the app runs: a snapshot at most once a day, on a worker thread, and (where the
desktop has a system tray) a note once a day of what is due."""

from __future__ import annotations

import datetime as dt
import logging
import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, QTimer, Signal

if TYPE_CHECKING:
    from journal.ui.main_window import MainWindow

log = logging.getLogger(__name__)

FIRST_CHECK_MS = 5_000  # after the first paint: start-up is not the moment for a copy
CHECK_EVERY_MS = 30 * 60 * 1000  # the day may turn while the app stays open
NOTIFY_SETTING = "notify.daily_due"  # a journal setting; on unless set to false
NOTIFIED_ON = "due/notified_on"  # QSettings: the day the last note was shown


class DailyJobs(QObject):
    snapshot_done = Signal(object)  # Path | None (None: one was already taken today)
    snapshot_failed = Signal(str)

    def __init__(self, window: MainWindow, settings: QSettings | None = None):
        super().__init__(window)
        self.window = window
        self.settings = settings if settings is not None else window.settings
        self.tray = None
        self._worker: threading.Thread | None = None
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.run)
        self.snapshot_failed.connect(lambda message: log.warning("Snapshot failed: %s", message))

    def start(self, first_ms: int = FIRST_CHECK_MS) -> None:
        QTimer.singleShot(first_ms, self.run)
        self.timer.start(CHECK_EVERY_MS)

    def run(self) -> None:
        self.snapshot_if_due()
        self.notify_if_due()

    # -- snapshots -------------------------------------------------------------------------------
    def snapshot_if_due(self) -> threading.Thread | None:
        """Start today's snapshot on a worker thread, if there is a journal of the user's own,
        writable, and no snapshot yet today. Returns the worker (tests join it)."""
        journal = self.window.journal
        if journal is None or journal.read_only or self.window.is_sample:
            return None
        if self._worker is not None and self._worker.is_alive():
            return None
        path = journal.path

        def work() -> None:
            from journal.ops.snapshots import daily_snapshot
            from journal.store.errors import JournalError

            try:
                self.snapshot_done.emit(daily_snapshot(path))
            except (JournalError, OSError) as error:
                self.snapshot_failed.emit(str(error))

        self._worker = threading.Thread(target=work, name="journal-snapshot", daemon=True)
        self._worker.start()
        return self._worker

    # -- the tray note ---------------------------------------------------------------------------
    def notify_if_due(self) -> bool:
        """Show today's note of what is due, once a day. False when there is no tray, the user
        turned it off, it was shown today, or nothing is due."""
        from PySide6.QtWidgets import QSystemTrayIcon

        journal = self.window.journal
        if journal is None or journal.conn is None or self.window.is_sample:
            return False
        if not QSystemTrayIcon.isSystemTrayAvailable():
            return False
        if journal.setting(NOTIFY_SETTING, True) is False:
            return False
        today = dt.date.today().isoformat()
        if self.settings.value(NOTIFIED_ON, "") == today:
            return False
        from journal.store.due import due_items

        items = due_items(journal)
        self.settings.setValue(NOTIFIED_ON, today)
        if not items:
            return False
        self._show_note(items)
        return True

    def _show_note(self, items: list) -> None:
        from PySide6.QtWidgets import QApplication, QSystemTrayIcon

        from journal.ui.due.panel import item_text

        if self.tray is None:
            self.tray = QSystemTrayIcon(QApplication.windowIcon(), self)
            self.tray.setToolTip(self.tr("Leadership Journal"))
            self.tray.messageClicked.connect(self._open_due)
            self.tray.activated.connect(lambda _reason: self._open_due())
        self.tray.show()
        lines = [item_text(item) for item in items[:3]]
        if len(items) > 3:
            lines.append(self.tr("and %1 more").replace("%1", str(len(items) - 3)))
        self.tray.showMessage(self.tr("Due soon"), "\n".join(lines),
                              QSystemTrayIcon.MessageIcon.Information, 15_000)

    def _open_due(self) -> None:
        self.window.showNormal()
        self.window.raise_()
        self.window.activateWindow()
        self.window.show_page("checklist")
