"""What every page is given: the open journal, its change feed, the saver and the undo list."""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from PySide6.QtCore import QObject, Signal

from journal.store.journal import Journal
from journal.ui.autosave import AutoSaver
from journal.ui.change_feed import ChangeFeed


class UndoList(QObject):
    """Undo for deletes and other destructive steps: each entry is a label and a function."""

    changed = Signal()

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._entries: list[tuple[str, Callable[[], None]]] = []

    def push(self, label: str, undo: Callable[[], None]) -> None:
        self._entries.append((label, undo))
        del self._entries[:-50]
        self.changed.emit()

    def label(self) -> str | None:
        return self._entries[-1][0] if self._entries else None

    def undo(self) -> bool:
        if not self._entries:
            return False
        _label, undo = self._entries.pop()
        self.changed.emit()
        undo()
        return True

    def clear(self) -> None:
        self._entries.clear()
        self.changed.emit()


class PageContext(NamedTuple):
    journal: Journal
    feed: ChangeFeed
    saver: AutoSaver
    undo: UndoList
    # Open any record on its page: (kind, id, field=None) -> whether it could be opened.
    show_record: Callable[..., bool]
    status: Callable[[str], None]  # a short message in the status bar
