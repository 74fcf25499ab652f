"""Design reviews, roadmap proposals and conflicts: the rules the pages and the checklist share.

Pure functions over plain values: how many rubric questions a review answers, whether a
proposal's framing holds a number, and when its one-sentence version has grown past one breath.
"""

from __future__ import annotations

import re
from typing import Any

from journal.domain.coach_words import word_set

# The six rubric questions of a design review, as field names, in the order they are asked.
RUBRIC = ("problem", "alternatives", "failure_modes", "reversibility", "operational_cost",
          "compliance_security")


def answered(review: Any) -> int:
    """How many of the six rubric questions `review` answers (whitespace is no answer)."""
    return sum(1 for name in RUBRIC if str(getattr(review, name, "") or "").strip())


def unanswered(review: Any) -> list[str]:
    """The rubric questions left blank, in the rubric's order."""
    return [name for name in RUBRIC if not str(getattr(review, name, "") or "").strip()]


def rubric_complete(review: Any) -> bool:
    return answered(review) == len(RUBRIC)


# -- roadmap proposals -------------------------------------------------------------------------
_DIGIT = re.compile(r"\d")
_WORD = re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)*")


def has_number(text: str) -> bool:
    """Whether `text` states a number: a digit in any script (38%, ٣٨, 2×), or a number
    written as a word ("twice", "forty", "half"). "one" alone does not count."""
    if _DIGIT.search(text):
        return True
    words = word_set("number_words")
    return any(part in words for word in _WORD.findall(text.casefold())
               for part in word.split("-"))


def framing_has_number(numbers: str, one_sentence: str = "") -> bool:
    """The framing holds a number if the numbers behind it or its one sentence do."""
    return has_number(numbers) or has_number(one_sentence)


ONE_SENTENCE_WORDS = 30  # past about this many words, a sentence is hard to repeat


def word_count(text: str) -> int:
    return len(text.split())


def sentence_too_long(text: str, limit: int = ONE_SENTENCE_WORDS) -> bool:
    """The gentle hint's test: more than `limit` words."""
    return word_count(text) > limit
