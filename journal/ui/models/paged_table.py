"""A `RecordTableModel` that loads its rows from the store a batch at a time.

A list that can hold tens of thousands of records shows its first batch at once; the view asks
for more (`canFetchMore`/`fetchMore`) as it is scrolled. The filters and the sort order go to
the store as a `ListQuery` and run in SQL, so nothing has to read every row. Once the whole
result fits in what is loaded, the model behaves as a plain `RecordTableModel`: sorting, and
narrowing by typed words, happen in memory, exactly as before, with no query at all.

A sort or a filter that queries the rows anew runs on a worker thread (`QueryRunner`, with a
read-only connection of its own): the rows shown stay until the new ones arrive, `busy` tells
the list to say so, and a result overtaken by a newer query is dropped.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, Qt, Signal

from journal.store.journal import Journal
from journal.store.paging import ListQuery
from journal.ui.models.record_table import Column, Index, RecordTableModel
from journal.ui.query_runner import QueryRunner

BATCH = 200  # rows per query: a few screens of a list, a few milliseconds to build

# page(journal, query, offset, limit) -> rows; one(journal, id) -> row or None;
# exists(journal) -> whether there is any record at all, whatever the filters.
Page = Callable[[Journal, ListQuery, int, int], list[Any]]
One = Callable[[Journal, int], Any | None]
Exists = Callable[[Journal], bool]


class PagedTableModel(RecordTableModel):
    """Rows of `query` in pages of `batch`. `orders` names the store's sort key of each column
    that can be sorted in SQL. `keep()` (set by the owner) gives the id of a record that must
    stay in the model whatever the query, such as the one open in an editor: a reload fetches
    it on its own if the query does not bring it.

    `busy(True)` when a query starts on the worker, `busy(False)` once its rows are in (or it
    was dropped); `requeried` after rows that came from the worker replaced the old ones."""

    busy = Signal(bool)
    requeried = Signal()

    def __init__(self, columns: list[Column], page: Page, one: One, exists: Exists,
                 orders: Mapping[int, str], parent: QObject | None = None,
                 query: ListQuery = ListQuery(), batch: int = BATCH):  # noqa: B008
        super().__init__(columns, parent)
        self._page, self._one, self._exists = page, one, exists
        self._orders = dict(orders)
        self.batch = batch
        self.journal: Journal | None = None
        self.query = query
        self.keep: Callable[[], int | None] = lambda: None
        self._fetched = 0  # rows taken from the query so far (extra rows kept are not counted)
        self._more = False
        self._any = False
        self.runner = QueryRunner(self)
        self._pending_count = batch

    # -- state ---------------------------------------------------------------------------------
    @property
    def complete(self) -> bool:
        """Every row of the query is loaded."""
        return not self._more

    def has_records(self) -> bool:
        """Whether the journal has any record of this list's kind, loaded or not."""
        return bool(self.rows) or self._any

    # -- Qt's interface ------------------------------------------------------------------------
    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._more and not self.runner.pending

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if (parent.isValid() or not self._more or self.journal is None
                or self.runner.pending):  # the rows shown are about to be replaced
            return
        fetched = self._page(self.journal, self.query, self._fetched, self.batch + 1)
        self._more = len(fetched) > self.batch
        fetched = fetched[:self.batch]
        self._fetched += len(fetched)
        have = {self._row_id(row) for row in self.rows}
        new = [row for row in fetched if self._row_id(row) not in have]  # kept ones come again
        if new:
            self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(new) - 1)
            self.rows.extend(new)
            self.endInsertRows()

    # -- loading -------------------------------------------------------------------------------
    def load(self, journal: Journal | None) -> None:
        """Load the query's rows afresh from `journal` (None: empty), as many as were loaded
        before (at least one batch), so a reload does not take the list back to its top."""
        self.journal = journal
        self._cancel()
        self._reset(max(self.batch, self._fetched))

    def set_query(self, query: ListQuery) -> bool:
        """Ask for other rows. When only the words differ and every row without words is
        loaded, they are left to the filter in memory. True when the rows were queried anew."""
        query = self._ordered(query)
        in_memory = (self.complete and self.query == query.without_words()
                     and self.journal is not None)
        if in_memory or query == self.query:
            return False
        self.query = query
        self._requery(self.batch)
        return True

    def sort_rows(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort in memory when every row is loaded (exactly as RecordTableModel); otherwise
        query the rows again ordered by the column in SQL, if it can be (else do nothing)."""
        if self.complete or self.journal is None:
            super().sort_rows(column, order)
            return
        if column not in self._orders:
            return
        self._sorted_by = (column, order)
        self.query = self._ordered(self.query)
        self._requery(max(self.batch, self._fetched))

    def _ordered(self, query: ListQuery) -> ListQuery:
        if self._sorted_by is None or self._sorted_by[0] not in self._orders:
            return query
        column, order = self._sorted_by
        return query._replace(order=self._orders[column],
                       descending=order == Qt.SortOrder.DescendingOrder)

    @property
    def pending(self) -> bool:
        """A query runs on the worker; the rows shown are the previous query's."""
        return self.runner.pending

    def settle(self) -> None:
        """If a query runs on the worker, run it here and now instead (for a caller that needs
        the new rows at once, such as widening the filters to show a record)."""
        if self.runner.pending:
            self._cancel()
            self._reset(self._pending_count)

    def _cancel(self) -> None:
        if self.runner.pending:
            self.runner.cancel()
            self.busy.emit(False)

    def _requery(self, count: int) -> None:
        """Query the rows anew, on the worker when the runner can (the rows shown stay until
        the new ones arrive), else at once."""
        if self.journal is None:
            self._cancel()
            self._reset(count)
            return
        self.query = self._ordered(self.query)
        page, exists, query = self._page, self._exists, self.query

        def work(journal: Journal) -> tuple[list[Any], bool]:
            fetched = page(journal, query, 0, count + 1)
            return fetched, bool(fetched) or exists(journal)

        asynchronous = False  # set once the runner took the work to its worker

        def done(result: tuple[list[Any], bool]) -> None:
            self._show(count, *result)
            if asynchronous:
                self.busy.emit(False)
                self.requeried.emit()

        was_pending, self._pending_count = self.runner.pending, count
        asynchronous = self.runner.run(self.journal, work, done)
        if asynchronous and not was_pending:
            self.busy.emit(True)
        elif not asynchronous and was_pending:
            self.busy.emit(False)

    def _reset(self, count: int) -> None:
        if self.journal is None:
            self._show(count, [], False)
            return
        self.query = self._ordered(self.query)
        fetched = self._page(self.journal, self.query, 0, count + 1)
        self._show(count, fetched, bool(fetched) or self._exists(self.journal))

    def _show(self, count: int, fetched: list[Any], any_records: bool) -> None:
        """Replace the rows by `fetched` (up to `count + 1` rows of the query)."""
        self.beginResetModel()
        self.rows, self._fetched, self._more, self._any = [], 0, False, False
        if self.journal is not None:
            self._more = len(fetched) > count
            self.rows = fetched[:count]
            self._fetched = len(self.rows)
            if not self._more:
                # All of it is here: order it in memory, by the very keys the list shows.
                self.rows = self._in_order(self.rows)
            self._add_kept()
            self._any = bool(self.rows) or any_records
        self.endResetModel()

    def _add_kept(self) -> None:
        kept = self.keep()
        if kept is not None and self.row_of(kept) < 0:
            row = self._one(self.journal, kept)
            if row is not None:
                self.rows.append(row)

    def include(self, record_id: int) -> Any | None:
        """The row of this record, loading it on its own (after the others) if the query has
        not brought it yet; None when there is no such record."""
        i = self.row_of(record_id)
        if i >= 0:
            return self.rows[i]
        if self.journal is None:
            return None
        row = self._one(self.journal, record_id)
        if row is not None:
            self.update_row(row)  # appended
        return row

    def set_rows(self, rows: list[Any]) -> None:
        """Rows given whole (no paging until the next load)."""
        self._fetched, self._more = len(rows), False
        super().set_rows(rows)
