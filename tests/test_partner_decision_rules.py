"""The pure rules behind the Partner teams and Decisions pages, at their boundary days."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from journal.domain.decisions import (
    RUBRIC,
    answered,
    framing_has_number,
    has_number,
    rubric_complete,
    sentence_too_long,
    unanswered,
)
from journal.domain.partners import (
    is_openable,
    links_in,
    neglect_key,
    standing,
    standing_of,
    strip_marks,
    threshold_position,
)
from journal.domain.records import DesignReview

TODAY = dt.date(2026, 6, 30)


def ago(days: int) -> dt.date:
    return TODAY - dt.timedelta(days=days)


# -- staleness ---------------------------------------------------------------------------------
@pytest.mark.parametrize(("days", "stale"), [(0, False), (89, False), (90, False), (91, True),
                                             (400, True)])
def test_a_calm_contact_is_fresh_up_to_the_threshold_day(days, stale):
    s = standing_of([(ago(days), False)], TODAY)
    assert s.stale is stale and s.days_since == days and not s.incident_only


@pytest.mark.parametrize(("threshold", "days", "stale"), [(30, 30, False), (30, 31, True),
                                                         (1, 1, False), (1, 2, True)])
def test_the_threshold_is_a_setting(threshold, days, stale):
    assert standing_of([(ago(days), False)], TODAY, threshold).stale is stale


def test_contacts_during_incidents_do_not_count_as_calm_ones():
    s = standing_of([(ago(200), False), (ago(2), True), (ago(1), True)], TODAY)
    assert s.stale and s.last_outside == ago(200) and s.last_any == ago(1)
    assert not s.incident_only


def test_a_team_met_only_during_incidents_is_marked_even_yesterday():
    s = standing_of([(ago(1), True), (ago(40), True)], TODAY)
    assert s.incident_only and s.stale and s.last_outside is None and not s.never


def test_a_team_never_contacted_is_marked():
    s = standing_of([], TODAY)
    assert s.never and s.stale and not s.incident_only


def test_a_future_dated_contact_counts_as_today():
    assert standing(ago(-3), ago(-3), TODAY).days_since == 0


def test_most_neglected_sorts_never_then_incident_only_then_oldest():
    teams = {
        "recent": standing_of([(ago(5), False)], TODAY),
        "old": standing_of([(ago(300), False)], TODAY),
        "incidents": standing_of([(ago(1), True)], TODAY),
        "never": standing_of([], TODAY),
        "middle": standing_of([(ago(100), False), (ago(2), True)], TODAY),
    }
    order = sorted(teams, key=lambda name: neglect_key(teams[name]))
    assert order == ["never", "incidents", "old", "middle", "recent"]


# -- the strip ---------------------------------------------------------------------------------
def test_the_strip_keeps_the_last_twelve_months_in_order():
    marks = strip_marks([(ago(10), True), (ago(365), False), (ago(366), False), (ago(-1), False),
                         (ago(0), False)], TODAY)
    assert [m.day for m in marks] == [ago(365), ago(10), ago(0)]
    assert marks[0].position == 0.0 and marks[-1].position == 1.0
    assert marks[1].during_incident


def test_the_threshold_mark_sits_where_a_calm_contact_stops_counting():
    assert threshold_position(TODAY, 90) == pytest.approx(1 - 90 / 365)
    assert threshold_position(TODAY, 500) == 0.0


# -- links -------------------------------------------------------------------------------------
@pytest.mark.parametrize(("link", "ok"), [
    ("https://grafana.example.internal/d/x", True),
    ("http://runbooks.example.internal/a", True),
    ("HTTPS://Example.org", True),
    ("file:///home/alex/runbook.md", True),
    ("javascript:alert(1)", False),
    ("JavaScript://%0aalert(1)", False),
    ("data:text/html,<b>x</b>", False),
    ("ftp://example.org", False),
    ("slack://channel?id=1", False),
    ("https:", False),
    ("https://", False),
    ("https://exa mple.org", False),
    ("file:relative", False),
    ("grafana dashboard", False),
    ("", False),
])
def test_only_http_https_and_file_links_open(link, ok):
    assert is_openable(link) is ok


def test_links_are_one_a_line():
    assert links_in("  https://a\n\n file:///b \n") == ["https://a", "file:///b"]


# -- the rubric --------------------------------------------------------------------------------
def test_rubric_completeness_counts_real_answers():
    review = DesignReview(title="x")
    assert answered(review) == 0 and unanswered(review) == list(RUBRIC)
    for i, name in enumerate(RUBRIC, start=1):
        setattr(review, name, "   " if name == "reversibility" and i < 4 else "An answer.")
        assert answered(review) == i
    assert rubric_complete(review) and unanswered(review) == []
    review.compliance_security = " \n\t "
    assert answered(review) == 5 and unanswered(review) == ["compliance_security"]


# -- numbers in the framing --------------------------------------------------------------------
@pytest.mark.parametrize(("text", "number"), [
    ("Checkout used 38% of its error budget.", True),
    ("212 access tickets last quarter", True),
    ("p99 went up", True),
    ("٣٨ ساعة", True),  # Arabic-Indic digits are digits
    ("about twice a week", True),
    ("Forty-two pages last month", True),
    ("half the on-call time goes to toil", True),
    ("Snapshot storage keeps growing and is now a large part of the storage bill.", False),
    ("No one can repeat the one sentence.", False),
    ("", False),
])
def test_the_number_in_framing_check(text, number):
    assert has_number(text) is number


def test_a_number_in_the_one_sentence_counts_for_the_framing():
    assert framing_has_number("it keeps growing", "We save 3 hours a week.")
    assert not framing_has_number("it keeps growing", "We save time.")


def test_the_one_sentence_hint_starts_past_thirty_words():
    assert not sentence_too_long(" ".join(["word"] * 30))
    assert sentence_too_long(" ".join(["word"] * 31))


@given(st.text())
def test_has_number_never_fails_and_digits_always_count(text):
    assert has_number(text + "7")
    has_number(text)
