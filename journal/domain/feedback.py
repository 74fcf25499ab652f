"""Feedback drafts beyond the coach: the draft as a message (when a draft goes stale is
`draft_age.is_stale`).

Pure functions over plain values, so the checklist, the editor's "Copy as message" and the
exporters share one wording.
"""

from __future__ import annotations

import re
import unicodedata

from journal.domain.coach_words import word_set_of

# -- "Copy as message" -------------------------------------------------------------------------
_CLOSING = {
    "reinforcing": "Thank you.",
    "corrective": "Could we find ten minutes to talk about what would work better next time?",
}
# Words that open a lead-in phrase ("In Tuesday's review", "During the deploy", "When the page
# fired"): such a Situation leads into the Behavior with a comma, as a person writes it.
_LEAD_INS = word_set_of(
    "in on at during after before when while yesterday today this last earlier over since "
    "throughout within as once whenever"
)
# Words that start a sentence of its own ("We had the review on Tuesday"): no comma splice.
_SUBJECTS = word_set_of("i we you they he she it there our my")
# The only leading words lower-cased mid-sentence: "you" is "you" after a comma.
_PRONOUNS = word_set_of("you your you've you're you'd yours")
# Openers of an Impact written as a continuation ("...which surfaced the bug").
_CONTINUATIONS = (
    ("which ", "That "),
    ("and that ", "That "),
    ("and ", ""),
    ("so ", ""),
    ("this ", "This "),
)
_EDGE_PUNCTUATION = ".,;:!?\u2026 \t\r\n"
_TERMINAL = (".", "!", "?", "\u2026", "\u061f", "\u06d4", "\u3002")


def first_name(name: str | None) -> str:
    """The name a note is addressed by: the first word of the person's name."""
    words = str(name or "").split()
    return words[0] if words else ""


def as_message(situation: str | None, behavior: str | None, impact: str | None,
               recipient_name: str | None, polarity: str = "reinforcing") -> str:
    """The three parts as a short note to the person, ready to paste into chat or email.

    Example: "Hi Amara,\nIn Tuesday's design review for the auth service, you asked four
    questions about failure modes. That surfaced the retry bug before it shipped. Thank you."

    The greeting uses the first name, on a line of its own. A Situation that leads in ("In…",
    "During…", "When…") joins the Behavior with a comma; one that is a sentence itself ("We
    met on Tuesday.") stays one; a name for the moment ("Tuesday's postmortem") is followed by
    a colon. The Behavior keeps its capital, except "You" mid-sentence. Empty parts are left
    out; with no part at all the result is "". Right-to-left text is copied as written (no case
    changes, no punctuation added). Never raises.
    """
    raw_situation = str(situation or "").strip()
    situation = _clean(situation)
    behavior = _clean(behavior)
    impact = _clean(impact, keep_end=True)
    if not (situation or behavior or impact):
        return ""
    name = first_name(recipient_name)

    sentences: list[str] = []
    if situation and behavior and not (_rtl(situation) or _rtl(behavior)):
        sentences += _opening(raw_situation, situation, behavior)
    else:
        sentences += [_end(_capital(p)) for p in (situation, behavior) if p]
    if impact:
        sentences.append(_end(_as_sentence_start(impact)))
    closing = _CLOSING.get(polarity, _CLOSING["reinforcing"])
    # Right-to-left parts get no punctuation from us, so line breaks keep them apart instead.
    separator = "\n" if any(_rtl(p) for p in (situation, behavior, impact)) else " "
    body = separator.join([*sentences, closing])
    return f"Hi {name},\n{body}" if name else body


def _opening(raw_situation: str, situation: str, behavior: str) -> list[str]:
    """The Situation and the Behavior as a person would write them together."""
    first = _first_word(situation).lower()
    # "The design review two months ago." ends with a full stop but names a moment: a colon
    # suits it better than a sentence of its own. A subject ("We", "I") or a question makes one.
    if first in _SUBJECTS or raw_situation.endswith(("!", "?")):
        return [_end(_capital(situation)), _end(_capital(behavior))]
    joint = ", " if first in _LEAD_INS else ": "
    return [_end(f"{_capital(situation)}{joint}{_mid_sentence(behavior)}")]


_FIRST_WORD = re.compile(r"[A-Za-z']+")


def _first_word(text: str) -> str:
    word = _FIRST_WORD.match(text)
    return word.group() if word else ""


def _capital(text: str) -> str:
    """The text starting a sentence: its first letter upper-cased (right-to-left kept)."""
    if _rtl(text):
        return text
    return text[:1].upper() + text[1:]


def _mid_sentence(text: str) -> str:
    """The Behavior after a comma or colon: "You" becomes "you"; every other capital (a name,
    an acronym, "PR #412") stays as written."""
    word = _first_word(text)
    if word.lower() in _PRONOUNS and not word.isupper():
        return text[:1].lower() + text[1:]
    return text


def _clean(text: str | None, *, keep_end: bool = False) -> str:
    """The part without surrounding space, ellipses or the comma it was drafted with; with
    `keep_end`, a closing "!" or "?" stays (the Impact ends the note's body)."""
    text = str(text or "").strip()
    if _rtl(text):
        return text
    text = " ".join(text.split()).lstrip(_EDGE_PUNCTUATION)
    if keep_end and text.endswith(("!", "?")) and not text.endswith(("...", "\u2026")):
        return text
    return text.rstrip(_EDGE_PUNCTUATION)


def _rtl(text: str) -> bool:
    return any(unicodedata.bidirectional(ch) in ("R", "AL") for ch in text)


def _as_sentence_start(text: str) -> str:
    if _rtl(text):
        return text
    lowered = text.lower()
    for lead, replacement in _CONTINUATIONS:
        if lowered.startswith(lead) and len(text) > len(lead):
            text = replacement + text[len(lead):]
            break
    return text[:1].upper() + text[1:]


def _end(sentence: str) -> str:
    """A sentence with a full stop, unless it already ends one (or is right-to-left)."""
    if not sentence or _rtl(sentence) or sentence.endswith(_TERMINAL):
        return sentence
    return sentence.rstrip(",;:") + "."
