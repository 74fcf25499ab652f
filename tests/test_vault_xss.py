"""The Markdown a user takes out of the app (the vault, a prep note saved as .md) is opened in
viewers we do not control, some of which render raw HTML and follow any link. Every vector of
the corpus in every free-text field: rendered by a permissive Markdown renderer (raw HTML on,
no sanitiser), nothing can run, load or navigate."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import markdown
import pytest

from journal.export.html import ALLOWED_TAGS, URL_SCHEMES
from journal.export.prep_markdown import prep_markdown
from journal.export.vault import write_vault
from journal.store.journal import open_journal
from journal.store.prep import prep_facts
from tests.prep_helpers import TODAY
from tests.test_prep_export import VECTORS
from tests.test_prep_xss import _journal_full_of, visible_text

_C0 = "".join(map(chr, range(0x21)))
# What a permissive renderer makes of Markdown itself (images only from their own syntax).
_MARKDOWN_TAGS = ALLOWED_TAGS | {"img", "p"}


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))

    handle_startendtag = handle_starttag


def assert_inert(html: str, where: str) -> None:
    parser = _Tags()
    parser.feed(html)
    for tag, attrs in parser.tags:
        assert tag in _MARKDOWN_TAGS, (where, tag)
        for name, value in attrs:
            assert not name.startswith("on") and name not in ("style", "srcdoc", "formaction"), (
                where, tag, name)
            if name in ("href", "src"):
                seen = re.sub(r"[\t\n\r]", "", (value or "").strip(_C0)).lower()
                scheme = seen.split(":", 1)[0] if re.match(r"^[a-z][a-z0-9+.-]*:", seen) else ""
                assert scheme in URL_SCHEMES | {""}, (where, tag, value)


def permissive(text: str) -> str:
    return markdown.markdown(text, extensions=["extra"])


@pytest.mark.parametrize("vector", VECTORS)
def test_a_vector_in_every_field_stays_inert_in_the_vault_and_the_md_note(vector, tmp_path):
    with open_journal(tmp_path / "j.sqlite3") as journal:
        person = _journal_full_of(journal, vector)
        write_vault(journal, tmp_path / "vault")
        facts = prep_facts(journal, person, TODAY)
    note = prep_markdown(facts, my_notes=f"Visible words stay.\n\n{vector}")
    rendered = permissive(note)
    assert_inert(rendered, "prep note")
    assert "Visible words stay." in visible_text(rendered)
    for page in (tmp_path / "vault").rglob("*.md"):
        assert_inert(permissive(page.read_text(encoding="utf-8")), page.name)
