"""Partner teams: when a relationship has been left to go cold, and the twelve-month strip.

A pre-incident relationship means talking to a team when nothing is on fire. So a team is judged
by its last contact *outside* an incident: older than the threshold (90 days by default), or
never (every contact so far was during an incident, or there was none), and it is marked.
Pure functions over plain values; the store feeds them rows and the UI draws their results.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import NamedTuple

DEFAULT_CONTACT_DAYS = 90
STRIP_DAYS = 365  # the strip shows the last twelve months


class Standing(NamedTuple):
    """How a team stands on `today`.

    `last_outside`: the latest contact outside an incident (None: never). `days_since`: days from
    it to today (None: never). `incident_only`: contacts were logged, all during incidents.
    `stale`: the team needs a contact (older than the threshold, incident-only, or never met).
    """

    last_outside: dt.date | None
    last_any: dt.date | None
    days_since: int | None
    incident_only: bool
    stale: bool

    @property
    def never(self) -> bool:
        return self.last_any is None


def standing(last_outside: dt.date | None, last_any: dt.date | None, today: dt.date,
             threshold_days: int = DEFAULT_CONTACT_DAYS) -> Standing:
    """Judge a team from its latest contact outside an incident and its latest contact of any
    kind. Exactly `threshold_days` since the last contact is still fine; one more day is not."""
    if last_outside is None:
        return Standing(None, last_any, None, last_any is not None, True)
    days = max(0, (today - last_outside).days)
    return Standing(last_outside, last_any, days, False, days > max(0, threshold_days))


def standing_of(contacts: Iterable[tuple[dt.date, bool]], today: dt.date,
                threshold_days: int = DEFAULT_CONTACT_DAYS) -> Standing:
    """The same judgement from a team's whole log of (day, during an incident)."""
    last_outside = last_any = None
    for day, during_incident in contacts:
        if last_any is None or day > last_any:
            last_any = day
        if not during_incident and (last_outside is None or day > last_outside):
            last_outside = day
    return standing(last_outside, last_any, today, threshold_days)


def neglect_key(s: Standing) -> tuple[int, int]:
    """Sort key, most neglected first: teams never met outside an incident (those with no
    contact at all before those met only in incidents), then the longest since a calm contact."""
    if s.last_outside is None:
        return (0, 0) if s.never else (1, 0)
    return (2, -(s.days_since or 0))


class StripMark(NamedTuple):
    """One contact on the strip: `position` from 0.0 (twelve months ago) to 1.0 (today)."""

    position: float
    during_incident: bool
    day: dt.date


def strip_start(today: dt.date) -> dt.date:
    return today - dt.timedelta(days=STRIP_DAYS)


def strip_marks(contacts: Iterable[tuple[dt.date, bool]], today: dt.date) -> list[StripMark]:
    """The contacts of the last twelve months placed on the strip, oldest first; older and
    future-dated contacts are left off."""
    start = strip_start(today)
    marks = [StripMark((day - start).days / STRIP_DAYS, incident, day)
             for day, incident in contacts if start <= day <= today]
    marks.sort(key=lambda m: (m.day, m.during_incident))
    return marks


def threshold_position(today: dt.date, threshold_days: int = DEFAULT_CONTACT_DAYS) -> float:
    """Where the threshold falls on the strip: a calm contact right of it is recent enough.
    0.0 when the threshold reaches back past the strip's start."""
    return max(0.0, 1.0 - min(threshold_days, STRIP_DAYS) / STRIP_DAYS)


# -- links -------------------------------------------------------------------------------------
OPENABLE_SCHEMES = frozenset({"http", "https", "file"})


def links_in(text: str) -> list[str]:
    """The links of a dashboards or runbooks field: one per line (blank lines skipped)."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def is_openable(link: str) -> bool:
    """Only http, https and file links may be opened; anything else (javascript:, data:, a
    custom scheme, a bare word) is shown as text and never handed to the system."""
    scheme, sep, rest = link.strip().partition(":")
    if not sep or not rest:
        return False
    scheme = scheme.lower()
    if scheme not in OPENABLE_SCHEMES:
        return False
    if scheme in ("http", "https"):
        return rest.startswith("//") and len(rest) > 2 and not any(c.isspace() for c in rest)
    return rest.startswith("/")
