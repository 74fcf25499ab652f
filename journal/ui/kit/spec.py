"""What a list-and-editor page declares: its `ListSpec`, and the parts it is made of.

Texts in a spec go through `tr()`, so a spec is built when the page is (`ListEditorPage.spec`),
not when its module is imported.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import Qt

from journal.domain.search_text import holds_prefixes
from journal.store.journal import Journal
from journal.store.paging import ListQuery
from journal.ui.kit.editor import RecordEditor
from journal.ui.models.paged_table import BATCH
from journal.ui.models.record_table import Column

# page(journal, query, offset, limit) -> rows; one(journal, id) -> row or None;
# exists(journal) -> whether there is any record of the kind, whatever the filters.
PageRows = Callable[[Journal, ListQuery, int, int], list[Any]]
OneRow = Callable[[Journal, int], Any | None]
Exists = Callable[[Journal], bool]


@dataclass(frozen=True)
class Query:
    """How the list reads its rows from the store, a batch at a time (see `PagedTableModel`).

    Rows are small view rows from a store module with an `id`, a `status` (if the list has a
    choice filter) and a `search_text` folded by `search_text.folded` (if it has a search box:
    each word typed must start one of its words, the search index's rule). `orders` names
    the store's sort key of each column that can be sorted in SQL ("" is the default order).
    For a list that stays short, `Query.whole(rows, one)` reads every row and filters in memory.
    """

    page: PageRows
    one: OneRow
    exists: Exists
    orders: Mapping[int, str] = field(default_factory=dict)
    batch: int = BATCH

    @classmethod
    def whole(cls, rows: Callable[[Journal], list[Any]], one: OneRow) -> Query:
        """Every row at once from `rows(journal)` (in the list's default order), filtered by
        statuses and words in memory; sorting by any column happens in memory too."""

        def page(journal: Journal, query: ListQuery, offset: int, limit: int) -> list[Any]:
            kept = [row for row in rows(journal)
                    if (query.statuses is None or getattr(row, "status", None) in query.statuses)
                    and holds_prefixes(getattr(row, "search_text", ""), query.words)]
            return kept[offset:offset + limit]

        return cls(page=page, one=one, exists=lambda journal: bool(rows(journal)),
                   batch=1_000_000)


@dataclass(frozen=True)
class Search:
    """The filter-as-you-type box above the list (matches each row's `search_text`), after
    `label` ("F&ind:") when one is given."""

    placeholder: str
    accessible_name: str
    label: str = ""


@dataclass(frozen=True)
class Choice:
    """A box of status filters: `choices` are `(key, statuses kept)` pairs (None keeps every
    status), shown as `label(key)`, after the label `show` ("S&how:"); `default` is chosen
    until the user chooses (and remembered across restarts). With `check_box`, two choices
    are one check box labelled `show` ("Sho&w ended"): unticked the first, ticked the second.
    A box (not a check box) has a line of its own under the search box; `own_line` asks
    for that line even without a search box above.
    """

    choices: Sequence[tuple[str, Collection[str] | None]]
    label: Callable[[str], str]
    show: str
    default: str
    check_box: bool = False
    own_line: bool = False


@dataclass(frozen=True)
class SortBy:
    """A "Sort by" box under the search: `choices` are `(text, column)` pairs; choosing one
    sorts the list by that column, ascending (the column headers still sort either way)."""

    label: str
    choices: Sequence[tuple[str, int]]


@dataclass(frozen=True)
class Texts:
    """Everything the page says. `empty_*`: before the first record (a heading, a kind
    paragraph, the button that starts one). `nothing`: in place of the editor when no record is
    chosen. `no_match`: when the filters hide every row. `new_button` and `new_tip`: the button
    under the list; `new_action`: Ctrl+N's action. `list_name`: the list, for screen readers."""

    empty_heading: str
    empty_body: str
    empty_button: str
    nothing: str
    no_match: str
    new_button: str
    new_tip: str
    new_action: str
    list_name: str


@dataclass(frozen=True)
class ListSpec:
    """A list-and-editor page, declared.

    `kind`: the record kind listed and edited. `name`: a short name for object names and
    settings ("reflection": "reflectionList", "reflectionsSplitter"). `columns` and `query`:
    what the list shows and where its rows come from. `editor`: makes the editor. `new`: makes
    a record (in the store) for New and Ctrl+N; `new_field` is focused in it. `describe(row)`
    names a row in the delete question ("the reflection on feedback from Dana").

    Optional: `search` and `choice` filters, a `sort_by` box; `sort` (column, order) the list
    opens with;
    `widths` of columns the user can drag (the `stretch` column takes the rest, -1: the last;
    the others fit their contents); `hide_first`: the columns a list too narrow for all hides,
    in that order (default: those after `stretch`, the last first); `sizes` of the list and
    the editor; `related` kinds whose changes also reload the list (say, people whose names it
    shows) and reach the editor's
    `related_changed`; `widen_to_keep`: a reload that would hide the open record widens the
    filters instead (else it drops out of the list and stays open in the editor).
    """

    kind: str
    name: str
    columns: Sequence[Column]
    query: Query
    editor: Callable[[], RecordEditor]
    new: Callable[[Journal], Any]
    describe: Callable[[Any], str]
    texts: Texts
    new_field: str | None = None
    search: Search | None = None
    choice: Choice | None = None
    sort_by: SortBy | None = None
    sort: tuple[int, Qt.SortOrder] = (0, Qt.SortOrder.AscendingOrder)
    widths: Mapping[int, int] = field(default_factory=dict)
    stretch: int = -1
    hide_first: tuple[int, ...] | None = None
    sizes: tuple[int, int] = (380, 620)
    related: tuple[str, ...] = ()
    widen_to_keep: bool = True
