"""Filter-as-you-type and a status filter over a `RecordTableModel`, which sorts its own rows.

Rows are matched through their own `search_text` (folded as `search_text.folded` folds it) and
`status`, so a list can find words the table does not show as a column (a draft's impact, a
reflection's action). A row is kept when each word typed starts one of its words, the rule of the
search index, so a list filtered in memory and one filtered in SQL keep the same rows.
"""

from __future__ import annotations

from collections.abc import Callable, Collection

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
)

from journal.domain.search_text import holds_prefixes, query_words
from journal.ui.models.record_table import SORT_ROLE


def refilter_rows(proxy: QSortFilterProxyModel, change: Callable[[], object]) -> None:
    """Make `change` to what a proxy's row filter keeps, then filter its rows again."""
    # Qt 6.10 replaced invalidateRowsFilter() with a begin/end pair around the change.
    if hasattr(proxy, "beginFilterChange"):
        proxy.beginFilterChange()
        change()
        proxy.endFilterChange(QSortFilterProxyModel.Direction.Rows)
    else:
        change()
        proxy.invalidateRowsFilter()


class RowFilterProxy(QSortFilterProxyModel):
    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)
        self._words: tuple[str, ...] = ()
        self._statuses: frozenset[str] | None = None
        self._pinned: int | None = None
        self._pin_shows_a_row = False  # the pinned row is shown only because it is pinned
        self._refilter_queued = False

    def _refilter(self, change: Callable[[], object]) -> None:
        self._pin_shows_a_row = False  # accepts() sets it again while the rows are filtered
        refilter_rows(self, change)

    def set_text(self, text: str) -> None:
        """Keep rows with a word starting with each typed word, in any order."""
        self._refilter(lambda: setattr(self, "_words", query_words(text)))

    def set_statuses(self, statuses: Collection[str] | None) -> None:
        """Keep rows whose `status` is one of these; None keeps every status."""
        value = None if statuses is None else frozenset(statuses)
        self._refilter(lambda: setattr(self, "_statuses", value))

    def set_pinned(self, record_id: int | None) -> None:
        """Keep this row whatever its status: the record open in the editor must not vanish
        from under it when the user changes its status (say, marks a draft delivered)."""
        if record_id == self._pinned:
            return
        self._pinned = record_id
        if not self._pin_shows_a_row:
            # The newly pinned row is the one just selected, so it is shown already, and no row
            # is shown only by the old pin: nothing to refilter (a pass over every row, about
            # 100 ms for 80,000 drafts). A later edit of the pinned row refilters that row.
            return
        # Often called from a view's currentChanged, which Qt may emit while this proxy is in
        # the middle of filtering; refiltering from there corrupts its mapping. Refilter once
        # control is back in the event loop instead.
        if not self._refilter_queued:
            self._refilter_queued = True
            QTimer.singleShot(0, self, self._deferred_refilter)

    def _deferred_refilter(self) -> None:
        self._refilter_queued = False
        self._refilter(lambda: None)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorting is the source model's (RecordTableModel.sort_rows): one Python key per row
        instead of n·log n data() calls through Qt."""
        self.sourceModel().sort_rows(column, order)

    def accepts(self, row: object) -> bool:
        pinned = self._pinned is not None and getattr(row, "id", None) == self._pinned
        if self._statuses is not None and getattr(row, "status", None) not in self._statuses:
            if not pinned:
                return False
            self._pin_shows_a_row = True
        return holds_prefixes(getattr(row, "search_text", ""), self._words)

    def filterAcceptsRow(self, source_row: int,
                         source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        if not self._words and self._statuses is None:
            return True
        # The row itself, not index().data(RECORD_ROLE): this runs once per row on every change.
        return self.accepts(self.sourceModel().rows[source_row])
