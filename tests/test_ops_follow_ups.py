"""A retro item's follow-ups below the UI: what they create, and their undo."""

from __future__ import annotations

import datetime as dt

import pytest

from journal.ops.follow_ups import NoActiveMentorship, item_to_draft, item_to_goal
from journal.store.retros import insert_item

DAY = dt.date(2026, 11, 5)


@pytest.fixture
def item(journal):
    retro = journal.create("retro", subject="Sprint 42", held_on=DAY)
    return insert_item(journal, retro.id, "stop", 0, "merging late")


def test_an_item_becomes_a_draft_and_undo_deletes_it(journal, item):
    dana = journal.create("person", name="Dana")
    done = item_to_draft(journal, item.id, dana.id)
    draft = journal.get("feedback_draft", done.record_id)
    assert (draft.recipient_id, draft.polarity, draft.behavior) == (
        dana.id, "corrective", "merging late")
    assert "Sprint 42" in draft.situation and "2026-11-05" in draft.situation
    assert done.changed == {("feedback_draft", draft.id)}
    done.undo()
    assert journal.list("feedback_draft") == []
    assert journal.get("retro_item", item.id).text == "merging late"  # the item stays


def test_an_item_becomes_a_goal_of_the_current_mentorship(journal, item):
    bo = journal.create("person", name="Bo")
    with pytest.raises(NoActiveMentorship):
        item_to_goal(journal, item.id, bo.id, today=DAY)
    assert journal.list("goal") == []
    mentorship = journal.create("mentorship", mentee_id=bo.id, mentor_is_me=True,
                                started_on=DAY - dt.timedelta(days=9))
    done = item_to_goal(journal, item.id, bo.id, today=DAY)
    goal = journal.get("goal", done.record_id)
    assert (goal.mentorship_id, goal.outcome, goal.started_on) == (
        mentorship.id, "merging late", DAY)
    done.undo()
    assert journal.list("goal") == []


def test_adding_a_mentee_undone_removes_the_new_people_only(journal):
    from journal.ops.add_mentee import add_mentee_undoable

    kim = journal.create("person", name="Kim Park")
    done = add_mentee_undoable(journal, "Dee Ray", "kim park", False, structure="pairing",
                               cadence_days=14, started_on=DAY)
    mentorship = journal.get("mentorship", done.record_id)
    dee = journal.get("person", mentorship.mentee_id)
    assert (dee.name, mentorship.mentor_id) == ("Dee Ray", kim.id)  # Kim was known already
    assert done.changed == {("mentorship", mentorship.id), ("person", dee.id)}
    done.undo()
    assert journal.list("mentorship") == []
    assert [p.name for p in journal.list("person")] == ["Kim Park"]
