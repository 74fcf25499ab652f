"""Before a 1:1: what counts as "since the last one", and the agenda rules.

Plain values in, plain values out; `today` is always passed in. The store gathers a `PrepFacts`
for one person (journal/store/prep.py); the exporters word it (journal/export/prep_markdown.py).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from journal.domain.records import (
    CheckIn,
    Conflict,
    DecisionRecord,
    FeedbackDraft,
    Goal,
    MentoringSession,
    Mentorship,
    OneOnOne,
    PartnerTeam,
    Person,
    Reflection,
)
from journal.domain.thresholds import Thresholds

AGENDA_LENGTH = 6  # a 1:1 is half an hour: more items than this would not be talked through
RECENT_SESSIONS = 3  # sessions shown even when none is new since the last 1:1
MAX_SESSIONS = 5  # sessions shown at most: a prep note is read in a few minutes
MAX_EVENTS = 40  # "since" items shown at most (the newest); the rest are counted
FIRST_WINDOW_DAYS = 28  # with no 1:1 recorded yet, "since" covers the last four weeks
LATEST_CHECK_INS = 2  # per active goal


def utc_stamp(moment: dt.datetime) -> str:
    """A moment as the store writes `created_at`: ISO 8601 in UTC, milliseconds, "Z"."""
    utc = moment.astimezone(dt.UTC)
    return utc.isoformat(timespec="milliseconds").replace("+00:00", "Z")


def local_day(stamp: str) -> dt.date:
    """The local calendar day of a stored UTC stamp."""
    moment = dt.datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    return moment.astimezone().date() if moment.tzinfo else moment.date()


@dataclass(frozen=True)
class Boundary:
    """Where "since" starts.

    A record is new when the day it is about (a check-in's day, a delivery day, ...) comes after
    `day`, or when it was written after `moment`; it changed when it was edited after `moment`.
    So a check-in dated the day of the 1:1 and written before it was marked held belongs to that
    1:1, and one written after belongs to the next. `day` None means from the beginning.
    """

    day: dt.date | None
    moment: str  # ISO UTC stamp, compared as text with created_at / updated_at

    def is_new(self, created_at: str, on: dt.date | None = None) -> bool:
        if self.day is None:
            return True
        return (on is not None and on > self.day) or created_at > self.moment

    def is_changed(self, created_at: str, updated_at: str, on: dt.date | None = None) -> bool:
        """Edited since, though written before (so not new)."""
        return not self.is_new(created_at, on) and updated_at > self.moment


EVERYTHING = Boundary(None, "")


def after_one_on_one(one: OneOnOne) -> Boundary:
    """Since a 1:1: from the moment it was stored, or from the end of its day when it was
    entered later than that (a 1:1 written up the next morning still ends on its own day)."""
    assert one.held_on is not None
    end_of_day = dt.datetime.combine(one.held_on + dt.timedelta(days=1), dt.time()).astimezone()
    moment = min(one.created_at, utc_stamp(end_of_day)) if one.created_at else utc_stamp(
        end_of_day)
    return Boundary(one.held_on, moment)


def since_day(day: dt.date) -> Boundary:
    """Since a day given by the user, that day included."""
    start = dt.datetime.combine(day, dt.time()).astimezone()
    return Boundary(day - dt.timedelta(days=1), utc_stamp(start))


# -- the facts about one person ------------------------------------------------------------------
@dataclass(frozen=True)
class Event:
    """One thing that happened since the last 1:1, for the "Since" list."""

    on: dt.date
    kind: str
    record_id: int
    text: str  # our words, with the user's text flattened into one line
    detail: str = ""  # the user's own text (Markdown), shown below


@dataclass(frozen=True)
class GoalStatus:
    goal: Goal
    latest: tuple[CheckIn, ...]  # newest first, up to LATEST_CHECK_INS
    due: dt.date | None  # when the next check-in is due
    overdue_days: int
    past_target_days: int  # how long ago the target date passed (0: not past)


@dataclass(frozen=True)
class ConflictPart:
    conflict: Conflict
    role: str  # "decision_maker" or "owner"
    responsibility: str = ""


@dataclass(frozen=True)
class DecisionPart:
    """A proposed decision record the person is part of, and their roles in it."""

    record: DecisionRecord
    roles: tuple[str, ...]  # decision_maker, consulted, informed


@dataclass(frozen=True)
class TeamContact:
    team: PartnerTeam
    last_contact: dt.date | None
    last_calm_contact: dt.date | None  # the last contact outside an incident


@dataclass
class PrepFacts:
    """Everything the prep note for one person is made of."""

    person: Person
    today: dt.date
    last: OneOnOne | None
    boundary: Boundary
    mentorship: Mentorship | None = None
    mentor_name: str = ""  # "" with the user as mentor (mentor_is_me) or nobody
    events: list[Event] = field(default_factory=list)
    goals: list[GoalStatus] = field(default_factory=list)
    drafts: list[FeedbackDraft] = field(default_factory=list)
    sessions: list[MentoringSession] = field(default_factory=list)
    conflicts: list[ConflictPart] = field(default_factory=list)
    teams: list[TeamContact] = field(default_factory=list)
    reflections: list[Reflection] = field(default_factory=list)  # open ones they gave
    decisions: list[DecisionPart] = field(default_factory=list)  # proposed, they are part of
    flags: list[str] = field(default_factory=list)  # what the checklist flags about them
    one_on_ones: int = 0  # how many 1:1s are recorded with them
    first_window: bool = False  # no 1:1 yet: "since" is the last FIRST_WINDOW_DAYS days
    earlier_events: int = 0  # "since" items left out (older than the MAX_EVENTS shown)

    def is_empty(self) -> bool:
        """Nothing recorded that a prep note could be made of."""
        return not (self.last or self.mentorship or self.events or self.earlier_events
                    or self.goals or self.drafts or self.decisions
                    or self.sessions or self.conflicts or self.teams or self.reflections
                    or self.flags)


def one_line(text: str, limit: int = 90) -> str:
    """A user's text flattened to one line and cut at a word near `limit` characters."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[:limit].rsplit(" ", 1)[0] or flat[:limit]
    return cut.rstrip(",.;:") + "…"


# -- the rules ------------------------------------------------------------------------------------
def days(n: int) -> str:
    return "1 day" if n == 1 else f"{n} days"


def agenda(facts: PrepFacts, thresholds: Thresholds) -> list[str]:
    """A short suggested agenda, most pressing first, at most AGENDA_LENGTH items."""
    items: list[str] = []
    if facts.last is not None and facts.last.notes.strip():
        items.append(f"Follow up on what you noted at the last 1:1 ({facts.last.held_on}).")
    for status in facts.goals:
        if status.goal.status != "active":
            continue
        name = one_line(status.goal.outcome, 60) or "their goal"
        health = status.latest[0].health if status.latest else ""
        if status.past_target_days:
            items.append(f"Decide together what happens to “{name}”: its target date passed "
                         f"{days(status.past_target_days)} ago.")
        elif health in ("at_risk", "off_track"):
            items.append(f"Talk through what stands in the way of “{name}” (last check-in: "
                         f"{health.replace('_', ' ')}).")
        elif status.overdue_days:
            items.append(f"Catch up on “{name}”: its check-in is {days(status.overdue_days)} "
                         "overdue.")
        elif status.latest and status.latest[0].next_step.strip():
            items.append(f"Ask how the agreed next step went: "
                         f"{one_line(status.latest[0].next_step, 80)}")
    for draft in sorted(facts.drafts, key=lambda d: d.created_at):
        about = one_line(draft.situation or draft.behavior, 60).rstrip(".")
        items.append(f"Give the {draft.polarity} feedback you drafted"
                     + (f" (“{about}”)." if about else "."))
    for part in facts.conflicts:
        title = one_line(part.conflict.title, 60) or "the open conflict"
        if part.role == "decision_maker":
            items.append(f"Ask for a decision on “{title}”.")
        else:
            items.append(f"Check how “{title}” is going for them as an owner.")
    for part in facts.decisions:
        title = one_line(part.record.title, 60) or "the proposed decision"
        if "decision_maker" in part.roles:
            items.append(f"Ask for their decision on the proposed “{title}”.")
        elif "consulted" in part.roles:
            items.append(f"Ask for their view on the proposed “{title}”.")
    for team in facts.teams:
        calm = team.last_calm_contact
        if calm is None or (facts.today - calm).days > thresholds.partner_contact_days:
            items.append(f"Catch up about {team.team.name} outside an incident.")
    for reflection in facts.reflections:
        items.append(f"Tell them what you did with the feedback they gave on "
                     f"{reflection.received_on}.")
    ship = facts.mentorship
    if ship is not None and ship.ended_on is None and not ship.mentor_is_me and (
            ship.mentor_id is None):
        items.append("Talk about who could mentor them: nobody is named yet.")
    if ship is not None and ship.ended_on is None and not any(
            g.goal.status == "active" for g in facts.goals):
        items.append("Agree on one concrete goal for the next one to three months.")
    if not items:
        items.append("Ask what they are working on and where you could help.")
    return items[:AGENDA_LENGTH]


def empty_note_agenda() -> list[str]:
    """What to do in a first 1:1 with someone the journal knows nothing about."""
    return [
        "Ask what they are working on and what is getting in their way.",
        "Ask what they would like from these conversations, and how often.",
        "Agree on one thing to follow up on next time, and write it in this 1:1's notes.",
    ]
