"""The checklist's queries about people: mentoring, feedback, the anti-pattern hints, and the
snoozes that hide gaps for a while.

Each query reads only the rule's candidates through an index (active mentorships and their active
goals, undelivered drafts, recent sessions), never every record of a kind; the domain module
judges them (`journal.domain.checklist`).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from functools import partial

from journal.domain import kinds
from journal.domain.checklist import (
    LONGEST_LABEL,
    ChecklistSettings,
    Finding,
    SnoozeMark,
    check_in_overdue,
    cutoff,
    days_between,
    only_vague_label,
)
from journal.domain.mentoring import PAIRING_WINDOW, SessionFact, mentorship_hints
from journal.store.codec import iso_day as _date
from journal.store.journal import Journal

# Mentorships that count on :today: started, and not ended by then.
_ACTIVE_MENTORSHIPS = """
    SELECT m.id, m.uid, p.name, m.mentor_id IS NULL AND m.mentor_is_me = 0, m.cadence_days
    FROM mentorships m JOIN people p ON p.id = m.mentee_id
    WHERE m.started_on <= :today AND (m.ended_on IS NULL OR m.ended_on > :today)"""

# Their active goals (goals_by_mentorship) with the last check-in up to :today (one seek in
# check_ins_by_goal each).
_ACTIVE_GOALS = """
    SELECT g.id, g.uid, g.mentorship_id, g.outcome, g.target_on, g.started_on,
           (SELECT max(c.on_date) FROM check_ins c
            WHERE c.goal_id = g.id AND c.on_date <= :today)
    FROM mentorships m JOIN goals g ON g.mentorship_id = m.id AND g.status = 'active'
    WHERE m.started_on <= :today AND (m.ended_on IS NULL OR m.ended_on > :today)
      AND g.started_on <= :today
    ORDER BY g.mentorship_id, g.started_on, g.id"""


def _short(text: str, limit: int = 48) -> str:
    """The text on one line, cut at a word before `limit` characters (with "…")."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    return (cut.rsplit(" ", 1)[0] if " " in cut else cut).rstrip(" ,;:.") + "…"


def mentoring_gaps(journal: Journal, today: dt.date, settings: ChecklistSettings
                   ) -> list[Finding]:
    t = settings.thresholds
    params = {"today": today.isoformat()}
    mentorships = journal.rows(_ACTIVE_MENTORSHIPS, params)
    goals: dict[int, list[tuple]] = defaultdict(list)
    for row in journal.rows(_ACTIVE_GOALS, params):
        goals[row[2]].append(row)
    gaps: list[Finding] = []
    for mid, muid, name, no_mentor, cadence in sorted(mentorships, key=lambda r: r[2].casefold()):
        on_mentorship = partial(Finding, "mentoring", kind=kinds.MENTORSHIP, id=mid, uid=muid,
                                name=name)
        on_goal = partial(Finding, "mentoring", kind=kinds.GOAL, name=name)
        if no_mentor:
            gaps.append(on_mentorship("no_mentor", field="mentor_id"))
        active = goals.get(mid, [])
        if not active:
            gaps.append(on_mentorship("no_active_goal", field="goals"))
        elif len(active) > t.max_active_goals:
            gaps.append(on_mentorship("too_many_goals", field="goals", n=len(active),
                                      limit=t.max_active_goals))
        for gid, guid, _m, outcome, target_on, started_on, last in active:
            title = _short(outcome)
            if not outcome.strip():
                gaps.append(on_goal("goal_no_outcome", id=gid, uid=guid, field="outcome"))
            if target_on is None:
                gaps.append(on_goal("goal_no_target", id=gid, uid=guid, field="target_on",
                                    title=title))
            last_day, started = _date(last), _date(started_on)
            if check_in_overdue(last_day, started, cadence, today, t.check_in_grace_days):
                since = last_day or started
                gaps.append(on_goal("check_in_overdue", id=gid, uid=guid, field="check_ins",
                                    title=title, n=days_between(since, today) if since else 0,
                                    limit=cadence))
    return gaps


# Undelivered drafts (feedback_by_status), with the parts short enough to be only a label.
# Undelivered drafts in the order they were written (row id: the table's own order, so its pages
# are read one after the other rather than in the order of a date index), with the parts short
# enough to be only a label. The day each was written is the local calendar day of its UTC stamp:
# SQLite's 'localtime' reads the same system time zone as Python's astimezone()
# (domain.draft_age.created_on), in C. Names come from one read of `people`, not a join per row.
_UNDELIVERED = f"""
    SELECT f.id, f.uid, f.recipient_id, date(f.created_at, 'localtime'),
           trim(f.situation) = '', trim(f.behavior) = '', trim(f.impact) = '',
           CASE WHEN length(f.behavior) <= {LONGEST_LABEL} THEN f.behavior END,
           CASE WHEN length(f.impact) <= {LONGEST_LABEL} THEN f.impact END
    FROM feedback_drafts f
    WHERE f.status = 'draft'
    ORDER BY f.id"""


def feedback_gaps(journal: Journal, today: dt.date, settings: ChecklistSettings
                  ) -> list[Finding]:
    """Delivered and dropped feedback is history; only drafts still to give can be fixed.
    Written as one plain loop: a journal left alone for years has thousands of drafts here."""
    days = settings.thresholds.feedback_stale_days
    # A draft written before this day is stale (domain.feedback.is_stale, for ISO day strings).
    stale_before = cutoff(today, days).isoformat()
    labels = settings.vague_labels
    kind = kinds.FEEDBACK_DRAFT
    gaps: list[Finding] = []
    add = gaps.append
    rows = journal.rows(_UNDELIVERED)
    if not rows:
        return gaps
    names = dict(journal.rows("SELECT id, name FROM people"))
    for fid, uid, recipient, made_on, no_s, no_b, no_i, behavior, impact in rows:
        name = names.get(recipient, "")
        if no_s or no_b or no_i:
            missing = tuple(part for part, empty in (("situation", no_s), ("behavior", no_b),
                                                     ("impact", no_i)) if empty)
            add(Finding("feedback", "feedback_missing", kind, fid, uid, name, missing[0],
                        parts=missing))
        if behavior is not None or impact is not None:  # short enough to be only a label
            vague = tuple(part for part, text in (("behavior", behavior), ("impact", impact))
                          if only_vague_label(text, labels))
            if vague:
                add(Finding("feedback", "feedback_vague", kind, fid, uid, name, vague[0],
                            parts=vague))
        if made_on is not None and made_on < stale_before:  # None: an unreadable timestamp
            waited = (today - dt.date.fromisoformat(made_on)).days
            add(Finding("feedback", "feedback_stale", kind, fid, uid, name, "status", waited,
                        days))
    return gaps


# -- hints -------------------------------------------------------------------------------------
# Sessions of active mentorships up to :today that either hint may look at: those since :since
# (the hero-call window) and the last PAIRING_WINDOW pairing sessions (take-it-over).
_SESSIONS = f"""
    WITH active AS (
        SELECT m.id FROM mentorships m
        WHERE m.started_on <= :today AND (m.ended_on IS NULL OR m.ended_on > :today))
    SELECT s.id, s.mentorship_id, s.on_date, s.structure, s.during_incident, s.driver
    FROM active a JOIN mentoring_sessions s
         ON s.mentorship_id = a.id AND s.on_date BETWEEN :since AND :today
    UNION
    SELECT s.id, s.mentorship_id, s.on_date, s.structure, s.during_incident, s.driver
    FROM active a JOIN mentoring_sessions s ON s.id IN (
        SELECT x.id FROM mentoring_sessions x
        WHERE x.mentorship_id = a.id AND x.structure = 'pairing' AND x.on_date <= :today
        ORDER BY x.on_date DESC, x.id DESC LIMIT {PAIRING_WINDOW})"""


def hints(journal: Journal, today: dt.date, settings: ChecklistSettings) -> list[Finding]:
    """Hero-call and take-it-over, per active mentorship, by the mentoring page's own rules."""
    weeks = settings.thresholds.hero_call_weeks
    since = today - dt.timedelta(weeks=weeks)
    facts: dict[int, list[SessionFact]] = defaultdict(list)
    for _sid, mid, on_date, structure, incident, driver in journal.rows(
            _SESSIONS, {"today": today.isoformat(), "since": since.isoformat()}):
        facts[mid].append(SessionFact(dt.date.fromisoformat(on_date), structure, bool(incident),
                                      driver))
    if not facts:
        return []
    found: list[Finding] = []
    names = {mid: (uid, name) for mid, uid, name, _n, _c in journal.rows(
        _ACTIVE_MENTORSHIPS, {"today": today.isoformat()})}
    for mid in sorted(facts, key=lambda m: names.get(m, ("", ""))[1].casefold()):
        if mid not in names:
            continue
        uid, name = names[mid]
        for code in mentorship_hints(facts[mid], today, settings.thresholds):
            found.append(Finding("hints", code, kinds.MENTORSHIP, mid, uid, name,
                                 field="sessions", limit=weeks))
    return found


# -- snoozes -----------------------------------------------------------------------------------
def live_snoozes(journal: Journal, today: dt.date) -> list[SnoozeMark]:
    """Snoozes that still hide their gap on `today` (snoozes_by_end)."""
    rows = journal.rows("SELECT id, rule, record_kind, record_uid, until_on, reason FROM snoozes "
                        "WHERE until_on > ?", (today.isoformat(),))
    return [SnoozeMark(sid, (rule, kind, uid), dt.date.fromisoformat(until), reason)
            for sid, rule, kind, uid, until, reason in rows]


def snooze_id_of(journal: Journal, key: tuple[str, str, str]) -> int | None:
    found = journal.rows("SELECT id FROM snoozes WHERE rule = ? AND record_kind = ? "
                         "AND record_uid = ?", key)
    return found[0][0] if found else None
