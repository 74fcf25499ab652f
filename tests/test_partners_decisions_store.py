"""The rows behind the Partner teams and Decisions lists, and the decision use cases."""

from __future__ import annotations

import datetime as dt

import pytest

from journal.domain.kinds import (
    CONFLICT,
    CONFLICT_OWNER,
    DECISION_PERSON,
    DECISION_RECORD,
    DESIGN_REVIEW,
    PARTNER_CONTACT,
    PARTNER_TEAM,
    PERSON,
    ROADMAP_PROPOSAL,
)
from journal.ops.decisions import record_decision, set_people, supersede
from journal.sample import populate
from journal.store.decisions import (
    conflict_owners,
    conflict_rows,
    decision_people,
    decisions_of_person,
    proposal_rows,
    record_rows,
    review_rows,
    reviews_of_record,
    superseding,
)
from journal.store.journal import open_journal
from journal.store.partners import contact_rows, team_row, team_rows

TODAY = dt.date(2026, 6, 30)


@pytest.fixture
def journal(tmp_path):
    with open_journal(tmp_path / "j.sqlite3") as j:
        yield j


def _contact(j, team, days_ago, incident=False, kind="coffee_chat"):
    return j.create(PARTNER_CONTACT, team_id=team, on_date=TODAY - dt.timedelta(days=days_ago),
                    during_incident=incident, contact_kind=kind)


def test_team_rows_carry_standing_and_strip(journal):
    ana = journal.create(PERSON, name="Ana")
    calm = journal.create(PARTNER_TEAM, name="Storage", contact_id=ana.id).id
    fire = journal.create(PARTNER_TEAM, name="identity").id
    journal.create(PARTNER_TEAM, name="Network")
    _contact(journal, calm, 90)
    _contact(journal, calm, 3, incident=True, kind="incident")
    _contact(journal, calm, 500)
    _contact(journal, fire, 10, incident=True, kind="incident")
    rows = {r.name: r for r in team_rows(journal, TODAY)}
    assert [r.name for r in team_rows(journal, TODAY)] == ["identity", "Network", "Storage"]
    storage = rows["Storage"]
    assert storage.contact_name == "Ana" and storage.contacts == 3
    assert storage.standing.days_since == 90 and not storage.standing.stale
    assert [m.during_incident for m in storage.strip] == [False, True]  # 500 days ago is off
    assert rows["identity"].standing.incident_only and rows["identity"].standing.stale
    assert rows["Network"].standing.never and rows["Network"].strip == ()
    assert team_rows(journal, TODAY + dt.timedelta(days=1))[2].standing.stale
    assert team_rows(journal, TODAY, threshold_days=30)[2].standing.stale
    assert team_row(journal, calm, TODAY) == storage
    assert [c.contact_kind for c in contact_rows(journal, calm)] == ["incident", "coffee_chat",
                                                                     "coffee_chat"]


def test_the_threshold_setting_is_used(journal):
    team = journal.create(PARTNER_TEAM, name="T").id
    _contact(journal, team, 40)
    assert not team_rows(journal, TODAY)[0].standing.stale
    journal.set_setting("threshold.partner_contact_days", 30)
    assert team_rows(journal, TODAY)[0].standing.stale


def test_record_decision_fills_and_links_a_record(journal):
    author = journal.create(PERSON, name="Kenji")
    review = journal.create(DESIGN_REVIEW, title="Shard metrics", reviewed_on=TODAY,
                            author_id=author.id, problem="Hot tenants.", alternatives="Quotas.",
                            failure_modes="Hot shards.", reversibility="Hard.",
                            operational_cost="Six nodes.", compliance_security="",
                            decision="Shard by tenant.")
    record = record_decision(journal, review.id)
    assert record.title == "Shard metrics" and record.status == "accepted"
    assert record.decision == "Shard by tenant." and record.decided_on == TODAY
    assert "Hot tenants." in record.context and "Quotas." in record.context
    assert "Six nodes." in record.consequences and "Compliance" not in record.consequences
    assert journal.get(DESIGN_REVIEW, review.id).decision_record_id == record.id
    assert [(p.name, p.role) for p in decision_people(journal, record.id)] == [
        ("Kenji", "consulted")]
    assert record_decision(journal, review.id).id == record.id  # never twice
    assert reviews_of_record(journal, record.id)[0].answered == 5
    assert review_rows(journal)[0].record_number == record.adr_number


def test_people_of_a_record_and_a_persons_decisions(journal):
    a, b = journal.create(PERSON, name="Bo"), journal.create(PERSON, name="Ana")
    record = journal.create(DECISION_RECORD, title="R")
    set_people(journal, record.id, "decision_maker", [a.id, b.id])
    set_people(journal, record.id, "informed", [a.id])
    set_people(journal, record.id, "decision_maker", [b.id])
    assert [(p.name, p.role) for p in decision_people(journal, record.id)] == [
        ("Ana", "decision_maker"), ("Bo", "informed")]
    assert journal.count(DECISION_PERSON) == 2
    assert [(r.title, role) for r, role in decisions_of_person(journal, a.id)] == [
        ("R", "informed")]


def test_supersession_both_ways(journal):
    old = journal.create(DECISION_RECORD, title="Old", status="accepted")
    new = journal.create(DECISION_RECORD, title="New", status="accepted")
    supersede(journal, old.id, new.id)
    rows = {r.title: r for r in record_rows(journal)}
    assert rows["Old"].status == "superseded" and rows["Old"].superseded_by_title == "New"
    assert [r.title for r in superseding(journal, new.id)] == ["Old"]
    journal.update(DECISION_RECORD, new.id, title="Newer")  # links follow a rename
    assert record_rows(journal)[1].superseded_by_title == "Newer"
    supersede(journal, old.id, None)
    assert journal.get(DECISION_RECORD, old.id).status == "accepted"
    with pytest.raises(ValueError):
        supersede(journal, old.id, old.id)


def test_proposals_and_conflicts(journal):
    journal.create(ROADMAP_PROPOSAL, title="A", frame="cost", numbers="It grows.",
                   one_sentence=" ".join(["w"] * 31))
    journal.create(ROADMAP_PROPOSAL, title="B", frame="toil", numbers="212 tickets")
    rows = {r.title: r for r in proposal_rows(journal)}
    assert not rows["A"].has_number and rows["A"].sentence_words == 31
    assert rows["B"].has_number
    maker = journal.create(PERSON, name="Meera")
    c1 = journal.create(CONFLICT, title="Open one")
    c2 = journal.create(CONFLICT, title="Escalated", status="escalated",
                        decision_maker_id=maker.id)
    journal.create(CONFLICT_OWNER, conflict_id=c2.id, person_id=maker.id, responsibility="x")
    assert [r.title for r in conflict_rows(journal)] == ["Escalated", "Open one"]
    assert conflict_rows(journal)[0].owners == 1 and conflict_rows(journal)[1].id == c1.id
    assert [o.name for o in conflict_owners(journal, c2.id)] == ["Meera"]


def test_the_sample_journal_fills_every_list(tmp_path):
    with open_journal(tmp_path / "s.sqlite3") as j:
        populate(j, today=TODAY)
        teams = {r.name: r for r in team_rows(j, TODAY)}
        assert teams["Identity"].standing.incident_only
        assert teams["Storage"].standing.stale and not teams["Release engineering"].standing.stale
        assert any(m.during_incident for m in teams["Payments infrastructure"].strip)
        assert len(review_rows(j)) == 4 and len(record_rows(j)) == 5
        assert [r.adr_number for r in record_rows(j)] == [5, 4, 3, 2, 1]
        assert {r.status for r in conflict_rows(j)} == {"open", "escalated", "decided"}
        assert any(not r.has_number for r in proposal_rows(j))


def test_the_paged_lists_agree_with_the_whole_lists(tmp_path):
    from journal.store.decisions import (
        conflict_page,
        proposal_page,
        record_page,
        review_page,
    )
    from journal.store.paging import ListQuery, words_of

    with open_journal(tmp_path / "s.sqlite3") as j:
        populate(j, today=TODAY)
        for page, rows in ((review_page, review_rows), (record_page, record_rows),
                           (proposal_page, proposal_rows), (conflict_page, conflict_rows)):
            whole = [r.id for r in rows(j)]
            assert [r.id for r in page(j, ListQuery(), 0, 100)] == whole
            assert [r.id for r in page(j, ListQuery(), 1, 2)] == whole[1:3]
        kept = record_page(j, ListQuery(statuses=frozenset({"superseded"})), 0, 100)
        assert [r.title for r in kept] == ["Keep user sessions in Redis with append-only "
                                           "persistence"]
        found = review_page(j, ListQuery(words=words_of("Zoë")), 0, 100)
        assert [r.title for r in found] == ["Flow logs on edge nodes with eBPF"]
        by_rubric = review_page(j, ListQuery(order="rubric"), 0, 100)
        assert [r.answered for r in by_rubric] == sorted(r.answered for r in review_rows(j))
        by_number = record_page(j, ListQuery(order="number", descending=True), 0, 100)
        assert [r.adr_number for r in by_number] == [5, 4, 3, 2, 1]
        by_status = conflict_page(j, ListQuery(order="status"), 0, 100)
        assert [r.status for r in by_status] == ["escalated", "open", "decided", "decided"]


def test_the_paged_team_list_agrees_with_the_whole_one(tmp_path):
    from journal.domain.partners import neglect_key
    from journal.store.paging import ListQuery, words_of
    from journal.store.partners import team_page

    with open_journal(tmp_path / "s.sqlite3") as j:
        populate(j, today=TODAY)
        whole = team_rows(j, TODAY)
        assert team_page(j, ListQuery(), 0, 100, TODAY) == whole
        assert team_page(j, ListQuery(), 1, 2, TODAY) == whole[1:3]
        neglected = team_page(j, ListQuery(order="neglect"), 0, 100, TODAY)
        assert [r.name for r in neglected] == [
            r.name for r in sorted(whole, key=lambda r: neglect_key(r.standing))]
        calm_first = team_page(j, ListQuery(order="neglect", descending=True), 0, 100, TODAY)
        assert calm_first == neglected[::-1]
        stale = team_page(j, ListQuery(statuses=frozenset({"needs_contact"})), 0, 100, TODAY)
        assert {r.name for r in stale} == {r.name for r in whole if r.standing.stale}
        assert [r.name for r in team_page(j, ListQuery(words=words_of("Kwame")), 0, 9, TODAY)] == [
            "Storage"]
        by_strip = team_page(j, ListQuery(order="strip"), 0, 100, TODAY)
        assert [len(r.strip) for r in by_strip] == sorted(len(r.strip) for r in whole)
        # The threshold's edge: 90 days is fine, 91 is not.
        team = j.create(PARTNER_TEAM, name="Edge")
        _contact(j, team.id, 90)
        edge = [r for r in team_page(j, ListQuery(statuses=frozenset({"needs_contact"})), 0,
                                     100, TODAY) if r.name == "Edge"]
        assert edge == []
        assert [r.name for r in team_page(j, ListQuery(statuses=frozenset({"needs_contact"})),
                                          0, 100, TODAY + dt.timedelta(days=1))
                if r.name == "Edge"] == ["Edge"]
