"""Words as the search index sees them, for matching in memory exactly as the index matches.

The index (SQLite FTS5, `unicode61 remove_diacritics 2`) cuts text into words at every
character that is not a letter or digit, and folds case and accents, so "Zoë" and "zoe" are one
word. A search or a list filter keeps a record when each word typed is the start of some word
of its text ("deplo" finds "deploy", "zoe" finds "Zoë", "Zoë" finds "Zoe"). The fold table in
`journal/data/search_fold.json` is read from SQLite itself (`journal.store.search_fold`), so
the lists filtering loaded rows in memory agree with the index character for character.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from functools import cache
from importlib.resources import files

_DATA_PACKAGE = "journal"


@cache
def _table() -> dict[int, str]:
    raw = json.loads(files(_DATA_PACKAGE).joinpath("data", "search_fold.json")
                     .read_text(encoding="ascii"))
    table: dict[int, str] = {int(cp): folded for cp, folded in raw["folds"].items()}
    for first, last in raw["separators"]:
        for cp in range(first, last + 1):
            table[cp] = " "
    return table


def folded(text: str) -> str:
    """The text's words, folded, each preceded by one space (" zoe met ana")."""
    found = words(text)
    return " " + " ".join(found) if found else ""


def words(text: str) -> tuple[str, ...]:
    """The folded words of a text, in order: what the index stores and what a query asks for.
    Characters FTS5 reads as query syntax (quotes, `*`, `-`, parentheses) are separators here,
    so a query built from these words never holds syntax."""
    return tuple(word for word in text.translate(_table()).split(" ") if word)


def query_words(text: str) -> tuple[str, ...]:
    """The distinct words of a typed query, in the order typed (each one is a prefix)."""
    return tuple(dict.fromkeys(words(text)))


def holds_prefixes(text_folded: str, wanted: Iterable[str]) -> bool:
    """Whether every wanted word starts some word of `text_folded` (as `folded` makes it)."""
    return all(f" {word}" in text_folded for word in wanted)


def word_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, folded word) of each word of `text`, the offsets into `text` itself: what
    a snippet marks."""
    table = _table()
    out: list[tuple[int, int, str]] = []
    start = None
    for i, ch in enumerate(text):
        if table.get(ord(ch)) == " ":
            if start is not None:
                word = text[start:i].translate(table)
                if word:
                    out.append((start, i, word))
                start = None
        elif start is None:
            start = i
    if start is not None:
        word = text[start:].translate(table)
        if word:
            out.append((start, len(text), word))
    return out
