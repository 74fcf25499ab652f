"""Retro items keep a dense order through inserts and moves; goals need an active mentorship."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from journal.store.journal import open_journal
from journal.store.retros import (
    active_mentorship,
    bucket_items,
    insert_item,
    move_item,
    retro_row,
    retro_rows,
)


def _retro(journal, subject="Q3 storage migration"):
    return journal.create("retro", subject=subject, held_on=dt.date(2026, 11, 20))


def _texts(journal, retro_id, bucket):
    items = bucket_items(journal, retro_id, bucket)
    assert [i.position for i in items] == list(range(len(items)))
    return [i.text for i in items]


def test_insert_in_the_middle_renumbers_densely(journal):
    retro = _retro(journal)
    insert_item(journal, retro.id, "start", 0, "a")
    insert_item(journal, retro.id, "start", 1, "c")
    insert_item(journal, retro.id, "start", 1, "b")
    insert_item(journal, retro.id, "start", 99, "d")
    insert_item(journal, retro.id, "stop", 0, "elsewhere")
    assert _texts(journal, retro.id, "start") == ["a", "b", "c", "d"]
    assert _texts(journal, retro.id, "stop") == ["elsewhere"]


def test_moves_clamp_at_the_ends(journal):
    retro = _retro(journal)
    ids = [insert_item(journal, retro.id, "continue", i, t).id for i, t in enumerate("abc")]
    assert move_item(journal, ids[0], -1) == 0
    assert move_item(journal, ids[0], 2) == 2
    assert _texts(journal, retro.id, "continue") == ["b", "c", "a"]
    assert move_item(journal, ids[0], 5) == 2


def test_insert_and_move_publish_one_change_each(journal):
    retro = _retro(journal)
    seen = []
    journal.subscribe(seen.append)
    insert_item(journal, retro.id, "stop", 0, "x", initiator="me")
    insert_item(journal, retro.id, "stop", 0, "y", initiator="me")
    seen.clear()
    move_item(journal, bucket_items(journal, retro.id, "stop")[0].id, 1, initiator="me")
    assert len(seen) == 1 and seen[0].initiator == "me"


def test_deleting_a_retro_names_its_items_and_restores_them(journal):
    retro = _retro(journal)
    for i, text in enumerate(("keep pairing", "write it down")):
        insert_item(journal, retro.id, "continue", i, text)
    plan = journal.deletion_plan("retro", retro.id)
    assert plan.dependents() == {"retro_item": 2}
    removal = journal.delete("retro", retro.id)
    assert retro_rows(journal) == []
    journal.restore(removal)
    assert retro_row(journal, retro.id).item_count == 2
    assert _texts(journal, retro.id, "continue") == ["keep pairing", "write it down"]


def test_active_mentorship_respects_dates(journal):
    mentee = journal.create("person", name="Ana")
    today = dt.date(2026, 11, 25)
    assert active_mentorship(journal, mentee.id, today) is None
    ended = journal.create("mentorship", mentee_id=mentee.id, mentor_is_me=True,
                           started_on=dt.date(2025, 1, 1), ended_on=dt.date(2025, 6, 1))
    assert active_mentorship(journal, mentee.id, today) is None
    current = journal.create("mentorship", mentee_id=mentee.id, mentor_is_me=True,
                             started_on=dt.date(2026, 9, 1))
    assert active_mentorship(journal, mentee.id, today).id == current.id
    assert ended.id != current.id


@settings(max_examples=25, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["insert", "move"]), st.integers(-3, 6)),
                min_size=1, max_size=12))
def test_any_sequence_of_edits_keeps_positions_dense(tmp_path_factory, steps):
    path = tmp_path_factory.mktemp("retro") / "j.sqlite3"
    with open_journal(path) as journal:
        retro = _retro(journal)
        expected: list[str] = []
        for n, (op, arg) in enumerate(steps):
            if op == "insert" or not expected:
                index = min(max(arg, 0), len(expected))
                insert_item(journal, retro.id, "start", arg, f"item {n}")
                expected.insert(index, f"item {n}")
            else:
                items = bucket_items(journal, retro.id, "start")
                victim = items[n % len(items)]
                old = expected.index(victim.text)
                new = min(max(old + arg, 0), len(expected) - 1)
                expected.insert(new, expected.pop(old))
                move_item(journal, victim.id, arg)
        assert _texts(journal, retro.id, "start") == expected
