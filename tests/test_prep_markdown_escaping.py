"""User text holding Markdown syntax (#, *, [, |, ```, {: attributes}) keeps the prep note's
structure: one-line fields (names, titles, SBI parts, team names) show exactly what was typed, and
a code fence left open in a note does not swallow the sections after it."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from journal.export.html import html_document
from journal.export.prep_markdown import prep_markdown, title_of
from journal.store.journal import open_journal
from journal.store.prep import prep_facts
from tests.prep_helpers import TODAY
from tests.test_prep_xss import _journal_full_of

HOSTILE = ("# Big *star* _u_ [x](https://example.org) | a | b | `code` {: #id .c } ~~ \\ ! "
           "<https://example.org> &copy; &lt; <b>")
SECTIONS = ["Suggested agenda", "Active goals", "Feedback waiting to be given",
            "Recent sessions", "Open conflicts they are part of",
            "Proposed decisions they are part of", "Teams they are the contact for",
            "What the checklist flags",
            "My notes for this 1:1"]


class _Outline(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.heads: list[tuple[str, str]] = []
        self.tags: list[str] = []
        self.current: str | None = None

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if re.fullmatch(r"h[1-6]", tag):
            self.current, self.text = tag, []

    def handle_endtag(self, tag):
        if tag == self.current:
            self.heads.append((tag, " ".join("".join(self.text).split())))
            self.current = None

    def handle_data(self, data):
        if self.current:
            self.text.append(data)


@pytest.fixture(scope="module")
def outline(tmp_path_factory):
    path = tmp_path_factory.mktemp("md") / "j.sqlite3"
    with open_journal(path) as journal:
        person = _journal_full_of(journal, HOSTILE)
        facts = prep_facts(journal, person, TODAY)
    text = prep_markdown(facts, my_notes="Before the fence\n\n```\nunclosed code")
    parser = _Outline()
    parser.feed(html_document(text, title_of(facts)))
    return parser, text


def test_one_line_fields_show_what_was_typed(outline):
    parser, _text = outline
    h1 = [text for tag, text in parser.heads if tag == "h1"]
    assert h1 == [f"1:1 with Visible Name {HOSTILE} — {TODAY.isoformat()}"]
    goal_headings = [text for tag, text in parser.heads if tag == "h3" and HOSTILE in text]
    assert goal_headings, parser.heads  # the goal's outcome as its heading, literally
    # Pipes in one-line fields make no table, brackets no link to example.org in a title.
    assert "table" not in parser.tags


def test_the_sections_stay_in_order_and_nothing_else_becomes_a_section(outline):
    parser, _text = outline
    h2 = [text for tag, text in parser.heads if tag == "h2"]
    wanted = [s for s in h2 if s in SECTIONS or s.startswith(("Since", "Notes from"))]
    assert [s for s in SECTIONS if s in h2] == SECTIONS
    assert h2 == wanted, h2


def test_an_open_code_fence_in_a_note_is_closed_where_the_note_ends(tmp_path):
    with open_journal(tmp_path / "j.sqlite3") as journal:
        person = _journal_full_of(journal, "Paired on it\n\n```\nkubectl get pods")
        facts = prep_facts(journal, person, TODAY)
    parser = _Outline()
    parser.feed(html_document(prep_markdown(facts, my_notes="mine"), title_of(facts)))
    h2 = [text for tag, text in parser.heads if tag == "h2"]
    assert "Recent sessions" in h2 and "My notes for this 1:1" in h2


def test_an_unsafe_link_in_a_note_keeps_its_text_and_nothing_stray():
    from journal.export.prep_markdown import block

    assert block("[bad](javascript:alert(1)) [ok](https://example.org/a_(b))") == (
        "[bad](#blocked-link) [ok](https://example.org/a_(b))")


def test_escaping_adds_no_noise_inside_words():
    from journal.export.prep_markdown import inline

    assert inline("rotate_tls_certs on edge_01") == "rotate_tls_certs on edge_01"
    assert inline("_under_ *star*") == "\\_under\\_ \\*star\\*"
