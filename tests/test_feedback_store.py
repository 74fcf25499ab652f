"""Feedback draft rows: ages in plain units and staleness at the threshold's edges (no Qt)."""

from __future__ import annotations

import datetime as dt

import pytest

from journal.domain.draft_age import age_days, age_parts
from journal.domain.thresholds import Thresholds
from journal.store.feedback import draft_row, draft_rows


def _draft(journal, name="Ana", **values):
    person = journal.create("person", name=name)
    return journal.create("feedback_draft", recipient_id=person.id, **values)


def _backdate(journal, draft_id, day: dt.date):
    # created_at is bookkeeping the store sets itself; tests move it the only way possible.
    journal.conn.execute("UPDATE feedback_drafts SET created_at = ? WHERE id = ?",
                         (f"{day.isoformat()}T12:00:00.000Z", draft_id))


@pytest.mark.parametrize(("offset", "stale"), [(-1, False), (0, False), (1, True)])
def test_draft_goes_stale_only_after_the_threshold(journal, offset, stale):
    threshold = Thresholds().feedback_stale_days
    draft = _draft(journal, situation="At the review")
    today = dt.date(2026, 11, 25)
    made = today - dt.timedelta(days=threshold + offset)
    _backdate(journal, draft.id, made)
    [row] = draft_rows(journal, today=today)
    assert row.age_days == threshold + offset
    assert row.stale is stale


def test_threshold_comes_from_settings(journal):
    journal.set_setting("threshold.feedback_stale_days", 3)
    draft = _draft(journal)
    today = dt.date(2026, 11, 25)
    _backdate(journal, draft.id, today - dt.timedelta(days=5))
    assert draft_row(journal, draft.id, today=today).stale


def test_rows_carry_recipient_and_gist_newest_first(journal):
    old = _draft(journal, "Ana", situation="In the outage review", behavior="")
    new = _draft(journal, "Bo", behavior="you  wrote the\nrunbook first")
    _backdate(journal, old.id, dt.date(2026, 1, 1))
    rows = draft_rows(journal, today=dt.date(2026, 11, 25))
    assert [r.id for r in rows] == [new.id, old.id]
    assert rows[0].recipient_name == "Bo"
    assert rows[0].gist == "you wrote the runbook first"
    assert rows[1].gist == "In the outage review"
    assert "outage" in rows[1].search_text
    assert draft_row(journal, 999) is None


@pytest.mark.parametrize(("days", "expected"), [
    (0, (0, "day")), (1, (1, "day")), (13, (13, "day")), (14, (2, "week")),
    (42, (6, "week")), (62, (8, "week")), (63, (2, "month")), (729, (24, "month")),
    (730, (2, "year")),
])
def test_age_reads_naturally(days, expected):
    assert age_parts(days) == expected


def test_age_never_negative():
    assert age_days(dt.date(2026, 1, 2), dt.date(2026, 1, 1)) == 0
