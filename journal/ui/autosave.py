"""Edits save themselves: the pattern every editor uses.

An editor calls `schedule(key, save)` on every change. The latest `save` for a key runs after a
short quiet spell (the debounce), when focus moves to another widget, when the page or record
changes, or when the window closes (`flush`). There is no Save button to forget.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Hashable

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

from journal.store.errors import JournalError, ReadOnlyJournal

log = logging.getLogger(__name__)

DEBOUNCE_MS = 500


class AutoSaver(QObject):
    saving = Signal()  # something is waiting to be saved
    saved = Signal()  # everything pending was written
    failed = Signal(str)  # one sentence for the status bar

    def __init__(self, parent: QObject | None = None, delay_ms: int = DEBOUNCE_MS):
        super().__init__(parent)
        self._pending: dict[Hashable, Callable[[], object]] = {}
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self.flush)
        app = QApplication.instance()
        if app is not None:
            app.focusChanged.connect(self._focus_moved)

    @property
    def has_pending(self) -> bool:
        return bool(self._pending)

    def schedule(self, key: Hashable, save: Callable[[], object]) -> None:
        """Remember the newest save for `key` and restart the quiet-spell timer."""
        first = not self._pending
        self._pending[key] = save
        self._timer.start()
        if first:
            self.saving.emit()

    def discard(self, key: Hashable) -> None:
        """Forget a pending save (the record it was for has been deleted)."""
        self._pending.pop(key, None)

    def flush(self) -> bool:
        """Run every pending save now. Returns False if any failed; the status bar says why and the
        text stays in its widget."""
        self._timer.stop()
        if not self._pending:
            return True
        pending, self._pending = self._pending, {}
        ok = True
        for key, save in pending.items():
            try:
                save()
            except ReadOnlyJournal as error:
                ok = False
                self.failed.emit(str(error))
            except (JournalError, ValueError, LookupError) as error:
                ok = False
                log.warning("Could not save %r: %s", key, error)
                self.failed.emit(self.tr("Not saved: %s") % error)
        if ok:
            self.saved.emit()
        return ok

    def _focus_moved(self, old: object, new: object) -> None:
        if self._pending:
            self.flush()
