"""People: roles read from references, rename, merge (undoable, every record kept), delete of a
person nothing refers to, the timeline, and the search index through all of it."""

from __future__ import annotations

import datetime as dt

import pytest

from journal.domain import kinds
from journal.domain.people import (
    DECISION_MAKER,
    FEEDBACK_GIVER,
    FEEDBACK_RECIPIENT,
    MENTEE,
    MENTOR,
    OWNER,
    PARTNER_CONTACT,
    TEAM_CONTACT,
)
from journal.ops.people import PersonInUse, delete_person, merge_people, rename_person
from journal.store.errors import InvalidRecord
from journal.store.person_links import person_row, person_rows, references, timeline
from journal.store.search import search

D = dt.date(2026, 11, 1)


def snapshot(journal) -> dict[str, list[tuple]]:
    """Every row of every record table but people (what a merge must keep, re-pointed)."""
    return {table: journal.rows(f"SELECT * FROM {table} ORDER BY id")
            for kind, table in kinds.TABLES.items() if kind != kinds.PERSON}


@pytest.fixture
def web(journal):
    """Two spellings of one person, each in every role, and a third person."""
    j = journal
    zoe = j.create(kinds.PERSON, name="Zoë Girard", team="Storage", notes="Met at KubeCon")
    zoe2 = j.create(kinds.PERSON, name="Zoe Girard", notes="Prefers async")
    bo = j.create(kinds.PERSON, name="Bo Chen")
    out = {"zoe": zoe.id, "zoe2": zoe2.id, "bo": bo.id}
    for key, pid in (("zoe", zoe.id), ("zoe2", zoe2.id)):
        m = j.create(kinds.MENTORSHIP, mentee_id=pid, mentor_id=bo.id, started_on=D)
        g = j.create(kinds.GOAL, mentorship_id=m.id, outcome=f"goal of {key}", started_on=D)
        j.create(kinds.CHECK_IN, goal_id=g.id, on_date=D + dt.timedelta(days=3),
                 progress=f"checked {key}")
        j.create(kinds.MENTORING_SESSION, mentorship_id=m.id, on_date=D, notes=f"session {key}")
        j.create(kinds.MENTORSHIP, mentee_id=bo.id, mentor_id=pid, started_on=D)
        j.create(kinds.FEEDBACK_DRAFT, recipient_id=pid, behavior=f"draft for {key}")
        j.create(kinds.REFLECTION, giver_id=pid, received_on=D, what_was_said=f"from {key}")
        t = j.create(kinds.PARTNER_TEAM, name=f"Team {key}", contact_id=pid)
        j.create(kinds.PARTNER_CONTACT, team_id=t.id, person_id=pid, on_date=D)
        j.create(kinds.CONFLICT, title=f"conflict {key}", decision_maker_id=pid)
    shared = j.create(kinds.CONFLICT, title="shared quota")
    j.create(kinds.CONFLICT_OWNER, conflict_id=shared.id, person_id=zoe.id,
             responsibility="capacity plan")
    j.create(kinds.CONFLICT_OWNER, conflict_id=shared.id, person_id=zoe2.id,
             responsibility="budget")
    j.create(kinds.DECISION_RECORD, title="ADR", context="Zoë Girard asked for this.")
    return out


def test_roles_come_from_every_reference(journal, web):
    assert {(r.table, r.column) for r in references(journal)} >= {
        ("mentorships", "mentee_id"), ("feedback_drafts", "recipient_id")}
    row = person_row(journal, web["zoe"])
    assert row.roles == (MENTEE, MENTOR, TEAM_CONTACT, PARTNER_CONTACT, FEEDBACK_RECIPIENT,
                         FEEDBACK_GIVER, DECISION_MAKER, OWNER)
    assert {r.id: r for r in person_rows(journal)}[web["zoe"]] == row


def test_rename_is_one_row_and_shows_everywhere(journal, web):
    before = snapshot(journal)
    undo = rename_person(journal, web["zoe"], "  Zoë   Girard-Ng ")
    assert journal.get(kinds.PERSON, web["zoe"]).name == "Zoë Girard-Ng"
    assert snapshot(journal) == before  # no other record changes
    assert {(h.kind, h.id) for h in search(journal, "ng")} >= {(kinds.PERSON, web["zoe"])}
    undo.undo()
    assert journal.get(kinds.PERSON, web["zoe"]).name == "Zoë Girard"
    assert not [h for h in search(journal, "ng") if h.kind == kinds.PERSON]
    with pytest.raises(InvalidRecord):
        rename_person(journal, web["zoe"], "   ")


def test_merge_keeps_every_record_and_undo_puts_it_all_back(journal, web):
    before = snapshot(journal)
    counts = journal.counts()
    undo = merge_people(journal, web["zoe"], web["zoe2"])
    after = journal.counts()
    assert after[kinds.PERSON] == counts[kinds.PERSON] - 1
    assert after[kinds.CONFLICT_OWNER] == counts[kinds.CONFLICT_OWNER] - 1  # two became one
    assert {k: v for k, v in after.items() if k not in (kinds.PERSON, kinds.CONFLICT_OWNER)} == {
        k: v for k, v in counts.items() if k not in (kinds.PERSON, kinds.CONFLICT_OWNER)}
    for ref in references(journal):
        assert journal.rows(f"SELECT count(*) FROM {ref.table} WHERE {ref.column} = ?",
                            (web["zoe2"],))[0][0] == 0
    kept = journal.get(kinds.PERSON, web["zoe"])
    assert kept.team == "Storage" and "Met at KubeCon" in kept.notes and "async" in kept.notes
    [owner] = journal.list(kinds.CONFLICT_OWNER, person_id=web["zoe"])
    assert "capacity plan" in owner.responsibility and "budget" in owner.responsibility
    # The index follows: the merged person's draft is found under the kept person's name.
    hits = {(h.kind, h.id) for h in search(journal, "zoe2")}
    assert all(journal.get(k, i) for k, i in hits)
    assert not [h for h in search(journal, "girard") if h.id == web["zoe2"] and h.kind == "person"]
    assert len(timeline(journal, web["zoe"], frozenset({kinds.FEEDBACK_DRAFT}))) == 2
    assert (kinds.PERSON, web["zoe2"]) in undo.changed

    undo.undo()
    assert journal.counts() == counts
    now = snapshot(journal)
    strip = {"updated_at"}  # undo writes the references back; their stamps move on
    cols = {table: [d[1] for d in journal.rows(f"PRAGMA table_info({table})")] for table in now}
    for table, rows in before.items():
        keep = [i for i, name in enumerate(cols[table]) if name not in strip]
        assert [tuple(r[i] for i in keep) for r in now[table]] == [
            tuple(r[i] for i in keep) for r in rows], table
    assert journal.get(kinds.PERSON, web["zoe2"]).name == "Zoe Girard"
    assert journal.get(kinds.PERSON, web["zoe"]).notes == "Met at KubeCon"
    assert {h.id for h in search(journal, "girard") if h.kind == kinds.PERSON} == {
        web["zoe"], web["zoe2"]}
    check = journal.rows("INSERT INTO search_index(search_index, rank) "
                         "VALUES ('integrity-check', 0)")
    assert check == []


def test_merge_refuses_what_cannot_be_one_person(journal, web):
    with pytest.raises(InvalidRecord):
        merge_people(journal, web["zoe"], web["zoe"])
    before = snapshot(journal)
    with pytest.raises(InvalidRecord, match="mentor one another"):
        merge_people(journal, web["zoe"], web["bo"])
    assert snapshot(journal) == before


def test_delete_only_a_person_nothing_refers_to(journal, web):
    with pytest.raises(PersonInUse):
        delete_person(journal, web["bo"])
    lone = journal.create(kinds.PERSON, name="Typo Persn")
    undo = delete_person(journal, lone.id)
    assert not [h for h in search(journal, "persn")]
    undo.undo()
    assert journal.get(kinds.PERSON, lone.id).name == "Typo Persn"
    assert [h.id for h in search(journal, "persn")] == [lone.id]


def test_the_timeline_holds_everything_about_them_newest_first(journal, web):
    entries = timeline(journal, web["zoe"])
    got = {(e.kind, e.how) for e in entries}
    assert {(kinds.MENTORSHIP, MENTEE), (kinds.MENTORSHIP, MENTOR),
            (kinds.GOAL, "about"), (kinds.CHECK_IN, "about"),
            (kinds.MENTORING_SESSION, "about"), (kinds.FEEDBACK_DRAFT, FEEDBACK_RECIPIENT),
            (kinds.REFLECTION, FEEDBACK_GIVER), (kinds.PARTNER_TEAM, TEAM_CONTACT),
            (kinds.PARTNER_CONTACT, PARTNER_CONTACT), (kinds.CONFLICT, DECISION_MAKER),
            (kinds.CONFLICT_OWNER, OWNER), (kinds.DECISION_RECORD, "named")} <= got
    days = [e.day for e in entries]
    assert days == sorted(days, reverse=True)
    order = [e.kind for e in entries]
    assert order.index(kinds.CHECK_IN) < order.index(kinds.MENTORING_SESSION)  # 3 days later
    only = timeline(journal, web["zoe"], frozenset({kinds.FEEDBACK_DRAFT}))
    assert [e.excerpt for e in only] == ["draft for zoe"]
    assert all("zoe2" not in e.excerpt for e in entries)
