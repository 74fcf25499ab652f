"""The numbers the checklist and the hints judge by. Each is a setting the user can change."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any


@dataclass(frozen=True)
class Thresholds:
    check_in_grace_days: int = 3  # a goal is overdue this long after its cadence runs out
    max_active_goals: int = 2  # more than this and focus is lost
    feedback_stale_days: int = 14  # undelivered feedback goes stale
    review_decision_days: int = 7  # a design review should have a decision record by then
    partner_contact_days: int = 90  # talk to each partner team outside an incident this often
    hero_call_weeks: int = 6  # the window for the hero-call mentoring hint

    @classmethod
    def from_settings(cls, settings: dict[str, Any]) -> Thresholds:
        """Read `threshold.<name>` settings; anything missing or not a positive number is the
        default."""
        values = {}
        for f in fields(cls):
            raw = settings.get(f"threshold.{f.name}")
            if isinstance(raw, int) and not isinstance(raw, bool) and 0 < raw <= 3650:
                values[f.name] = raw
        return cls(**values)


OWNER_NAME = "owner_name"  # the user's own name, used as "me" in mentorships and prep notes
