"""The steps of a received-feedback reflection, in the order the form walks through them.

Each step names the fields it fills. The stored `step` is only where the user was; nothing here
requires finishing one step before the next.
"""

from __future__ import annotations

from typing import Any

STEPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("source", ("giver_id", "received_on")),
    ("said", ("what_was_said",)),
    ("paraphrase", ("paraphrase",)),
    ("example", ("example",)),
    ("useful", ("useful",)),
    ("action", ("action",)),
    ("status", ("status",)),
)
STEP_KEYS: tuple[str, ...] = tuple(key for key, _ in STEPS)
LAST_STEP = len(STEPS) - 1


def clamp_step(step: int | None) -> int:
    """A stored step as a valid index (older or hand-edited files may hold anything)."""
    if step is None:
        return 0
    return min(max(int(step), 0), LAST_STEP)


def step_filled(reflection: Any, step: int) -> bool:
    """Whether the user has written something for this step.

    The first step counts once the date is set (the giver is optional: anonymous feedback is
    still feedback); the last once the status has moved past "open".
    """
    key, fields = STEPS[clamp_step(step)]
    if key == "source":
        return reflection.received_on is not None
    if key == "status":
        return reflection.status != "open"
    return all(str(getattr(reflection, name) or "").strip() for name in fields)


def needs_example(reflection: Any) -> bool:
    """True when something was said but no concrete example was asked for yet."""
    return bool(reflection.what_was_said.strip()) and not reflection.example.strip()


def next_unfilled(reflection: Any, after: int = -1) -> int | None:
    """The first step after `after` with nothing written, or None when all are filled."""
    for step in range(after + 1, len(STEPS)):
        if not step_filled(reflection, step):
            return step
    return None
