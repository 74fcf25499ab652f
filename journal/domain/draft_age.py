"""How old a feedback draft is, in the plain units a person would say out loud, and the one rule
for when a draft has gone stale (the list, the checklist, the coach and the CLI all ask here)."""

from __future__ import annotations

import datetime as dt


def created_on(created_at: str) -> dt.date:
    """The local calendar day of a record's UTC `created_at` stamp."""
    stamp = dt.datetime.fromisoformat(created_at.replace("Z", "+00:00"))
    return stamp.astimezone().date() if stamp.tzinfo else stamp.date()


def age_days(since: dt.date, today: dt.date) -> int:
    """Whole days from `since` to `today`; never negative (a clock set back is not the future)."""
    return max((today - since).days, 0)


def is_stale(status: str, created_at: str | None, today: dt.date, threshold_days: int) -> bool:
    """Whether a feedback draft has gone stale on `today`: it is still a draft (not delivered
    or dropped) and more than `threshold_days` whole days old, counted from the local calendar
    day of its `created_at` stamp (`created_on`), as its age is shown.

    Exactly `threshold_days` old is not yet stale; a negative threshold counts as zero. A stamp
    that cannot be read, or a day after `today` (a clock set back), is never stale.
    """
    if status != "draft":
        return False
    try:
        made = created_on(str(created_at or ""))
    except (TypeError, ValueError):
        return False
    return (today - made).days > max(0, threshold_days)


def age_parts(days: int) -> tuple[int, str]:
    """A count and a unit ("day", "week", "month", "year") that reads naturally for `days`.

    Days up to two weeks, then weeks up to about two months, then months, then years: "13 days"
    is sharper than "1 week", while "45 days" is harder to picture than "6 weeks".
    """
    if days < 14:
        return days, "day"
    if days < 63:
        return days // 7, "week"
    if days < 730:
        return days // 30, "month"
    return days // 365, "year"
