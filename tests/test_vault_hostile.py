"""The Markdown folder (Obsidian vault) with names and titles that hold Markdown and wiki-link
syntax, or line breaks an import can bring: every [[link]] still points at a page that exists,
no user text becomes a heading of its own, and the front matter stays whole."""

from __future__ import annotations

import datetime as dt
import json
import re

from journal.domain import kinds as k
from journal.export.vault import write_vault
from journal.store.journal import open_journal

HOSTILE = "A]] [[x|y #h ^b"
BROKEN = "Evil\n# Injected heading\n---\nkind: hacked"


def _fill(journal):
    p = journal.create(k.PERSON, name=HOSTILE, team="T|x", notes="# Top heading\n```\nopen")
    q = journal.create(k.PERSON, name=BROKEN)
    t = journal.create(k.PARTNER_TEAM, name="Team ]] | [[", contact_id=p.id)
    d = journal.create(k.DECISION_RECORD, title="Decision\n# Injected heading")
    journal.create(k.DECISION_PERSON, decision_record_id=d.id, person_id=q.id,
                   role="consulted")
    c = journal.create(k.CONFLICT, title="Conflict\n# Injected heading", decision_maker_id=p.id)
    journal.create(k.CONFLICT_OWNER, conflict_id=c.id, person_id=q.id)
    journal.create(k.ONE_ON_ONE, person_id=q.id, held_on=dt.date(2026, 6, 1),
                   notes="# Injected heading")
    return t


def test_links_resolve_and_user_text_makes_no_heading(tmp_path):
    with open_journal(tmp_path / "j.sqlite3") as journal:
        _fill(journal)
        out = tmp_path / "vault"
        write_vault(journal, out)
    pages = {p.relative_to(out).with_suffix("").as_posix() for p in out.rglob("*.md")}
    for page in out.rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        for target in re.findall(r"\[\[([^\]|]*)(?:\|[^\]]*)?\]\]", text):
            assert target in pages, (page.name, target)
        # every [[ is closed by its own ]] with no [[ or ]] in its label
        assert text.count("[[") == text.count("]]") == len(re.findall(
            r"\[\[[^\[\]]*\]\]", text)), page.name
        assert not re.search(r"^# Injected", text, re.M), page.name
        if text.startswith("---\n"):
            front = text.split("\n---\n", 1)[0].splitlines()[1:]
            for line in front:
                key, value = line.split(": ", 1)
                json.loads(value)
        assert not re.search(r"^# Top heading", text, re.M), page.name
