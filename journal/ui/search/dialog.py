"""Ctrl+K: one box that searches the whole journal as you type, and opens what you pick.

The search runs a moment after the last key (a debounce) on a worker thread with its own
read-only connection (`QueryRunner`), so typing never waits for it; a result overtaken by newer
typing is dropped. Up and Down walk the results while the cursor stays in the box; Enter opens
the chosen record on its page and closes the box; Esc closes it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QVBoxLayout, QWidget

from journal.store.journal import Journal
from journal.store.search import Hit, search
from journal.ui import theme
from journal.ui.query_runner import QueryRunner
from journal.ui.search.results import ResultList
from journal.ui.widgets.screen import resize_within_screen

DEBOUNCE_MS = 120
LIMIT = 60

Opener = Callable[[str, int], None]


class SearchDialog(QDialog):
    """`journal()` gives the journal open now; `open_record(kind, id)` shows a record."""

    def __init__(self, journal: Callable[[], Journal | None], open_record: Opener,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Search the journal"))
        self.setObjectName("searchDialog")
        self._journal = journal
        self._open_record = open_record
        self.query = QLineEdit()
        self.query.setPlaceholderText(self.tr("Search people, goals, notes, feedback, "
                                              "decisions…"))
        self.query.setAccessibleName(self.tr("Search"))
        self.query.setClearButtonEnabled(True)
        self.query.installEventFilter(self)
        self.results = ResultList()
        self.results.itemActivated.connect(lambda _item: self.open_current())
        self.status = QLabel()
        theme.style(self.status, "hint")
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.query)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.status)
        resize_within_screen(self, 680, 520)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.run_search)
        self.query.textChanged.connect(lambda _text: self.timer.start())
        self.runner = QueryRunner(self)
        self.searched = ""  # the text whose results are shown
        self._hint()

    # -- searching -----------------------------------------------------------------------------
    def run_search(self) -> None:
        """Search for what is typed now (the debounce timer calls this)."""
        self.timer.stop()
        text = self.query.text()
        journal = self._journal()
        if journal is None or not text.strip():
            self.runner.cancel()
            self._show(text, [])
            return

        def work(reader: Journal) -> list[Hit]:
            return search(reader, text, limit=LIMIT)

        if self.runner.run(journal, work, lambda hits: self._show(text, hits)):
            self.status.setText(self.tr("Searching…"))

    def _show(self, text: str, hits: list[Hit]) -> None:
        self.searched = text
        self.results.show_hits(hits)
        if not text.strip():
            self._hint()
        elif not hits:
            typed = " ".join(text.split())
            typed = typed if len(typed) <= 60 else typed[:59] + "…"  # a paste can be long
            self.status.setText(self.tr("Nothing in the journal holds “%s”. Try fewer words, "
                                        "or the start of a word.") % typed)
        else:
            shown = len(hits)
            if shown >= LIMIT:
                footer = self.tr("The best %1 results. Add a word to narrow them.")
            elif shown == 1:
                footer = self.tr("1 result. Up and Down choose, Enter opens.")
            else:
                footer = self.tr("%1 results. Up and Down choose, Enter opens.")
            self.status.setText(footer.replace("%1", str(shown)))

    def journal_changed(self) -> None:
        """Another journal is open: what is shown belonged to the last one. Search again."""
        self.runner.cancel()
        self.searched = ""
        self.results.show_hits([])
        if self.query.text().strip():
            self.run_search()
        else:
            self._hint()

    def _hint(self) -> None:
        self.status.setText(self.tr("Type a few letters of any word or name: case and accents "
                                    "do not matter. Esc closes."))

    # -- keys ----------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.query and event.type() == QEvent.Type.KeyPress:
            key = event.key()
            steps = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1, Qt.Key.Key_PageDown: 8,
                     Qt.Key.Key_PageUp: -8}
            if key in steps:
                self.results.move(steps[key])
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.open_current()
                return True
        return super().eventFilter(watched, event)

    def open_current(self) -> None:
        """Open the chosen result (searching first if the last keys are not searched yet)."""
        if self.timer.isActive() or self.runner.pending or self.searched != self.query.text():
            self._settle()
        chosen = self.results.current_hit()
        if chosen is None:
            return
        self.accept()
        self._open_record(*chosen)

    def _settle(self) -> None:
        """Search in place for what is typed, so Enter right after typing opens its best
        result rather than the previous words'."""
        text = self.query.text()
        journal = self._journal()
        self.timer.stop()
        self.runner.cancel()
        if journal is not None and text.strip():
            self._show(text, search(journal, text, limit=LIMIT))

    def start(self) -> None:
        """Show the box with what was typed last selected, ready for new words."""
        self.query.selectAll()
        self.query.setFocus()
        if self.query.text():
            self.run_search()  # the journal may have changed since the last time
        self.show()
        self.raise_()
        self.activateWindow()
