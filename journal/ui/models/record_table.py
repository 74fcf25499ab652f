"""A table model over a list of rows from the store, the way every list in the app is shown.

Rows are plain objects (records or small view rows); columns are declared once with how to show
and sort them. The model adapts a list: `set_rows` replaces it inside a reset, `update_row` tells
views one row changed. Views sort and filter through `QSortFilterProxyModel` using `SORT_ROLE`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
RECORD_ROLE = Qt.ItemDataRole.UserRole + 2
ID_ROLE = Qt.ItemDataRole.UserRole + 3

Index = QModelIndex | QPersistentModelIndex

# The roles data() answers. Views ask for a dozen (font, check state, size hint...) of every
# cell they measure or paint; the others return None at once.
_ANSWERED = frozenset(int(role) for role in (
    Qt.ItemDataRole.DisplayRole, SORT_ROLE, RECORD_ROLE, ID_ROLE, Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.FontRole,
    Qt.ItemDataRole.TextAlignmentRole))


@dataclass(frozen=True)
class Column:
    title: str
    text: Callable[[Any], str]
    sort: Callable[[Any], Any] | None = None  # native value to sort by; defaults to the text
    tooltip: Callable[[Any], str] | None = None
    decoration: Callable[[Any], Any] | None = None
    foreground: Callable[[Any], Any] | None = None
    font: Callable[[Any], Any] | None = None  # a QFont (bold, italic) or None for the view's
    align_right: bool = False


class RecordTableModel(QAbstractTableModel):
    def __init__(self, columns: Sequence[Column], parent: QObject | None = None,
                 row_id: Callable[[Any], int] = lambda row: row.id):
        super().__init__(parent)
        self.columns = list(columns)
        self.rows: list[Any] = []
        self._row_id = row_id
        self._sorted_by: tuple[int, Qt.SortOrder] | None = None  # set by sort_rows

    # Qt's interface
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _ANSWERED or not index.isValid() or not (0 <= index.row() < len(self.rows)):
            return None
        row = self.rows[index.row()]
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == SORT_ROLE:
            return column.sort(row) if column.sort else column.text(row).casefold()
        if role == RECORD_ROLE:
            return row
        if role == ID_ROLE:
            return self._row_id(row)
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip:
            return column.tooltip(row)
        if role == Qt.ItemDataRole.DecorationRole and column.decoration:
            return column.decoration(row)
        if role == Qt.ItemDataRole.ForegroundRole and column.foreground:
            return column.foreground(row)
        if role == Qt.ItemDataRole.FontRole and column.font:
            return column.font(row)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self.columns)):
            return self.columns[section].title
        return None

    # adapting the list
    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self.rows = self._in_order(rows)
        self.endResetModel()

    # Sorting in Python, once per change of rows or of column: a sorting proxy calls data()
    # through Qt n·log n times, about a second for 8,000 feedback drafts. Proxies that pass
    # sort() on to this model (RowFilterProxy) get rows already in order.
    def sort_rows(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Order the rows by `column` (its sort key, else its text) and keep them in that order
        when they are replaced; views' selections follow their rows."""
        if not 0 <= column < len(self.columns):
            return
        self._sorted_by = (column, order)
        self.layoutAboutToBeChanged.emit()
        old = {self._row_id(r): i for i, r in enumerate(self.rows)}
        self.rows = self._in_order(self.rows)
        new_row = {old[self._row_id(r)]: i for i, r in enumerate(self.rows)}
        persistent = self.persistentIndexList()
        self.changePersistentIndexList(persistent, [
            self.index(new_row[i.row()], i.column()) if i.isValid() else i for i in persistent])
        self.layoutChanged.emit()

    def _in_order(self, rows: Sequence[Any]) -> list[Any]:
        if self._sorted_by is None:
            return list(rows)
        column_number, order = self._sorted_by
        column = self.columns[column_number]
        key = column.sort or (lambda r: column.text(r).casefold())
        return sorted(rows, key=key, reverse=order == Qt.SortOrder.DescendingOrder)

    def row_of(self, record_id: int) -> int:
        for i, row in enumerate(self.rows):
            if self._row_id(row) == record_id:
                return i
        return -1

    def update_row(self, row_object: Any) -> None:
        """Replace the row with the same id, or append it, and tell the views."""
        i = self.row_of(self._row_id(row_object))
        if i < 0:
            self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows))
            self.rows.append(row_object)
            self.endInsertRows()
            return
        self.rows[i] = row_object
        self.dataChanged.emit(self.index(i, 0), self.index(i, len(self.columns) - 1))

    def remove_id(self, record_id: int) -> None:
        i = self.row_of(record_id)
        if i >= 0:
            self.beginRemoveRows(QModelIndex(), i, i)
            del self.rows[i]
            self.endRemoveRows()
