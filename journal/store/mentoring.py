"""Mentoring queries: the mentee list in one aggregate query, and one mentee's detail.

The list is computed by SQLite (latest check-in per goal through the check_ins_by_goal index,
then grouped per mentorship), never by a query per mentee; the detail loads only the selected
mentorship's goals, check-ins and sessions.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass
from typing import NamedTuple

from journal.domain.mentoring import SessionFact
from journal.domain.records import CheckIn, Goal, MentoringSession, Mentorship
from journal.domain.search_text import folded
from journal.store.codec import iso_day as _date
from journal.store.journal import Journal

RECENT_HEALTHS = 8  # how many check-ins the trend dots show per goal


class MenteeRow(NamedTuple):
    """One line of the mentee list. A named tuple, not a frozen dataclass: 1,200 of them are
    built each time the list loads, in 0.4 ms instead of 1.5."""

    id: int  # the mentorship's id
    mentee_id: int
    mentee_name: str
    mentee_team: str
    mentor_id: int | None
    mentor_is_me: bool
    mentor_name: str  # empty when the mentor is the user or nobody
    structure: str
    started_on: dt.date | None
    ended_on: dt.date | None
    cadence_days: int
    active_goals: int
    last_check_in: dt.date | None
    next_due: dt.date | None  # the earliest due check-in over the active goals
    overdue_goals: int
    last_session: dt.date | None

    @property
    def last_contact(self) -> dt.date | None:
        known = [d for d in (self.last_check_in, self.last_session) if d is not None]
        return max(known) if known else None

    @property
    def ended(self) -> bool:
        return self.ended_on is not None

    @property
    def status(self) -> str:
        """"active" or "ended", for the list's "Show ended" filter."""
        return "ended" if self.ended_on is not None else "active"

    @property
    def search_text(self) -> str:
        """What the list's filter matches: the mentee, their team and their mentor's name
        (folded as the search index folds words)."""
        return folded(f"{self.mentee_name} {self.mentee_team} {self.mentor_name}")


# goal_due is MATERIALIZED: inlined, SQLite would run its check-in lookup once for each of the
# three uses of last_on (17 ms instead of 6 for 4,000 goals; SQLite 3.35 or later). The latest
# dates are read as "ORDER BY ... DESC LIMIT 1" from the (key, on_date) indexes: the same value
# as max(), about 1.5 ms sooner over 4,000 goals and 1,200 mentorships.
# Older SQLites (before 3.35) do not know the word; they get the same rows, a few ms later.
_MATERIALIZED = "MATERIALIZED" if sqlite3.sqlite_version_info >= (3, 35) else ""
_MENTEE_ROWS = """
WITH goal_due AS {materialized} (
    SELECT g.mentorship_id, g.status,
           (SELECT c.on_date FROM check_ins c WHERE c.goal_id = g.id
            ORDER BY c.on_date DESC LIMIT 1) AS last_on,
           g.started_on
    FROM goals g {goal_where}
),
per_mentorship AS (
    SELECT d.mentorship_id,
           sum(d.status = 'active') AS active_goals,
           max(d.last_on) AS last_check_in,
           min(CASE WHEN d.status = 'active'
                    THEN date(coalesce(d.last_on, d.started_on), '+' || m.cadence_days || ' days')
               END) AS next_due,
           sum(d.status = 'active'
               AND date(coalesce(d.last_on, d.started_on), '+' || m.cadence_days || ' days')
                   < :overdue_before) AS overdue_goals
    FROM goal_due d JOIN mentorships m ON m.id = d.mentorship_id
    GROUP BY d.mentorship_id
)
SELECT m.id, m.mentee_id, p.name, p.team, m.mentor_id, m.mentor_is_me,
       coalesce(mp.name, ''), m.structure, m.started_on, m.ended_on, m.cadence_days,
       coalesce(a.active_goals, 0), a.last_check_in, a.next_due, coalesce(a.overdue_goals, 0),
       (SELECT s.on_date FROM mentoring_sessions s WHERE s.mentorship_id = m.id
        ORDER BY s.on_date DESC LIMIT 1)
FROM mentorships m
JOIN people p ON p.id = m.mentee_id
LEFT JOIN people mp ON mp.id = m.mentor_id
LEFT JOIN per_mentorship a ON a.mentorship_id = m.id
{where}
ORDER BY name_key(p.name), casefold(p.name), m.id
"""


def mentee_rows(journal: Journal, today: dt.date, grace_days: int,
                mentorship_id: int | None = None, *, ended: bool = True) -> list[MenteeRow]:
    """Every mentorship as a list row (or just one; or, with `ended` False, only the current
    ones), with last and next check-in computed in SQL.

    A goal's next check-in is due `cadence_days` after its latest check-in (its start when it has
    none); it is overdue once that day plus `grace_days` has passed.
    """
    overdue_before = (today - dt.timedelta(days=grace_days)).isoformat()
    # Only the goals of the rows asked for are read: one mentorship's in 0.4 ms instead of 9 at
    # 10x; the current ones' (a quarter of the goals in a long-kept journal) in about half.
    if mentorship_id is not None:
        where, goal_where = "WHERE m.id = :one", "WHERE g.mentorship_id = :one"
    elif not ended:
        where = "WHERE m.ended_on IS NULL"
        goal_where = ("WHERE g.mentorship_id IN "
                      "(SELECT id FROM mentorships WHERE ended_on IS NULL)")
    else:
        where = goal_where = ""
    sql = _MENTEE_ROWS.format(where=where, goal_where=goal_where, materialized=_MATERIALIZED)
    rows = journal.rows(sql, {"overdue_before": overdue_before, "one": mentorship_id})
    # The rows share few distinct dates: each is parsed once (1,200 rows hold 6,000 dates).
    parsed: dict[str | None, dt.date | None] = {None: None}

    def day(value: str | None) -> dt.date | None:
        found = parsed.get(value, parsed)
        if found is parsed:
            found = parsed[value] = _date(value)
        return found  # type: ignore[return-value]

    return [
        MenteeRow(r[0], r[1], r[2], r[3], r[4], bool(r[5]), r[6], r[7], day(r[8]), day(r[9]),
                  r[10], r[11], day(r[12]), day(r[13]), r[14], day(r[15]))
        for r in rows
    ]


@dataclass(frozen=True)
class GoalRow:
    """A goal with what its check-ins say: latest date, count and recent healths (oldest
    first)."""

    goal: Goal
    last_check_in: dt.date | None
    check_ins: int
    recent_healths: tuple[str, ...]

    @property
    def id(self) -> int:
        return self.goal.id


def goal_rows(journal: Journal, mentorship_id: int) -> list[GoalRow]:
    """The mentorship's goals, active first, then by start date, with their check-in summary."""
    goals: list[Goal] = journal.records(
        "goal", "WHERE mentorship_id = ? ORDER BY status != 'active', started_on DESC, id DESC",
        (mentorship_id,))
    if not goals:
        return []
    stats = {
        goal_id: (_date(last), count)
        for goal_id, last, count in journal.rows(
            "SELECT goal_id, max(on_date), count(*) FROM check_ins WHERE goal_id IN "
            "(SELECT id FROM goals WHERE mentorship_id = ?) GROUP BY goal_id", (mentorship_id,))
    }
    healths: dict[int, list[str]] = {}
    for goal_id, health in journal.rows(
            "SELECT goal_id, health FROM ("
            "  SELECT goal_id, health, on_date, id, row_number() OVER ("
            "    PARTITION BY goal_id ORDER BY on_date DESC, id DESC) AS n"
            "  FROM check_ins WHERE goal_id IN (SELECT id FROM goals WHERE mentorship_id = ?))"
            " WHERE n <= ? ORDER BY goal_id, on_date, id", (mentorship_id, RECENT_HEALTHS)):
        healths.setdefault(goal_id, []).append(health)
    return [GoalRow(g, *stats.get(g.id, (None, 0)), tuple(healths.get(g.id, ()))) for g in goals]


def check_ins_for_goal(journal: Journal, goal_id: int) -> list[CheckIn]:
    """A goal's check-ins, newest first."""
    return journal.records("check_in", "WHERE goal_id = ? ORDER BY on_date DESC, id DESC",
                           (goal_id,))


def sessions_for(journal: Journal, mentorship_id: int) -> list[MentoringSession]:
    """A mentorship's sessions, newest first."""
    return journal.records("mentoring_session",
                           "WHERE mentorship_id = ? ORDER BY on_date DESC, id DESC",
                           (mentorship_id,))


def session_facts(sessions: list[MentoringSession]) -> list[SessionFact]:
    return [SessionFact(s.on_date, s.structure, s.during_incident, s.driver)
            for s in sessions if s.on_date is not None]


def active_goal_count(journal: Journal, mentorship_id: int, excluding: int | None = None) -> int:
    return journal.rows(
        "SELECT count(*) FROM goals WHERE mentorship_id = ? AND status = 'active' AND id != ?",
        (mentorship_id, excluding if excluding is not None else -1))[0][0]


def mentorship_of_person(journal: Journal, person_id: int) -> Mentorship | None:
    """The person's mentorship as a mentee: the current one, else the one that ended last."""
    found = journal.records(
        "mentorship", "WHERE mentee_id = ? ORDER BY ended_on IS NOT NULL, ended_on DESC, id DESC "
        "LIMIT 1", (person_id,))
    return found[0] if found else None


def mentorship_id_of(journal: Journal, kind: str, record_id: int) -> int | None:
    """The mentorship a goal, check-in or session belongs to (None when it does not exist)."""
    sql = {
        "mentorship": "SELECT id FROM mentorships WHERE id = ?",
        "goal": "SELECT mentorship_id FROM goals WHERE id = ?",
        "check_in": "SELECT g.mentorship_id FROM check_ins c JOIN goals g ON g.id = c.goal_id "
                    "WHERE c.id = ?",
        "mentoring_session": "SELECT mentorship_id FROM mentoring_sessions WHERE id = ?",
    }[kind]
    found = journal.rows(sql, (record_id,))
    return found[0][0] if found else None


def goal_id_of_check_in(journal: Journal, check_in_id: int) -> int | None:
    found = journal.rows("SELECT goal_id FROM check_ins WHERE id = ?", (check_in_id,))
    return found[0][0] if found else None
