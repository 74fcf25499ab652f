"""Merging two people who are named in the same role on the same decision (both consulted, say):
the two links become one, every other record is kept, and undo brings both back."""

from __future__ import annotations

from journal.domain import kinds
from journal.ops.people import merge_people


def _links(journal):
    return sorted(journal.rows("SELECT decision_record_id, role, person_id FROM decision_people"))


def test_merging_two_people_consulted_on_one_decision(journal):
    ana = journal.create(kinds.PERSON, name="Ana Silva")
    ana2 = journal.create(kinds.PERSON, name="Ana  Silva")
    bo = journal.create(kinds.PERSON, name="Bo")
    decision = journal.create(kinds.DECISION_RECORD, title="Keep runbooks in the repo")
    other = journal.create(kinds.DECISION_RECORD, title="Page on SLO burn")
    for person in (ana, ana2):
        journal.create(kinds.DECISION_PERSON, decision_record_id=decision.id,
                       person_id=person.id, role="consulted")
    journal.create(kinds.DECISION_PERSON, decision_record_id=decision.id, person_id=bo.id,
                   role="decision_maker")
    journal.create(kinds.DECISION_PERSON, decision_record_id=other.id, person_id=ana2.id,
                   role="informed")
    before = _links(journal)

    done = merge_people(journal, ana.id, ana2.id)

    assert journal.count(kinds.PERSON) == 2
    assert _links(journal) == sorted([(decision.id, "consulted", ana.id),
                                      (decision.id, "decision_maker", bo.id),
                                      (other.id, "informed", ana.id)])
    done.undo()
    assert journal.count(kinds.PERSON) == 3
    assert _links(journal) == before
