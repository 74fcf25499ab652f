"""How old a feedback draft is, in the plain units a person would say out loud."""

from __future__ import annotations

import datetime as dt


def created_on(created_at: str) -> dt.date:
    """The local calendar day of a record's UTC `created_at` stamp."""
    stamp = dt.datetime.fromisoformat(created_at.replace("Z", "+00:00"))
    return stamp.astimezone().date() if stamp.tzinfo else stamp.date()


def age_days(since: dt.date, today: dt.date) -> int:
    """Whole days from `since` to `today`; never negative (a clock set back is not the future)."""
    return max((today - since).days, 0)


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
