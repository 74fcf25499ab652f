"""The mentee list: one row per mentorship, filtered as you type and sortable by name, next
check-in due or last contact."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from journal.domain.names import name_order
from journal.store.mentoring import MenteeRow
from journal.ui.mentoring.labels import mentor_text, overdue_color, relative_day, tr
from journal.ui.mentoring.widgets import RecordTable
from journal.ui.models.record_table import Column, RecordTableModel
from journal.ui.models.row_filter import refilter_rows

NAME, NEXT_DUE, LAST_CONTACT = range(3)
# Sort keys as ISO strings so the proxy compares them natively; "no date" sorts where it helps:
# a mentee with nothing due goes last, one never contacted comes first among "longest ago".
_NEVER_DUE = "9999-12-31"
_NEVER_MET = "0000-01-01"


def _iso(day: dt.date | None, missing: str) -> str:
    return day.isoformat() if day else missing


class MenteeListModel(RecordTableModel):
    """Mentee rows (`MenteeRow`); overdue rows are bold with the due date in a warning colour."""

    def __init__(self, today: Callable[[], dt.date], parent: Any = None):
        self.today = today
        self.sort_column = NAME
        self.sort_order = Qt.SortOrder.AscendingOrder
        super().__init__([
            Column(tr("Mentee"), lambda r: r.mentee_name,
                   sort=lambda r: name_order(r.mentee_name), tooltip=self._name_tip),
            Column(tr("Next check-in"), self._due_text,
                   sort=lambda r: _iso(r.next_due, _NEVER_DUE), tooltip=self._due_tip,
                   foreground=lambda r: overdue_color() if r.overdue_goals else None),
            Column(tr("Last contact"), lambda r: relative_day(r.last_contact, self.today()),
                   sort=lambda r: _iso(r.last_contact, _NEVER_MET),
                   tooltip=lambda r: r.last_contact.isoformat() if r.last_contact else ""),
        ], parent)

    def _name_tip(self, row: MenteeRow) -> str:
        parts = [row.mentee_name]
        if row.mentee_team:
            parts.append(row.mentee_team)
        parts.append(tr("Mentor: %1").replace("%1", mentor_text(row.mentor_is_me,
                                                                row.mentor_name)))
        if row.ended_on:
            parts.append(tr("Mentorship ended on %1").replace("%1", row.ended_on.isoformat()))
        return "\n".join(parts)

    def _due_text(self, row: MenteeRow) -> str:
        if row.ended:
            return tr("ended")
        if row.next_due is None:
            return tr("no active goal")
        return relative_day(row.next_due, self.today())

    def _due_tip(self, row: MenteeRow) -> str:
        if row.next_due is None or row.ended:
            return ""
        if row.overdue_goals:
            return tr("Overdue: a check-in was due on %1").replace("%1", row.next_due.isoformat())
        return tr("Due on %1").replace("%1", row.next_due.isoformat())

    # Sorting happens here, in Python, once per refresh: letting the proxy sort would call
    # data() a few thousand times through Qt for 300 mentees, most of the page's opening time.
    def sorted_rows(self, rows: Sequence[MenteeRow]) -> list[MenteeRow]:
        column = self.columns[self.sort_column]
        key = column.sort or (lambda r: column.text(r).casefold())
        by_name = sorted(rows, key=lambda r: (name_order(r.mentee_name), r.id))
        return sorted(by_name, key=key, reverse=self.sort_order == Qt.SortOrder.DescendingOrder)

    def set_rows(self, rows: Sequence[MenteeRow]) -> None:
        super().set_rows(self.sorted_rows(rows))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns):
            return
        self.sort_column, self.sort_order = column, order
        self.layoutAboutToBeChanged.emit()
        old = {self._row_id(r): i for i, r in enumerate(self.rows)}
        self.rows = self.sorted_rows(self.rows)
        new = {self._row_id(r): i for i, r in enumerate(self.rows)}
        by_old = {i: new[rid] for rid, i in old.items()}
        persistent = self.persistentIndexList()
        self.changePersistentIndexList(persistent, [
            self.index(by_old[i.row()], i.column()) for i in persistent])
        self.layoutChanged.emit()

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.FontRole and index.isValid() and index.row() < len(self.rows):
            row = self.rows[index.row()]
            if row.overdue_goals and not row.ended and index.column() == NEXT_DUE:
                font = QFont()
                font.setBold(True)
                return font
            if row.ended:
                font = QFont()
                font.setItalic(True)
                return font
            return None
        return super().data(index, role)


class MenteeFilter(QSortFilterProxyModel):
    """Hides ended mentorships unless asked, and rows whose mentee, team or mentor does not
    contain the typed text (ignoring case). Sorting is passed on to the list model."""

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.sourceModel().sort(column, order)

    def __init__(self, parent: Any = None):
        super().__init__(parent)
        self._needle = ""
        self._show_ended = False

    def set_text(self, text: str) -> None:
        self._refilter(lambda: setattr(self, "_needle", " ".join(text.split()).casefold()))

    def set_show_ended(self, show: bool) -> None:
        self._refilter(lambda: setattr(self, "_show_ended", show))

    def _refilter(self, change: Callable[[], None]) -> None:
        refilter_rows(self, change)

    def filterAcceptsRow(self, source_row: int,
                         source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        row: MenteeRow = self.sourceModel().rows[source_row]
        if row.ended and not self._show_ended:
            return False
        if not self._needle:
            return True
        haystack = f"{row.mentee_name} {row.mentee_team} " + mentor_text(row.mentor_is_me,
                                                                          row.mentor_name)
        return self._needle in haystack.casefold()


class MenteeList(QWidget):
    """The left side of the page. `current_changed` carries the selected mentorship id."""

    current_changed = Signal(object)  # int | None
    add_requested = Signal()
    # The rows hold only the current mentorships, and ended ones are now needed ("Show ended",
    # or one is asked for): the owner sets all of them, with the ended, before this returns.
    ended_wanted = Signal()

    def __init__(self, today: Callable[[], dt.date], parent: QWidget | None = None):
        super().__init__(parent)
        self.model = MenteeListModel(today, self)
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(tr("Name, team or mentor"))
        self.filter_edit.setClearButtonEnabled(True)
        find_label = QLabel(tr("F&ind:"))
        find_label.setBuddy(self.filter_edit)
        self.sort_combo = QComboBox()
        for text, column in ((tr("Name"), NAME), (tr("Next check-in due"), NEXT_DUE),
                             (tr("Last contact"), LAST_CONTACT)):
            self.sort_combo.addItem(text, column)
        sort_label = QLabel(tr("Sort &by:"))
        sort_label.setBuddy(self.sort_combo)
        self.show_ended = QCheckBox(tr("Sho&w ended"))
        self.proxy = MenteeFilter(self)
        self.table = RecordTable(self.model, proxy=self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setAccessibleName(tr("Mentees"))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        # The date columns fit "30 days ago" in bold and leave the name the rest; a longer name
        # elides, with the whole of it (and the mentor) in the tooltip.
        bold = QFont(self.font())
        bold.setBold(True)
        width = QFontMetrics(bold).horizontalAdvance(tr("30 days ago")) + 20
        for column in (NEXT_DUE, LAST_CONTACT):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header.setMinimumSectionSize(48)
        self.add_button = QPushButton(tr("&Add mentee…"))

        top = QHBoxLayout()
        top.addWidget(find_label)
        top.addWidget(self.filter_edit, 1)
        options = QHBoxLayout()
        options.addWidget(sort_label)
        options.addWidget(self.sort_combo, 1)
        options.addWidget(self.show_ended)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 4, 8)
        layout.addLayout(top)
        layout.addLayout(options)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.add_button)

        self.filter_edit.textChanged.connect(self._filter_changed)
        self.show_ended.toggled.connect(self._show_ended_changed)
        self.sort_combo.currentIndexChanged.connect(self._sort_chosen)
        self.add_button.clicked.connect(self.add_requested)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self._last_emitted: int | None = None
        self.has_ended = True  # whether the rows include the ended mentorships
        self._sort_chosen()

    # -- filling ---------------------------------------------------------------------------------
    def set_rows(self, rows: list[MenteeRow], *, with_ended: bool = True) -> None:
        """Show `rows`. Without the ended mentorships (`with_ended` False: they hide until
        "Show ended" is ticked, and reading them was most of opening the page in a journal
        kept for years) they are asked for by `ended_wanted` when needed."""
        self.has_ended = with_ended
        keep = self.current_id()
        self.table.set_rows_keeping_selection(self.model.sorted_rows(rows))
        if keep is not None and self.current_id() != keep:
            self.table.select_id(keep)  # unless it is now filtered out (just ended, say)
        self._ensure_selection()

    def current_id(self) -> int | None:
        row = self.table.current_record()
        return row.id if row is not None else None

    def select(self, mentorship_id: int) -> bool:
        """Select a mentorship, clearing the filter or showing ended ones when they hide it."""
        row = self.model.row_of(mentorship_id)
        if row < 0 and not self.has_ended:
            self.ended_wanted.emit()
            row = self.model.row_of(mentorship_id)
        if row < 0:
            return False
        if not self.proxy.filterAcceptsRow(row, QModelIndex()):
            if self.model.rows[row].ended:
                self.show_ended.setChecked(True)
            self.filter_edit.clear()
        return self.table.select_id(mentorship_id)

    # -- reacting --------------------------------------------------------------------------------
    def _filter_changed(self, text: str) -> None:
        self.proxy.set_text(text)
        self._ensure_selection()

    def _show_ended_changed(self, show: bool) -> None:
        if show and not self.has_ended:
            self.ended_wanted.emit()
        self.proxy.set_show_ended(show)
        self._ensure_selection()

    def _sort_chosen(self) -> None:
        column = self.sort_combo.currentData()
        self.table.sortByColumn(column, Qt.SortOrder.AscendingOrder)

    def _ensure_selection(self) -> None:
        """Keep one mentee selected while any is shown, so the detail never goes stale."""
        if not self.table.currentIndex().isValid() and self.proxy.rowCount() > 0:
            self.table.setCurrentIndex(self.proxy.index(0, 0))
        self._emit_current()

    def _row_changed(self, *_args: object) -> None:
        self._emit_current()

    def _emit_current(self) -> None:
        current = self.current_id()
        if current != self._last_emitted:
            self._last_emitted = current
            self.current_changed.emit(current)
