"""The queries behind "Due soon": one small query per rule, each reading an index.

The rules themselves live in `journal.domain.due`; SQL narrows the rows to those that can be due
(so the time does not grow with years of history) and the rules decide at the boundary days.
The 1:1 query runs only when the journal has the `one_on_ones` table (schema 6, issue 13).
"""

from __future__ import annotations

import datetime as dt
import logging

from journal.domain import due
from journal.domain.draft_age import created_on
from journal.domain.kinds import DESIGN_REVIEW, FEEDBACK_DRAFT, GOAL, PARTNER_TEAM
from journal.domain.thresholds import Thresholds
from journal.store.codec import iso_day as _day
from journal.store.journal import Journal

log = logging.getLogger(__name__)

ONE_ON_ONE_TABLE = "one_on_ones"

_CHECK_INS = """
SELECT g.id, g.uid, p.name, g.outcome, m.cadence_days, g.started_on,
       (SELECT c.on_date FROM check_ins c WHERE c.goal_id = g.id ORDER BY c.on_date DESC LIMIT 1)
FROM goals g
JOIN mentorships m ON m.id = g.mentorship_id
JOIN people p ON p.id = m.mentee_id
WHERE g.status = 'active' AND m.ended_on IS NULL
"""

# Stamps are UTC and the rule counts local days: the index narrows by a day more on each side,
# and created_on() decides.
_FEEDBACK = """
SELECT f.id, f.uid, p.name, f.created_at
FROM feedback_drafts f JOIN people p ON p.id = f.recipient_id
WHERE f.status = 'draft' AND f.created_at >= ? AND f.created_at < ?
"""

_PARTNERS = """
SELECT t.id, t.uid, t.name, coalesce(p.name, ''), t.created_at,
       (SELECT c.on_date FROM partner_contacts c
        WHERE c.team_id = t.id AND c.during_incident = 0 ORDER BY c.on_date DESC LIMIT 1)
FROM partner_teams t LEFT JOIN people p ON p.id = t.contact_id
"""

_REVIEWS = """
SELECT r.id, r.uid, r.title, r.reviewed_on
FROM design_reviews r
WHERE r.decision_record_id IS NULL AND r.reviewed_on BETWEEN ? AND ?
"""


def check_ins_due(journal: Journal, today: dt.date, days: int,
                  thresholds: Thresholds) -> list[due.DueItem]:
    items = []
    for goal_id, uid, name, outcome, cadence, started, last in journal.rows(_CHECK_INS):
        due_on = due.check_in_due_on(_day(last), _day(started), cadence)
        if due.check_in_listed(due_on, today, days):
            items.append(due.DueItem(due.CHECK_IN, GOAL, goal_id, uid, due_on,
                                     due.state_of(due_on, today,
                                                  thresholds.check_in_grace_days),
                                     title=outcome, person=name))
    return items


def feedback_due(journal: Journal, today: dt.date, days: int,
                 thresholds: Thresholds) -> list[due.DueItem]:
    stale = thresholds.feedback_stale_days
    first = today - dt.timedelta(days=stale + 1)
    last = due.window_end(today, days) - dt.timedelta(days=stale - 2)
    items = []
    for draft_id, uid, name, created_at in journal.rows(_FEEDBACK, (first.isoformat(),
                                                                    last.isoformat())):
        due_on = due.feedback_due_on(created_on(created_at), stale)
        if due.upcoming_listed(due_on, today, days):
            items.append(due.DueItem(due.FEEDBACK, FEEDBACK_DRAFT, draft_id, uid, due_on,
                                     due.state_of(due_on, today), person=name))
    return items


def partners_due(journal: Journal, today: dt.date, days: int,
                 thresholds: Thresholds) -> list[due.DueItem]:
    items = []
    for team_id, uid, name, contact, created_at, last in journal.rows(_PARTNERS):
        due_on = due.partner_due_on(_day(last), created_on(created_at),
                                    thresholds.partner_contact_days)
        if due.upcoming_listed(due_on, today, days):
            items.append(due.DueItem(due.PARTNER, PARTNER_TEAM, team_id, uid, due_on,
                                     due.state_of(due_on, today), title=name, person=contact))
    return items


def reviews_due(journal: Journal, today: dt.date, days: int,
                thresholds: Thresholds) -> list[due.DueItem]:
    wait = thresholds.review_decision_days
    first = today - dt.timedelta(days=due.REVIEW_LATE_DAYS + wait)
    last = due.window_end(today, days) - dt.timedelta(days=wait)
    items = []
    for review_id, uid, title, reviewed in journal.rows(_REVIEWS, (first.isoformat(),
                                                                   last.isoformat())):
        due_on = due.review_due_on(dt.date.fromisoformat(reviewed), wait)
        if due.review_listed(due_on, today, days):
            items.append(due.DueItem(due.REVIEW, DESIGN_REVIEW, review_id, uid, due_on,
                                     due.state_of(due_on, today), title=title))
    return items


def one_on_ones_due(journal: Journal, today: dt.date, days: int) -> list[due.DueItem]:
    """1:1s dated from today to the window's end. Skipped (an empty list) on a journal without
    the `one_on_ones` table, or whose table lacks the `person_id` and `held_on` columns this
    query reads."""
    columns = {row[1] for row in journal.rows(f"PRAGMA table_info({ONE_ON_ONE_TABLE})")}
    if not {"id", "uid", "person_id", "held_on"} <= columns:
        if columns:
            log.warning("one_on_ones has unexpected columns; 1:1s are left out of Due soon")
        return []
    rows = journal.rows(
        f"""SELECT o.id, o.uid, coalesce(p.name, ''), o.held_on FROM {ONE_ON_ONE_TABLE} o
            LEFT JOIN people p ON p.id = o.person_id WHERE o.held_on BETWEEN ? AND ?""",
        (today.isoformat(), due.window_end(today, days).isoformat()))
    return [due.DueItem(due.ONE_ON_ONE, due.ONE_ON_ONE_KIND, rid, uid, day,
                        due.state_of(day, today), person=name)
            for rid, uid, name, held_on in rows
            if due.upcoming_listed(day := dt.date.fromisoformat(held_on), today, days)]


def due_items(journal: Journal, today: dt.date | None = None, days: int = due.DEFAULT_DAYS,
              thresholds: Thresholds | None = None) -> list[due.DueItem]:
    """Everything due within `days` of `today` (or overdue and still waiting), most urgent
    first. Reads only."""
    today = today or dt.date.today()
    thresholds = thresholds or Thresholds.from_settings(journal.settings())
    items = [*check_ins_due(journal, today, days, thresholds),
             *feedback_due(journal, today, days, thresholds),
             *partners_due(journal, today, days, thresholds),
             *reviews_due(journal, today, days, thresholds),
             *one_on_ones_due(journal, today, days)]
    return due.ordered(items)
