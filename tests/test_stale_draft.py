"""The one rule for a stale feedback draft (draft_age.is_stale): still a draft, and more than the
threshold old, counted in local calendar days from its creation stamp, as the list shows its age."""

from __future__ import annotations

import datetime as dt
import os
import time

import pytest

from journal.domain import coach, draft_age
from journal.domain.draft_age import age_days, created_on, is_stale
from journal.domain.thresholds import Thresholds
from journal.store.feedback import draft_rows

TODAY = dt.date(2026, 11, 25)


@pytest.fixture
def local_zone(monkeypatch):
    """Set the process's local time zone for one test (TZ, then tzset), and put it back."""

    def set_zone(name: str) -> None:
        monkeypatch.setenv("TZ", name)
        time.tzset()

    yield set_zone
    monkeypatch.undo()
    time.tzset()


def _stamp(day: dt.date, clock: str = "12:00:00") -> str:
    return f"{day.isoformat()}T{clock}.000Z"


@pytest.mark.parametrize(
    ("age", "threshold", "stale"),
    [(0, 14, False), (13, 14, False), (14, 14, False), (15, 14, True), (400, 14, True),
     (1, 0, True), (0, 0, False), (-3, 14, False), (5, -1, True)],
)
def test_stale_only_past_the_threshold(local_zone, age, threshold, stale):
    local_zone("UTC")
    made = _stamp(TODAY - dt.timedelta(days=age))
    assert is_stale("draft", made, TODAY, threshold) is stale


@pytest.mark.parametrize("status", ["delivered", "dropped"])
def test_a_delivered_or_dropped_draft_never_goes_stale(status):
    assert not is_stale(status, _stamp(TODAY - dt.timedelta(days=400)), TODAY, 14)


@pytest.mark.parametrize("stamp", ["", None, "not a date", "2026-13-45T00:00:00Z"])
def test_an_unreadable_stamp_is_never_stale(stamp):
    assert not is_stale("draft", stamp, TODAY, 14)


@pytest.mark.parametrize(("zone", "clock", "stale"), [
    # 23:30 UTC on the 10th is already the 11th in Auckland: 14 local days old, not yet stale,
    # though 15 UTC days old.
    ("Pacific/Auckland", "23:30:00", False),
    # 00:30 UTC on the 11th is still the 10th in Los Angeles: 15 local days old, stale, though
    # 14 UTC days old.
    ("America/Los_Angeles", "00:30:00", True),
])
def test_days_are_counted_from_the_local_day_the_draft_was_written(local_zone, zone, clock,
                                                                   stale):
    local_zone(zone)
    day = dt.date(2026, 11, 10) if clock.startswith("23") else dt.date(2026, 11, 11)
    made = _stamp(day, clock)
    assert is_stale("draft", made, TODAY, 14) is stale
    # The same day as the age the list shows, so "2 weeks" and "stale" never disagree.
    assert (age_days(created_on(made), TODAY) > 14) is stale


def test_the_list_uses_the_same_rule(journal, local_zone):
    local_zone("Pacific/Auckland")
    person = journal.create("person", name="Ana")
    draft = journal.create("feedback_draft", recipient_id=person.id)
    journal.conn.execute("UPDATE feedback_drafts SET created_at = ? WHERE id = ?",
                         (_stamp(dt.date(2026, 11, 10), "23:30:00"), draft.id))
    [row] = draft_rows(journal, today=TODAY, thresholds=Thresholds(feedback_stale_days=14))
    assert row.age_days == 14 and not row.stale


def test_there_is_one_rule():
    """Only draft_age defines a rule named for staleness; the due list's last fresh day agrees
    with it to the day."""
    assert coach.is_stale is draft_age.is_stale
    domain = os.path.dirname(draft_age.__file__)
    defined = []
    for name in os.listdir(domain):
        if name.endswith(".py"):
            with open(os.path.join(domain, name), encoding="utf-8") as f:
                defined += [(name, line) for line in f
                            if line.startswith("def ") and "stale" in line.split("(")[0]]
    assert [name for name, _line in defined] == ["draft_age.py"]


@pytest.mark.parametrize("offset", range(-2, 4))
def test_the_due_lists_last_fresh_day_agrees(local_zone, offset):
    from journal.domain.due import feedback_due_on

    local_zone("Pacific/Auckland")
    made = _stamp(dt.date(2026, 11, 10), "23:30:00")
    last_fresh = feedback_due_on(created_on(made), 14)
    day = last_fresh + dt.timedelta(days=offset)
    assert is_stale("draft", made, day, 14) is (day > last_fresh)
