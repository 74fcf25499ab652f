"""The prep note in three formats, and the exported HTML's safety against a corpus of XSS
vectors put into every kind of text the note shows."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import unicodedata
from html.parser import HTMLParser
from pathlib import Path

import pytest

from journal.domain.prep import EVERYTHING, GoalStatus, PrepFacts
from journal.domain.records import Goal, MentoringSession, OneOnOne, Person
from journal.export.files import prep_file_name, safe_name
from journal.export.html import ALLOWED_TAGS, URL_SCHEMES, html_document
from journal.export.prep_markdown import prep_markdown, title_of
from journal.store.prep import prep_facts
from tests.prep_helpers import TODAY, everything

VECTORS = [line for line in (Path(__file__).parent / "data" / "xss_vectors.txt")
           .read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
TEMPLATE_TAGS = {"html", "head", "meta", "title", "style", "body", "main"}


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.in_style = False
        self.style_text = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))
        self.in_style = tag == "style"

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, attrs))

    def handle_endtag(self, tag):
        self.in_style = False

    def handle_data(self, data):
        if self.in_style:
            self.style_text.append(data)


def assert_harmless(document: str) -> None:
    parser = _Collector()
    parser.feed(document)
    metas = [attrs for tag, attrs in parser.tags if tag == "meta"]
    assert len(metas) == 4 and not any(("http-equiv", "refresh") in m for m in metas)
    assert [tag for tag, _ in parser.tags].count("style") == 1  # ours, nothing from the notes
    for tag, attrs in parser.tags:
        assert tag in ALLOWED_TAGS | TEMPLATE_TAGS, tag
        for name, value in attrs:
            assert not name.startswith("on"), (tag, name)
            assert name not in ("style", "src", "srcdoc", "action", "background", "formaction",
                                "xlink:href", "data"), (tag, name)
            if name == "href":
                # What a browser's URL parser sees (the HTML parser decoded the entities
                # already): C0 controls and spaces trimmed at both ends, tabs and newlines
                # removed anywhere.
                seen = re.sub(r"[\t\n\r]", "", (value or "").strip("".join(
                    map(chr, range(0x21))))).lower()
                scheme = seen.split(":", 1)[0] if re.match(r"^[a-z][a-z0-9+.-]*:", seen) else ""
                assert scheme in URL_SCHEMES | {""}, value
    body = document.split("<main>", 1)[1]
    assert "<script" not in body.lower() and "<iframe" not in body.lower()


def _facts_with(text: str) -> PrepFacts:
    goal = Goal(id=1, outcome=text, status="active", created_at="2026-01-01T00:00:00.000Z",
                updated_at="2026-01-01T00:00:00.000Z", started_on=dt.date(2026, 1, 1))
    session = MentoringSession(id=1, on_date=dt.date(2026, 6, 1), notes=text, hypothesis=text)
    last = OneOnOne(id=1, held_on=dt.date(2026, 6, 1), notes=text,
                    created_at="2026-06-01T10:00:00.000Z")
    return PrepFacts(person=Person(id=1, name=text, team=text), today=TODAY, last=last,
                     boundary=EVERYTHING, goals=[GoalStatus(goal, (), None, 0, 0)],
                     sessions=[session], flags=[text])


def test_the_corpus_is_big_enough():
    assert len(VECTORS) >= 30 and len(set(VECTORS)) == len(VECTORS)


@pytest.mark.parametrize("vector", VECTORS)
def test_every_vector_is_harmless_in_the_exported_html(vector):
    facts = _facts_with(vector)
    text = prep_markdown(facts, my_notes=vector)
    assert_harmless(html_document(text, title_of(facts)))


def test_safe_text_and_links_survive_the_sanitiser():
    document = html_document("**bold** [site](https://example.org) <mailto:a@example.org>\n\n"
                             "| a | b |\n|---|---|\n| 1 | 2 |", "t")
    assert "<strong>bold</strong>" in document
    assert 'href="https://example.org"' in document and "<table>" in document
    assert "mailto:" in document


# -- the three formats --------------------------------------------------------------------------
@pytest.fixture
def zoe_facts(journal):
    ids = everything(journal)
    return prep_facts(journal, ids["zoe"], TODAY)


def test_markdown_and_html_name_the_person_with_accents(zoe_facts, tmp_path):
    text = prep_markdown(zoe_facts)
    document = html_document(text, title_of(zoe_facts))
    assert "Zoë Lefèvre" in text
    assert "<title>1:1 with Zoë Lefèvre — 2026-06-15</title>" in document
    assert "Content-Security-Policy" in document and "@media print" in document
    assert "<link" not in document and "src=" not in document  # self-contained


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
def test_the_pdf_opens_and_holds_the_accented_name(zoe_facts, tmp_path, qapp):
    from journal.export.pdf import write_pdf

    path = tmp_path / prep_file_name(zoe_facts.person.name, TODAY, "pdf")
    write_pdf(prep_markdown(zoe_facts), title_of(zoe_facts), path)
    assert path.read_bytes().startswith(b"%PDF-")
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout
    text = unicodedata.normalize("NFKC", text)
    assert "Zoë Lefèvre" in text
    assert "Suggested agenda" in text and "Who owns the edge certificates" in text
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]


def test_file_names_say_who_and_when():
    assert prep_file_name("Zoë Lefèvre", dt.date(2026, 6, 15), "md") == (
        "1-1 with Zoë Lefèvre 2026-06-15.md")
    assert safe_name('a/b:c*?"<>|d') == "a b c d"
    assert safe_name("...") == "untitled"
    assert prep_file_name("محمد الحربي", dt.date(2026, 6, 15), ".html").endswith(
        "محمد الحربي 2026-06-15.html")


def test_a_right_to_left_name_keeps_the_date_after_it():
    from journal.export.prep_markdown import isolated

    assert isolated("محمد الحربي") == "محمد الحربي\u200e"
    assert isolated("Zoë Lefèvre") == "Zoë Lefèvre"
