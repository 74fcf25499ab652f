"""Due soon: the rules at their boundary days, and the queries that feed them."""

from __future__ import annotations

import datetime as dt

import pytest

from journal.domain import due
from journal.domain.kinds import (
    CHECK_IN,
    DECISION_RECORD,
    DESIGN_REVIEW,
    FEEDBACK_DRAFT,
    GOAL,
    MENTORSHIP,
    PARTNER_CONTACT,
    PARTNER_TEAM,
    PERSON,
)
from journal.domain.thresholds import Thresholds
from journal.store.due import due_items, one_on_ones_due

TODAY = dt.date(2026, 3, 10)
D = dt.timedelta


# -- pure rules ------------------------------------------------------------------------------------
def test_window_end_counts_today_plus_days():
    assert due.window_end(TODAY, 0) == TODAY
    assert due.window_end(TODAY, 7) == dt.date(2026, 3, 17)
    assert due.window_end(TODAY, -3) == TODAY


@pytest.mark.parametrize(("due_on", "grace", "state"), [
    (TODAY + D(1), 3, due.SOON),
    (TODAY, 3, due.TODAY),
    (TODAY - D(1), 3, due.LATE),
    (TODAY - D(3), 3, due.LATE),  # the last day of grace
    (TODAY - D(4), 3, due.OVERDUE),
    (TODAY - D(1), 0, due.OVERDUE),
])
def test_state_at_the_boundaries(due_on, grace, state):
    assert due.state_of(due_on, TODAY, grace) == state


def test_check_in_is_due_a_cadence_after_the_last_one_or_the_start():
    assert due.check_in_due_on(TODAY, TODAY - D(100), 7) == TODAY + D(7)
    assert due.check_in_due_on(None, TODAY, 14) == TODAY + D(14)
    assert due.check_in_due_on(None, None, 7) is None
    assert due.check_in_due_on(TODAY, None, 0) == TODAY + D(1)  # a cadence is at least a day


@pytest.mark.parametrize(("offset", "listed"), [(7, True), (8, False), (0, True), (-400, True)])
def test_check_ins_are_listed_a_week_ahead_and_while_overdue(offset, listed):
    assert due.check_in_listed(TODAY + D(offset), TODAY, 7) is listed


def test_feedback_last_fresh_day_is_the_threshold_day():
    assert due.feedback_due_on(TODAY, 14) == TODAY + D(14)


@pytest.mark.parametrize(("offset", "listed"), [(-1, False), (0, True), (7, True), (8, False)])
def test_upcoming_is_today_to_the_window_end(offset, listed):
    assert due.upcoming_listed(TODAY + D(offset), TODAY, 7) is listed


def test_partner_threshold_counts_from_the_last_contact_outside_an_incident_or_the_team():
    assert due.partner_due_on(TODAY - D(80), TODAY - D(900), 90) == TODAY + D(10)
    assert due.partner_due_on(None, TODAY - D(85), 90) == TODAY + D(5)


@pytest.mark.parametrize(("offset", "listed"), [
    (-due.REVIEW_LATE_DAYS, True), (-due.REVIEW_LATE_DAYS - 1, False), (7, True), (8, False)])
def test_reviews_are_listed_ahead_and_while_recently_late(offset, listed):
    assert due.review_listed(TODAY + D(offset), TODAY, 7) is listed


def test_describe_names_people_and_titles_only():
    item = due.DueItem(due.PARTNER, PARTNER_TEAM, 1, "u", TODAY, due.TODAY, title="Storage",
                       person="Zoë")
    assert due.describe(item) == "Talk to Storage (Zoë) outside an incident"
    assert due.describe(due.DueItem(due.ONE_ON_ONE, "one_on_one", 1, "u", TODAY, due.SOON,
                                    person="Amara")) == "1:1 with Amara"


# -- the queries -----------------------------------------------------------------------------------
def _stamp(day: dt.date) -> str:
    """A UTC stamp at local noon of `day`, so the local day is `day` in any time zone."""
    local = dt.datetime.combine(day, dt.time(12)).astimezone()
    return local.astimezone(dt.UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


@pytest.fixture
def people(journal):
    return {name: journal.create(PERSON, name=name).id for name in ("Amara", "Ben", "Chen")}


def test_check_in_due_at_the_window_edges(journal, people):
    t = Thresholds()
    ms = journal.create(MENTORSHIP, mentee_id=people["Amara"], mentor_is_me=True,
                        started_on=TODAY - D(60), cadence_days=7)
    on_edge = journal.create(GOAL, mentorship_id=ms.id, outcome="edge",
                             started_on=TODAY - D(60))
    journal.create(CHECK_IN, goal_id=on_edge.id, on_date=(TODAY - D(30)).isoformat())
    journal.create(CHECK_IN, goal_id=on_edge.id, on_date=TODAY.isoformat())  # due TODAY + 7
    beyond = journal.create(GOAL, mentorship_id=ms.id, outcome="beyond", started_on=TODAY + D(1))
    done = journal.create(GOAL, mentorship_id=ms.id, outcome="done", status="achieved",
                          started_on=TODAY - D(60))
    items = due_items(journal, TODAY, 7, t)
    assert [(i.what, i.record_id, i.due_on, i.state) for i in items] == [
        (due.CHECK_IN, on_edge.id, TODAY + D(7), due.SOON)]
    assert items[0].kind == GOAL and items[0].person == "Amara" and items[0].title == "edge"
    assert beyond.id not in {i.record_id for i in due_items(journal, TODAY, 7, t)}
    assert [i.record_id for i in due_items(journal, TODAY, 8, t)] == [on_edge.id, beyond.id]
    assert done.id not in {i.record_id for i in due_items(journal, TODAY + D(400), 7, t)}
    # Overdue: past the grace period, still listed.
    late = due_items(journal, TODAY + D(7 + t.check_in_grace_days + 1), 0, t)
    assert [(i.record_id, i.state) for i in late][0] == (on_edge.id, due.OVERDUE)
    # An ended mentorship's goals are not due.
    journal.update(MENTORSHIP, ms.id, ended_on=TODAY.isoformat())
    assert due_items(journal, TODAY, 30, t) == []


def test_feedback_listed_until_its_last_fresh_day(journal, people):
    t = Thresholds(feedback_stale_days=14)
    made = TODAY - D(14)
    journal.create_many(FEEDBACK_DRAFT, [
        {"recipient_id": people["Ben"], "created_at": _stamp(made), "behavior": "b"},
        {"recipient_id": people["Ben"], "created_at": _stamp(made), "status": "delivered",
         "delivered_on": TODAY.isoformat()},
        {"recipient_id": people["Chen"], "created_at": _stamp(TODAY - D(6))},  # due TODAY + 8
    ])
    items = due_items(journal, TODAY, 7, t)
    assert [(i.what, i.person, i.due_on, i.state) for i in items] == [
        (due.FEEDBACK, "Ben", TODAY, due.TODAY)]
    assert [i.person for i in due_items(journal, TODAY + D(1), 7, t)] == ["Chen"]  # Ben: stale
    assert [i.person for i in due_items(journal, TODAY, 8, t)] == ["Ben", "Chen"]


def test_partner_team_about_to_pass_the_threshold(journal, people):
    t = Thresholds(partner_contact_days=90)
    team = journal.create(PARTNER_TEAM, name="Storage", contact_id=people["Chen"])
    journal.create(PARTNER_CONTACT, team_id=team.id, on_date=(TODAY - D(90)).isoformat())
    # A contact during an incident does not count.
    journal.create(PARTNER_CONTACT, team_id=team.id, on_date=TODAY.isoformat(),
                   during_incident=True)
    items = due_items(journal, TODAY, 7, t)
    assert [(i.what, i.title, i.person, i.due_on, i.state) for i in items] == [
        (due.PARTNER, "Storage", "Chen", TODAY, due.TODAY)]
    assert due_items(journal, TODAY + D(1), 7, t) == []  # passed: the checklist's gap now
    journal.create(PARTNER_CONTACT, team_id=team.id, on_date=(TODAY - D(82)).isoformat())
    assert due_items(journal, TODAY, 7, t) == []
    assert [i.due_on for i in due_items(journal, TODAY, 8, t)] == [TODAY + D(8)]


def test_a_new_team_counts_from_the_day_it_was_added(journal):
    t = Thresholds(partner_contact_days=5)
    journal.create(PARTNER_TEAM, name="Network")
    today = dt.date.today()
    assert [i.due_on for i in due_items(journal, today, 5, t)] == [today + D(5)]
    assert due_items(journal, today, 4, t) == []


def test_review_waits_for_a_linked_decision_record(journal):
    t = Thresholds(review_decision_days=7)
    review = journal.create(DESIGN_REVIEW, title="Queue", reviewed_on=(TODAY - D(7)).isoformat())
    old = journal.create(DESIGN_REVIEW, title="Old",
                         reviewed_on=(TODAY - D(7 + due.REVIEW_LATE_DAYS + 1)).isoformat())
    items = due_items(journal, TODAY, 7, t)
    assert [(i.record_id, i.kind, i.title, i.due_on, i.state) for i in items] == [
        (review.id, DESIGN_REVIEW, "Queue", TODAY, due.TODAY)]
    assert old.id not in {i.record_id for i in items}
    assert due_items(journal, TODAY + D(1), 7, t)[0].state == due.OVERDUE
    record = journal.create(DECISION_RECORD, title="Use a queue")
    journal.update(DESIGN_REVIEW, review.id, decision_record_id=record.id)
    assert due_items(journal, TODAY, 7, t) == []


def test_one_on_ones_are_skipped_without_their_table(journal):
    journal.conn.execute("DROP TABLE one_on_ones")  # as in a journal before schema 6
    assert one_on_ones_due(journal, TODAY, 7) == []


def test_one_on_ones_dated_ahead_are_due(journal, people):
    from journal.domain.kinds import ONE_ON_ONE

    for name, day in (("Amara", TODAY - D(1)), ("Ben", TODAY), ("Chen", TODAY + D(7)),
                      ("Chen", TODAY + D(8))):
        journal.create(ONE_ON_ONE, person_id=people[name], held_on=day, notes="secret")
    items = due_items(journal, TODAY, 7, Thresholds())
    assert [(i.what, i.kind, i.person, i.state) for i in items] == [
        (due.ONE_ON_ONE, due.ONE_ON_ONE_KIND, "Ben", due.TODAY),
        (due.ONE_ON_ONE, due.ONE_ON_ONE_KIND, "Chen", due.SOON)]
    assert all("secret" not in str(i.as_dict()) for i in items)


def test_the_sample_journal_has_something_due_today(tmp_path):
    from journal.sample import populate
    from journal.store.journal import open_journal

    with open_journal(tmp_path / "s.sqlite3") as journal:
        populate(journal)
        items = due_items(journal)
    assert items, "the sample journal should show what Due soon looks like"
    assert {i.what for i in items} >= {due.CHECK_IN}
