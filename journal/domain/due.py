"""What is due or slipping now: the rules behind "Due soon", `leadership-journal due` and the
calendar file. Plain values in, plain values out; `today` is always passed in, so every rule is
tested at its boundary days.

Each rule gives a `due_on` day: the last day to act before the checklist would call it a gap (or,
for a check-in and a 1:1, the day itself). An item is listed when that day falls within the
window (today and the `days` after it) or, for what is still waiting on the user, when it has
already passed:

- a check-in on an active goal of a current mentorship: due `cadence` days after the goal's
  latest check-in (its start with none yet); listed from `days` ahead, and for as long as it is
  overdue (the goal is still active, so it still matters);
- a feedback draft still undelivered: fresh up to `feedback_stale_days` old, so `due_on` is its
  last fresh day; listed only before it goes stale (a stale draft is the checklist's gap);
- a partner team: talked to outside an incident within `partner_contact_days`, so `due_on` is
  the last contact outside an incident plus the threshold (the day the team was added, when
  there is no such contact yet); listed only before it passes;
- a design review with no linked decision record: `due_on` is the review day plus
  `review_decision_days`; listed ahead and while it is late by up to REVIEW_LATE_DAYS (older
  ones are the checklist's, where they can be snoozed);
- a 1:1 dated today or later within the window.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass

# What is due, as codes: the UI words them, the CLI and the calendar use `describe`.
CHECK_IN = "check_in"
FEEDBACK = "feedback"
PARTNER = "partner"
REVIEW = "review"
ONE_ON_ONE = "one_on_one"
WHATS = (CHECK_IN, FEEDBACK, PARTNER, REVIEW, ONE_ON_ONE)

# States, most urgent first.
OVERDUE = "overdue"  # the day has passed (for a check-in: past its grace period too)
LATE = "late"  # a check-in past its day but still within the grace period
TODAY = "today"
SOON = "soon"
STATES = (OVERDUE, LATE, TODAY, SOON)

DEFAULT_DAYS = 7  # "this week"
MAX_DAYS = 366
REVIEW_LATE_DAYS = 28  # how long a late review decision stays "slipping now"

# The 1:1 record kind arrives with issue 13 (schema 6); named here so this module does not wait
# for kinds.py to have it.
ONE_ON_ONE_KIND = "one_on_one"


@dataclass(frozen=True, slots=True)
class DueItem:
    """One thing due. `kind` and `record_id` name the record that opens it; `record_uid` keeps
    it recognisable across exports (the calendar's UIDs); `title` and `person` are the only
    texts taken from the journal: a name or a record's title, never notes."""

    what: str
    kind: str
    record_id: int
    record_uid: str
    due_on: dt.date
    state: str
    title: str = ""
    person: str = ""

    def as_dict(self) -> dict[str, object]:
        out = asdict(self)
        out["due_on"] = self.due_on.isoformat()
        return out


def window_end(today: dt.date, days: int) -> dt.date:
    """The last day of the window: today plus `days` (0 means today only)."""
    return today + dt.timedelta(days=max(0, min(days, MAX_DAYS)))


def state_of(due_on: dt.date, today: dt.date, grace_days: int = 0) -> str:
    """OVERDUE once `due_on` plus the grace has passed, LATE within the grace, else TODAY/SOON."""
    if due_on == today:
        return TODAY
    if due_on > today:
        return SOON
    return LATE if (today - due_on).days <= grace_days else OVERDUE


# -- the rules -------------------------------------------------------------------------------------
def check_in_due_on(last_check_in: dt.date | None, goal_started: dt.date | None,
                    cadence_days: int) -> dt.date | None:
    """The day a goal's next check-in is due (the mentoring page's rule)."""
    base = last_check_in or goal_started
    if base is None:
        return None
    return base + dt.timedelta(days=max(1, cadence_days))


def check_in_listed(due_on: dt.date | None, today: dt.date, days: int) -> bool:
    """Listed from `days` ahead, and for as long as it is overdue."""
    return due_on is not None and due_on <= window_end(today, days)


def feedback_due_on(created: dt.date, stale_days: int) -> dt.date:
    """A draft's last fresh day: exactly `stale_days` old is still fresh (domain.feedback)."""
    return created + dt.timedelta(days=max(0, stale_days))


def partner_due_on(last_outside_incident: dt.date | None, team_added: dt.date,
                   contact_days: int) -> dt.date:
    """The last day a team is still within the contact threshold: a contact exactly
    `contact_days` ago still counts."""
    return (last_outside_incident or team_added) + dt.timedelta(days=max(0, contact_days))


def review_due_on(reviewed_on: dt.date, decision_days: int) -> dt.date:
    """The last day a review without a decision record is still on time."""
    return reviewed_on + dt.timedelta(days=max(0, decision_days))


def upcoming_listed(due_on: dt.date, today: dt.date, days: int) -> bool:
    """For what is about to happen (stale feedback, a partner threshold, a 1:1): from today to
    the window's end; once past, it is no longer "about to"."""
    return today <= due_on <= window_end(today, days)


def review_listed(due_on: dt.date, today: dt.date, days: int) -> bool:
    return today - dt.timedelta(days=REVIEW_LATE_DAYS) <= due_on <= window_end(today, days)


def ordered(items: list[DueItem]) -> list[DueItem]:
    """Most urgent first: by day, then by what, then by title."""
    rank = {what: i for i, what in enumerate(WHATS)}
    return sorted(items, key=lambda i: (i.due_on, rank.get(i.what, 99), i.person.casefold(),
                                        i.title.casefold(), i.record_id))


def describe(item: DueItem) -> str:
    """One line in plain English for the terminal and the calendar: names and titles only."""
    if item.what == CHECK_IN:
        return f"Check in with {item.person}" if item.person else "Check-in due"
    if item.what == FEEDBACK:
        return (f"Give feedback to {item.person} before it goes stale" if item.person
                else "Give feedback before it goes stale")
    if item.what == PARTNER:
        who = f" ({item.person})" if item.person else ""
        return f"Talk to {item.title}{who} outside an incident"
    if item.what == REVIEW:
        return f"Write the decision for the review “{item.title}”" if item.title else \
            "Write the decision for a design review"
    if item.what == ONE_ON_ONE:
        return f"1:1 with {item.person}" if item.person else "1:1"
    return item.title or item.what


def describe_in_full(item: DueItem) -> str:
    """`describe` with the goal of a check-in, for the user's own screen (the terminal): one
    person's goals are often due the same day. The calendar, which may be synced elsewhere,
    keeps to `describe`."""
    text = describe(item)
    goal = " ".join(item.title.split()) if item.what == CHECK_IN else ""
    if not goal:
        return text
    return f"{text}: {goal if len(goal) <= 60 else goal[:59] + '…'}"
