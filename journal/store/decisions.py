"""Queries behind the Decisions page: design reviews, decision records (ADRs), roadmap proposals
and cross-team conflicts, each as the rows its list shows, plus the links between them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from journal.domain.decisions import RUBRIC, framing_has_number, word_count
from journal.domain.search_text import folded
from journal.store.codec import iso_day as _day
from journal.store.journal import Journal
from journal.store.paging import ListQuery, id_marks, in_id_order, where

PageRows = Callable[[Journal, ListQuery, int, int], list]


def _paged(source: str, alias: str, searched: str, status: str | None,
           orders: dict[str, tuple[str, ...]], newest: str,
           rows_of: Callable[[Journal, list[int]], list]) -> PageRows:
    """A list's page function: the ids from `source` (a table with its alias and joins) that the
    query keeps (`status`: the status column its choice filters, `searched`: the text its words
    must occur in), ordered in SQL by the expressions of the key it names in `orders`, each in
    the asked direction, ties in `newest` (the list's own order), then the rows of those ids."""

    def page(journal: Journal, query: ListQuery, offset: int, limit: int) -> list:
        if status is None:
            query = query._replace(statuses=None)
        condition, params = where(query, status or "", searched)
        keys = orders.get(query.order)
        direction = "DESC" if query.descending else "ASC"
        order = (", ".join(f"{key} {direction}" for key in keys) + f", {newest}" if keys
                 else newest)
        ids = [raw[0] for raw in journal.rows(
            f"SELECT {alias}.id FROM {source} {condition} ORDER BY {order} LIMIT ? OFFSET ?",
            (*params, limit, offset))]
        return rows_of(journal, ids) if ids else []

    return page


def _by_ids(select: str, alias: str, make: Callable[[tuple], object]
            ) -> Callable[[Journal, list[int]], list]:
    def rows(journal: Journal, ids: list[int]) -> list:
        raws = journal.rows(f"{select} WHERE {alias}.id IN ({id_marks(ids)})", tuple(ids))
        return [make(raw) for raw in in_id_order(raws, ids)]

    return rows


def _exists(table: str) -> Callable[[Journal], bool]:
    return lambda journal: bool(journal.rows(f"SELECT EXISTS (SELECT 1 FROM {table})")[0][0])


# -- design reviews ----------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class ReviewRow:
    id: int
    title: str
    reviewed_on: dt.date | None
    author_name: str
    answered: int  # of the six rubric questions
    decision_record_id: int | None
    record_number: int | None
    record_title: str

    @property
    def search_text(self) -> str:
        return folded(" ".join((self.title, self.author_name, self.record_title)))


_ANSWERED = " + ".join(f"(length(trim(r.{name})) > 0)" for name in RUBRIC)
_REVIEWS = f"""
    SELECT r.id, r.title, r.reviewed_on, coalesce(p.name, ''), {_ANSWERED},
           r.decision_record_id, d.adr_number, coalesce(d.title, '')
    FROM design_reviews r LEFT JOIN people p ON p.id = r.author_id
    LEFT JOIN decision_records d ON d.id = r.decision_record_id"""


def _review(raw: tuple) -> ReviewRow:
    rid, title, on, author, n, record_id, number, record_title = raw
    return ReviewRow(rid, title, _day(on), author, n, record_id, number, record_title)


def review_rows(journal: Journal) -> list[ReviewRow]:
    """Every design review, most recent first."""
    return [_review(raw) for raw in
            journal.rows(f"{_REVIEWS} ORDER BY r.reviewed_on DESC, r.id DESC")]


def review_row(journal: Journal, review_id: int) -> ReviewRow | None:
    found = journal.rows(f"{_REVIEWS} WHERE r.id = ?", (review_id,))
    return _review(found[0]) if found else None


review_page = _paged(
    "design_reviews r LEFT JOIN people p ON p.id = r.author_id "
    "LEFT JOIN decision_records d ON d.id = r.decision_record_id", "r",
    "r.title || ' ' || coalesce(p.name, '') || ' ' || coalesce(d.title, '')", None,
    {"reviewed": ("coalesce(r.reviewed_on, '')",), "title": ("casefold(r.title)",),
     "rubric": (f"({_ANSWERED})",), "record": ("(d.adr_number IS NULL)", "d.adr_number")},
    "r.reviewed_on DESC, r.id DESC", _by_ids(_REVIEWS, "r", _review))
any_reviews = _exists("design_reviews")


def reviews_of_record(journal: Journal, record_id: int) -> list[ReviewRow]:
    return [_review(raw) for raw in journal.rows(
        f"{_REVIEWS} WHERE r.decision_record_id = ? ORDER BY r.reviewed_on, r.id", (record_id,))]


# -- decision records --------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class RecordRow:
    id: int
    adr_number: int | None
    title: str
    status: str
    decided_on: dt.date | None
    superseded_by_id: int | None
    superseded_by_number: int | None
    superseded_by_title: str

    @property
    def search_text(self) -> str:
        return folded(f"{self.adr_number or ''} {self.title}")


_RECORDS = """
    SELECT d.id, d.adr_number, d.title, d.status, d.decided_on, d.superseded_by_id,
           s.adr_number, coalesce(s.title, '')
    FROM decision_records d LEFT JOIN decision_records s ON s.id = d.superseded_by_id"""


def _record(raw: tuple) -> RecordRow:
    rid, number, title, status, on, by_id, by_number, by_title = raw
    return RecordRow(rid, number, title, status, _day(on), by_id, by_number, by_title)


def record_rows(journal: Journal) -> list[RecordRow]:
    """Every decision record, highest number (newest) first."""
    return [_record(raw) for raw in
            journal.rows(f"{_RECORDS} ORDER BY d.adr_number DESC, d.id DESC")]


def record_row(journal: Journal, record_id: int) -> RecordRow | None:
    found = journal.rows(f"{_RECORDS} WHERE d.id = ?", (record_id,))
    return _record(found[0]) if found else None


record_page = _paged(
    "decision_records d LEFT JOIN decision_records s ON s.id = d.superseded_by_id", "d",
    "coalesce(d.adr_number, '') || ' ' || d.title", "d.status",
    {"number": ("coalesce(d.adr_number, 0)",), "title": ("casefold(d.title)",),
     "decided": ("coalesce(d.decided_on, '')",)},
    "d.adr_number DESC, d.id DESC", _by_ids(_RECORDS, "d", _record))
any_records = _exists("decision_records")


def superseding(journal: Journal, record_id: int) -> list[RecordRow]:
    """The records `record_id` supersedes (those whose superseded-by points at it)."""
    return [_record(raw) for raw in journal.rows(
        f"{_RECORDS} WHERE d.superseded_by_id = ? ORDER BY d.adr_number", (record_id,))]


def record_choices(journal: Journal) -> list[tuple[int, int | None, str]]:
    """(id, number, title) of every record, by number: what a "superseded by" picker lists."""
    return [tuple(raw) for raw in journal.rows(
        "SELECT id, adr_number, title FROM decision_records ORDER BY adr_number, id")]


@dataclass(frozen=True, slots=True)
class PersonInDecision:
    link_id: int
    person_id: int
    name: str
    role: str


def decision_people(journal: Journal, record_id: int) -> list[PersonInDecision]:
    """The people of a record in MADR's roles, by role then name."""
    raws = journal.rows(
        """SELECT l.id, l.person_id, p.name, l.role FROM decision_people l
           JOIN people p ON p.id = l.person_id WHERE l.decision_record_id = ?
           ORDER BY CASE l.role WHEN 'decision_maker' THEN 0 WHEN 'consulted' THEN 1 ELSE 2 END,
                    name_key(p.name), casefold(p.name), l.id""", (record_id,))
    return [PersonInDecision(*raw) for raw in raws]


def decisions_of_person(journal: Journal, person_id: int) -> list[tuple[RecordRow, str]]:
    """The decision records a person took part in, with the role, newest first."""
    raws = journal.rows(
        """SELECT l.decision_record_id, l.role FROM decision_people l
           JOIN decision_records d ON d.id = l.decision_record_id
           WHERE l.person_id = ? ORDER BY d.adr_number DESC, l.role""", (person_id,))
    out = []
    for record_id, role in raws:
        row = record_row(journal, record_id)
        if row is not None:
            out.append((row, role))
    return out


# -- roadmap proposals -------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class ProposalRow:
    id: int
    title: str
    frame: str
    status: str
    proposed_on: dt.date | None
    has_number: bool
    sentence_words: int

    @property
    def search_text(self) -> str:
        return folded(self.title)


_PROPOSALS = """SELECT id, title, frame, status, proposed_on, numbers, one_sentence
                FROM roadmap_proposals"""


def _proposal(raw: tuple) -> ProposalRow:
    rid, title, frame, status, on, numbers, sentence = raw
    return ProposalRow(rid, title, frame, status, _day(on), framing_has_number(numbers, sentence),
                       word_count(sentence))


def proposal_rows(journal: Journal) -> list[ProposalRow]:
    return [_proposal(raw) for raw in journal.rows(
        f"{_PROPOSALS} ORDER BY coalesce(proposed_on, substr(created_at, 1, 10)) DESC, id DESC")]


proposal_page = _paged(
    "roadmap_proposals r", "r", "r.title", None,
    {"proposed": ("coalesce(r.proposed_on, '')",), "title": ("casefold(r.title)",)},
    "coalesce(r.proposed_on, substr(r.created_at, 1, 10)) DESC, r.id DESC",
    _by_ids(_PROPOSALS.replace("FROM roadmap_proposals", "FROM roadmap_proposals r"), "r",
            _proposal))
any_proposals = _exists("roadmap_proposals")


def proposal_row(journal: Journal, proposal_id: int) -> ProposalRow | None:
    found = journal.rows(f"{_PROPOSALS} WHERE id = ?", (proposal_id,))
    return _proposal(found[0]) if found else None


# -- conflicts ---------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class ConflictRow:
    id: int
    title: str
    status: str
    decision_maker_id: int | None
    decision_maker_name: str
    owners: int
    raised_on: dt.date

    @property
    def search_text(self) -> str:
        return folded(f"{self.title} {self.decision_maker_name}")


_CONFLICTS = """
    SELECT c.id, c.title, c.status, c.decision_maker_id, coalesce(p.name, ''),
           (SELECT count(*) FROM conflict_owners o WHERE o.conflict_id = c.id),
           substr(c.created_at, 1, 10)
    FROM conflicts c LEFT JOIN people p ON p.id = c.decision_maker_id"""


def _conflict(raw: tuple) -> ConflictRow:
    *head, raised = raw
    return ConflictRow(*head, dt.date.fromisoformat(raised))


def conflict_rows(journal: Journal) -> list[ConflictRow]:
    """Every conflict: open and escalated ones first, then the newest."""
    return [_conflict(raw) for raw in journal.rows(
        f"""{_CONFLICTS} ORDER BY CASE c.status WHEN 'escalated' THEN 0 WHEN 'open' THEN 1
            ELSE 2 END, c.created_at DESC, c.id DESC""")]


conflict_page = _paged(
    "conflicts c LEFT JOIN people p ON p.id = c.decision_maker_id", "c",
    "c.title || ' ' || coalesce(p.name, '')", "c.status",
    {"title": ("casefold(c.title)",),
     "status": ("CASE c.status WHEN 'escalated' THEN 0 WHEN 'open' THEN 1 ELSE 2 END",),
     "maker": ("casefold(coalesce(p.name, ''))",),
     "owners": ("(SELECT count(*) FROM conflict_owners o WHERE o.conflict_id = c.id)",)},
    "CASE c.status WHEN 'escalated' THEN 0 WHEN 'open' THEN 1 ELSE 2 END, c.created_at DESC, "
    "c.id DESC", _by_ids(_CONFLICTS, "c", _conflict))
any_conflicts = _exists("conflicts")


def conflict_row(journal: Journal, conflict_id: int) -> ConflictRow | None:
    found = journal.rows(f"{_CONFLICTS} WHERE c.id = ?", (conflict_id,))
    return _conflict(found[0]) if found else None


@dataclass(frozen=True, slots=True)
class OwnerRow:
    id: int
    person_id: int
    name: str
    responsibility: str


def conflict_owners(journal: Journal, conflict_id: int) -> list[OwnerRow]:
    return [OwnerRow(*raw) for raw in journal.rows(
        """SELECT o.id, o.person_id, p.name, o.responsibility FROM conflict_owners o
           JOIN people p ON p.id = o.person_id WHERE o.conflict_id = ?
           ORDER BY name_key(p.name), casefold(p.name), o.id""", (conflict_id,))]
