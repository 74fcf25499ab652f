"""Mentoring queries against hand-built journals. No Qt."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from journal.domain.mentoring import is_overdue, next_check_in_due
from journal.store.journal import open_journal
from journal.store.mentoring import (
    active_goal_count,
    check_ins_for_goal,
    goal_id_of_check_in,
    goal_rows,
    mentee_rows,
    mentorship_id_of,
    mentorship_of_person,
    sessions_for,
)

D = dt.date
TODAY = D(2026, 11, 25)


def build(journal):
    ana = journal.create("person", name="Ana Lima", team="Storage")
    bo = journal.create("person", name="bo Chen")
    cy = journal.create("person", name="Cy")
    kim = journal.create("person", name="Kim (mentor)")
    m_ana = journal.create("mentorship", mentee_id=ana.id, mentor_is_me=True,
                           started_on=D(2026, 9, 1), cadence_days=7)
    m_bo = journal.create("mentorship", mentee_id=bo.id, mentor_id=kim.id, structure="pairing",
                          started_on=D(2026, 10, 1), cadence_days=14)
    m_cy = journal.create("mentorship", mentee_id=cy.id, started_on=D(2026, 1, 1),
                          ended_on=D(2026, 6, 1))
    g1 = journal.create("goal", mentorship_id=m_ana.id, outcome="One", started_on=D(2026, 9, 1))
    g2 = journal.create("goal", mentorship_id=m_ana.id, outcome="Two", started_on=D(2026, 11, 20))
    g3 = journal.create("goal", mentorship_id=m_ana.id, outcome="Old", started_on=D(2026, 9, 1),
                        status="achieved")
    for day, health in ((D(2026, 11, 1), "off_track"), (D(2026, 11, 10), "at_risk"),
                        (D(2026, 11, 15), "on_track")):
        journal.create("check_in", goal_id=g1.id, on_date=day, health=health)
    journal.create("check_in", goal_id=g3.id, on_date=D(2026, 11, 18))
    gb = journal.create("goal", mentorship_id=m_bo.id, outcome="B", started_on=D(2026, 10, 1))
    journal.create("mentoring_session", mentorship_id=m_bo.id, on_date=D(2026, 11, 21))
    journal.create("mentoring_session", mentorship_id=m_bo.id, on_date=D(2026, 10, 2))
    return dict(ana=ana, bo=bo, cy=cy, kim=kim, m_ana=m_ana, m_bo=m_bo, m_cy=m_cy, g1=g1, g2=g2,
                g3=g3, gb=gb)


def test_mentee_rows_aggregate_per_mentorship(journal):
    r = build(journal)
    rows = {row.id: row for row in mentee_rows(journal, TODAY, grace_days=3)}
    assert [row.mentee_name for row in mentee_rows(journal, TODAY, 3)] == ["Ana Lima", "bo Chen",
                                                                          "Cy"]
    ana = rows[r["m_ana"].id]
    assert ana.mentor_is_me and ana.mentor_name == "" and ana.mentee_team == "Storage"
    assert ana.active_goals == 2
    assert ana.last_check_in == D(2026, 11, 18)  # the achieved goal's check-in counts as contact
    # g1: 11-15 + 7 = 11-22 (overdue after 11-25); g2: started 11-20 + 7 = 11-27
    assert ana.next_due == D(2026, 11, 22)
    assert ana.overdue_goals == 0
    assert ana.last_contact == D(2026, 11, 18)
    bo = rows[r["m_bo"].id]
    assert bo.mentor_name == "Kim (mentor)" and bo.structure == "pairing"
    assert bo.next_due == D(2026, 10, 15) and bo.overdue_goals == 1
    assert bo.last_check_in is None and bo.last_session == D(2026, 11, 21)
    assert bo.last_contact == D(2026, 11, 21)
    cy = rows[r["m_cy"].id]
    assert cy.ended and cy.active_goals == 0 and cy.next_due is None and cy.last_contact is None


def test_overdue_counts_at_the_grace_boundary(journal):
    r = build(journal)
    one = r["m_ana"].id
    # g1 is due 11-22: with grace 3 it is fine on 11-25 and overdue on 11-26.
    assert mentee_rows(journal, D(2026, 11, 25), 3, one)[0].overdue_goals == 0
    assert mentee_rows(journal, D(2026, 11, 26), 3, one)[0].overdue_goals == 1
    assert mentee_rows(journal, D(2026, 12, 1), 3, one)[0].overdue_goals == 2


def test_goal_rows_carry_check_in_summary(journal):
    r = build(journal)
    rows = goal_rows(journal, r["m_ana"].id)
    assert [row.goal.outcome for row in rows] == ["Two", "One", "Old"]  # active first, newest
    one = rows[1]
    assert one.last_check_in == D(2026, 11, 15) and one.check_ins == 3
    assert one.recent_healths == ("off_track", "at_risk", "on_track")
    assert rows[0].check_ins == 0 and rows[0].recent_healths == ()
    assert goal_rows(journal, r["m_cy"].id) == []


def test_recent_healths_keep_only_the_latest(journal):
    r = build(journal)
    g = r["g2"]
    for i in range(12):
        journal.create("check_in", goal_id=g.id, on_date=D(2026, 11, 1) + dt.timedelta(days=i),
                       health="off_track" if i < 4 else "on_track")
    row = next(x for x in goal_rows(journal, r["m_ana"].id) if x.id == g.id)
    assert row.recent_healths == ("on_track",) * 8


def test_small_lookups(journal):
    r = build(journal)
    assert active_goal_count(journal, r["m_ana"].id) == 2
    assert active_goal_count(journal, r["m_ana"].id, excluding=r["g1"].id) == 1
    assert [c.on_date for c in check_ins_for_goal(journal, r["g1"].id)][0] == D(2026, 11, 15)
    assert [x.on_date for x in sessions_for(journal, r["m_bo"].id)] == [D(2026, 11, 21),
                                                                        D(2026, 10, 2)]
    assert mentorship_of_person(journal, r["ana"].id).id == r["m_ana"].id
    assert mentorship_of_person(journal, r["kim"].id) is None
    check_in = check_ins_for_goal(journal, r["g1"].id)[0]
    assert mentorship_id_of(journal, "check_in", check_in.id) == r["m_ana"].id
    assert mentorship_id_of(journal, "goal", r["gb"].id) == r["m_bo"].id
    assert mentorship_id_of(journal, "goal", 9999) is None
    assert goal_id_of_check_in(journal, check_in.id) == r["g1"].id


def test_current_mentorship_wins_over_an_ended_one(journal):
    p = journal.create("person", name="Dee")
    journal.create("mentorship", mentee_id=p.id, started_on=D(2025, 1, 1), ended_on=D(2025, 6, 1))
    now = journal.create("mentorship", mentee_id=p.id, started_on=D(2026, 1, 1))
    assert mentorship_of_person(journal, p.id).id == now.id


# -- the SQL aggregate against a plain Python model ---------------------------------------------
dates = st.dates(min_value=D(2025, 1, 1), max_value=D(2027, 1, 1))
goal_spec = st.tuples(dates, st.sampled_from(["active", "achieved", "dropped"]),
                      st.lists(dates, max_size=6))


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(goals=st.lists(goal_spec, max_size=5), cadence=st.integers(1, 30),
       grace=st.integers(0, 10), today=dates)
def test_sql_matches_python_model(tmp_path_factory, goals, cadence, grace, today):
    path = tmp_path_factory.mktemp("h") / "j.sqlite3"
    with open_journal(path) as journal:
        p = journal.create("person", name="Eve")
        m = journal.create("mentorship", mentee_id=p.id, started_on=D(2025, 1, 1),
                           cadence_days=cadence)
        with journal.batch():
            for started, status, check_dates in goals:
                g = journal.create("goal", mentorship_id=m.id, started_on=started, status=status)
                for day in check_dates:
                    journal.create("check_in", goal_id=g.id, on_date=day)
        row = mentee_rows(journal, today, grace)[0]

    dues = [next_check_in_due(max(c) if c else None, started, cadence)
            for started, status, c in goals if status == "active"]
    all_checks = [day for _, _, c in goals for day in c]
    assert row.active_goals == len(dues)
    assert row.next_due == (min(dues) if dues else None)
    assert row.overdue_goals == sum(is_overdue(d, today, grace) for d in dues)
    assert row.last_check_in == (max(all_checks) if all_checks else None)



def test_latest_session_and_one_mentorships_row(journal):
    r = build(journal)
    journal.create("mentoring_session", mentorship_id=r["m_bo"].id, on_date=D(2026, 11, 3))
    rows = {row.id: row for row in mentee_rows(journal, TODAY, 3)}
    assert rows[r["m_bo"].id].last_session == D(2026, 11, 21)
    assert rows[r["m_ana"].id].last_session is None  # none at all
    assert rows[r["m_ana"].id].last_check_in == D(2026, 11, 18)  # an achieved goal's counts
    for row in rows.values():  # one mentorship's row reads only its goals, to the same result
        assert mentee_rows(journal, TODAY, 3, row.id) == [row]


def test_mentee_rows_are_the_same_without_materialized(journal, monkeypatch):
    """SQLite before 3.35 does not know MATERIALIZED; the query without it finds the same rows."""
    from journal.store import mentoring

    build(journal)
    with_word = mentee_rows(journal, TODAY, grace_days=3)
    monkeypatch.setattr(mentoring, "_MATERIALIZED", "")
    assert mentee_rows(journal, TODAY, grace_days=3) == with_word
    assert with_word
