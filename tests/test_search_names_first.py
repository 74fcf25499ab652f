"""Typing someone's name finds them first: their own record comes before the notes that
mention them, however often those notes do (the box and `search` show it at the top)."""

from __future__ import annotations

import datetime as dt

from journal.domain import kinds
from journal.store.search import search


def test_a_persons_name_puts_the_person_first(journal):
    today = dt.date.today()
    kenji = journal.create(kinds.PERSON, name="Kenji Watanabe", team="Database reliability",
                           notes="Quiet in meetings, sharp in reviews. Wants to lead incidents "
                                 "one day; nervous about the customer side of it.")
    sigrun = journal.create(kinds.PERSON, name="Sigrún Jónsdóttir")
    mentorship = journal.create(kinds.MENTORSHIP, mentee_id=kenji.id, mentor_id=sigrun.id,
                                started_on=today - dt.timedelta(days=60))
    for n in range(4):
        journal.create(kinds.MENTORING_SESSION, mentorship_id=mentorship.id,
                       on_date=today - dt.timedelta(days=n),
                       notes=f"Kenji drove, Kenji asked, Kenji wrote the change ({n}). "
                             "Sigrún watched.")
    for typed, person in (("kenji", kenji), ("Kenji Watanabe", kenji), ("watan", kenji),
                          ("sigrun", sigrun), ("Jónsdóttir", sigrun)):
        hits = search(journal, typed, today=today)
        assert (hits[0].kind, hits[0].id) == (kinds.PERSON, person.id), (typed, hits[:3])
    # A word that is not in anyone's name keeps the order of relevance.
    hits = search(journal, "change", today=today)
    assert hits and all(hit.kind == kinds.MENTORING_SESSION for hit in hits)
