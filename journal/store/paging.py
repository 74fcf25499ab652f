"""What a long list asks the store for: one page of rows at a time, filtered and ordered in SQL.

A list of 80,000 feedback drafts cannot be read, built and filtered whole each time a page opens,
so the lists that can grow that long load a batch of rows at a time. The filters a user sets
(statuses, words typed) and the column the list is sorted by travel to the store as a
`ListQuery`; each store module turns it into SQL over its own table.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Collection
from typing import NamedTuple


class ListQuery(NamedTuple):
    """Which rows a list wants and in what order.

    `statuses`: keep rows whose status is one of these (None: every status). `words`: keep rows
    whose searched text holds every word (already case-folded, as `words_of` makes them).
    `order`: the name of the sort key (each store module lists its own; "" is the list's
    default order), `descending` reverses it.
    """

    statuses: frozenset[str] | None = None
    words: tuple[str, ...] = ()
    order: str = ""
    descending: bool = False

    def without_words(self) -> ListQuery:
        return self._replace(words=())


def words_of(text: str) -> tuple[str, ...]:
    """The words of a filter as typed, folded as the lists fold the text they search."""
    return tuple(text.casefold().split())


def statuses_of(statuses: Collection[str] | None) -> frozenset[str] | None:
    return None if statuses is None else frozenset(statuses)


def _casefold(text: object) -> object:
    return text.casefold() if isinstance(text, str) else text


def _name_key(text: object) -> str:
    # Imported on first use: opening a journal need not load unicodedata before the first paint.
    from journal.domain.names import name_key

    return name_key(text)


def _holds_words(text: object, words: str) -> bool:
    # The words come joined by single spaces (a typed word never holds whitespace).
    folded = text.casefold() if isinstance(text, str) else ""
    return all(word in folded for word in words.split(" "))


def add_functions(conn: sqlite3.Connection) -> None:
    """SQL functions the store's queries use, Python's own so that SQL agrees with memory:
    `casefold(text)` is str.casefold (SQLite's lower() and LIKE fold ASCII letters only), and
    `holds_words(text, words)` is RowFilterProxy's test: the folded text holds every word;
    `name_key(name)` is domain.names.name_key, the order the lists sort names in."""
    conn.create_function("casefold", 1, _casefold, deterministic=True)
    # Names sort as people read them (domain.names): "Zoë Å…" with the A's, not after Z.
    conn.create_function("name_key", 1, _name_key, deterministic=True)
    conn.create_function("holds_words", 2, _holds_words, deterministic=True)


def where(query: ListQuery, status_column: str, searched: str) -> tuple[str, list[object]]:
    """A WHERE clause (or "") and its parameters for the query's statuses and words.
    `searched` is the SQL expression of the text the words must occur in (not yet folded)."""
    clauses: list[str] = []
    params: list[object] = []
    if query.statuses is not None:
        marks = ", ".join("?" for _ in query.statuses) or "NULL"
        clauses.append(f"{status_column} IN ({marks})")
        params.extend(sorted(query.statuses))
    if query.words:
        clauses.append(f"holds_words({searched}, ?)")
        params.append(" ".join(query.words))
    return ("WHERE " + " AND ".join(clauses) if clauses else ""), params


def in_id_order(rows: list, ids: list[int]) -> list:
    """Rows fetched by `id IN (...)` back in the order of `ids` (rows that vanished dropped)."""
    by_id = {row[0]: row for row in rows}
    return [by_id[i] for i in ids if i in by_id]


def id_marks(ids: Collection[int]) -> str:
    return ", ".join("?" for _ in ids)
