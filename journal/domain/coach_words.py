"""The coach's word lists: read once from `journal/data/*.txt` and compiled into regexes.

The lists are data so that anyone can add a phrase without touching the rules; the small phrase
syntax is described in `journal/data/README.md`.
"""

from __future__ import annotations

import re
from functools import cache
from importlib.resources import files

# The data folder belongs to the top-level package, beside `domain/`.
_DATA_PACKAGE = "journal"
_APOSTROPHE = "['\u2019]"


@cache
def entries(name: str) -> tuple[str, ...]:
    """The non-comment lines of `journal/data/<name>.txt`, lower-cased, in file order."""
    text = files(_DATA_PACKAGE).joinpath("data", f"{name}.txt").read_text(encoding="utf-8")
    out: list[str] = []
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip().lower()
        if line:
            out.append(" ".join(line.split()))
    return tuple(out)


def phrase_pattern(phrase: str) -> str:
    """One phrase of the mini-syntax as a regex fragment (no word boundaries added)."""
    out = ""
    pending_sep = False  # whether the next word needs whitespace before it
    for word in phrase.split(" "):
        optional = word.endswith("?") and len(word) > 1
        word = word[:-1] if optional else word
        piece = "(?:" + "|".join(_word_pattern(w) for w in word.split("|") if w) + ")"
        sep = "\\s+" if pending_sep else ""
        if optional and pending_sep:
            out += f"(?:{sep}{piece})?"  # "you handled it really? well": the space goes too
        elif optional:
            out += f"(?:{piece}\\s+)?"  # a leading optional word carries the space after it
            continue  # the next word then needs no separator of its own
        else:
            out += sep + piece
        pending_sep = True
    return out


def _word_pattern(word: str) -> str:
    if word == "*":
        return "[\\w'\u2019-]+"
    if word == "**":  # one to three words: "set ** back" matches "set the whole team back"
        return "[\\w'\u2019-]+(?:\\s+[\\w'\u2019-]+){0,2}"
    escaped = re.escape(word.replace("+", " "))
    escaped = escaped.replace("'", _APOSTROPHE)
    # Hyphens and spaces inside an entry ("stand-up", "post mortem") may be written either way.
    return escaped.replace("\\-", "[-\\s]?").replace("\\ ", "\\s+")


@cache
def phrases_regex(name: str, *, multiword_only: bool = False) -> re.Pattern[str]:
    """All entries of a list as one case-insensitive alternation, longest first, whole words."""
    items = entries(name)
    if multiword_only:
        items = tuple(e for e in items if " " in e)
    if not items:
        return re.compile(r"(?!x)x")
    body = "|".join(phrase_pattern(e) for e in sorted(items, key=_longest_first))
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE)


def _longest_first(entry: str) -> tuple[int, int]:
    # Regex alternation takes the first branch that matches, so longer phrases go first.
    return (-entry.count(" "), -len(entry))


@cache
def word_set(name: str) -> frozenset[str]:
    """Single-word entries of a list, for quick membership tests."""
    return frozenset(e for e in entries(name) if " " not in e and "|" not in e)


def word_set_of(text: str) -> frozenset[str]:
    """A set of words written as one string, for short lists kept beside the rule that uses them."""
    return frozenset(text.split())
