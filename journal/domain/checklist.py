"""The checklist: six rules over the journal, the gaps they find, and the hints kept apart.

Rules are data (`RULES`); the judging is pure functions over plain values (dates, counts, texts),
with `today` always passed in so every boundary can be tested. The store narrows each rule to its
candidates with indexed SQL; this module decides, words and groups what it finds.

A gap names one record (`kind`, `id`, and `uid` for snoozes, which survive export) and says what is
missing in a sentence; `field` is the field of that record to put the cursor in (a column name, or
one of the parts in `PART_FIELDS` for what lives in other records).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any, NamedTuple

from journal.domain import kinds
from journal.domain.mentoring import is_overdue, next_check_in_due
from journal.domain.thresholds import Thresholds


@dataclass(frozen=True)
class Rule:
    id: str
    title: str  # what holds when there is no gap
    summary: str  # what counts as a gap, in one line


RULES: tuple[Rule, ...] = (
    Rule("mentoring", "Every mentee has a named mentor and a concrete goal",
         "A mentor and one or two active goals with an outcome, a target date and regular "
         "check-ins."),
    Rule("design-reviews", "Design reviews use the rubric and end in a written decision",
         "All six rubric questions answered; a decision record linked within the threshold."),
    Rule("feedback", "Feedback is given in SBI form, not vague labels",
         "Situation, behavior and impact written out, in more than a label, and delivered "
         "before it goes stale."),
    Rule("roadmap", "Roadmap proposals lead with risk, SLO, toil, compliance or cost",
         "A frame chosen, a number behind it and a one-sentence version."),
    Rule("conflicts", "Cross-team conflicts end in a written decision with named owners",
         "A decision-maker named; once decided, the decision, the trade-off and the owners."),
    Rule("partner-teams", "A pre-incident relationship with each adjacent team",
         "A point of contact, and a contact outside an incident within the threshold."),
)
RULE_IDS: tuple[str, ...] = tuple(rule.id for rule in RULES)

# What each rule (and the hints) reads: a change to any other kind of record cannot move its
# gaps, so after an edit only the rules that read the edited kinds run again. Settings (the
# thresholds) and kinds not listed here (a kind newer than this table) move every rule; snoozes
# move none, they only set gaps apart.
RULE_KINDS: dict[str, frozenset[str]] = {
    "mentoring": frozenset({kinds.PERSON, kinds.MENTORSHIP, kinds.GOAL, kinds.CHECK_IN}),
    "design-reviews": frozenset({kinds.DESIGN_REVIEW, kinds.DECISION_RECORD}),
    "feedback": frozenset({kinds.FEEDBACK_DRAFT, kinds.PERSON}),
    "roadmap": frozenset({kinds.ROADMAP_PROPOSAL}),
    "conflicts": frozenset({kinds.CONFLICT, kinds.CONFLICT_OWNER, kinds.PERSON}),
    "partner-teams": frozenset({kinds.PARTNER_TEAM, kinds.PARTNER_CONTACT, kinds.PERSON}),
    "hints": frozenset({kinds.PERSON, kinds.MENTORSHIP, kinds.MENTORING_SESSION}),
}
_UNJUDGED = frozenset({kinds.SNOOZE, kinds.RETRO, kinds.RETRO_ITEM, kinds.REFLECTION})


def rules_touched(changed: Iterable[str]) -> frozenset[str]:
    """The rules (and "hints") whose gaps a change to records of these kinds can move."""
    known = _UNJUDGED.union(*RULE_KINDS.values())
    changed = set(changed)
    if changed - known:  # settings, or a kind this table does not know yet
        return frozenset(RULE_KINDS)
    return frozenset(rule for rule, read in RULE_KINDS.items() if read & changed)


# Fields that are not columns of the gap's record: the UI opens the place where they are edited.
PART_FIELDS = {
    "goals": "the mentee's goals (add one, or end one)",
    "check_ins": "the goal's check-ins",
    "owners": "the conflict's named owners",
    "contacts": "the partner team's contact log",
}

# -- the sentences -----------------------------------------------------------------------------
# English templates; the UI passes each through its translator before filling it in. `{name}`
# names the record (a person, a title, a team), `{what}` lists missing parts, `{n}` is a number
# and `{limit}` the threshold it was judged by.
TEMPLATES: dict[str, str] = {
    "no_mentor": "{name} has no named mentor",
    "no_active_goal": "{name} has no active goal",
    "goal_no_outcome": "{name}: an active goal has no outcome written down",
    "goal_no_target": "{name}: the goal “{title}” has no target date",
    "check_in_overdue": "{name}: no check-in on “{title}” for {n} days",
    "too_many_goals": "{name} has {n} active goals; more than {limit} spreads the focus thin",
    "review_unanswered": "Design review “{name}” leaves {what} unanswered",
    "review_no_record": "Design review “{name}” was {n} days ago and has no decision record",
    "feedback_missing": "Feedback for {name} is missing {what}",
    "feedback_vague": "Feedback for {name}: {what} is only a vague label",
    "feedback_stale": "Feedback for {name} has waited {n} days undelivered",
    "proposal_no_frame": "Proposal “{name}” names no frame (risk, SLO, toil, compliance or cost)",
    "proposal_no_number": "Proposal “{name}” has no number behind it",
    "proposal_no_sentence": "Proposal “{name}” has no one-sentence version",
    "conflict_no_maker": "Conflict “{name}” names no decision-maker",
    "conflict_decided_without": "Conflict “{name}” was decided without {what} written down",
    "team_no_contact_person": "{name} has no point of contact",
    "team_never_contacted": "{name}: no contact logged yet",
    "team_only_incidents": "{name}: every contact logged was during an incident",
    "team_no_calm_contact": "{name}: last contact outside an incident was {n} days ago",
    "hero_call": "{name}: every session in the last {limit} weeks happened during an incident",
    "take_it_over": "{name}: the mentor drove most of the recent pairing sessions",
}
# How `{what}` names each missing part.
PART_NAMES: dict[str, str] = {
    "situation": "the situation",
    "behavior": "the behavior",
    "impact": "the impact",
    "problem": "the problem",
    "alternatives": "the alternatives",
    "failure_modes": "the failure modes",
    "reversibility": "reversibility",
    "operational_cost": "the operational cost",
    "compliance_security": "compliance and security",
    "decision": "the decision",
    "tradeoff": "the trade-off",
    "owners": "named owners",
}
UNTITLED = "untitled"


def join_parts(names: Sequence[str], conjunction: str = "and") -> str:
    """"a", "a and b", "a, b and c"."""
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} {conjunction} {names[-1]}"


class Finding(NamedTuple):
    """A gap or a hint: one record and what the rule says about it. A named tuple: a big
    journal's checklist holds tens of thousands, made on every change."""

    rule: str  # a rule id, or "hints"
    code: str  # a key of TEMPLATES
    kind: str
    id: int
    uid: str
    name: str = ""
    field: str | None = None
    n: int = 0
    limit: int = 0
    title: str = ""
    parts: tuple[str, ...] = ()

    @property
    def snooze_key(self) -> tuple[str, str, str]:
        """(what the snoozes table calls `rule`, record kind, record uid). One record can have
        several gaps under one rule, so the stored rule is the gap's code ("no_mentor"), which
        is unique across the rules."""
        return (self.code, self.kind, self.uid)

    def message(self, template: str | None = None,
                part_names: Mapping[str, str] | None = None, conjunction: str = "and") -> str:
        """The sentence; the UI passes translated `template` and `part_names`."""
        names = part_names or PART_NAMES
        what = join_parts([names.get(p, p) for p in self.parts], conjunction)
        return (template or TEMPLATES[self.code]).format(
            name=self.name or UNTITLED, title=self.title or UNTITLED, n=self.n,
            limit=self.limit, what=what)


@dataclass(frozen=True)
class SnoozeMark:
    """A stored snooze: the gap it hides until `until_on` (the day the gap comes back)."""

    id: int
    key: tuple[str, str, str]
    until_on: dt.date
    reason: str


@dataclass(frozen=True)
class Snoozed:
    gap: Finding
    until_on: dt.date
    reason: str
    snooze_id: int


@dataclass(frozen=True)
class RuleResult:
    rule: Rule
    gaps: tuple[Finding, ...]
    snoozed: tuple[Snoozed, ...]

    @property
    def holds(self) -> bool:
        """Snoozed gaps do not count: the user has said they are deliberate for now."""
        return not self.gaps


@dataclass(frozen=True)
class Checklist:
    today: dt.date
    rules: tuple[RuleResult, ...]
    hints: tuple[Finding, ...] = ()

    @property
    def open_gaps(self) -> int:
        return sum(len(r.gaps) for r in self.rules)

    @property
    def all_hold(self) -> bool:
        return all(r.holds for r in self.rules)

    def result(self, rule_id: str) -> RuleResult:
        return next(r for r in self.rules if r.rule.id == rule_id)


# -- the settings the rules read ---------------------------------------------------------------
VAGUE_LABELS = "checklist.vague_labels"  # the settings key: a list of phrases


@dataclass(frozen=True)
class ChecklistSettings:
    thresholds: Thresholds = field(default_factory=Thresholds)
    vague_labels: tuple[str, ...] = ()  # empty: the built-in list

    @classmethod
    def from_settings(cls, settings: Mapping[str, Any]) -> ChecklistSettings:
        return cls(Thresholds.from_settings(dict(settings)),
                   vague_labels_of(settings.get(VAGUE_LABELS)))


def vague_labels_of(raw: Any) -> tuple[str, ...]:
    """The stored phrase list, cleaned (one phrase an entry, spaces folded, no blanks or
    duplicates); anything that is not a list of text means the built-in list (an empty tuple)."""
    if not isinstance(raw, list):
        return ()
    seen: dict[str, None] = {}
    for item in raw:
        if isinstance(item, str):
            phrase = " ".join(item.lower().split())
            if phrase and not phrase.startswith("#"):
                seen[phrase] = None
    return tuple(seen)


def default_vague_labels() -> tuple[str, ...]:
    from journal.domain.coach_words import entries

    return entries("vague_phrases")


@cache
def _labels_regex(phrases: tuple[str, ...]) -> re.Pattern[str]:
    from journal.domain.coach_words import phrase_pattern

    ordered = sorted(phrases, key=lambda e: (-e.count(" "), -len(e)))
    body = "|".join(phrase_pattern(p) for p in ordered)
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE)


LONGEST_LABEL = 160  # longer text says more than a label (the coach's limit too)
# Every word the coach lets stand beside a label without it saying more ("really", "thanks").
_FILLER_WORDS = frozenset((
    "really", "very", "so", "super", "pretty", "just", "overall", "honestly", "again", "all", "in",
    "and", "but", "also", "on", "this", "that", "it", "here", "there", "guys", "team", "folks",
    "thanks", "thank", "you", "too", "though", "is", "was", "were", "are"))
_TEXT_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


@cache
def _vocabulary(labels: tuple[str, ...]) -> frozenset[str] | None:
    """Every word the labels can match, plus the filler; None when a label has a wildcard (then
    any word may be part of a label and the quick check cannot say no)."""
    from journal.domain.coach_words import entries

    words = set(_FILLER_WORDS)
    for phrase in labels or entries("vague_phrases"):
        for choice in phrase.replace("|", " ").replace("+", " ").split():
            choice = choice.rstrip("?").replace("’", "'")
            if choice == "*":
                return None
            words.update(w for w in re.split(r"[-'\s]", choice) if w)
            words.add(choice)
    return frozenset(words)


def _could_be_label(text: str, labels: tuple[str, ...]) -> bool:
    """A quick no: text holding a word that no label (nor filler) has is more than a label."""
    vocabulary = _vocabulary(labels)
    if vocabulary is None:
        return True
    words = _TEXT_WORD.findall(text.lower())
    if vocabulary.issuperset(words):
        return True
    return all(word in vocabulary or all(p in vocabulary for p in re.split(r"['’]", word))
               for word in words if "'" in word or "’" in word) and all(
        word in vocabulary for word in words if "'" not in word and "’" not in word)


@lru_cache(maxsize=1 << 16)
def only_vague_label(text: str | None, labels: tuple[str, ...] = ()) -> bool:
    """True when `text` is nothing but vague labels ("Looks good!", "Great job, well done.")
    from `labels` (empty: the built-in list), judged exactly as the feedback coach judges. Empty
    text is missing, not vague. Remembered per text: the checklist judges the same drafts again
    after every change."""
    if not text or len(text) > LONGEST_LABEL or not _could_be_label(text, labels):
        return False
    from journal.domain.coach import vague_only

    return vague_only(text, _labels_regex(labels) if labels else None)


# -- boundary logic ------------------------------------------------------------------------------
def cutoff(today: dt.date, days: int) -> dt.date:
    """A record dated before this day is more than `days` days old on `today` (a gap); one
    dated exactly `days` ago still passes."""
    return today - dt.timedelta(days=max(0, days))


def check_in_overdue(last_check_in: dt.date | None, goal_started: dt.date | None,
                     cadence_days: int, today: dt.date, grace_days: int) -> bool:
    """The mentoring page's rule: due one cadence after the last check-in (or the goal's start),
    overdue from the day after the grace period ends."""
    due = next_check_in_due(last_check_in, goal_started, cadence_days)
    return is_overdue(due, today, grace_days)


def days_between(earlier: dt.date, today: dt.date) -> int:
    return max(0, (today - earlier).days)


# -- putting it together -----------------------------------------------------------------------
def split_snoozed(gaps: Iterable[Finding], snoozes: Iterable[SnoozeMark], today: dt.date
                  ) -> tuple[list[Finding], list[Snoozed]]:
    """Gaps still open, and gaps a snooze hides on `today`. A snooze hides its gap up to the day
    before `until_on`; from that day the gap is open again."""
    live = {s.key: s for s in snoozes if s.until_on > today}
    open_gaps: list[Finding] = []
    snoozed: list[Snoozed] = []
    for gap in gaps:
        mark = live.get(gap.snooze_key)
        if mark is None:
            open_gaps.append(gap)
        else:
            snoozed.append(Snoozed(gap, mark.until_on, mark.reason, mark.id))
    return open_gaps, snoozed


def assemble(today: dt.date, gaps_by_rule: Mapping[str, Sequence[Finding]],
             snoozes: Sequence[SnoozeMark], hints: Sequence[Finding] = ()) -> Checklist:
    results = []
    for rule in RULES:
        open_gaps, snoozed = split_snoozed(gaps_by_rule.get(rule.id, ()), snoozes, today)
        results.append(RuleResult(rule, tuple(open_gaps),
                                  tuple(sorted(snoozed, key=lambda s: s.until_on))))
    return Checklist(today, tuple(results), tuple(hints))


def as_json(checklist: Checklist) -> dict[str, Any]:
    """The documented JSON form (docs/checklist.md)."""

    def gap(g: Finding) -> dict[str, Any]:
        return {"kind": g.kind, "id": g.id, "message": g.message(), "field": g.field,
                "code": g.code}

    return {
        "as_of": checklist.today.isoformat(),
        "rules": [{
            "id": r.rule.id, "title": r.rule.title, "holds": r.holds,
            "gaps": [gap(g) for g in r.gaps],
            "snoozed": [{**gap(s.gap), "until": s.until_on.isoformat(), "reason": s.reason}
                        for s in r.snoozed],
        } for r in checklist.rules],
        "hints": [{"kind": h.kind, "id": h.id, "message": h.message(), "code": h.code}
                  for h in checklist.hints],
    }


# Kinds a gap can name, so a caller can check its page mapping covers them all.
GAP_KINDS = (kinds.MENTORSHIP, kinds.GOAL, kinds.DESIGN_REVIEW, kinds.FEEDBACK_DRAFT,
             kinds.ROADMAP_PROPOSAL, kinds.CONFLICT, kinds.PARTNER_TEAM)
