"""Mentoring rules at their boundary dates. No Qt, no database."""

from __future__ import annotations

import datetime as dt

import pytest

from journal.domain.mentoring import (
    SessionFact,
    goal_hints,
    hero_call,
    is_overdue,
    mentorship_hints,
    next_check_in_due,
    outcome_vagueness,
    overdue_days,
    progress_trend,
    take_it_over,
    target_hint,
    too_many_active,
)
from journal.domain.thresholds import Thresholds

D = dt.date
TODAY = D(2026, 11, 25)
T = Thresholds()


# -- next due ------------------------------------------------------------------------------------
def test_next_due_counts_from_the_last_check_in():
    assert next_check_in_due(D(2026, 11, 20), D(2026, 9, 1), 7) == D(2026, 11, 27)


def test_next_due_counts_from_the_goal_start_when_there_is_no_check_in():
    assert next_check_in_due(None, D(2026, 11, 1), 14) == D(2026, 11, 15)


def test_next_due_is_unknown_without_any_date():
    assert next_check_in_due(None, None, 7) is None


def test_next_due_crosses_month_and_year_ends():
    assert next_check_in_due(D(2026, 12, 28), None, 7) == D(2027, 1, 4)
    assert next_check_in_due(D(2028, 2, 26), None, 7) == D(2028, 3, 4)  # leap year


# -- overdue at the grace boundary ---------------------------------------------------------------
@pytest.mark.parametrize(("today", "overdue"), [
    (D(2026, 11, 19), False),  # the day before it is due
    (D(2026, 11, 20), False),  # due today
    (D(2026, 11, 22), False),  # the day before grace runs out
    (D(2026, 11, 23), False),  # the last day of grace
    (D(2026, 11, 24), True),   # the day after grace
])
def test_overdue_only_after_the_grace_period(today, overdue):
    due = D(2026, 11, 20)
    assert is_overdue(due, today, grace_days=3) is overdue


def test_overdue_days_count_from_the_end_of_grace():
    due = D(2026, 11, 20)
    assert overdue_days(due, D(2026, 11, 23), 3) == 0
    assert overdue_days(due, D(2026, 11, 24), 3) == 1
    assert overdue_days(due, D(2026, 12, 4), 3) == 11
    assert overdue_days(None, TODAY, 3) == 0


def test_zero_grace_is_overdue_the_day_after_due():
    assert not is_overdue(D(2026, 11, 25), TODAY, 0)
    assert is_overdue(D(2026, 11, 24), TODAY, 0)


# -- vague outcomes ------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "Get better at k8s",
    "Improve debugging skills",
    "Learn more about Kubernetes networking and the service mesh",
    "Be more confident",
    "Become a better engineer overall",
    "Grow as an SRE",
    "Level up on Terraform",
    "Get comfortable with on-call",
    "Understand the billing system",
    "Work on communication",
    "k8s",
    "Networking",
    "Terraform modules",
])
def test_vague_outcomes_get_a_hint(text):
    assert outcome_vagueness(text) is not None


@pytest.mark.parametrize("text", [
    "Run the Q3 failover game day for the payments database as incident commander",
    "Lead two production incidents as incident commander with the mentor shadowing",
    "Ship the new alerting rules for the checkout service by the end of October",
    "Write and present a design doc for the log pipeline migration",
    "Debug a failing pod in staging without help, using kubectl describe and events",
    "Owns the weekly capacity review for the storage cluster",
    "Migrated three services to the new Terraform modules",
    "Get better at incident command by running the Q3 failover game day",
])
def test_concrete_outcomes_get_no_hint(text):
    assert outcome_vagueness(text) is None


def test_vagueness_reasons():
    assert outcome_vagueness("") == "empty"
    assert outcome_vagueness("   ") == "empty"
    assert outcome_vagueness("Get better at k8s") == "vague_phrase"
    assert outcome_vagueness("Ship the thing") == "few_words"
    assert outcome_vagueness("Kubernetes networking and the service mesh") == "no_action"
    assert outcome_vagueness("Run and test and fix and ship it all") == "no_object"


def test_other_scripts_are_judged_by_length_only():
    assert outcome_vagueness("تشغيل تمرين التعافي من الكوارث لقاعدة بيانات المدفوعات") is None
    assert outcome_vagueness("为支付数据库主持第三季度故障切换演练") is None
    assert outcome_vagueness("تحسين") == "few_words"


def test_emoji_do_not_break_the_word_count():
    assert outcome_vagueness("🚀 Ship the new alerting rules for checkout 🎉") is None


# -- target range --------------------------------------------------------------------------------
START = D(2026, 9, 1)


@pytest.mark.parametrize(("days", "code"), [
    (-1, "target_before_start"),
    (0, "target_too_soon"),
    (29, "target_too_soon"),
    (30, None),
    (31, None),
    (90, None),
    (91, None),
    (92, "target_too_far"),
])
def test_target_between_one_and_three_months(days, code):
    hint = target_hint(START, START + dt.timedelta(days=days))
    assert (hint.code if hint else None) == code
    if hint:
        assert hint.days == days


def test_missing_target_is_named():
    assert target_hint(START, None).code == "no_target"
    assert target_hint(None, D(2026, 12, 1)) is None


# -- focus ---------------------------------------------------------------------------------------
def test_third_active_goal_loses_focus():
    assert not too_many_active(2, T)
    assert too_many_active(3, T)
    assert not too_many_active(3, Thresholds(max_active_goals=3))


def test_goal_hints_combine_and_skip_finished_goals():
    codes = [h.code for h in goal_hints("Get better at k8s", START, START + dt.timedelta(days=10),
                                        "active", 2, T)]
    assert codes == ["outcome_vague_phrase", "target_too_soon", "too_many_active"]
    assert goal_hints("Get better at k8s", START, None, "achieved", 5, T) == []
    fine = "Run the Q3 failover game day for the payments database as incident commander"
    assert goal_hints(fine, START, START + dt.timedelta(days=60), "active", 1, T) == []
    second = goal_hints(fine, START, START + dt.timedelta(days=60), "active", 2, T)
    assert [(h.code, h.count) for h in second] == [("too_many_active", 3)]


# -- trend ---------------------------------------------------------------------------------------
@pytest.mark.parametrize(("healths", "trend"), [
    ([], "unknown"),
    (["on_track"], "unknown"),
    (["off_track", "at_risk"], "improving"),
    (["on_track", "on_track", "on_track", "at_risk"], "slipping"),
    (["on_track", "on_track"], "steady"),
    (["off_track", "off_track", "off_track", "off_track", "on_track"], "improving"),
    (["off_track", "on_track", "on_track", "on_track", "on_track"], "steady"),  # 3 before
    (["at_risk", "off_track", "on_track", "at_risk"], "steady"),
])
def test_progress_trend(healths, trend):
    assert progress_trend(healths) == trend


# -- hero-call -----------------------------------------------------------------------------------
def s(days_ago: int, incident: bool = False, structure: str = "goal_based",
      driver: str = "mentee") -> SessionFact:
    return SessionFact(TODAY - dt.timedelta(days=days_ago), structure, incident, driver)


def test_hero_call_needs_sessions():
    assert not hero_call([], TODAY, 6)
    assert not hero_call([s(3, True)], TODAY, 6)


def test_hero_call_when_every_recent_session_was_an_incident():
    assert hero_call([s(3, True), s(20, True)], TODAY, 6)
    assert not hero_call([s(3, True), s(20, True), s(30, False)], TODAY, 6)


def test_hero_call_window_edges():
    # 42 days ago is the first day of a six-week window; 43 days ago is outside it.
    assert not hero_call([s(1, True), s(42, False)], TODAY, 6)
    assert hero_call([s(1, True), s(2, True), s(43, False)], TODAY, 6)
    assert not hero_call([s(1, True), s(43, True)], TODAY, 6)  # only one inside the window
    assert not hero_call([s(-3, True), s(1, True)], TODAY, 6)  # future sessions do not count


# -- take-it-over --------------------------------------------------------------------------------
def pairing(driver: str, days_ago: int = 1) -> SessionFact:
    return s(days_ago, structure="pairing", driver=driver)


def test_take_it_over_needs_three_pairing_sessions():
    assert not take_it_over([])
    assert not take_it_over([pairing("mentor"), pairing("mentor")])
    assert take_it_over([pairing("mentor"), pairing("mentor"), pairing("mentee")])


def test_take_it_over_exactly_half_is_fine():
    half = [pairing("mentor", 1), pairing("mentor", 2), pairing("mentee", 3), pairing("mentee", 4)]
    assert not take_it_over(half)
    assert take_it_over([*half, pairing("mentor", 5)])


def test_take_it_over_counts_pairing_sessions_only():
    others = [s(i, structure="shadowing", driver="mentor") for i in range(1, 6)]
    assert not take_it_over([*others, pairing("mentee"), pairing("mentee")])


def test_take_it_over_looks_at_recent_pairing_only():
    old = [pairing("mentor", 100 + i) for i in range(10)]
    recent = [pairing("mentee", i) for i in range(1, 11)]
    assert take_it_over(old)
    assert not take_it_over(old + recent)


def test_mentorship_hints_lists_both():
    sessions = [s(1, True, "pairing", "mentor"), s(2, True, "pairing", "mentor"),
                s(3, True, "pairing", "mentee")]
    assert mentorship_hints(sessions, TODAY, T) == ["hero_call", "take_it_over"]
    assert mentorship_hints([], TODAY, T) == []
