"""Sorting names as a person would: "Zoë Åberg" next to "Zoe Aberg", before "Zoë Lindqvist".

Python compares strings by code point, so "Å" (U+00C5) sorted after every unaccented letter and
"Zoë Å…" came after "Zoë L…". `name_key` folds case and accents the same way in every locale:
the store registers it with SQLite, and the lists sort by it in memory, so both agree.
"""

from __future__ import annotations

import unicodedata

# Letters that are not a base letter plus a mark in Unicode, spelled as they are alphabetised
# in an English list (ß already folds to "ss").
_SPELLED = str.maketrans({"ø": "o", "æ": "ae", "œ": "oe", "đ": "d", "ł": "l", "þ": "th",
                          "ð": "d", "ı": "i", "ħ": "h"})


def name_key(name: object) -> str:
    """The sort key of a name: case folded, accents and other marks removed (NFKD), so names
    differing only in accents sort together; ties keep `name_order`'s second part."""
    if not isinstance(name, str):
        return ""
    if name.isascii():  # most names: nothing to take apart
        return " ".join(name.lower().split())
    folded = unicodedata.normalize("NFKD", name.casefold())
    bare = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return " ".join(bare.translate(_SPELLED).split())


def name_order(name: str) -> tuple[str, str]:
    """A total order for names: by `name_key`, then by the folded name itself, so "Zoe" and
    "Zoë" always come in the same order."""
    return name_key(name), name.casefold()
