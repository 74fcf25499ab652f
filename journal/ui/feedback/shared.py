"""Small pieces the Feedback and Reflections pages share: empty states, tables, words, deletes."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QEvent, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from journal.domain.draft_age import age_parts
from journal.domain.records import KIND_LABELS
from journal.store.errors import JournalError
from journal.ui import theme
from journal.ui.context import PageContext
from journal.ui.widgets import text_direction


def tr(text: str) -> str:
    return QCoreApplication.translate("Feedback", text)


def age_text(days: int) -> str:
    """ "today", "1 day", "3 days", "6 weeks", "4 months", "2 years"."""
    if days <= 0:
        return tr("today")
    count, unit = age_parts(days)
    one = {"day": tr("1 day"), "week": tr("1 week"), "month": tr("1 month"),
           "year": tr("1 year")}
    many = {"day": tr("%1 days"), "week": tr("%1 weeks"), "month": tr("%1 months"),
            "year": tr("%1 years")}
    return one[unit] if count == 1 else many[unit].replace("%1", str(count))


def polarity_label(polarity: str) -> str:
    return {"reinforcing": tr("Reinforcing"), "corrective": tr("Corrective")}.get(polarity,
                                                                                  polarity)


def status_label(status: str) -> str:
    return {"draft": tr("Draft"), "delivered": tr("Delivered"), "dropped": tr("Dropped"),
            "open": tr("Open"), "acting": tr("Acting on it"), "done": tr("Done")}.get(status,
                                                                                      status)


def one_line(text: str, limit: int = 160) -> str:
    """Text flattened to one line for a list cell (the view elides it to fit)."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[:limit].rstrip() + "…"


class EmptyState(QWidget):
    """What a list shows before its first record: a kind sentence and the button to begin."""

    def __init__(self, heading: str, text: str, button: str, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 40, 48, 40)
        layout.setSpacing(12)
        title = QLabel(heading)
        theme.style(title, "pageHeading")
        title.setWordWrap(True)
        body = QLabel(text)
        body.setWordWrap(True)
        body.setMaximumWidth(560)
        body.setTextFormat(Qt.TextFormat.PlainText)
        self.button = QPushButton(button)
        layout.addWidget(title)
        layout.addWidget(body)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)


class RecordTableView(QTableView):
    """A table that remembers how wide its content is until something it measured changes.

    A column that fits its contents is measured (each of up to a hundred rows is about nine
    data() calls into Python) every time the header lays out, nine times while Feedback opens;
    the rows, their place in the view and the view's look rarely change in between.
    """

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._widths: dict[tuple, int] = {}

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
    return view


def follow_text_direction(edit: QPlainTextEdit) -> None:
    """Lay out each paragraph in its own direction, so Arabic or Hebrew text starts at the right
    while English beside it starts at the left (see widgets.text_direction)."""
    text_direction.follow_text_direction(edit)


def fit_columns(view: QTableView, widths: dict[int, int], stretch: int = -1) -> None:
    """Short columns fit their contents, the named ones start at a width the user can drag, and
    the `stretch` column (default: the last; the longest text) takes what is left, so no list
    needs a horizontal scrollbar."""
    header = view.horizontalHeader()
    stretch = stretch if stretch >= 0 else header.count() - 1
    header.setStretchLastSection(False)
    # Fit the short columns to a hundred rows, not Qt's default of a thousand: they hold short
    # words (an age, a status), and each measured row is several data() calls into Python, so a
    # thousand took about 200 ms of opening the Feedback page. (0, "the visible rows", measures
    # every row while the page is still being built and not yet shown.)
    header.setResizeContentsPrecision(100)
    for column in range(header.count()):
        if column == stretch:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        elif column in widths:
            view.setColumnWidth(column, widths[column])
        else:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)


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


def ask(parent: QWidget, title: str, text: str) -> bool:
    """A yes/no question (one place, so tests can answer it)."""
    answer = QMessageBox.question(parent, title, text,
                                  QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                  QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


def _dependents_sentence(dependents: dict[str, int]) -> str:
    parts = []
    for kind, count in dependents.items():
        if kind == "retro_item":
            parts.append(tr("its item") if count == 1 else tr("its %1 items").replace(
                "%1", str(count)))
        else:
            parts.append(f"{count} {tr(KIND_LABELS.get(kind, kind))}")
    return ", ".join(parts)


def delete_with_undo(parent: QWidget, ctx: PageContext, kind: str, record_id: int,
                     what: str, initiator: object = None) -> bool:
    """Ask, naming what goes with the record; delete; offer undo. True when it was deleted."""
    journal = ctx.journal
    if journal.read_only:
        return False
    try:
        dependents = journal.deletion_plan(kind, record_id).dependents()
    except JournalError:
        return False
    text = tr("Delete %1?").replace("%1", what)
    if dependents:
        text += " " + tr("This also deletes %1.").replace("%1", _dependents_sentence(dependents))
    text += "\n\n" + tr("You can bring it back with Edit ▸ Undo (Ctrl+Z).")
    if not ask(parent, tr("Delete"), text):
        return False
    ctx.saver.flush()
    try:
        removal = journal.delete(kind, record_id, initiator=initiator)
    except JournalError as error:
        ctx.status(str(error))
        return False

    def undo() -> None:
        journal.restore(removal)
        ctx.show_record(kind, record_id)

    ctx.undo.push(tr("delete %1").replace("%1", what), undo)
    ctx.status(tr("Deleted %1. Ctrl+Z brings it back.").replace("%1", what))
    return True
