"""Every XSS vector of the corpus in EVERY text field of every record a prep note reads, through
the real store: the exported HTML holds nothing that can run, load or navigate, and the user's
visible words are still there."""

from __future__ import annotations

import datetime as dt
from html.parser import HTMLParser

import pytest

from journal.domain import kinds as k
from journal.export.html import html_document
from journal.export.interchange import kind_specs, schema
from journal.export.prep_markdown import prep_markdown, title_of
from journal.store.journal import open_journal
from journal.store.prep import prep_facts
from tests.prep_helpers import HELD, TODAY, add
from tests.test_prep_export import VECTORS, assert_harmless

# Fields that are free text in the schema: a string with no enum, format or pattern but "\S".
_SKIP = {"imported_from", "rule", "record_kind", "record_uid"}


def _text_fields(kind: str) -> list[str]:
    doc = schema()
    props = doc["$defs"][kind]["properties"]
    spec = next(s for s in kind_specs() if s.kind == kind)
    return [c.column for c in spec.columns
            if not c.references and c.name not in _SKIP
            and props[c.name].get("type") == "string"
            and set(props[c.name]) <= {"type", "pattern", "description"}]


def _journal_full_of(journal, text: str) -> int:
    """A person with a record of every kind the prep note reads, every text field `text`."""
    d = dt.date

    def texts(kind: str, **values):
        return {**dict.fromkeys(_text_fields(kind), text), **values}

    person = add(journal, k.PERSON, d(2025, 1, 1), **texts(k.PERSON, name=f"Visible Name {text}"))
    mentor = add(journal, k.PERSON, d(2025, 1, 1), **texts(k.PERSON, name=f"Mentor {text}"))
    ship = add(journal, k.MENTORSHIP, d(2026, 1, 5), **texts(
        k.MENTORSHIP, mentee_id=person, mentor_id=mentor, started_on=d(2026, 1, 5),
        cadence_days=7))
    goal = add(journal, k.GOAL, d(2026, 4, 1), **texts(
        k.GOAL, mentorship_id=ship, started_on=d(2026, 4, 1), target_on=d(2026, 6, 1)))
    add(journal, k.CHECK_IN, d(2026, 6, 3), **texts(k.CHECK_IN, goal_id=goal,
                                                    on_date=d(2026, 6, 3), health="at_risk"))
    add(journal, k.MENTORING_SESSION, d(2026, 6, 4), **texts(
        k.MENTORING_SESSION, mentorship_id=ship, on_date=d(2026, 6, 4), structure="pairing"))
    add(journal, k.FEEDBACK_DRAFT, d(2026, 6, 5), **texts(
        k.FEEDBACK_DRAFT, recipient_id=person, polarity="corrective"))
    add(journal, k.FEEDBACK_DRAFT, d(2026, 6, 5), **texts(
        k.FEEDBACK_DRAFT, recipient_id=person, polarity="reinforcing", status="delivered",
        delivered_on=d(2026, 6, 6)))
    add(journal, k.REFLECTION, d(2026, 6, 6), **texts(k.REFLECTION, giver_id=person,
                                                      received_on=d(2026, 6, 6)))
    team = add(journal, k.PARTNER_TEAM, d(2025, 6, 1), **texts(
        k.PARTNER_TEAM, name=f"Team {text}", contact_id=person))
    add(journal, k.PARTNER_CONTACT, d(2026, 6, 7), **texts(
        k.PARTNER_CONTACT, team_id=team, person_id=person, on_date=d(2026, 6, 7)))
    add(journal, k.CONFLICT, d(2026, 6, 8), **texts(k.CONFLICT, decision_maker_id=person))
    decided = add(journal, k.CONFLICT, d(2026, 6, 8), **texts(
        k.CONFLICT, decision_maker_id=person, status="decided", decided_on=d(2026, 6, 9)))
    owned = add(journal, k.CONFLICT, d(2026, 6, 8), **texts(k.CONFLICT))
    add(journal, k.CONFLICT_OWNER, d(2026, 6, 8), **texts(k.CONFLICT_OWNER, conflict_id=owned,
                                                          person_id=person))
    add(journal, k.CONFLICT_OWNER, d(2026, 6, 8), **texts(k.CONFLICT_OWNER,
                                                          conflict_id=decided, person_id=mentor))
    record = add(journal, k.DECISION_RECORD, d(2026, 6, 9), **texts(k.DECISION_RECORD,
                                                                    status="proposed"))
    add(journal, k.DECISION_PERSON, d(2026, 6, 9), decision_record_id=record, person_id=person,
        role="consulted")
    add(journal, k.DESIGN_REVIEW, d(2026, 6, 10), **texts(
        k.DESIGN_REVIEW, reviewed_on=d(2026, 6, 10), author_id=person))
    add(journal, k.ONE_ON_ONE, HELD, **texts(k.ONE_ON_ONE, person_id=person, held_on=HELD))
    return person


class _Text(HTMLParser):
    """The text a reader sees in the body."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        self.skip += tag in ("style", "title", "script")

    def handle_endtag(self, tag):
        self.skip -= tag in ("style", "title", "script") and self.skip > 0

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def visible_text(document: str) -> str:
    parser = _Text()
    parser.feed(document)
    return " ".join(" ".join(parser.parts).split())


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    return tmp_path_factory.mktemp("xss")


def test_every_free_text_field_is_filled():
    # The builder reaches the fields a prep note shows (and a new field is not forgotten).
    assert "outcome" in _text_fields(k.GOAL) and "situation" in _text_fields(k.FEEDBACK_DRAFT)
    assert "name" in _text_fields(k.PARTNER_TEAM) and "dashboards" in _text_fields(
        k.PARTNER_TEAM)


@pytest.mark.parametrize("vector", VECTORS)
def test_a_vector_in_every_field_is_harmless_and_the_words_stay(vector, folder):
    path = folder / f"{abs(hash(vector))}.sqlite3"
    with open_journal(path) as journal:
        person = _journal_full_of(journal, vector)
        facts = prep_facts(journal, person, TODAY)
    notes = f"Visible words stay.\n\n{vector}"
    text = prep_markdown(facts, my_notes=notes)
    document = html_document(text, title_of(facts))
    assert_harmless(document)
    seen = visible_text(document)
    assert "Visible Name" in seen and "Visible words stay." in seen
    for heading in ("Suggested agenda", "Active goals", "Feedback waiting to be given",
                    "Recent sessions", "My notes for this 1:1"):
        assert heading in seen, heading  # the user's text broke no section away
