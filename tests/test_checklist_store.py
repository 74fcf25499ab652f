"""Snoozing checklist gaps (an end and a reason, listed apart, expiring), the JSON form, and the
indexes the rules' queries read through."""

from __future__ import annotations

import datetime as dt

import pytest

from journal.domain.checklist import TEMPLATES, Finding, as_json, split_snoozed
from journal.ops.checklist import set_vague_labels, snooze, wake
from journal.store import checklist as people_sql
from journal.store import checklist_work as work_sql
from journal.store.checklist_run import compute
from journal.store.schema import SCHEMA_VERSION

TODAY = dt.date(2026, 3, 18)


@pytest.fixture
def lonely_team(journal):
    return journal.create("partner_team", name="Network operations")


def the_gap(journal, today=TODAY) -> Finding:
    (gap,) = [g for g in compute(journal, today).result("partner-teams").gaps
              if g.code == "team_no_contact_person"]
    return gap


def test_a_snoozed_gap_is_listed_apart_until_its_day(journal, lonely_team):
    gap = the_gap(journal)
    snooze(journal, gap, TODAY + dt.timedelta(days=7), "  Their lead   changes in April ")
    before = compute(journal, TODAY).result("partner-teams")
    assert gap not in before.gaps
    (held,) = before.snoozed
    assert (held.gap, held.until_on, held.reason) == (
        gap, TODAY + dt.timedelta(days=7), "Their lead changes in April")
    # The day before the end it is still snoozed; on the end day it is open again.
    last = compute(journal, TODAY + dt.timedelta(days=6)).result("partner-teams")
    assert [s.gap.code for s in last.snoozed] == ["team_no_contact_person"]
    back = compute(journal, TODAY + dt.timedelta(days=7)).result("partner-teams")
    assert back.snoozed == () and gap.snooze_key in {g.snooze_key for g in back.gaps}


def test_a_snooze_hides_only_its_own_gap(journal, lonely_team):
    snooze(journal, the_gap(journal), TODAY + dt.timedelta(days=3), "reorg")
    result = compute(journal, TODAY).result("partner-teams")
    assert [g.code for g in result.gaps] == ["team_never_contacted"]  # same team, other gap
    assert not result.holds


def test_a_rule_whose_gaps_are_all_snoozed_holds(journal, lonely_team):
    for gap in compute(journal, TODAY).result("partner-teams").gaps:
        snooze(journal, gap, TODAY + dt.timedelta(days=3), "reorg")
    result = compute(journal, TODAY)
    assert result.result("partner-teams").holds and result.all_hold
    assert len(result.result("partner-teams").snoozed) == 2


def test_snoozing_again_changes_the_end_and_reason(journal, lonely_team):
    gap = the_gap(journal)
    first = snooze(journal, gap, TODAY + dt.timedelta(days=3), "reorg")
    again = snooze(journal, gap, TODAY + dt.timedelta(days=30), "new lead starts in May")
    assert first == again and journal.count("snooze") == 1
    (held,) = compute(journal, TODAY).result("partner-teams").snoozed
    assert held.reason == "new lead starts in May"


def test_waking_a_snooze_opens_its_gap(journal, lonely_team):
    gap = the_gap(journal)
    sid = snooze(journal, gap, TODAY + dt.timedelta(days=3), "reorg")
    wake(journal, sid)
    assert gap in compute(journal, TODAY).result("partner-teams").gaps


def test_a_snooze_needs_a_reason(journal, lonely_team):
    with pytest.raises(ValueError):
        snooze(journal, the_gap(journal), TODAY + dt.timedelta(days=3), "   ")
    assert journal.count("snooze") == 0


def test_snoozes_follow_the_record_not_its_row_id(journal, lonely_team):
    gap = the_gap(journal)
    snooze(journal, gap, TODAY + dt.timedelta(days=3), "reorg")
    (row,) = journal.list("snooze")
    assert (row.rule, row.record_kind, row.record_uid) == ("team_no_contact_person",
                                                           "partner_team", lonely_team.uid)


def test_split_snoozed_ignores_ended_snoozes():
    from journal.domain.checklist import SnoozeMark

    gap = Finding("feedback", "feedback_stale", "feedback_draft", 1, "u1", "Jo")
    ended = SnoozeMark(1, gap.snooze_key, TODAY, "old")
    assert split_snoozed([gap], [ended], TODAY) == ([gap], [])


def test_schema_5_snoozes_keep_a_reason(journal):
    assert journal.schema_version == SCHEMA_VERSION >= 5
    columns = {row[1] for row in journal.rows("PRAGMA table_info(snoozes)")}
    assert "reason" in columns


def test_vague_labels_are_stored_in_the_journal(journal):
    set_vague_labels(journal, ["ship it"])
    assert journal.setting("checklist.vague_labels") == ["ship it"]
    set_vague_labels(journal, None)
    assert journal.setting("checklist.vague_labels") is None


def test_json_form(journal, lonely_team):
    snooze(journal, the_gap(journal), TODAY + dt.timedelta(days=3), "reorg")
    data = as_json(compute(journal, TODAY))
    assert list(data) == ["as_of", "rules", "hints"]
    assert [r["id"] for r in data["rules"]] == ["mentoring", "design-reviews", "feedback",
                                                "roadmap", "conflicts", "partner-teams"]
    partners = data["rules"][-1]
    assert partners["holds"] is False
    assert partners["gaps"] == [{"kind": "partner_team", "id": lonely_team.id,
                                 "message": "Network operations: no contact logged yet",
                                 "field": "contacts", "code": "team_never_contacted"}]
    assert partners["snoozed"][0]["until"] == "2026-03-21"
    assert partners["snoozed"][0]["reason"] == "reorg"


def test_every_template_fills_in():
    for code in TEMPLATES:
        text = Finding("r", code, "goal", 1, "u", "Jo", n=3, limit=2, title="T",
                       parts=("behavior",)).message()
        assert "{" not in text and text


# -- the queries read through indexes --------------------------------------------------------
def plan(journal, sql: str, params: dict) -> str:
    return " | ".join(row[3] for row in journal.rows(f"EXPLAIN QUERY PLAN {sql}", params))


PARAMS = {"today": "2026-03-18", "since": "2026-02-04", "cutoff": "2026-03-11"}


@pytest.mark.parametrize(("sql", "index"), [
    (work_sql._REVIEWS_UNANSWERED, "reviews_unanswered"),
    (work_sql._REVIEWS_WITHOUT_RECORD, "reviews_by_record"),
    (work_sql._PROPOSALS, "proposals_unframed"),
    (work_sql._TEAMS, "partner_contacts_by_team_incident"),
    (work_sql._CONFLICTS, "conflict_owners"),
    (people_sql._UNDELIVERED, "feedback_by_status"),
    (people_sql._ACTIVE_GOALS, "check_ins_by_goal"),
    (people_sql._SESSIONS, "sessions_by_mentorship"),
])
def test_rule_queries_use_their_indexes(journal, sql, index):
    assert index in plan(journal, sql, PARAMS)



def test_rules_touched_by_each_kind():
    from journal.domain.checklist import RULE_KINDS, rules_touched

    assert rules_touched({"goal"}) == {"mentoring"}
    assert rules_touched({"check_in", "roadmap_proposal"}) == {"mentoring", "roadmap"}
    assert rules_touched({"person"}) == {"mentoring", "feedback", "conflicts", "partner-teams",
                                         "hints"}
    assert rules_touched({"snooze"}) == set()  # snoozes only set gaps apart
    assert rules_touched({"reflection", "retro_item"}) == set()
    assert rules_touched({"setting"}) == set(RULE_KINDS)
    assert rules_touched({"one_on_one"}) == set(RULE_KINDS)  # a kind newer than the table


def test_recompute_keeps_what_other_rules_found(journal, lonely_team):
    from journal.store.checklist_run import recompute

    first, found = recompute(journal, TODAY, None, None)
    journal.update("partner_team", lonely_team.id, name="Netops")
    journal.create("roadmap_proposal", title="Bare")
    again, _ = recompute(journal, TODAY, found, {"partner-teams"})
    assert {g.name for g in again.result("partner-teams").gaps} == {"Netops"}
    assert again.result("roadmap").gaps == ()  # not asked to look again
    fresh, _ = recompute(journal, TODAY, found, None)
    assert fresh.result("roadmap").gaps != ()
