"""Pure rules for mentoring: when a check-in is due, what a good goal looks like, and the
anti-patterns worth pointing out. Plain values in, plain values out; `today` is always passed in,
so every rule can be tested at its boundary dates.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from journal.domain.thresholds import Thresholds

# A goal is for "the next one to three months": 30 days at least, and at most a quarter of
# 13 weeks (91 days), so a target set on the same weekday a quarter later is still fine.
MIN_TARGET_DAYS = 30
MAX_TARGET_DAYS = 91
# Fewer words than this cannot say both what will be done and where it will show.
MIN_OUTCOME_WORDS = 5
# How many recent pairing sessions the take-it-over hint looks at, so a mentor who changed
# their habit sees the hint go away.
PAIRING_WINDOW = 10
MIN_PAIRING_SESSIONS = 3
MIN_HERO_SESSIONS = 2

HEALTH_SCORE = {"on_track": 2, "at_risk": 1, "off_track": 0}

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)


# -- check-in cadence --------------------------------------------------------------------------
def next_check_in_due(last_check_in: dt.date | None, goal_started: dt.date | None,
                      cadence_days: int) -> dt.date | None:
    """The day the next check-in on a goal is due: the last check-in (or, with none yet, the
    goal's start) plus the mentorship's cadence. None when neither date is known."""
    base = last_check_in or goal_started
    if base is None:
        return None
    return base + dt.timedelta(days=max(1, cadence_days))


def overdue_days(due: dt.date | None, today: dt.date, grace_days: int) -> int:
    """How many days past its grace period a check-in is (0 when not overdue). A check-in due on
    day D is fine up to and including D + grace; it is overdue from the day after."""
    if due is None:
        return 0
    late = (today - due).days - grace_days
    return max(0, late)


def is_overdue(due: dt.date | None, today: dt.date, grace_days: int) -> bool:
    return overdue_days(due, today, grace_days) > 0


# -- goal hints ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class GoalHint:
    """One gentle nudge about a goal. `code` names the rule; the UI words it."""

    code: str
    days: int = 0  # for target hints: the span the user chose
    count: int = 0  # for the focus hint: active goals including this one


@cache
def _words() -> dict[str, frozenset[str] | tuple[str, ...]]:
    path = Path(__file__).resolve().parent.parent / "data" / "outcome_words.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    return {
        "verbs": frozenset(data["action_verbs"]),
        "vague": tuple(data["vague_phrases"]),
        "filler": frozenset(data["filler_words"]),
    }


def _base_forms(word: str) -> Iterable[str]:
    """The word and the plain forms an -s or -ed ending may hide ("runs", "shipped", "led")."""
    yield word
    if word.endswith("ies"):
        yield word[:-3] + "y"
    if word.endswith("es"):
        yield word[:-2]
    if word.endswith("s"):
        yield word[:-1]
    if word.endswith("ed"):
        stem = word[:-2]
        yield stem
        yield stem + "e"
        if len(stem) > 2 and stem[-1] == stem[-2]:
            yield stem[:-1]
    irregular = {"led": "lead", "ran": "run", "wrote": "write", "written": "write", "gave": "give",
                 "took": "take", "taken": "take", "drove": "drive", "driven": "drive",
                 "spoke": "speak", "cut": "cut", "set": "set", "shipped": "ship"}
    if word in irregular:
        yield irregular[word]


def outcome_vagueness(outcome: str) -> str | None:
    """Why an outcome would be hard to check at the target date, or None when it reads concrete.

    Codes: "empty"; "few_words" (under MIN_OUTCOME_WORDS words); "vague_phrase" (built on words
    like "get better at" with no concrete action); "no_action" (no verb saying what will be done);
    "no_object" (nothing the action is done to). The verb and object checks only apply to text in
    Latin script: for other scripts the word lists would only misjudge.
    """
    text = " ".join(outcome.split())
    if not text:
        return "empty"
    words = [w.casefold() for w in _WORD.findall(text)]
    latin = sum(ch.isascii() for ch in text if ch.isalpha()) >= 0.8 * max(
        1, sum(ch.isalpha() for ch in text))
    if not latin:
        # Scripts written without spaces hold a whole phrase in one "word"; judge by letters.
        letters = sum(ch.isalpha() for ch in text)
        return "few_words" if len(words) < MIN_OUTCOME_WORDS and letters < 12 else None
    lists = _words()
    verbs, filler = lists["verbs"], lists["filler"]
    has_action = any(form in verbs for w in words for form in _base_forms(w))
    lowered = " ".join(words)
    vague = any(re.search(rf"\b{re.escape(p)}\b", lowered) for p in lists["vague"])
    if vague and not has_action:
        return "vague_phrase"
    if len(words) < MIN_OUTCOME_WORDS:
        return "few_words"
    if not has_action:
        return "no_action"
    objects = [w for w in words if w not in filler
               and not any(f in verbs for f in _base_forms(w))]
    if not objects:
        return "no_object"
    return None


def target_hint(started_on: dt.date | None, target_on: dt.date | None) -> GoalHint | None:
    """A nudge when the target is missing or lies outside one to three months after the start."""
    if target_on is None:
        return GoalHint("no_target")
    if started_on is None:
        return None
    days = (target_on - started_on).days
    if days < 0:
        return GoalHint("target_before_start", days=days)
    if days < MIN_TARGET_DAYS:
        return GoalHint("target_too_soon", days=days)
    if days > MAX_TARGET_DAYS:
        return GoalHint("target_too_far", days=days)
    return None


def too_many_active(active_goals: int, thresholds: Thresholds) -> bool:
    """More active goals than the threshold: focus gets spread too thin."""
    return active_goals > thresholds.max_active_goals


def goal_hints(outcome: str, started_on: dt.date | None, target_on: dt.date | None,
               status: str, other_active_goals: int, thresholds: Thresholds) -> list[GoalHint]:
    """Every nudge for a goal being edited, most useful first. `other_active_goals` counts the
    mentee's active goals apart from this one. Achieved and dropped goals get none: they are
    history."""
    if status != "active":
        return []
    hints: list[GoalHint] = []
    vague = outcome_vagueness(outcome)
    if vague is not None:
        hints.append(GoalHint(f"outcome_{vague}"))
    target = target_hint(started_on, target_on)
    if target is not None:
        hints.append(target)
    if too_many_active(other_active_goals + 1, thresholds):
        hints.append(GoalHint("too_many_active", count=other_active_goals + 1))
    return hints


# -- progress ------------------------------------------------------------------------------------
def progress_trend(healths: Sequence[str]) -> str:
    """How a goal is going over its check-ins, oldest first: "improving", "slipping", "steady",
    or "unknown" with fewer than two check-ins. The latest check-in is compared with the average
    of up to three before it, so one bad week after many good ones reads as slipping."""
    scores = [HEALTH_SCORE[h] for h in healths if h in HEALTH_SCORE]
    if len(scores) < 2:
        return "unknown"
    latest, before = scores[-1], scores[-4:-1]
    average = sum(before) / len(before)
    if latest > average:
        return "improving"
    if latest < average:
        return "slipping"
    return "steady"


# -- anti-patterns -------------------------------------------------------------------------------
@dataclass(frozen=True)
class SessionFact:
    """What the anti-pattern rules need to know about one mentoring session."""

    on_date: dt.date
    structure: str
    during_incident: bool
    driver: str


def hero_call(sessions: Iterable[SessionFact], today: dt.date, weeks: int) -> bool:
    """Every session in the last `weeks` weeks (today included, future ones ignored) happened
    during an incident, and there were at least two of them."""
    start = today - dt.timedelta(weeks=weeks)
    recent = [s for s in sessions if start <= s.on_date <= today]
    return len(recent) >= MIN_HERO_SESSIONS and all(s.during_incident for s in recent)


def take_it_over(sessions: Iterable[SessionFact]) -> bool:
    """The mentor drove more than half of the recent pairing sessions (at least three of them).
    Exactly half is a fair share, not a takeover."""
    pairing = sorted((s for s in sessions if s.structure == "pairing"), key=lambda s: s.on_date)
    recent = pairing[-PAIRING_WINDOW:]
    if len(recent) < MIN_PAIRING_SESSIONS:
        return False
    by_mentor = sum(1 for s in recent if s.driver == "mentor")
    return by_mentor * 2 > len(recent)


def mentorship_hints(sessions: Sequence[SessionFact], today: dt.date,
                     thresholds: Thresholds) -> list[str]:
    """Codes of the anti-patterns the sessions show: "hero_call", "take_it_over"."""
    hints = []
    if hero_call(sessions, today, thresholds.hero_call_weeks):
        hints.append("hero_call")
    if take_it_over(sessions):
        hints.append("take_it_over")
    return hints
