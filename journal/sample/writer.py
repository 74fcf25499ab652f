"""Writes sample records dated in the past."""

from __future__ import annotations

import datetime as dt
from typing import Any

from journal.store.journal import Journal


class Writer:
    """Writes records dated in the past: `created_at` is the day the note would have been taken."""

    def __init__(self, journal: Journal, today: dt.date):
        self.journal = journal
        self.today = today
        self._minute = 0

    def day(self, days_ago: int) -> dt.date:
        return self.today - dt.timedelta(days=days_ago)

    def add(self, kind: str, days_ago: int, **fields: Any) -> int:
        # A moving minute keeps records written on the same day in the order they were written.
        self._minute = (self._minute + 7) % 600
        hour, minute = divmod(8 * 60 + self._minute, 60)
        stamp = f"{self.day(days_ago).isoformat()}T{hour:02d}:{minute:02d}:00.000Z"
        fields.update(created_at=stamp, updated_at=stamp)
        return self.journal.create_many(kind, [fields])[0]

