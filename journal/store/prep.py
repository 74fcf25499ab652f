"""Reading everything a 1:1 prep note needs about one person (the rules are in domain/prep.py).

A handful of indexed queries per person; no query reads the whole journal, so a prep note costs
the same in a small journal and in a ten-year one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

from journal.domain import prep as rules
from journal.domain.kinds import (
    CHECK_IN,
    CONFLICT,
    CONFLICT_OWNER,
    DECISION_PERSON,
    DECISION_RECORD,
    DESIGN_REVIEW,
    FEEDBACK_DRAFT,
    GOAL,
    MENTORING_SESSION,
    MENTORSHIP,
    ONE_ON_ONE,
    PARTNER_CONTACT,
    PARTNER_TEAM,
    PERSON,
    REFLECTION,
)
from journal.domain.mentoring import next_check_in_due, overdue_days
from journal.domain.prep import (
    Boundary,
    ConflictPart,
    DecisionPart,
    Event,
    GoalStatus,
    PrepFacts,
    TeamContact,
)
from journal.domain.records import OneOnOne
from journal.domain.thresholds import Thresholds
from journal.store.journal import Journal
from journal.store.mentoring import mentorship_of_person

# Where the prep note's "what the checklist flags" comes from: by default `checklist_flags`
# below; a caller (a test, another tool) may pass its own to `prep_facts(flags=...)`.
FlagSource = Callable[[Journal, PrepFacts, Thresholds], list[str]]


def _marks(ids: Iterable[int]) -> tuple[str, tuple[int, ...]]:
    ids = tuple(ids)
    return ", ".join("?" for _ in ids) or "NULL", ids


def last_one_on_one(journal: Journal, person_id: int, today: dt.date) -> OneOnOne | None:
    """The latest 1:1 with the person held on or before `today`."""
    found = journal.records(ONE_ON_ONE, "WHERE person_id = ? AND held_on <= ? "
                            "ORDER BY held_on DESC, created_at DESC, id DESC LIMIT 1",
                            (person_id, today.isoformat()))
    return found[0] if found else None


def mark_held(journal: Journal, person_id: int, held_on: dt.date, notes: str,
              initiator: object = None, adding_to: int | None = None) -> OneOnOne:
    """Store a 1:1 with the person: the next prep starts from it. `adding_to`: a 1:1 stored a
    moment ago from the same prep (marked held twice); its notes get these added instead of a
    second 1:1 of the same day."""
    if adding_to is not None:
        found = journal.records(ONE_ON_ONE, "WHERE id = ? AND person_id = ? AND held_on = ?",
                                (adding_to, person_id, held_on.isoformat()))
        if found:
            joined = "\n\n".join(t for t in (found[0].notes.strip(), notes.strip()) if t)
            return journal.update(ONE_ON_ONE, adding_to, initiator=initiator, notes=joined)
    return journal.create(ONE_ON_ONE, initiator=initiator, person_id=person_id, held_on=held_on,
                          notes=notes.strip())


def prep_facts(journal: Journal, person_id: int, today: dt.date | None = None,
               since: dt.date | None = None, flags: FlagSource | None = None,
               thresholds: Thresholds | None = None) -> PrepFacts:
    """What the prep note for `person_id` is made of, on `today`. "Since" starts at the last 1:1
    (or at `since`, that day included, when given). Raises RecordNotFound for an unknown id."""
    today = today or dt.date.today()
    thresholds = thresholds or Thresholds.from_settings(journal.settings())
    person = journal.get(PERSON, person_id)
    last = last_one_on_one(journal, person_id, today)
    if since is not None:
        boundary = rules.since_day(since)
    elif last is not None:
        boundary = rules.after_one_on_one(last)
    else:  # a first 1:1: the last few weeks, not years of history
        boundary = rules.since_day(today - dt.timedelta(days=rules.FIRST_WINDOW_DAYS))
    facts = PrepFacts(person=person, today=today, last=last, boundary=boundary,
                      first_window=since is None and last is None)
    facts.one_on_ones = journal.rows("SELECT count(*) FROM one_on_ones WHERE person_id = ?",
                                     (person_id,))[0][0]
    events: list[Event] = []
    _mentoring(journal, facts, events, thresholds)
    _feedback(journal, facts, events)
    _partners(journal, facts, events, thresholds)
    _conflicts(journal, facts, events)
    _decisions(journal, facts, events)
    events.sort(key=lambda e: (e.on, e.kind, e.record_id))
    facts.earlier_events = max(0, len(events) - rules.MAX_EVENTS)
    facts.events = events[facts.earlier_events:]
    facts.flags = (flags or checklist_flags)(journal, facts, thresholds)
    return facts


def checklist_flags(journal: Journal, facts: PrepFacts, thresholds: Thresholds) -> list[str]:
    """What the checklist flags about the person (see FlagSource): its open gaps and hints on
    records that concern them, in the checklist's own words."""
    from journal.store.checklist_people import findings_about

    return [f.message() for f in findings_about(journal, facts.person.id, facts.today)]


# -- the parts -------------------------------------------------------------------------------------
def _dated(boundary: Boundary, record, on: dt.date | None, new: str, changed: str,
           kind: str, detail: str = "") -> Event | None:
    if boundary.is_new(record.created_at, on):
        return Event(on or rules.local_day(record.created_at), kind, record.id, new, detail)
    if boundary.is_changed(record.created_at, record.updated_at, on):
        return Event(rules.local_day(record.updated_at), kind, record.id, changed, detail)
    return None


def _mentoring(journal: Journal, facts: PrepFacts, events: list[Event],
               thresholds: Thresholds) -> None:
    b = facts.boundary
    facts.mentorship = ship = mentorship_of_person(journal, facts.person.id)
    if ship is not None and ship.mentor_id is not None:
        facts.mentor_name = journal.get(PERSON, ship.mentor_id).name
    ships = journal.records(MENTORSHIP, "WHERE mentee_id = ?", (facts.person.id,))
    for m in ships:
        ev = _dated(b, m, m.started_on, "Mentorship started.", "Mentorship details changed.",
                    MENTORSHIP)
        if ev:
            events.append(ev)
        if m.ended_on is not None and b.day is not None and m.ended_on > b.day:
            events.append(Event(m.ended_on, MENTORSHIP, m.id, "Mentorship ended."))
    cadence = {m.id: (m.cadence_days, m.ended_on) for m in ships}
    marks, ids = _marks(cadence)
    goals = journal.records(GOAL, f"WHERE mentorship_id IN ({marks}) ORDER BY started_on, id", ids)
    gmarks, gids = _marks(g.id for g in goals)
    check_ins = journal.records(CHECK_IN, f"WHERE goal_id IN ({gmarks}) "
                                "ORDER BY on_date DESC, id DESC", gids)
    by_goal: dict[int, list] = {}
    for c in check_ins:
        by_goal.setdefault(c.goal_id, []).append(c)
    names = {g.id: rules.one_line(g.outcome, 60) or "(untitled goal)" for g in goals}
    for g in goals:
        ev = _dated(b, g, None, f"New goal: {names[g.id]}",
                    f"Goal updated: {names[g.id]} (now {g.status})", GOAL)
        if ev:
            events.append(ev)
        if g.status != "active":
            continue
        latest = by_goal.get(g.id, [])
        days, ended = cadence[g.mentorship_id]
        due = None if ended else next_check_in_due(latest[0].on_date if latest else None,
                                                   g.started_on, days)
        past = (facts.today - g.target_on).days if g.target_on else 0
        facts.goals.append(GoalStatus(g, tuple(latest[:rules.LATEST_CHECK_INS]), due,
                                      overdue_days(due, facts.today,
                                                   thresholds.check_in_grace_days),
                                      max(0, past)))
    for c in check_ins:
        health = c.health.replace("_", " ")
        ev = _dated(b, c, c.on_date, f"Check-in on “{names[c.goal_id]}”: {health}.",
                    f"Check-in of {c.on_date} on “{names[c.goal_id]}” edited ({health}).",
                    CHECK_IN, c.progress)
        if ev:
            events.append(ev)
    sessions = journal.records(MENTORING_SESSION, f"WHERE mentorship_id IN ({marks}) "
                               "ORDER BY on_date DESC, id DESC", ids)
    shown = []
    for s in sessions:
        where = " during an incident" if s.during_incident else ""
        kind = s.structure.replace("_", " ")
        ev = _dated(b, s, s.on_date, f"Session ({kind}){where}.",
                    f"Notes of the {s.on_date} session edited.", MENTORING_SESSION)
        if ev:
            events.append(ev)
        if (ev or len(shown) < rules.RECENT_SESSIONS) and s.on_date <= facts.today and len(
                shown) < rules.MAX_SESSIONS:
            shown.append(s)
    facts.sessions = shown


def _feedback(journal: Journal, facts: PrepFacts, events: list[Event]) -> None:
    b = facts.boundary
    pid = facts.person.id
    for d in journal.records(FEEDBACK_DRAFT, "WHERE recipient_id = ? ORDER BY created_at, id",
                             (pid,)):
        gist = rules.one_line(d.behavior or d.situation or d.impact, 70)
        if d.status == "draft":
            facts.drafts.append(d)
        if b.is_new(d.created_at):
            events.append(Event(rules.local_day(d.created_at), FEEDBACK_DRAFT, d.id,
                                f"Feedback written ({d.polarity}): {gist}"))
        if d.status == "delivered" and d.delivered_on and (
                b.day is None or d.delivered_on > b.day):
            events.append(Event(d.delivered_on, FEEDBACK_DRAFT, d.id,
                                f"Feedback delivered ({d.polarity}): {gist}"))
        elif d.status == "dropped" and b.is_new(d.updated_at):
            events.append(Event(rules.local_day(d.updated_at), FEEDBACK_DRAFT, d.id,
                                f"Feedback dropped: {gist}"))
    for r in journal.records(REFLECTION, "WHERE giver_id = ? ORDER BY received_on, id", (pid,)):
        if r.status != "done":
            facts.reflections.append(r)
        if b.is_new(r.created_at, r.received_on):
            events.append(Event(r.received_on, REFLECTION, r.id,
                                f"They gave you feedback: {rules.one_line(r.what_was_said, 80)}",
                                r.action and f"What you will do: {r.action}"))


def _partners(journal: Journal, facts: PrepFacts, events: list[Event],
              thresholds: Thresholds) -> None:
    b = facts.boundary
    pid = facts.person.id
    teams = journal.records(PARTNER_TEAM, "WHERE contact_id = ? ORDER BY name", (pid,))
    marks, ids = _marks(t.id for t in teams)
    contacts = journal.records(PARTNER_CONTACT, f"WHERE team_id IN ({marks}) OR person_id = ? "
                               "ORDER BY on_date, id", (*ids, pid))
    tmarks, tids = _marks({c.team_id for c in contacts})
    names = dict(journal.rows(f"SELECT id, name FROM partner_teams WHERE id IN ({tmarks})", tids))
    for t in teams:
        mine = [c for c in contacts if c.team_id == t.id]
        calm = [c.on_date for c in mine if not c.during_incident]
        facts.teams.append(TeamContact(t, max((c.on_date for c in mine), default=None),
                                       max(calm, default=None)))
    for c in contacts:
        incident = " during an incident" if c.during_incident else ""
        ev = _dated(b, c, c.on_date, f"Contact with {names[c.team_id]}{incident}.",
                    f"Notes of the {c.on_date} contact with {names[c.team_id]} edited.",
                    PARTNER_CONTACT, c.notes)
        if ev:
            events.append(ev)


def _conflicts(journal: Journal, facts: PrepFacts, events: list[Event]) -> None:
    b = facts.boundary
    pid = facts.person.id
    owned = {o.conflict_id: o.responsibility
             for o in journal.records(CONFLICT_OWNER, "WHERE person_id = ?", (pid,))}
    marks, ids = _marks(owned)
    found = journal.records(CONFLICT, f"WHERE decision_maker_id = ? OR id IN ({marks}) "
                            "ORDER BY id", (pid, *ids))
    for c in found:
        role = "decision_maker" if c.decision_maker_id == pid else "owner"
        if c.status == "open":
            facts.conflicts.append(ConflictPart(c, role, owned.get(c.id, "")))
        title = rules.one_line(c.title, 70) or "(untitled conflict)"
        if c.status == "decided" and c.decided_on and (b.day is None or c.decided_on > b.day):
            events.append(Event(c.decided_on, CONFLICT, c.id, f"Conflict decided: {title}",
                                c.decision))
            continue
        ev = _dated(b, c, None, f"Conflict recorded: {title}", f"Conflict updated: {title}",
                    CONFLICT)
        if ev:
            events.append(ev)


def _decisions(journal: Journal, facts: PrepFacts, events: list[Event]) -> None:
    """Decision records the person is part of (decision maker, consulted, informed: schema 4's
    decision_people), and the design reviews they wrote."""
    b = facts.boundary
    pid = facts.person.id
    roles: dict[int, list[str]] = {}
    for link in journal.records(DECISION_PERSON, "WHERE person_id = ? ORDER BY id", (pid,)):
        roles.setdefault(link.decision_record_id, []).append(link.role)
    marks, ids = _marks(roles)
    for d in journal.records(DECISION_RECORD, f"WHERE id IN ({marks}) ORDER BY id", ids):
        title = rules.one_line(d.title, 70) or "(untitled decision)"
        role = " and ".join(r.replace("_", " ") for r in roles[d.id])
        if d.status == "proposed":
            facts.decisions.append(DecisionPart(d, tuple(roles[d.id])))
        ev = _dated(b, d, d.decided_on, f"Decision record ({role}): {title}, {d.status}",
                    f"Decision record updated ({role}): {title}, {d.status}", DECISION_RECORD)
        if ev:
            events.append(ev)
    for r in journal.records(DESIGN_REVIEW, "WHERE author_id = ? ORDER BY id", (pid,)):
        title = rules.one_line(r.title, 70) or "(untitled review)"
        ev = _dated(b, r, r.reviewed_on, f"Design review they wrote: {title}",
                    f"Design review they wrote updated: {title}", DESIGN_REVIEW)
        if ev:
            events.append(ev)


# -- finding the person ---------------------------------------------------------------------------
def _folded(text: str) -> str:
    """Lower case without accents, so "zoe" finds "Zoë"."""
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", " ".join(text.split()))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def people_matching(journal: Journal, text: str) -> list[tuple[int, str]]:
    """(id, name) of the people `text` names: an id, a whole name, or the start of a name or of
    one of its words (case and accents ignored). The best kind of match wins: an exact name
    beats a prefix, a prefix of the name beats a prefix of a later word."""
    everyone = journal.rows("SELECT id, name FROM people ORDER BY name COLLATE NOCASE, id")
    wanted = _folded(text)
    if text.strip().isdigit():
        # An id; but a person may also be called "12": then both are candidates.
        found = [(pid, name) for pid, name in everyone
                 if pid == int(text) or _folded(name) == wanted]
        if found:
            return found
    if not wanted:
        return []
    for test in (lambda n: n == wanted, lambda n: n.startswith(wanted),
                 lambda n: any(w.startswith(wanted) for w in n.split()[1:])):
        found = [(pid, name) for pid, name in everyone if test(_folded(name))]
        if found:
            return found
    return []
