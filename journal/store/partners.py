"""Queries behind the Partner teams page: one row per team with its standing, and its strip.

A team's standing needs only two dates (its latest contact outside an incident, and its latest
contact of any kind), read per team from the index partner_contacts_by_team(team_id, on_date);
the strip needs the contacts of the last twelve months, read once for all teams.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from journal.domain.partners import Standing, StripMark, standing, strip_marks, strip_start
from journal.domain.search_text import folded
from journal.domain.thresholds import Thresholds
from journal.store.codec import iso_day as _day
from journal.store.journal import Journal
from journal.store.paging import ListQuery, id_marks, in_id_order, where


@dataclass(frozen=True, slots=True)
class TeamRow:
    id: int
    name: str
    depends_for: str
    contact_id: int | None
    contact_name: str  # empty when the team has no named point of contact
    contacts: int  # how many contacts were ever logged
    standing: Standing
    strip: tuple[StripMark, ...]

    @property
    def search_text(self) -> str:
        return folded(" ".join((self.name, self.contact_name, self.depends_for)))

    @property
    def status(self) -> str:
        """What the list's filter keeps: "needs_contact" (marked) or "fine"."""
        return "needs_contact" if self.standing.stale else "fine"


_SELECT = """
    SELECT t.id, t.name, t.depends_for, t.contact_id, coalesce(p.name, ''),
        (SELECT count(*) FROM partner_contacts c WHERE c.team_id = t.id),
        (SELECT max(c.on_date) FROM partner_contacts c
            WHERE c.team_id = t.id AND c.during_incident = 0),
        (SELECT max(c.on_date) FROM partner_contacts c WHERE c.team_id = t.id)
    FROM partner_teams t LEFT JOIN people p ON p.id = t.contact_id"""


def contact_days(journal: Journal) -> int:
    return Thresholds.from_settings(journal.settings()).partner_contact_days


def _strips(journal: Journal, today: dt.date, team_ids: list[int] | None = None
            ) -> dict[int, tuple[StripMark, ...]]:
    """The strips of the teams `team_ids` (None: every team)."""
    sql = ("SELECT team_id, on_date, during_incident FROM partner_contacts "
           "WHERE on_date >= ? AND on_date <= ?")
    params: tuple = (strip_start(today).isoformat(), today.isoformat())
    if team_ids is not None:
        sql += f" AND team_id IN ({id_marks(team_ids)})"
        params += tuple(team_ids)
    by_team: dict[int, list[tuple[dt.date, bool]]] = {}
    for tid, on, incident in journal.rows(sql, params):
        by_team.setdefault(tid, []).append((_day(on), bool(incident)))
    return {tid: tuple(strip_marks(days, today)) for tid, days in by_team.items()}


def _row(raw: tuple, today: dt.date, threshold: int,
         strips: dict[int, tuple[StripMark, ...]]) -> TeamRow:
    tid, name, depends_for, contact_id, contact_name, n, calm, last = raw
    return TeamRow(tid, name, depends_for, contact_id, contact_name, n,
                   standing(_day(calm), _day(last), today, threshold), strips.get(tid, ()))


def team_rows(journal: Journal, today: dt.date | None = None,
              threshold_days: int | None = None) -> list[TeamRow]:
    """Every partner team, by name, with its standing on `today` and its twelve-month strip."""
    today = today or dt.date.today()
    threshold = threshold_days if threshold_days is not None else contact_days(journal)
    strips = _strips(journal, today)
    raws = journal.rows(f"{_SELECT} ORDER BY casefold(t.name), t.id")
    return [_row(raw, today, threshold, strips) for raw in raws]


def team_row(journal: Journal, team_id: int, today: dt.date | None = None,
             threshold_days: int | None = None) -> TeamRow | None:
    today = today or dt.date.today()
    threshold = threshold_days if threshold_days is not None else contact_days(journal)
    found = journal.rows(f"{_SELECT} WHERE t.id = ?", (team_id,))
    if not found:
        return None
    return _row(found[0], today, threshold, _strips(journal, today, [team_id]))


@dataclass(frozen=True, slots=True)
class ContactRow:
    id: int
    on_date: dt.date
    contact_kind: str
    during_incident: bool
    person_id: int | None
    person_name: str
    notes: str


def contact_rows(journal: Journal, team_id: int, limit: int = 200) -> list[ContactRow]:
    """A team's contact log, newest first (the most recent `limit`)."""
    raws = journal.rows(
        """SELECT c.id, c.on_date, c.contact_kind, c.during_incident, c.person_id,
                  coalesce(p.name, ''), c.notes
           FROM partner_contacts c LEFT JOIN people p ON p.id = c.person_id
           WHERE c.team_id = ? ORDER BY c.on_date DESC, c.id DESC LIMIT ?""", (team_id, limit))
    return [ContactRow(rid, dt.date.fromisoformat(on), kind, bool(incident), pid, name, notes)
            for rid, on, kind, incident, pid, name, notes in raws]


# -- one batch at a time (the Partner teams list) ----------------------------------------------
_CALM = ("(SELECT max(c.on_date) FROM partner_contacts c "
         "WHERE c.team_id = t.id AND c.during_incident = 0)")
_LAST = "(SELECT max(c.on_date) FROM partner_contacts c WHERE c.team_id = t.id)"
_SEARCHED = "t.name || ' ' || coalesce(p.name, '') || ' ' || t.depends_for"


def _orders(today: dt.date) -> dict[str, tuple[str, ...]]:
    """SQL for the list's sort keys, as the columns sort in memory (pages/partners.py)."""
    start = strip_start(today).isoformat()
    return {
        "name": ("casefold(t.name)",),
        "contact": ("casefold(coalesce(p.name, ''))",),
        # neglect_key: never met, then met only during incidents, then the oldest calm contact
        "neglect": (f"CASE WHEN {_CALM} IS NULL AND {_LAST} IS NULL THEN 0 "
                    f"WHEN {_CALM} IS NULL THEN 1 ELSE 2 END", _CALM),
        "strip": (f"(SELECT count(*) FROM partner_contacts c WHERE c.team_id = t.id AND "
                  f"c.on_date >= '{start}' AND c.on_date <= '{today.isoformat()}')",),
    }


def team_page(journal: Journal, query: ListQuery, offset: int, limit: int,
              today: dt.date | None = None, threshold_days: int | None = None) -> list[TeamRow]:
    """Up to `limit` teams from the `offset`-th on, of those `query` keeps, in its order; only
    their strips are read. The "needs_contact" status is the standing's `stale`, in SQL."""
    today = today or dt.date.today()
    threshold = threshold_days if threshold_days is not None else contact_days(journal)
    cutoff = (today - dt.timedelta(days=max(0, threshold))).isoformat()
    status = (f"(CASE WHEN {_CALM} IS NULL OR {_CALM} < '{cutoff}' THEN 'needs_contact' "
              "ELSE 'fine' END)")
    condition, params = where(query, status, _SEARCHED)
    keys = _orders(today).get(query.order)
    direction = "DESC" if query.descending else "ASC"
    order = ", ".join(f"{key} {direction}" for key in keys or ())
    order = f"{order}, casefold(t.name), t.id" if order else "casefold(t.name), t.id"
    ids = [raw[0] for raw in journal.rows(
        f"""SELECT t.id FROM partner_teams t LEFT JOIN people p ON p.id = t.contact_id
            {condition} ORDER BY {order} LIMIT ? OFFSET ?""", (*params, limit, offset))]
    if not ids:
        return []
    raws = journal.rows(f"{_SELECT} WHERE t.id IN ({id_marks(ids)})", tuple(ids))
    strips = _strips(journal, today, ids)
    return [_row(raw, today, threshold, strips) for raw in in_id_order(raws, ids)]


def any_teams(journal: Journal) -> bool:
    return bool(journal.rows("SELECT EXISTS (SELECT 1 FROM partner_teams)")[0][0])
