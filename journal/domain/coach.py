"""The SBI coach: gentle hints on a feedback draft's Situation, Behavior and Impact.

`coach()` is pure and fast (it runs on every pause in typing): it takes the three texts and returns
`Hint`s whose offsets point into the text of the part they are about. It judges sentences, not
words: "always" in `--always-retry`, in a quotation, or in "in the last three standups you always
joined late" is an observation, not a verdict, and is left alone.

Rule ids (stable; the UI and the CLI show them):
  missing              the part is empty (or, with judge_missing, not given)
  too_short            the part is a single word
  vague_label          a label such as "looks good" or "needs work" that names no observation
  trait_language       Behavior judges the person or guesses their mind ("you are careless",
                       "you don't care", an unbounded "always"/"never")
  advice_not_behavior  Behavior gives advice or a verdict ("be more proactive", "you handled it
                       well") where something the person did or said belongs
  no_occasion          Situation names no particular occasion ("in meetings", "lately")
  no_effect            Impact names no effect on people, systems or outcomes ("it was bad")
  guessed_intent       Behavior guesses intent or attitude by an adverb or a comparison ("you
                       obviously didn't care", "you acted as if the rules were optional")
  trait_not_act        Behavior names a trait, a lack, a manner or a guessed feeling ("you have no
                       sense of urgency", "you seemed stressed", "you're a born teacher")
  judged_verb          Behavior is a bare reaction or a judged verb ("you froze", "you micromanaged
                       the migration", "you stepped up") with nothing observable
  verdict_as_behavior  Behavior grades instead of describing ("your work on the plan was excellent",
                       "you were really diligent", "you communicated well")
  vague_effect         Impact names an effect nobody could check ("it set us back", "that created
                       friction", "the team saw it") and no number, time or system that changed
  time_span            Situation names a stretch of time ("throughout this quarter", "for a while
                       now") and no one occasion in it
The Behavior families above yield to evidence: a sentence that reports an act together with a
quote, a count, a time or a date is an observation, whatever words surround it (coach_vague.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from journal.domain import coach_vague as second
from journal.domain.coach_text import (
    MASK,
    bounded,
    clause_end,
    clause_start,
    has_event,
    has_past_action,
    imperative_start,
    mask,
    reported,
    sentences,
    specific_detail,
)
from journal.domain.coach_words import phrases_regex, word_set_of
from journal.domain.draft_age import is_stale
from journal.domain.feedback import as_message

# The editor and the checklist import everything about feedback drafts from here.
__all__ = ["PARTS", "RULES", "Hint", "as_message", "coach", "is_stale",
           "vague_only"]

PARTS = ("situation", "behavior", "impact")
RULES = (
    "missing",
    "too_short",
    "vague_label",
    "trait_language",
    "advice_not_behavior",
    "no_occasion",
    "no_effect",
    "guessed_intent",
    "trait_not_act",
    "judged_verb",
    "verdict_as_behavior",
    "vague_effect",
    "time_span",
)


@dataclass(frozen=True, slots=True)
class Hint:
    """One thing to look at. `start`/`end` index the text of `part`; both are None when the hint
    is about the whole part being missing."""

    part: str
    rule: str
    message: str
    start: int | None = None
    end: int | None = None


# Shown after the part's name ("Situation: Not written yet. ..."), so they do not name it again.
_MISSING = {
    "situation": "Not written yet. Say when and where it happened, so they can place the moment.",
    "behavior": "Not written yet. Say what they did or said, as you saw or heard it.",
    "impact": "Not written yet. Say what it changed: for people, for a system or for the "
              "outcome.",
}
_TOO_SHORT = {
    "situation": "One word is hard to place. Name the day and the meeting, incident or change.",
    "behavior": "One word is hard to act on. Describe what they did or said.",
    "impact": "One word is hard to weigh. Say what changed because of it.",
}
_NO_OCCASION = "Name the occasion: a day, a meeting, an incident or a change."


def coach(
    situation: str | None,
    behavior: str | None,
    impact: str | None,
    *,
    judge_missing: bool = True,
) -> list[Hint]:
    """Hints for one SBI draft, ordered by part and position. Never raises on any text.

    A part given as None is "not given": it is reported as missing only when `judge_missing` is
    true. An empty or blank string is always missing.
    """
    hints: list[Hint] = []
    for part, text in zip(PARTS, (situation, behavior, impact), strict=True):
        if text is None:
            if judge_missing:
                hints.append(Hint(part, "missing", _MISSING[part]))
            continue
        hints.extend(_judge_part(part, str(text)))
    return hints


def vague_only(text: str | None, labels: re.Pattern[str] | None = None) -> bool:
    """True when the whole text is nothing but vague labels ("Looks good!", "Great job, well
    done."). Empty text is not vague, it is missing: the checklist reports that separately.
    `labels`: a compiled list to judge by instead of the built-in one."""
    if not text or not text.strip():
        return False
    return _label_only_span(text, 0, len(text), labels) is not None


# -- one part ----------------------------------------------------------------------------------
# While typing, only one part changes between calls: the other two come from this small cache.
# Hints are frozen and the tuple is copied into a new list, so callers cannot disturb it.
@lru_cache(maxsize=96)
def _judge_part(part: str, text: str) -> tuple[Hint, ...]:
    return tuple(_judge_part_uncached(part, text))


def _judge_part_uncached(part: str, text: str) -> list[Hint]:
    stripped = text.strip()
    if not stripped:
        return [Hint(part, "missing", _MISSING[part])]
    if len(stripped.split()) == 1:
        start = text.index(stripped)
        return [Hint(part, "too_short", _TOO_SHORT[part], start, start + len(stripped))]
    masked = mask(text)
    spans = list(sentences(masked))
    if part == "impact":
        # An Impact that is only a verdict ("it was bad", "great job") is best answered by asking
        # for the effect, so it gets that one hint rather than a second one about the label.
        return _no_effect(text, masked)
    hints = _vague_labels(part, text, masked, spans)
    if part == "behavior":
        hints += _trait_language(text, masked, spans)
        # "Keep up the good work" is both a label and an instruction; one hint says enough.
        hints += [h for h in _advice(text, masked, spans) if not _overlaps_any(h, hints)]
        hints += _second_look(text, masked, spans, hints)
    elif not vague_only(text):
        found = second.time_span(text, masked)
        hints += [_hint("situation", text, found)] if found else _no_occasion(text, masked)
    return _dedupe(hints)


def _second_look(text: str, masked: str, spans: list[tuple[int, int]],
                 hints: list[Hint]) -> list[Hint]:
    """The families of coach_vague.py, for the sentences the rules above left alone."""
    out: list[Hint] = []
    words = second.readable(text)
    for s_start, s_end in spans:
        if any(h.start is not None and s_start <= h.start < s_end for h in hints):
            continue  # one kind of hint a sentence: it is the sentence that needs rewriting
        found = second.behavior_findings(text, masked, words, s_start, s_end)
        out += [_hint("behavior", text, f) for f in found]
    return out


def _hint(part: str, text: str, finding: tuple[str, int, int, str]) -> Hint:
    rule, start, end, message = finding
    return Hint(part, rule, f'"{_quote(text[start:end])}" {message}', start, end)


def _overlaps_any(hint: Hint, others: list[Hint]) -> bool:
    return any(o.start is not None and hint.start is not None and o.rule == "vague_label"
               and o.start < hint.end and hint.start < o.end for o in others)


def _dedupe(hints: list[Hint]) -> list[Hint]:
    seen: set[tuple[str, int | None, int | None]] = set()
    out: list[Hint] = []
    for hint in sorted(hints, key=lambda h: (h.start if h.start is not None else -1, h.rule)):
        key = (hint.rule, hint.start, hint.end)
        if key not in seen:
            seen.add(key)
            out.append(hint)
    return out


def _quote(text: str, limit: int = 48) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


# -- vague labels ------------------------------------------------------------------------------
# Words that add nothing to a label ("Really great job overall!") and so may surround it.
_FILLER = re.compile(
    r"\b(?:really|very|so|super|pretty|just|overall|honestly|again|all\s+in\s+all|and|but|also"
    r"|on\s+(?:this|that|it)|here|there|guys|team|folks|thanks|thank\s+you|too|though"
    r"|you|that|this|it|is|was|were|are)\b",
    re.IGNORECASE,
)
_LEFTOVER = re.compile(r"\w")
_LONGEST_LABEL_ONLY = 160


def _label_only_span(text: str, start: int, end: int,
                     labels: re.Pattern[str] | None = None) -> tuple[int, int] | None:
    """If text[start:end] is only labels (and filler), the span of its labels; otherwise None.
    `labels` replaces the built-in list (the checklist passes the user's own)."""
    chunk = text[start:end]
    if len(chunk) > _LONGEST_LABEL_ONLY:
        return None  # a sentence this long says more than a label; skip the costly check
    found = [m.span() for m in (labels or _all_labels()).finditer(chunk)]
    if not found:
        return None
    rest = list(chunk)
    for a, b in found:
        rest[a:b] = " " * (b - a)
    leftover = _FILLER.sub(" ", "".join(rest))
    if _LEFTOVER.search(leftover):
        return None
    return start + found[0][0], start + found[-1][1]


def _all_labels() -> re.Pattern[str]:
    return phrases_regex("vague_phrases")


def _vague_labels(part: str, text: str, masked: str, spans: list[tuple[int, int]]) -> list[Hint]:
    hints: list[Hint] = []
    multiword = phrases_regex("vague_phrases", multiword_only=True)
    for s_start, s_end in spans:
        whole = _label_only_span(masked, s_start, s_end)
        if whole is not None:
            hints.append(_vague_hint(part, text, *whole))
            continue
        found = list(multiword.finditer(masked, s_start, s_end))
        if not found:
            continue
        # A label rides along an observation ("Looks good overall, though you skipped the
        # canary") when the rest of the sentence reports an action; then it is harmless.
        rest = list(masked[s_start:s_end])
        for match in found:
            a, b = match.start() - s_start, match.end() - s_start
            rest[a:b] = " " * (b - a)
        if not has_past_action(_without_verdicts("".join(rest))):
            hints += [_vague_hint(part, text, m.start(), m.end()) for m in found]
    return hints


def _without_verdicts(text: str) -> str:
    return phrases_regex("advice_phrases").sub(" ", text)


def _vague_hint(part: str, text: str, start: int, end: int) -> Hint:
    label = _quote(text[start:end])
    if part == "situation":
        message = f'"{label}" does not say when or where; name the occasion.'
    else:
        message = (f'"{label}" says nothing the person can repeat or change; '
                   "describe what they did.")
    return Hint(part, "vague_label", message, start, end)


# -- Behavior: trait and mind-reading language --------------------------------------------------
_TRAIT_LEADIN = (
    r"(?:you\s+(?:are|were|seem|seemed|sound|sounded|look|looked|act|acted|can\s+be|could\s+be"
    r"|tend\s+to\s+be|have\s+been|seem\s+to\s+be|seemed\s+to\s+be|came\s+across\s+as"
    r"|come\s+across\s+as)|you['\u2019](?:re|ve\s+been)|(?:he|she|they)\s+(?:is|are|was|were)"
    r"|(?:he|she)['\u2019]s|they['\u2019]re)"
)
_TRAIT_FILLER = (
    r"(?:so|very|really|too|quite|a\s+bit|a\s+little|kind\s+of|sort\s+of|pretty|extremely"
    r"|incredibly|always|often|sometimes|just|being|such|generally|totally|completely|clearly"
    r"|obviously|visibly|a|an)"
)
_ABSOLUTE = re.compile(
    r"(?<![\w-])(?:always|never|constantly|continually|every\s+single\s+time|every\s+time"
    r"|all\s+the\s+time|without\s+fail|not\s+once)(?![\w-])",
    re.IGNORECASE,
)
_PERSON = word_set_of("you you're you've you'd you'll he she they he's she's they're")
# Words that may stand between the subject and "always"/"never" ("you have never", "you're just
# always").
_BETWEEN = word_set_of(
    "are is were was have has had do does did will would just almost nearly pretty much "
    "basically literally seem seemed to be"
)


@cache
def _trait_regex() -> re.Pattern[str]:
    traits = phrases_regex("trait_words").pattern
    return re.compile(rf"(?<![\w-]){_TRAIT_LEADIN}\s+(?:{_TRAIT_FILLER}\s+){{0,3}}{traits}",
                      re.IGNORECASE)


def _trait_language(text: str, masked: str, spans: list[tuple[int, int]]) -> list[Hint]:
    hints: list[Hint] = []
    for s_start, s_end in spans:
        for match in _trait_regex().finditer(masked, s_start, s_end):
            if second.observed(text, s_start, s_end, [match.span()]):
                continue  # "you were rude to nobody; you thanked each of the 6 responders"
            said = _quote(text[match.start():match.end()])
            hints.append(Hint("behavior", "trait_language",
                              f'"{said}" judges the person; describe the action you saw instead.',
                              match.start(), match.end()))
        for match in phrases_regex("mind_reading").finditer(masked, s_start, s_end):
            if reported(_window(masked, s_start, match.start())):
                continue
            said = _quote(text[match.start():match.end()])
            hints.append(Hint("behavior", "trait_language",
                              f'"{said}" guesses what they think or want; say what they did or '
                              "said that you noticed.", match.start(), match.end()))
        hints += _absolutes(text, masked, s_start, s_end)
    return hints


def _absolutes(text: str, masked: str, s_start: int, s_end: int) -> list[Hint]:
    sentence = text[s_start:s_end]
    hits = [m for m in _ABSOLUTE.finditer(masked, s_start, s_end)
            if _about_the_person(masked, s_start, m.start())]
    # Counted or dated ("in the last three standups", "during Tuesday's outage"), "always" and
    # "never" describe what happened; only unbounded ones turn a moment into a character trait.
    if not hits or bounded(sentence) or imperative_start(masked[s_start:s_end]):
        return []
    return [
        Hint("behavior", "trait_language",
             f'"{_quote(text[m.start():m.end()])}" turns moments into a verdict on the person; '
             "describe one time it happened.", m.start(), m.end())
        for m in hits
    ]


# How far back the subject and a reporting verb are looked for. Bounded so that a pasted wall of
# text costs linear time: the words that matter sit just before the phrase.
_LOOK_BACK = 80


def _window(masked: str, s_start: int, pos: int) -> str:
    return masked[max(s_start, pos - _LOOK_BACK):pos]


def _about_the_person(masked: str, s_start: int, pos: int) -> bool:
    """Is the subject of the word at `pos` the person (you, he, she, they) or left unsaid
    ("Always late.")? "The alert never fired" is about a system and is not judged."""
    begin = clause_start(masked, max(s_start, pos - _LOOK_BACK), pos)
    before = [w.lower().replace("\u2019", "'") for w in re.findall(r"[\w'\u2019]+",
                                                                  masked[begin:pos])]
    while before and before[-1] in _BETWEEN:
        before.pop()
    if not before:
        return MASK not in masked[begin:pos]
    # "Your PRs are always too big" is about the person's work, which reads as about them.
    return before[-1] in _PERSON or "your" in before[-3:]


# -- Behavior: advice and verdicts --------------------------------------------------------------
def _advice(text: str, masked: str, spans: list[tuple[int, int]]) -> list[Hint]:
    hints: list[Hint] = []
    for s_start, s_end in spans:
        sentence = masked[s_start:s_end]
        if imperative_start(sentence):
            lead = len(sentence) - len(sentence.lstrip())
            start = s_start + lead
            end = clause_end(masked, start, s_end)
            hints.append(_advice_hint(text, start, end if end > start else s_end))
            continue
        for match in phrases_regex("advice_phrases").finditer(masked, s_start, s_end):
            if reported(_window(masked, s_start, match.start())) or second.observed_verdict(
                    text, s_start, s_end, match.span()):
                continue
            hints.append(_advice_hint(text, match.start(),
                                      clause_end(masked, match.end(), s_end)))
            break  # one hint a sentence is enough; the sentence is the thing to rewrite
    return hints


def _advice_hint(text: str, start: int, end: int) -> Hint:
    said = _quote(text[start:end])
    return Hint("behavior", "advice_not_behavior",
                f'"{said}" is advice or a verdict; write what they did or said that led you '
                "to it.", start, end)


# -- Situation: one particular occasion ---------------------------------------------------------
def _no_occasion(text: str, masked: str) -> list[Hint]:
    habitual = phrases_regex("habitual_phrases").search(masked)
    # "When the pipeline broke" names one occasion by what happened, in the past tense.
    if specific_detail(text) or (habitual is None and (has_event(text) or has_past_action(text))):
        return []
    if habitual is not None:
        said = _quote(text[habitual.start():habitual.end()])
        return [Hint("situation", "no_occasion",
                     f'"{said}" covers many times; pick one. {_NO_OCCASION}',
                     habitual.start(), habitual.end())]
    start, end = _content_span(text)
    return [Hint("situation", "no_occasion", _NO_OCCASION, start, end)]


def _content_span(text: str) -> tuple[int, int]:
    stripped = text.strip()
    start = text.index(stripped)
    end = start + len(stripped.rstrip(".!?\u2026,;: "))
    return start, end if end > start else start + len(stripped)


# -- Impact: an effect on people, systems or outcomes -------------------------------------------
_DIGIT = re.compile(r"\d")


def _no_effect(text: str, masked: str) -> list[Hint]:
    found = second.vague_effect(text, masked)
    if found is not None:
        return [_hint("impact", text, found)]
    # The plain text, not the masked one: "the on-call" or "the payments-db" name who or what
    # was affected even though they are hyphenated.
    effect = phrases_regex("effect_words").search(text) or second.checkable_effect(text)
    if _DIGIT.search(text) or effect:
        return []
    verdict = phrases_regex("judgement_words").search(masked)
    if verdict is not None:
        said = _quote(text[verdict.start():verdict.end()])
        return [Hint("impact", "no_effect",
                     f'"{said}" is a judgement; say what it changed for people, a system or '
                     "the outcome.", verdict.start(), verdict.end())]
    start, end = _content_span(text)
    return [Hint("impact", "no_effect",
                 "Say what it changed: for the team, for users, for a system or for the outcome.",
                 start, end)]
