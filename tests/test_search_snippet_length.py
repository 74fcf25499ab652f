"""A result's snippet stays short whatever the text holds around the match: a pasted link, a
log line or a blob with no spaces must not make one result thousands of characters long."""

from __future__ import annotations

from journal.domain import kinds
from journal.store.search import search, snippet_of


def test_long_words_around_the_match_are_cut():
    text = "x" * 20_000 + " target " + "y" * 20_000
    snippet, marks = snippet_of([text], ("target",))
    assert len(snippet) <= 200
    assert [snippet[s:e] for s, e in marks] == ["target"]
    assert snippet.startswith("…") and snippet.endswith("…")


def test_a_huge_matching_word_is_cut_too():
    snippet, marks = snippet_of(["see https://example.org/target" + "a" * 30_000], ("https",))
    assert len(snippet) <= 200
    assert snippet[marks[0][0]:marks[0][1]].startswith("https")


def test_short_texts_are_unchanged():
    snippet, marks = snippet_of(["Ask Zoë whether we can drop the TTL"], ("zoe",))
    assert snippet == "Ask Zoë whether we can drop the TTL"
    assert [snippet[s:e] for s, e in marks] == ["Zoë"]


def test_search_results_stay_short(journal):
    journal.create(kinds.PERSON, name="Ana", notes="trace: " + "0xdeadbeef" * 5_000 + " crash")
    hits = search(journal, "crash")
    assert hits and all(len(hit.snippet) <= 200 for hit in hits)
