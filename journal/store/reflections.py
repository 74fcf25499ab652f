"""Queries behind the Reflections page's list of received feedback."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from journal.domain.kinds import PERSON, REFLECTION
from journal.domain.search_text import folded
from journal.store.journal import Journal
from journal.store.paging import ListQuery, Searched, id_marks, in_id_order, where


@dataclass(frozen=True, slots=True)
class ReflectionRow:
    id: int
    giver_id: int | None
    giver_name: str  # empty when nobody was named
    received_on: dt.date
    status: str
    what_was_said: str
    action: str
    step: int
    paraphrase: str = ""
    example: str = ""
    useful: str = ""

    @property
    def search_text(self) -> str:
        """What a filter-as-you-type finds (every step's text and the giver's name), as the
        search index folds it."""
        return folded(" ".join((self.giver_name, self.what_was_said, self.paraphrase,
                                self.example, self.useful, self.action)))


_SELECT = """
    SELECT r.id, r.giver_id, coalesce(p.name, ''), r.received_on, r.status, r.what_was_said,
           r.action, r.step, r.paraphrase, r.example, r.useful
    FROM reflections r LEFT JOIN people p ON p.id = r.giver_id"""


def _row(raw: tuple) -> ReflectionRow:
    rid, giver_id, name, received_on, status, said, action, step, paraphrase, example, useful = raw
    return ReflectionRow(rid, giver_id, name, dt.date.fromisoformat(received_on), status, said,
                         action, step, paraphrase, example, useful)


def reflection_rows(journal: Journal) -> list[ReflectionRow]:
    """Every reflection, most recently received first."""
    return [_row(raw) for raw in
            journal.rows(f"{_SELECT} ORDER BY r.received_on DESC, r.id DESC")]


def reflection_row(journal: Journal, reflection_id: int) -> ReflectionRow | None:
    found = journal.rows(f"{_SELECT} WHERE r.id = ?", (reflection_id,))
    return _row(found[0]) if found else None


# -- one page at a time (the Reflections page's list) ------------------------------------------
_SEARCHED = (Searched(REFLECTION, "r.id"), Searched(PERSON, "r.giver_id", "head"))


def _order_by(query: ListQuery, unnamed: str, status_ranks: dict[str, int]) -> str:
    """ORDER BY for the list's sort keys (list_model's columns); ties fall in the order of
    reflection_rows (most recently received first), as the list's stable sort leaves them.

    "received" (the default; the list opens descending). "giver": the name, folded, with
    `unnamed` (the list's words for nobody named) in place of none. "status": the statuses'
    `status_ranks` (the order of their labels). "said": what was said, folded.
    """
    newest = "r.received_on DESC, r.id DESC"
    direction = "DESC" if query.descending else "ASC"
    if query.order == "giver":
        name = "coalesce(nullif(p.name, ''), ?)"
        return f"name_key({name}) {direction}, casefold({name}) {direction}, {newest}"
    if query.order == "status":
        ranks = " ".join(f"WHEN '{status}' THEN {rank}" for status, rank in
                         sorted(status_ranks.items()) if status.isidentifier())
        return f"CASE r.status {ranks} ELSE 0 END {direction}, {newest}"
    if query.order == "said":
        return f"casefold(r.what_was_said) {direction}, {newest}"
    return newest if query.descending else "r.received_on ASC, r.id DESC"


def reflection_page(journal: Journal, query: ListQuery, offset: int, limit: int,
                    unnamed: str = "", status_ranks: dict[str, int] | None = None
                    ) -> list[ReflectionRow]:
    """Up to `limit` reflections from the `offset`-th on, of those `query` keeps, in its order."""
    condition, params = where(query, "r.status", _SEARCHED)
    order_params = [unnamed, unnamed] if query.order == "giver" else []
    ids = [raw[0] for raw in journal.rows(
        f"""SELECT r.id FROM reflections r LEFT JOIN people p ON p.id = r.giver_id
            {condition} ORDER BY {_order_by(query, unnamed, status_ranks or {})}
            LIMIT ? OFFSET ?""", (*params, *order_params, limit, offset))]
    if not ids:
        return []
    raws = journal.rows(f"{_SELECT} WHERE r.id IN ({id_marks(ids)})", tuple(ids))
    return [_row(raw) for raw in in_id_order(raws, ids)]


def any_reflections(journal: Journal) -> bool:
    """Whether the journal holds any reflection at all, whatever the list's filters."""
    return bool(journal.rows("SELECT EXISTS (SELECT 1 FROM reflections)")[0][0])
