"""Journal.create_many: the bulk insert used by the sample and the benchmark generator."""

from __future__ import annotations

import datetime as dt

import pytest

from journal.store.errors import InvalidRecord
from journal.store.journal import open_journal


@pytest.fixture
def journal(tmp_path):
    j = open_journal(tmp_path / "j.sqlite3")
    yield j
    j.close()


def test_inserts_in_order_and_returns_ids(journal):
    journal.create("person", name="Before")
    ids = journal.create_many("person", [{"name": "Ada"}, {"name": "Zoë", "team": "Platform"}])
    assert ids == [2, 3]
    people = journal.list("person")
    assert [(p.id, p.name, p.team) for p in people[1:]] == [(2, "Ada", ""), (3, "Zoë", "Platform")]
    assert all(len(p.uid) == 36 for p in people)


def test_encodes_like_create_and_fills_defaults(journal):
    (mentee,) = journal.create_many("person", [{"name": "Mentee"}])
    (ms,) = journal.create_many("mentorship", [{"mentee_id": mentee, "mentor_is_me": True,
                                                "started_on": dt.date(2026, 1, 5)}])
    record = journal.get("mentorship", ms)
    assert record.mentor_is_me is True
    assert record.started_on == dt.date(2026, 1, 5)
    assert record.cadence_days == 7 and record.structure == "goal_based"


def test_keeps_given_bookkeeping(journal):
    uid = "0" * 8 + "-0000-4000-8000-" + "0" * 12
    (pid,) = journal.create_many("person", [{"name": "Old", "uid": uid,
                                             "created_at": "2019-03-04T08:00:00.000Z"}])
    person = journal.get("person", pid)
    assert person.uid == uid
    assert person.created_at == person.updated_at == "2019-03-04T08:00:00.000Z"


def test_all_or_nothing(journal):
    with pytest.raises(InvalidRecord):
        journal.create_many("person", [{"name": "Fine"}, {"name": "  "}])
    with pytest.raises(InvalidRecord):
        journal.create_many("person", [{"name": "Fine", "shoe_size": 44}])
    with pytest.raises(InvalidRecord):
        journal.create_many("person", [{"name": "Fine", "created_at": "yesterday"}])
    assert journal.count("person") == 0


def test_publishes_one_change_and_joins_a_batch(journal):
    seen = []
    journal.subscribe(seen.append)
    with journal.batch():
        ids = journal.create_many("person", [{"name": f"P{i}"} for i in range(50)])
        journal.create("person", name="One more")
    assert len(seen) == 1
    assert seen[0].ids("person") == {*ids, ids[-1] + 1}
    assert journal.create_many("person", []) == []
    assert len(seen) == 1
