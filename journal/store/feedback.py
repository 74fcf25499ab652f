"""Queries behind the Feedback page's list of SBI drafts."""

from __future__ import annotations

import datetime as dt
import heapq
import itertools
from dataclasses import dataclass

from journal.domain.draft_age import age_days, created_on, is_stale
from journal.domain.kinds import FEEDBACK_DRAFT, PERSON
from journal.domain.search_text import folded
from journal.domain.thresholds import Thresholds
from journal.store.journal import Journal
from journal.store.paging import ListQuery, Searched, id_marks, in_id_order, where

_SELECT = """
    SELECT f.id, f.recipient_id, p.name, f.polarity, f.status, f.situation, f.behavior,
           f.impact, f.created_at, f.delivered_on
    FROM feedback_drafts f JOIN people p ON p.id = f.recipient_id"""


@dataclass(frozen=True, slots=True)
class DraftRow:
    """One feedback draft as the list shows it: who it is for, how old, whether it went stale."""

    id: int
    recipient_id: int
    recipient_name: str
    polarity: str
    status: str
    situation: str
    behavior: str
    impact: str
    created_on: dt.date
    delivered_on: dt.date | None
    age_days: int
    stale: bool

    @property
    def search_text(self) -> str:
        """Everything a filter-as-you-type should find, as the search index folds it."""
        return folded(" ".join((self.recipient_name, self.situation, self.behavior,
                                self.impact)))

    @property
    def gist(self) -> str:
        """The most telling part to show in a list: the behavior, else whatever was written."""
        return gist_of(self.behavior, self.situation, self.impact)


def gist_of(behavior: str, situation: str, impact: str) -> str:
    for text in (behavior, situation, impact):
        if text.strip():
            return " ".join(text.split())
    return ""


def thresholds_of(journal: Journal) -> Thresholds:
    return Thresholds.from_settings(journal.settings())


def _row(raw: tuple, today: dt.date, thresholds: Thresholds) -> DraftRow:
    (rid, recipient_id, name, polarity, status, situation, behavior, impact, created_at,
     delivered_on) = raw
    made = created_on(created_at)
    days = age_days(made, today)
    return DraftRow(rid, recipient_id, name, polarity, status, situation, behavior, impact, made,
                    dt.date.fromisoformat(delivered_on) if delivered_on else None, days,
                    is_stale(status, created_at, today, thresholds.feedback_stale_days))


def draft_rows(journal: Journal, today: dt.date | None = None,
               thresholds: Thresholds | None = None) -> list[DraftRow]:
    """Every draft, newest first, with its age on `today` (default: today)."""
    today = today or dt.date.today()
    thresholds = thresholds or thresholds_of(journal)
    raws = journal.rows(_SELECT)
    # Sorted here, not with ORDER BY: without an index on created_at, SQLite sorts the whole
    # rows, texts included, in a temporary b-tree (10 ms of 22 for 8,000 drafts). The key is
    # the same (ISO stamps compare alike as text in both), and ids break every tie.
    raws.sort(key=lambda raw: (raw[8], raw[0]), reverse=True)  # created_at, id: newest first
    return [_row(raw, today, thresholds) for raw in raws]


def draft_row(journal: Journal, draft_id: int, today: dt.date | None = None,
              thresholds: Thresholds | None = None) -> DraftRow | None:
    """One draft's row, or None if it no longer exists."""
    found = journal.rows(f"{_SELECT} WHERE f.id = ?", (draft_id,))
    if not found:
        return None
    return _row(found[0], today or dt.date.today(), thresholds or thresholds_of(journal))


# -- one page at a time (the Feedback page's list) ---------------------------------------------
# What a filter-as-you-type searches, in the index: DraftRow.search_text.
_SEARCHED = (Searched(FEEDBACK_DRAFT, "f.id"), Searched(PERSON, "f.recipient_id", "head"))


def _order_by(query: ListQuery, today: dt.date) -> str:
    """ORDER BY for the list's sort keys (draft_list's columns); ties fall in the order of
    draft_rows (newest first), as the list's stable sort in memory leaves them.

    "age" (the default): waiting drafts first, then the rest, each youngest first. Ascending by
    age is descending by stamp; descending by age compares the local day (age_days's unit), so
    drafts of one day keep their newest-first order, as a stable reverse sort keeps them.
    "name": the recipient's name, folded. "gist": the text the list shows, folded (the list
    flattens and cuts it at 160 characters; ties past that point are left to the stamps).
    """
    newest = "f.created_at DESC, f.id DESC"
    direction = "DESC" if query.descending else "ASC"
    if query.order == "name":
        return f"name_key(p.name) {direction}, casefold(p.name) {direction}, {newest}"
    if query.order == "gist":
        return f"casefold(gist(f.behavior, f.situation, f.impact)) {direction}, {newest}"
    # A waiting draft's age sorts before any other's (draft_list: 100000 + age for the rest).
    group = "" if query.statuses is not None and len(query.statuses) == 1 else (
        f"(f.status != 'draft') {direction}, ")
    if not query.descending:
        return group + newest
    day = f"min(date(f.created_at, 'localtime'), '{today.isoformat()}')"  # age_days clamps at 0
    return f"{group}{day} ASC, {newest}"


def draft_page(journal: Journal, query: ListQuery, offset: int, limit: int,
               today: dt.date | None = None,
               thresholds: Thresholds | None = None) -> list[DraftRow]:
    """Up to `limit` drafts from the `offset`-th on, of those `query` keeps, in its order."""
    today = today or dt.date.today()
    # Registered here rather than with the store's other functions: only this order uses it.
    journal.conn.create_function("gist", 3, gist_of, deterministic=True)
    condition, params = where(query, "f.status", _SEARCHED)
    if query.order in ("", "age") and not query.descending:
        words, word_params = where(query._replace(statuses=None), "f.status", _SEARCHED)
        ids = _youngest_ids(journal, query.statuses, offset, limit,
                            words.replace("WHERE", "AND", 1), word_params)
    else:
        # Ids first, rows after: the sort then carries ids, not the drafts' texts.
        ids = [raw[0] for raw in journal.rows(
            f"""SELECT f.id FROM feedback_drafts f JOIN people p ON p.id = f.recipient_id
                {condition} ORDER BY {_order_by(query, today)} LIMIT ? OFFSET ?""",
            (*params, limit, offset))]
    if not ids:
        return []
    raws = journal.rows(f"{_SELECT} WHERE f.id IN ({id_marks(ids)})", tuple(ids))
    thresholds = thresholds or thresholds_of(journal)
    return [_row(raw, today, thresholds) for raw in in_id_order(raws, ids)]


def _youngest_ids(journal: Journal, statuses: frozenset[str] | None, offset: int,
                  limit: int, words: str = "", word_params: list[object] | None = None
                  ) -> list[int]:
    """The list's default order (see _order_by), read from the index
    feedback_by_status(status, created_at) alone: one walk per status, youngest first, waiting
    drafts before the rest, and the other statuses merged. With every status shown, one ORDER
    BY would sort all the drafts (85 ms for 80,000) for each batch. `words` ("AND ...", with
    its parameters) keeps the drafts holding the words typed: the walk checks each draft
    against the search index's matches and stops once the batch is full, so a word most
    drafts hold does not sort them all."""
    from journal.domain.records import FEEDBACK_STATUSES  # loaded on first use (see records)

    wanted = offset + limit
    found: list[tuple[str, int]] = []
    others = tuple(status for status in FEEDBACK_STATUSES if status != "draft")
    for group in (("draft",), others):
        walks = [journal.rows("SELECT f.created_at, f.id FROM feedback_drafts f "
                              f"WHERE f.status = ? {words} "
                              "ORDER BY f.created_at DESC, f.id DESC LIMIT ?",
                              (status, *(word_params or ()), wanted - len(found)))
                 for status in group if statuses is None or status in statuses]
        found.extend(itertools.islice(heapq.merge(*walks, reverse=True), wanted - len(found)))
        if len(found) >= wanted:
            break
    return [draft_id for _, draft_id in found[offset:wanted]]


def any_drafts(journal: Journal) -> bool:
    """Whether the journal holds any feedback draft at all, whatever the list's filters."""
    return bool(journal.rows("SELECT EXISTS (SELECT 1 FROM feedback_drafts)")[0][0])
