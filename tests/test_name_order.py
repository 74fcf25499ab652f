"""Names sort as a person reads them, accents and case aside, in SQL and in memory alike
(issue 10, #13)."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from journal.domain.names import name_key, name_order
from journal.store.feedback import draft_page
from journal.store.mentoring import mentee_rows
from journal.store.paging import ListQuery
from journal.store.people import people_by_name, person_choices

NAMES = ["Zoë Lindqvist", "zoe aberg", "Zoë Åberg", "Ana", "Émile Zola", "Øyvind Berg",
         "ana lima", "Ólafur", "Ángel"]
EXPECTED = ["Ana", "ana lima", "Ángel", "Émile Zola", "Ólafur", "Øyvind Berg", "zoe aberg",
            "Zoë Åberg", "Zoë Lindqvist"]


def test_accents_sort_with_their_letter():
    assert sorted(NAMES, key=name_order) == EXPECTED
    assert name_key("Zoë Åberg") == name_key("ZOE  ABERG") == "zoe aberg"
    assert name_key("Straße") == "strasse" and name_key(None) == ""


@given(st.lists(st.text(max_size=12), max_size=12))
def test_the_order_is_total_and_stable(names):
    once = sorted(names, key=name_order)
    assert sorted(reversed(once), key=name_order) == once


def test_the_store_sorts_people_the_same_way(journal):
    for name in NAMES:
        journal.create("person", name=name)
    assert [p.name for p in people_by_name(journal)] == EXPECTED
    assert [name for _i, name, _t in person_choices(journal)] == EXPECTED


def test_mentees_and_feedback_sort_by_the_same_key(journal):
    for name in NAMES:
        person = journal.create("person", name=name)
        journal.create("mentorship", mentee_id=person.id, mentor_is_me=True,
                       started_on=dt.date(2026, 1, 1))
        journal.create("feedback_draft", recipient_id=person.id)
    assert [r.mentee_name for r in mentee_rows(journal, dt.date(2026, 2, 1), 3)] == EXPECTED
    rows = draft_page(journal, ListQuery(order="name"), 0, 50)
    assert [r.recipient_name for r in rows] == EXPECTED


def test_the_mentee_list_sorts_in_memory_as_sql_does(window):
    for name in NAMES:
        person = window.journal.create("person", name=name)
        window.journal.create("mentorship", mentee_id=person.id, mentor_is_me=True,
                              started_on=dt.date(2026, 1, 1))
    page = window.show_page("mentoring")
    model = page.model
    shown = [model.index(row, 0).data() for row in range(model.rowCount())]
    assert shown == EXPECTED
