"""The store's change feed as a Qt signal, so any view can refresh itself."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from journal.store.changes import Changes
from journal.store.journal import Journal


class ChangeFeed(QObject):
    """Re-emits every `Changes` the open journal publishes. One per window, passed to the pages."""

    changed = Signal(object)  # Changes

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._journal: Journal | None = None

    def attach(self, journal: Journal | None) -> None:
        if self._journal is not None:
            self._journal.unsubscribe(self._relay)
        self._journal = journal
        if journal is not None:
            journal.subscribe(self._relay)

    def _relay(self, changes: Changes) -> None:
        self.changed.emit(changes)
