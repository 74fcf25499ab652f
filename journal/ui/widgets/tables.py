"""The tables every list in the app is shown in: read-only, sortable, one row chosen at a time,
with columns that fit and a Delete key bound to the list alone."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QEvent, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

NAME_CHARS = 16  # what the stretching column of a narrow list keeps (see hide_what_does_not_fit)


def tr(text: str) -> str:
    return QCoreApplication.translate("Lists", text)


class RecordTableView(QTableView):
    """A table that remembers how wide its content is until something it measured changes.

    A column that fits its contents is measured (each of up to a hundred rows is about nine
    data() calls into Python) every time the header lays out, nine times while Feedback opens;
    the rows, their place in the view and the view's look rarely change in between.
    """

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._widths: dict[tuple, int] = {}
        # fit_columns' stretch, widths and the columns to hide first when narrow
        self._fitting: tuple[int, dict[int, int], Sequence[int] | None] | None = None

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.hide_what_does_not_fit()

    def hide_what_does_not_fit(self) -> None:
        """In a list too narrow for all its columns, hide the last ones after the one that
        stretches until that one keeps sixteen letters: in an 800-pixel window the mentee's name
        was cut to "Ama…" by two dates, and the Decisions lists cut their right-hand columns at
        the edge. They come back when the list is wide enough."""
        if self._fitting is None or self.model() is None:
            return
        stretch, widths, hide_first = self._fitting
        header = self.horizontalHeader()
        count = header.count()
        need = {column: widths.get(column) or max(header.sectionSizeHint(column),
                                                  self.sizeHintForColumn(column))
                for column in range(count) if column != stretch}
        need[stretch] = self.fontMetrics().averageCharWidth() * NAME_CHARS
        shown = set(range(count))
        # What follows the stretching column says less, unless the page says otherwise.
        for column in hide_first or reversed(range(stretch + 1, count)):
            if sum(need[c] for c in shown) <= self.viewport().width():
                break
            shown.discard(column)
        for column in range(count):
            if self.isColumnHidden(column) == (column in shown):
                self.setColumnHidden(column, column not in shown)

    def setModel(self, model: QAbstractItemModel | None) -> None:  # noqa: N802 (Qt's name)
        old = self.model()
        if old is not None:
            for signal in self._content_signals(old):
                signal.disconnect(self._forget_widths)
        super().setModel(model)
        if model is not None:
            for signal in self._content_signals(model):
                signal.connect(self._forget_widths)
        self._forget_widths()

    @staticmethod
    def _content_signals(model: QAbstractItemModel) -> tuple:
        return (model.modelReset, model.layoutChanged, model.dataChanged, model.rowsInserted,
                model.rowsRemoved, model.rowsMoved, model.columnsInserted, model.columnsRemoved,
                model.columnsMoved)

    def _forget_widths(self, *_args: object) -> None:
        self._widths.clear()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._forget_widths()
        super().changeEvent(event)

    def sizeHintForColumn(self, column: int) -> int:  # noqa: N802
        # Everything QTableView's own measure depends on besides the rows' data: which rows
        # are on screen (it starts there), whether the view is shown, how it draws.
        rows = self.verticalHeader()
        key = (column, rows.visualIndexAt(0), rows.visualIndexAt(self.viewport().height()),
               self.isVisible(), self.horizontalHeader().resizeContentsPrecision(),
               self.showGrid(), self.wordWrap(), self.iconSize().toTuple(),
               self.itemDelegate(), self.itemDelegateForColumn(column))
        width = self._widths.get(key)
        if width is None:
            width = self._widths[key] = super().sizeHintForColumn(column)
        return width


def record_table(parent: QWidget | None = None) -> QTableView:
    """A read-only, sortable, single-selection table whose long cells elide (tooltips show all)."""
    view = RecordTableView(parent)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    # Tab leaves the list (QTableView's Tab walked its cells, then the next row, whose record
    # it opened: the keyboard could never reach the editor); the arrows move inside it.
    view.setTabKeyNavigation(False)
    view.setSortingEnabled(True)
    view.setWordWrap(False)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    view.setAlternatingRowColors(True)
    view.setShowGrid(False)
    view.verticalHeader().hide()
    view.horizontalHeader().setHighlightSections(False)
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setMinimumSectionSize(48)
    # The last column stretches and long cells elide, so sideways scrolling only hides things.
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setTabKeyNavigation(False)  # Tab leaves the list; the arrows move inside it
    return view


def fit_columns(view: QTableView, widths: dict[int, int], stretch: int = -1,
                hide_first: Sequence[int] | None = None) -> None:
    """Short columns fit their contents, the named ones start at a width the user can drag, and
    the `stretch` column (default: the last; the longest text) takes what is left, so no list
    needs a horizontal scrollbar."""
    header = view.horizontalHeader()
    stretch = stretch if stretch >= 0 else header.count() - 1
    header.setStretchLastSection(False)
    # Fit the short columns to a hundred rows, not Qt's default of a thousand: they hold short
    # words (an age, a status), and each measured row is several data() calls into Python, so a
    # thousand took about 200 ms of opening the Feedback page. (0, "the visible rows", measures
    # every row while the page is constructed and not yet shown.)
    header.setResizeContentsPrecision(100)
    for column in range(header.count()):
        if column == stretch:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        elif column in widths:
            view.setColumnWidth(column, widths[column])
        else:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    if isinstance(view, RecordTableView):
        view._fitting = (stretch, dict(widths), hide_first)
        view.hide_what_does_not_fit()


def select_first_if_none(view: QTableView) -> None:
    """Open the first record of a list when nothing is chosen, so the editor is never blank
    while there is something to show."""
    if not view.currentIndex().isValid() and view.model().rowCount() > 0:
        view.setCurrentIndex(view.model().index(0, 0))


def delete_action(view: QWidget, slot: Callable[[], None]) -> QAction:
    """Delete on a list asks to delete the selected record. Bound to the list alone, so the key
    keeps deleting characters in text editors."""
    action = QAction(tr("&Delete…"), view)
    action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
    action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
    action.triggered.connect(slot)
    view.addAction(action)
    view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)  # right-click offers it
    return action
