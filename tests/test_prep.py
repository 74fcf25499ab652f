"""The prep note's facts and agenda: a person with everything, one with nothing, and where
"since the last 1:1" starts."""

from __future__ import annotations

import datetime as dt

import pytest

from journal.domain import prep as rules
from journal.domain.kinds import CHECK_IN, ONE_ON_ONE
from journal.export.prep_markdown import prep_markdown
from journal.store.errors import RecordNotFound
from journal.store.prep import mark_held, prep_facts
from tests.prep_helpers import HELD, TODAY, add, everything, stamp


def texts(facts):
    return [e.text for e in facts.events]


def test_a_person_with_everything_gets_every_part(journal):
    ids = everything(journal)
    facts = prep_facts(journal, ids["zoe"], TODAY)
    assert facts.last.held_on == HELD
    events = " | ".join(texts(facts))
    for part in ("Check-in on", "Session (pairing)", "Feedback written (reinforcing)",
                 "They gave you feedback", "Contact with Edge platform during an incident",
                 "Conflict recorded: Who owns the edge certificates",
                 "Conflict recorded: Freeze exceptions",
                 "Decision record (decision maker): Short-lived certificates, proposed",
                 "Design review they wrote: Edge certificate renewal"):
        assert part in events, part
    assert "Old progress" not in " ".join(e.detail for e in facts.events)  # before the 1:1
    assert [g.goal.id for g in facts.goals] == [ids["goal"]]
    assert facts.goals[0].latest[0].health == "at_risk"
    assert {p.role for p in facts.conflicts} == {"decision_maker", "owner"}
    assert facts.teams[0].last_calm_contact is None
    text = prep_markdown(facts, my_notes="Bring the *runbook*")
    for heading in ("# 1:1 with Zoë Lefèvre — 2026-06-15", "## Suggested agenda",
                    "## Since the last 1:1 (2026-06-01)", "## Active goals",
                    "## Feedback waiting to be given", "## Recent sessions",
                    "## Open conflicts they are part of", "## Teams they are the contact for",
                    "## Proposed decisions they are part of",
                    "## Notes from the last 1:1 (2026-06-01)", "## My notes for this 1:1"):
        assert heading in text, heading
    assert "- **Situation:** At the edge review" in text
    assert "**Hypothesis:** The proxy caches the old chain" in text
    agenda = rules.agenda(facts, rules.Thresholds())
    assert agenda[0].startswith("Follow up on what you noted")
    assert any("stands in the way" in item and "at risk" in item for item in agenda)
    assert [p.record.title for p in facts.decisions] == ["Short-lived certificates"]
    assert len(agenda) <= rules.AGENDA_LENGTH


def test_a_person_with_nothing_gets_a_short_helpful_note(journal):
    ids = everything(journal)
    facts = prep_facts(journal, ids["nobody"], TODAY)
    assert facts.is_empty()
    text = prep_markdown(facts)
    assert "Nothing is recorded about Nobody Yet yet" in text
    assert "1. Ask what they are working on" in text
    assert len(text.splitlines()) < 15


def test_an_unknown_person_is_refused(journal):
    with pytest.raises(RecordNotFound):
        prep_facts(journal, 999, TODAY)


def test_since_the_last_one_on_one_boundaries(journal):
    ids = everything(journal)
    goal = ids["goal"]

    def check_in(day, hour, progress, updated=None):
        return add(journal, CHECK_IN, day, hour, updated=updated, goal_id=goal, on_date=day,
                   progress=progress)

    check_in(HELD, 9, "same day, written before the 1:1")
    check_in(HELD, 11, "same day, written after the 1:1")
    check_in(HELD - dt.timedelta(days=1), 8, "the day before")
    old = check_in(HELD - dt.timedelta(days=3), 8, "edited after the 1:1",
                   updated=stamp(HELD, 12))
    check_in(HELD - dt.timedelta(days=2), 8, "edited before the 1:1", updated=stamp(HELD, 9))
    backfilled = add(journal, CHECK_IN, HELD + dt.timedelta(days=2), goal_id=goal,
                     on_date=HELD - dt.timedelta(days=5), progress="backfilled later")
    facts = prep_facts(journal, ids["zoe"], TODAY)
    details = {e.detail: e for e in facts.events if e.kind == CHECK_IN}
    assert "same day, written after the 1:1" in details
    assert "same day, written before the 1:1" not in details
    assert "the day before" not in details
    assert "edited before the 1:1" not in details
    assert details["edited after the 1:1"].text.startswith("Check-in of 2026-05-29")
    assert details["edited after the 1:1"].record_id == old
    assert details["backfilled later"].record_id == backfilled


def test_a_one_on_one_entered_days_later_still_ends_on_its_own_day(journal):
    ids = everything(journal)
    day = dt.date(2026, 6, 10)
    add(journal, ONE_ON_ONE, day + dt.timedelta(days=2), person_id=ids["zoe"], held_on=day)
    add(journal, CHECK_IN, day + dt.timedelta(days=1), goal_id=ids["goal"],
        on_date=day + dt.timedelta(days=1), progress="between the 1:1 and its notes")
    facts = prep_facts(journal, ids["zoe"], TODAY)
    assert facts.last.held_on == day
    assert [e.detail for e in facts.events] == ["between the 1:1 and its notes"]


def test_since_a_given_day_includes_that_day(journal):
    ids = everything(journal)
    facts = prep_facts(journal, ids["zoe"], TODAY, since=dt.date(2026, 6, 6))
    days = sorted({e.on for e in facts.events})
    assert days[0] == dt.date(2026, 6, 6)
    assert "Session (pairing)." not in texts(facts)  # 4 June


def test_marking_held_moves_the_start_of_the_next_prep(journal):
    ids = everything(journal)
    held = mark_held(journal, ids["zoe"], TODAY, "  Talked about the slot  ")
    assert held.notes == "Talked about the slot"
    facts = prep_facts(journal, ids["zoe"], TODAY)
    assert facts.last.id == held.id and facts.one_on_ones == 2
    assert facts.events == []


def test_marking_held_twice_from_one_prep_adds_to_that_1_1(journal):
    ids = everything(journal)
    first = mark_held(journal, ids["zoe"], TODAY, "One")
    again = mark_held(journal, ids["zoe"], TODAY, "Two", adding_to=first.id)
    assert again.id == first.id and again.notes == "One\n\nTwo"
    assert prep_facts(journal, ids["zoe"], TODAY).one_on_ones == 2
    later = mark_held(journal, ids["zoe"], TODAY + dt.timedelta(days=1), "Next day",
                      adding_to=first.id)
    assert later.id != first.id


def test_a_future_one_on_one_is_not_the_last_one(journal):
    ids = everything(journal)
    add(journal, ONE_ON_ONE, TODAY, person_id=ids["zoe"], held_on=TODAY + dt.timedelta(days=3))
    assert prep_facts(journal, ids["zoe"], TODAY).last.held_on == HELD


def test_checklist_flags_hook_takes_other_messages(journal):
    ids = everything(journal)
    facts = prep_facts(journal, ids["zoe"], TODAY,
                       flags=lambda _j, _f, _t: ["A gap the checklist found."])
    assert facts.flags == ["A gap the checklist found."]
    assert "- A gap the checklist found." in prep_markdown(facts)


def test_the_checklist_gaps_about_them_fill_the_flags(journal):
    ids = everything(journal)
    journal.update("mentorship", ids["ship"], mentor_id=None)
    flags = prep_facts(journal, ids["zoe"], TODAY).flags
    assert "Zoë Lefèvre has no named mentor" in flags
    assert any("no check-in" in flag for flag in flags)  # last check-in 3 June, weekly cadence
    other = journal.create("person", name="Somebody Else")
    journal.create("mentorship", mentee_id=other.id, started_on=TODAY)
    assert not any("Somebody Else" in flag for flag in prep_facts(journal, ids["zoe"], TODAY).flags)
    assert any("Somebody Else" in flag for flag in prep_facts(journal, other.id, TODAY).flags)


def test_with_no_one_on_one_yet_since_covers_the_last_four_weeks(journal):
    ids = everything(journal)
    journal.delete(ONE_ON_ONE, journal.list(ONE_ON_ONE)[0].id)
    facts = prep_facts(journal, ids["zoe"], TODAY)
    assert facts.first_window and facts.last is None
    assert min(e.on for e in facts.events) >= TODAY - dt.timedelta(days=28)
    assert "## The last four weeks (no 1:1 recorded yet)" in prep_markdown(facts)


def test_a_busy_period_shows_the_newest_events_and_counts_the_rest(journal):
    ids = everything(journal)
    for n in range(rules.MAX_EVENTS + 7):
        day = HELD + dt.timedelta(days=1 + n % 12)
        add(journal, CHECK_IN, day, goal_id=ids["goal"], on_date=day, progress=f"note {n}")
    facts = prep_facts(journal, ids["zoe"], TODAY)
    assert len(facts.events) == rules.MAX_EVENTS
    assert facts.earlier_events > 7
    assert facts.events[-1].on == max(e.on for e in facts.events)
    assert f"_{facts.earlier_events} earlier items are left out" in prep_markdown(facts)
