"""The sample journal: complete, current, deterministic, and holding the gaps it is meant to show.

The gaps are found here with plain queries over the records; the checklist has its own tests.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import re
import unicodedata

import pytest

from journal.cli.main import main
from journal.domain.records import BY_KIND
from journal.sample import populate
from journal.store.journal import open_journal

TODAY = dt.date(2026, 3, 14)


@pytest.fixture(scope="module")
def journal(tmp_path_factory):
    j = open_journal(tmp_path_factory.mktemp("sample") / "j.sqlite3")
    populate(j, today=TODAY)
    yield j
    j.close()


def days_ago(d: dt.date | None) -> int:
    assert d is not None
    return (TODAY - d).days


def own_values(journal) -> dict[str, list[tuple]]:
    """Every record's own fields, without uids and timestamps (uids are random); a snooze's
    record_uid becomes the id of the record it names."""

    def value(record, name):
        if name == "record_uid":
            return journal.get_by_uid(record.record_kind, record.record_uid).id
        return getattr(record, name)

    return {kind: [tuple(value(r, f) for f in cls.own_fields()) for r in journal.list(kind)]
            for kind, cls in BY_KIND.items()}


def test_every_kind_has_records(journal):
    counts = journal.counts()
    assert set(counts) == set(BY_KIND)
    assert all(n > 0 for n in counts.values()), counts


def test_people_many_cultures_one_right_to_left(journal):
    people = journal.list("person")
    assert 18 <= len(people) <= 24
    assert all(p.team for p in people)
    rtl = [p.name for p in people
           if any(unicodedata.bidirectional(ch) in ("R", "AL") for ch in p.name)]
    assert rtl == ["محمد الحربي"]
    assert any(not p.name.isascii() for p in people if p.name not in rtl)


def test_owner_name_setting(journal):
    assert journal.setting("owner_name") == "Alex Rivera"


def test_dates_are_relative_to_today(journal):
    dates = [r.on_date for r in journal.list("check_in")]
    dates += [r.reviewed_on for r in journal.list("design_review")]
    assert max(dates) <= TODAY
    assert days_ago(max(dates)) <= 7
    assert all(r.created_at[:10] <= TODAY.isoformat() for r in journal.list("feedback_draft"))


def test_no_filler_text(journal):
    for kind, rows in own_values(journal).items():
        for row in rows:
            for value in row:
                if isinstance(value, str):
                    assert not re.search(r"lorem|ipsum|\bTODO\b|placeholder", value, re.I), kind


def test_deterministic_for_a_fixed_today(journal, tmp_path):
    with open_journal(tmp_path / "again.sqlite3") as other:
        populate(other, today=TODAY)
        assert own_values(other) == own_values(journal)
        created = [r.created_at for r in other.list("check_in")]
    assert created == [r.created_at for r in journal.list("check_in")]


def test_every_mentorship_structure_and_mentor_arrangement(journal):
    mentorships = journal.list("mentorship")
    assert {m.structure for m in mentorships} >= {"goal_based", "shadowing", "reverse_shadowing",
                                                  "pairing", "office_hours"}
    assert any(m.mentor_is_me for m in mentorships)
    assert any(m.mentor_id is not None for m in mentorships)
    assert any(m.ended_on is not None for m in mentorships)


def test_records_in_every_state(journal):
    assert {g.status for g in journal.list("goal")} == {"active", "achieved", "dropped"}
    assert {c.health for c in journal.list("check_in")} == {"on_track", "at_risk", "off_track"}
    assert {f.status for f in journal.list("feedback_draft")} == {"draft", "delivered", "dropped"}
    assert {i.bucket for i in journal.list("retro_item")} == {"continue", "start", "stop"}
    assert len({r.step for r in journal.list("reflection")}) >= 3
    assert {r.status for r in journal.list("decision_record")} == {
        "proposed", "accepted", "deprecated", "superseded"}
    superseded = journal.list("decision_record", status="superseded")
    assert superseded[0].superseded_by_id is not None
    sessions = journal.list("mentoring_session")
    assert any(s.during_incident for s in sessions)
    assert any(s.what_changed and s.smallest_reproducer and s.evidence and s.hypothesis and s.test
               for s in sessions)
    assert all(t.dashboards.startswith("https://") and ".example.internal/" in t.dashboards
               for t in journal.list("partner_team") if t.dashboards)


# -- the deliberate gaps, one test per checklist rule ------------------------------------------
def active_mentorships(journal):
    return [m for m in journal.list("mentorship") if m.ended_on is None]


def test_gaps_rule_1_mentees_mentors_goals(journal):
    active = active_mentorships(journal)
    assert any(m.mentor_id is None and not m.mentor_is_me for m in active)
    goals_by = {m.id: journal.list("goal", mentorship_id=m.id, status="active") for m in active}
    assert any(not goals for goals in goals_by.values())
    assert any(len(goals) >= 3 for goals in goals_by.values())
    active_goals = [g for goals in goals_by.values() for g in goals]
    assert any(g.target_on is None for g in active_goals)
    last_check_in = {g.id: max(c.on_date for c in journal.list("check_in", goal_id=g.id))
                     for g in active_goals}
    assert any(days_ago(d) > 28 for d in last_check_in.values())
    assert sum(days_ago(d) <= 7 for d in last_check_in.values()) >= 3


def test_gaps_rule_2_design_reviews(journal):
    rubric = ("problem", "alternatives", "failure_modes", "reversibility", "operational_cost",
              "compliance_security")
    reviews = journal.list("design_review")
    assert any(not getattr(r, q).strip() for r in reviews for q in rubric)
    assert any(days_ago(r.reviewed_on) > 7 and r.decision_record_id is None for r in reviews)
    assert any(all(getattr(r, q) for q in rubric) and r.decision_record_id for r in reviews)


def test_gaps_rule_3_feedback(journal):
    drafts = journal.list("feedback_draft", status="draft")
    assert any(d.situation and d.behavior and not d.impact for d in drafts)
    assert any(d.behavior == "Looks good, great job!" for d in drafts)
    stale = [d for d in drafts
             if days_ago(dt.date.fromisoformat(d.created_at[:10])) >= 40]
    assert stale and all(d.situation and d.behavior and d.impact for d in stale)


def test_gaps_rule_4_roadmap(journal):
    proposals = journal.list("roadmap_proposal")
    assert any(p.frame == "" for p in proposals)
    assert any(p.frame and not re.search(r"\d", p.numbers) for p in proposals)
    assert any(p.frame and not p.one_sentence for p in proposals)
    assert any(p.frame and re.search(r"\d", p.numbers) and p.one_sentence for p in proposals)


def test_gaps_rule_5_conflicts(journal):
    conflicts = journal.list("conflict")
    assert any(c.decision_maker_id is None for c in conflicts)
    owners = {c.id: journal.list("conflict_owner", conflict_id=c.id) for c in conflicts}
    decided = [c for c in conflicts if c.status == "decided"]
    assert any(not c.tradeoff and not owners[c.id] for c in decided)
    assert any(c.tradeoff and owners[c.id] for c in decided)


def test_gaps_rule_6_partner_teams(journal):
    teams = journal.list("partner_team")
    assert any(t.contact_id is None for t in teams)
    contacts = {t.id: journal.list("partner_contact", team_id=t.id) for t in teams}
    assert any(cs and all(c.during_incident for c in cs) for cs in contacts.values())
    assert any(cs and min(days_ago(c.on_date) for c in cs) > 120 for cs in contacts.values())
    assert any(any(not c.during_incident and days_ago(c.on_date) <= 30 for c in cs)
               for cs in contacts.values())


def test_anti_patterns_hero_call_and_take_it_over(journal):
    by_mentorship: dict[int, list] = {}
    for s in journal.list("mentoring_session"):
        by_mentorship.setdefault(s.mentorship_id, []).append(s)
    recent = {m: [s for s in ss if days_ago(s.on_date) <= 42] for m, ss in by_mentorship.items()}
    assert any(len(ss) >= 2 and all(s.during_incident for s in ss) for ss in recent.values())
    pairing = {m: [s for s in ss if s.structure == "pairing"] for m, ss in by_mentorship.items()}
    assert any(len(ss) >= 3 and sum(s.driver == "mentor" for s in ss) > len(ss) / 2
               for ss in pairing.values())


def test_all_records_are_valid_dataclasses(journal):
    for kind, cls in BY_KIND.items():
        for record in journal.list(kind):
            assert dataclasses.is_dataclass(record) and isinstance(record, cls)


# -- the CLI -----------------------------------------------------------------------------------
def sha256(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_demo_command_fills_a_new_file_once(tmp_path, capsys):
    path = tmp_path / "demo.sqlite3"
    assert main(["--db", str(path), "demo"]) == 0
    with open_journal(path, read_only=True) as j:
        assert j.count("person") >= 18
        assert j.setting("owner_name") == "Alex Rivera"
    before = sha256(path)
    assert main(["--db", str(path), "demo"]) == 1
    assert "already holds records" in capsys.readouterr().err
    assert sha256(path) == before
