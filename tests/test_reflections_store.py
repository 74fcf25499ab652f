"""Reflection steps and the list query (no Qt)."""

from __future__ import annotations

import datetime as dt

import pytest

from journal.domain.records import Reflection
from journal.domain.reflections import (
    LAST_STEP,
    STEP_KEYS,
    clamp_step,
    needs_example,
    next_unfilled,
    step_filled,
)
from journal.store.reflections import reflection_row, reflection_rows


@pytest.mark.parametrize(("stored", "step"), [(None, 0), (-4, 0), (3, 3), (20, LAST_STEP)])
def test_stored_step_is_clamped(stored, step):
    assert clamp_step(stored) == step


def test_steps_fill_in_order():
    r = Reflection(received_on=dt.date(2026, 11, 1))
    assert STEP_KEYS[0] == "source" and step_filled(r, 0)
    assert next_unfilled(r) == 1
    r.what_was_said = "Your design docs skip the rollback plan."
    assert needs_example(r)
    assert next_unfilled(r) == 2
    r.paraphrase, r.example = "I leave out how to back out", "The queue migration doc"
    assert not needs_example(r)
    r.useful, r.action = "Reversibility matters", "Add a rollback section"
    assert next_unfilled(r) == LAST_STEP
    r.status = "acting"
    assert next_unfilled(r) is None
    assert next_unfilled(Reflection(), after=LAST_STEP) is None


def test_blank_text_does_not_count_as_written():
    assert not step_filled(Reflection(what_was_said="   \n"), 1)
    assert not needs_example(Reflection(what_was_said="  "))


def test_rows_by_date_with_optional_giver(journal):
    giver = journal.create("person", name="Dana")
    older = journal.create("reflection", giver_id=giver.id, received_on=dt.date(2026, 10, 1),
                           what_was_said="Shorter updates, please")
    newer = journal.create("reflection", received_on=dt.date(2026, 11, 1), step=3)
    rows = reflection_rows(journal)
    assert [r.id for r in rows] == [newer.id, older.id]
    assert rows[0].giver_name == "" and rows[0].step == 3
    assert rows[1].giver_name == "Dana" and "shorter" in rows[1].search_text
    assert reflection_row(journal, 999) is None
