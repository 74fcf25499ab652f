"""Search the whole journal: the words typed, found through the index, ranked and shown.

`search` answers what the Ctrl+K box and `leadership-journal search` show: records whose text
holds every word typed (each as the start of a word, case and accents folded), ranked by bm25
(a match in a record's name or title weighs double) and by how recent the record is, each with
a title and a short snippet whose matching words are marked. People are also found by a name
typed with a typo. `matching_ids_sql` gives the page lists' word filters the same index.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, NamedTuple

from journal.domain.kinds import PERSON
from journal.domain.search_text import folded, holds_prefixes, query_words, word_spans
from journal.store.search_index import (
    BY_CODE,
    BY_KIND,
    ID_BITS,
    ID_MASK,
    INDEX_TABLE,
    INDEXED,
    Indexed,
    rowid_range,
)

if TYPE_CHECKING:  # paging imports this module, and the journal imports paging
    from journal.store.journal import Journal

CANDIDATES = 200  # matches ranked by relevance before recency re-orders them
PLENTY = 20_000  # past this many matches, the newest of each kind are ranked by date alone
HEAD_WEIGHT = 2.0  # a word in a record's name or title counts twice
SNIPPET_WORDS = 9  # words of context either side of the first match
SNIPPET_SIDE = 80  # and at most this many characters either side of it
FUZZY_CUTOFF = 75  # rapidfuzz ratio (0-100) a name word must reach to match a typed word
MOST = 1 << 31  # a larger limit means "all" (and SQLite's LIMIT takes no more than 64 bits)


class Hit(NamedTuple):
    """One result. `snippet` is plain text; `marks` are the (start, end) offsets in it of the
    words that matched. `day` is the ISO date the record is dated by. `fuzzy`: found by a name
    typed with a typo, not by the index."""

    kind: str
    id: int
    title: str
    snippet: str
    marks: tuple[tuple[int, int], ...]
    day: str
    score: float
    fuzzy: bool = False


def match_expression(words: Iterable[str], column: str | None = None) -> str:
    """An FTS5 query in which every word must start a word of the text (of `column` only, when
    given). The words come from `query_words`, which never holds a quote or other syntax; each
    is quoted all the same, so a word such as NEAR or AND is only a word."""
    prefix = f"{column} : " if column else ""
    return " AND ".join(f'{prefix}"{word}"*' for word in words)


def search(journal: Journal, text: str, kinds: Sequence[str] | None = None, limit: int = 50,
           today: dt.date | None = None) -> list[Hit]:
    """The best `limit` records for the words of `text` (of `kinds` only, when given), best
    first. An empty or syntax-only text finds nothing; no text raises."""
    words = query_words(text)
    if not words or limit <= 0:
        return []
    limit = min(limit, MOST)
    wanted = [BY_KIND[k] for k in (kinds or BY_KIND) if k in BY_KIND]
    if not wanted:
        return []
    if len(wanted) == 1:  # one range of rowids, read as such by FTS5
        kind_filter = "AND rowid BETWEEN {} AND {}".format(*rowid_range(wanted[0]))
    elif len(wanted) < len(INDEXED):
        codes = ", ".join(str(entry.code) for entry in wanted)
        kind_filter = f"AND (rowid >> {ID_BITS}) IN ({codes})"
    else:
        kind_filter = ""
    expression = match_expression(words)
    cursor = journal.conn.execute(
        f"SELECT rowid FROM {INDEX_TABLE} WHERE {INDEX_TABLE} MATCH ? {kind_filter}",
        (expression,))
    first = cursor.fetchmany(PLENTY + 1)
    if len(first) <= PLENTY:
        cursor.close()
        ranked = journal.rows(
            f"""SELECT rowid, bm25({INDEX_TABLE}, {HEAD_WEIGHT}, 1.0) AS score
                FROM {INDEX_TABLE} WHERE {INDEX_TABLE} MATCH ? {kind_filter}
                ORDER BY score LIMIT ?""", (expression, max(CANDIDATES, limit)))
    else:
        # Words that most records hold ("the", a first letter): relevance says little and
        # bm25 over half a million matches takes a second. The newest records of each kind
        # are ranked by their dates alone.
        ranked = _newest_of_each_kind([*first, *cursor.fetchall()], limit)
    today = today or dt.date.today()
    hits = _hits(journal, [(rowid & ID_MASK, BY_CODE[rowid >> ID_BITS], score)
                           for rowid, score in ranked], today)
    if PERSON in {entry.kind for entry in wanted}:
        hits = _names_first(journal, hits, words)
        found = {hit.id for hit in hits if hit.kind == PERSON}
        hits += [hit for hit in fuzzy_people(journal, words) if hit.id not in found]
    hits.sort(key=lambda hit: (hit.score, hit.kind, -hit.id))
    return _shown(journal, hits[:limit], words)


def _names_first(journal: Journal, hits: list[Hit], words: Sequence[str]) -> list[Hit]:
    """People whose name holds every word typed come before every other hit (in their own
    order): whoever types a name is looking for that person, not for the notes that mention
    them, which bm25 (a person's notes make their record long) and recency (a person is dated
    by when they were added) would put first."""
    ids = [hit.id for hit in hits if hit.kind == PERSON]
    if not ids:
        return hits
    names = dict(_chunked(journal, BY_KIND[PERSON], ids, "r.name"))
    named = {person_id for person_id, name in names.items()
             if holds_prefixes(folded(name or ""), words)}
    if not named:
        return hits
    best = min(hit.score for hit in hits)
    ranked = sorted((hit.score, hit.id) for hit in hits if hit.kind == PERSON and hit.id in named)
    # Below the best score, one step apart: in their own order, before every other hit.
    score = {person_id: best - len(ranked) + place for place, (_, person_id) in enumerate(ranked)}
    return [hit._replace(score=score[hit.id]) if hit.kind == PERSON and hit.id in score else hit
            for hit in hits]


def _newest_of_each_kind(rowids: list[tuple[int]], limit: int) -> list[tuple[int, float]]:
    """(rowid, score) of the `limit` latest written matches of each kind, all scored alike."""
    import heapq

    by_code: dict[int, list[int]] = {}
    for (rowid,) in rowids:
        by_code.setdefault(rowid >> ID_BITS, []).append(rowid)
    return [(rowid, -1.0) for found in by_code.values()
            for rowid in heapq.nlargest(limit, found)]


def grouped(hits: Sequence[Hit]) -> list[tuple[str, list[Hit]]]:
    """The hits by kind, the kinds in the order of their best hit, each kind's hits in order."""
    groups: dict[str, list[Hit]] = {}
    for hit in hits:
        groups.setdefault(hit.kind, []).append(hit)
    return list(groups.items())


def _recency(day: str, today: dt.date) -> float:
    """1 for today, 1/2 a year ago, 1/3 two years ago: multiplies bm25 (negative, lower is
    better), so between equally good matches the newer comes first."""
    try:
        age = (today - dt.date.fromisoformat(day[:10])).days
    except ValueError:
        return 0.5
    return 1.0 / (1.0 + max(age, 0) / 365.0)


def _hits(journal: Journal, ranked: list[tuple[int, Indexed, float]],
          today: dt.date) -> list[Hit]:
    """The ranked matches as hits scored by relevance and recency, not yet titled: only the
    dates are read here (titles and snippets cost more; `_shown` makes them for the few kept)."""
    by_kind: dict[str, list[int]] = {}
    for record_id, entry, _ in ranked:
        by_kind.setdefault(entry.kind, []).append(record_id)
    days: dict[tuple[str, int], str] = {}
    for kind, ids in by_kind.items():
        for record_id, day in _chunked(journal, BY_KIND[kind], ids, _day_sql(BY_KIND[kind])):
            days[(kind, record_id)] = day or ""
    return [Hit(entry.kind, record_id, "", "", (), days[(entry.kind, record_id)],
                score * _recency(days[(entry.kind, record_id)], today))
            for record_id, entry, score in ranked if (entry.kind, record_id) in days]


def _shown(journal: Journal, hits: list[Hit], words: Sequence[str]) -> list[Hit]:
    """The hits with their titles and snippets (a fuzzy person's are made already)."""
    by_kind: dict[str, list[int]] = {}
    for hit in hits:
        if not hit.fuzzy:
            by_kind.setdefault(hit.kind, []).append(hit.id)
    details: dict[tuple[str, int], tuple] = {}
    for kind, ids in by_kind.items():
        for row in record_details(journal, BY_KIND[kind], ids):
            details[(kind, row[0])] = row
    out = []
    for hit in hits:
        if hit.fuzzy:
            out.append(hit)
            continue
        row = details.get((hit.kind, hit.id))
        if row is None:
            continue
        _, title, _, *texts = row
        snippet, marks = snippet_of(texts, words)
        out.append(hit._replace(title=short(title or ""), snippet=snippet, marks=marks))
    return out


def short(text: str, most: int = 80) -> str:
    """A title on one line, cut at a word before `most` characters."""
    flat = " ".join(text.split())
    if len(flat) <= most:
        return flat
    cut = flat[:most].rsplit(" ", 1)[0] if " " in flat[:most] else flat[:most]
    return cut.rstrip(" ,.;:") + "…"


def _day_sql(entry: Indexed) -> str:
    day = "substr(r.created_at, 1, 10)"
    return f"coalesce(r.{entry.day}, {day})" if entry.day else day


def _chunked(journal: Journal, entry: Indexed, ids: list[int], columns: str) -> list[tuple]:
    """(id, *columns) of these records of one kind, as `r`, a few hundred ids a query."""
    out: list[tuple] = []
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        marks = ", ".join("?" for _ in chunk)
        out += journal.rows(f"SELECT r.id, {columns} FROM {entry.table} AS r "
                            f"WHERE r.id IN ({marks})", tuple(chunk))
    return out


def record_details(journal: Journal, entry: Indexed, ids: list[int]) -> list[tuple]:
    """(id, title, day, *text columns) of these records of one kind."""
    texts = ", ".join(f"r.{column}" for column in entry.columns)
    return _chunked(journal, entry, ids, f"{entry.title}, {_day_sql(entry)}, {texts}")


def snippet_of(texts: Sequence[str | None], words: Sequence[str],
               context: int = SNIPPET_WORDS) -> tuple[str, tuple[tuple[int, int], ...]]:
    """A short stretch of the first text holding a matching word (the first text when none
    does), on one line, with the offsets of the matching words in it."""
    chosen, spans = "", []
    for text in texts:
        if not text:
            continue
        found = word_spans(text)
        if any(word.startswith(w) for _, _, word in found for w in words):
            chosen, spans = text, found
            break
        if not chosen:
            chosen, spans = text, found
    if not spans:
        return " ".join(chosen.split())[:160], ()
    first = next((i for i, (_, _, word) in enumerate(spans)
                  if any(word.startswith(w) for w in words)), 0)
    low, high = max(0, first - context), min(len(spans), first + context + 1)
    start, end = spans[low][0], spans[high - 1][1]
    # At most SNIPPET_SIDE characters either side of the match, however long the words about
    # it are (a pasted link, a log line): a snippet is a glance, not the record.
    match_start = spans[first][0]
    cut_start = max(start, match_start - SNIPPET_SIDE)
    cut_end = min(end, spans[first][1] + SNIPPET_SIDE, match_start + 2 * SNIPPET_SIDE)
    lead = "…" if low > 0 or cut_start > start else ""
    tail = "…" if high < len(spans) or cut_end < end else ""
    start, end = cut_start, cut_end
    piece = chosen[start:end]
    marks = [(max(s, start) - start, min(e, end) - start) for s, e, word in spans[low:high]
             if any(word.startswith(w) for w in words) and s < end and e > start]
    # One line: runs of whitespace become one space, and the offsets move with them.
    flat, moved, shift, i = [], [], len(lead), 0
    offsets: list[int] = []
    while i < len(piece):
        if piece[i].isspace():
            j = i
            while j < len(piece) and piece[j].isspace():
                j += 1
            offsets.extend([len(flat)] * (j - i))
            flat.append(" ")
            i = j
        else:
            offsets.append(len(flat))
            flat.append(piece[i])
            i += 1
    offsets.append(len(flat))
    moved = [(offsets[s] + shift, offsets[e] + shift) for s, e in marks]
    return lead + "".join(flat) + tail, tuple(moved)


def fuzzy_people(journal: Journal, words: Sequence[str]) -> list[Hit]:
    """People whose name holds, for every typed word, a word close to it (one or two letters
    off, or the start of such a word while it is being typed), ranked after index matches."""
    from rapidfuzz import fuzz, process  # a few ms to import; only a search needs it

    if not words or any(len(word) < 3 for word in words):
        return []
    people = journal.rows("SELECT id, name, substr(created_at, 1, 10) FROM people")
    name_words: list[str] = []
    owners: list[int] = []
    for index, (_, name, _) in enumerate(people):
        for _, _, word in word_spans(name):
            name_words.append(word)
            owners.append(index)
    best: dict[int, float] = {}
    for position, word in enumerate(words):
        scores: dict[int, float] = {}
        for choice in (name_words, [w[:len(word)] for w in name_words]):
            for _, score, at in process.extract(word, choice, scorer=fuzz.ratio,
                                                score_cutoff=FUZZY_CUTOFF, limit=None):
                owner = owners[at]
                scores[owner] = max(scores.get(owner, 0.0), score)
        if position == 0:
            best = scores
        else:
            best = {o: min(best[o], s) for o, s in scores.items() if o in best}
    hits = []
    for owner, score in best.items():
        person_id, name, day = people[owner]
        marks = tuple((s, e) for s, e, word in word_spans(name)
                      if any(fuzz.ratio(w, word[:len(w)]) >= FUZZY_CUTOFF
                             or fuzz.ratio(w, word) >= FUZZY_CUTOFF for w in words))
        # After every index match (their scores are below zero), closest names first.
        hits.append(Hit(PERSON, person_id, name, name, marks, day, 1.0 - score / 100, True))
    return hits


def matching_ids_sql(kind: str, id_expression: str) -> str:
    """SQL that is true when the record whose id is `id_expression`, of `kind`, holds the
    words of the bound parameter (a `match_expression`) in its indexed text."""
    first, last = rowid_range(BY_KIND[kind])
    return (f"{id_expression} IN (SELECT rowid & {ID_MASK} FROM {INDEX_TABLE} "
            f"WHERE {INDEX_TABLE} MATCH ? AND rowid BETWEEN {first} AND {last})")
