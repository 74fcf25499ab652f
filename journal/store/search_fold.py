"""How SQLite's search tokenizer folds each character, read from SQLite itself.

The search index tokenizes with `unicode61 remove_diacritics 2`: each character is either a
separator or part of a word, and a word character is folded (case and accents) on its own,
whatever its neighbours. `derive()` asks SQLite what it does with every character up to
U+2FFFF, and `journal/data/search_fold.json` keeps the answer, so the lists' filters in memory
(`journal.domain.search_text`) cut and fold words exactly as the index does without SQLite.
`python -m journal.store.search_fold` writes the file again; a test checks that it still
agrees with the SQLite the app runs on.
"""

from __future__ import annotations

import json
import sqlite3
import sys
from pathlib import Path

TOKENIZER = "unicode61 remove_diacritics 2"
LAST = 0x2FFFF  # beyond this, characters are left as they are
DATA = Path(__file__).resolve().parent.parent / "data" / "search_fold.json"


def derive() -> dict[str, object]:
    """{"separators": [[first, last], ...], "folds": {code point: folded text}} as SQLite's
    tokenizer has them; a character in neither is a word character that folds to itself."""
    conn = sqlite3.connect(":memory:")
    try:
        conn.execute(f"CREATE VIRTUAL TABLE t USING fts5(x, tokenize=\"{TOKENIZER}\")")
        conn.execute("CREATE VIRTUAL TABLE v USING fts5vocab(t, 'instance')")
        # Between two q's: a separator leaves two words, a character folded away leaves "qq".
        conn.executemany("INSERT INTO t(rowid, x) VALUES (?, ?)",
                         ((cp, f"q{chr(cp)}q") for cp in range(LAST + 1)
                          if not 0xD800 <= cp <= 0xDFFF))
        words: dict[int, list[tuple[int, str]]] = {}
        for doc, term, offset in conn.execute("SELECT doc, term, offset FROM v"):
            words.setdefault(doc, []).append((offset, term))
    finally:
        conn.close()
    separators: list[list[int]] = []
    folds: dict[str, str] = {}
    for cp in sorted(words):
        terms = [term for _, term in sorted(words[cp])]
        if terms == ["q", "q"]:
            if separators and separators[-1][1] == cp - 1:
                separators[-1][1] = cp
            else:
                separators.append([cp, cp])
        elif len(terms) == 1 and terms[0].startswith("q") and terms[0].endswith("q"):
            folded = terms[0][1:-1]
            if folded != chr(cp):
                folds[str(cp)] = folded
        else:  # not seen on SQLite 3.40; a character that splits words some other way
            raise ValueError(f"U+{cp:04X} tokenizes as {terms}")
    return {"tokenizer": TOKENIZER, "separators": separators, "folds": folds}


def main() -> None:
    DATA.write_text(json.dumps(derive(), ensure_ascii=True, separators=(",", ":")) + "\n")
    print(f"wrote {DATA}", file=sys.stderr)


if __name__ == "__main__":
    main()
