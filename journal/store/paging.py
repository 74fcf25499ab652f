"""What a long list asks the store for: one page of rows at a time, filtered and ordered in SQL.

A list of 80,000 feedback drafts cannot be read, built and filtered whole each time a page opens,
so the lists that can grow that long load a batch of rows at a time. The filters a user sets
(statuses, words typed) and the column the list is sorted by travel to the store as a
`ListQuery`; each store module turns it into SQL over its own table. Words are looked up in the
search index (`journal.store.search`), as the whole-journal search finds them: each word typed
starts a word of the record's text or of the name of the person it names, case and accents
folded. The lists' filter in memory (`RowFilterProxy`) matches by the same rule.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Collection, Sequence
from typing import NamedTuple

from journal.domain.search_text import folded, holds_prefixes, query_words
from journal.store.search import match_expression, matching_ids_sql


class ListQuery(NamedTuple):
    """Which rows a list wants and in what order.

    `statuses`: keep rows whose status is one of these (None: every status). `words`: keep rows
    whose searched text has a word starting with each of these (folded, as `words_of` makes
    them).
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
    """The words of a filter as typed, folded as the search index folds the text it holds."""
    return query_words(text)


def statuses_of(statuses: Collection[str] | None) -> frozenset[str] | None:
    return None if statuses is None else frozenset(statuses)


def _casefold(text: object) -> object:
    return text.casefold() if isinstance(text, str) else text


def _name_key(text: object) -> str:
    # Imported on first use: opening a journal need not load unicodedata before the first paint.
    from journal.domain.names import name_key

    return name_key(text)


def _holds_words(text: object, words: str) -> bool:
    # The words come joined by single spaces (a folded word never holds one).
    return holds_prefixes(folded(text) if isinstance(text, str) else "", words.split(" "))


def add_functions(conn: sqlite3.Connection) -> None:
    """SQL functions the store's queries use, Python's own so that SQL agrees with memory:
    `casefold(text)` is str.casefold (SQLite's lower() and LIKE fold ASCII letters only), and
    `holds_words(text, words)` is RowFilterProxy's test (each word starts a word of the text,
    folded as the search index folds), for a list that searches text the index does not hold;
    `name_key(name)` is domain.names.name_key, the order the lists sort names in."""
    conn.create_function("casefold", 1, _casefold, deterministic=True)
    # Names sort as people read them (domain.names): "Zoë Å…" with the A's, not after Z.
    conn.create_function("name_key", 1, _name_key, deterministic=True)
    conn.create_function("holds_words", 2, _holds_words, deterministic=True)


class Searched(NamedTuple):
    """Where a list's words are looked for: the indexed text of the record of `kind` whose id
    is `id_expression` (its name or title alone when `column` is "head")."""

    kind: str
    id_expression: str
    column: str | None = None


def where(query: ListQuery, status_column: str,
          searched: Sequence[Searched] | str) -> tuple[str, list[object]]:
    """A WHERE clause (or "") and its parameters for the query's statuses and words. Each word
    must be found in one of the `searched` places (not all of them in the same one), looked up
    in the search index. `searched` may also be the SQL expression of a text (as before the
    index): the same rule is then checked row by row, in Python, without the index."""
    clauses: list[str] = []
    params: list[object] = []
    if query.statuses is not None:
        marks = ", ".join("?" for _ in query.statuses) or "NULL"
        clauses.append(f"{status_column} IN ({marks})")
        params.extend(sorted(query.statuses))
    if isinstance(searched, str):
        if query.words:
            clauses.append(f"holds_words({searched}, ?)")
            params.append(" ".join(query.words))
        searched = ()
    for word in query.words if searched else ():
        clauses.append("(" + " OR ".join(matching_ids_sql(place.kind, place.id_expression)
                                         for place in searched) + ")")
        params.extend(match_expression([word], place.column) for place in searched)
    return ("WHERE " + " AND ".join(clauses) if clauses else ""), params


def in_id_order(rows: list, ids: list[int]) -> list:
    """Rows fetched by `id IN (...)` back in the order of `ids` (rows that vanished dropped)."""
    by_id = {row[0]: row for row in rows}
    return [by_id[i] for i in ids if i in by_id]


def id_marks(ids: Collection[int]) -> str:
    return ", ".join("?" for _ in ids)
