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
# Words that may open a part but read naturally in lower case mid-sentence.
_LOWER_LEADS = word_set_of(
    "in on at during after before when while yesterday today this last earlier at the a an "
    "you your you've you're you'd for with as over since"
)
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


def as_message(situation: str | None, behavior: str | None, impact: str | None,
               recipient_name: str | None, polarity: str = "reinforcing") -> str:
    """The three parts as a short note to the person, ready to paste into chat or email.

    Example: "Hi Amara — in Tuesday's design review for the auth service, you asked four
    questions about failure modes. That surfaced the retry bug before it shipped. Thank you."
    Empty parts are left out; with no part at all the result is "". Right-to-left text is
    copied as written (no case changes, no punctuation added). Never raises.
    """
    situation = _clean(situation)
    behavior = _clean(behavior)
    impact = _clean(impact, keep_end=True)
    if not (situation or behavior or impact):
        return ""
    name = " ".join(str(recipient_name or "").split())
    greeting = f"Hi {name} \u2014 " if name else ""

    sentences: list[str] = []
    if situation and behavior and not (_rtl(situation) or _rtl(behavior)):
        opening = f"{_lower_lead(situation)}, {_lower_lead(behavior)}"
        sentences.append(_end(opening))
    else:
        sentences += [_end(_lower_lead(p)) for p in (situation, behavior) if p]
    if impact:
        sentences.append(_end(_as_sentence_start(impact)))

    first = sentences[0]
    if greeting:
        first = _lower_lead(first)  # "Hi Jo — the release slipped", mid-sentence after the dash
    elif not _rtl(first):
        first = first[:1].upper() + first[1:]
    sentences[0] = greeting + first
    closing = _CLOSING.get(polarity, _CLOSING["reinforcing"])
    # Right-to-left parts get no punctuation from us, so line breaks keep them apart instead.
    separator = "\n" if any(_rtl(p) for p in (situation, behavior, impact)) else " "
    return separator.join([*sentences, closing])


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


_FIRST_WORD = re.compile(r"[A-Za-z']+")


def _lower_lead(text: str) -> str:
    """Lower-case the first letter when the first word is a common opener ("In", "You"), so the
    part reads mid-sentence; names and acronyms ("Tuesday's", "PR") keep their capitals."""
    if _rtl(text):
        return text
    word = _FIRST_WORD.match(text)
    if word and word.group().lower() in _LOWER_LEADS and not word.group().isupper():
        return text[:1].lower() + text[1:]
    if word and word.group() == "A":  # "A page fired..." mid-sentence is "a page fired..."
        return "a" + text[1:]
    return text


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
