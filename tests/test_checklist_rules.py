"""The six checklist rules at their boundaries: records that just pass and just fail each
threshold, on a real journal (the rules' SQL and the domain's judging together)."""

from __future__ import annotations

import datetime as dt
import time

import pytest

from journal.domain.checklist import ChecklistSettings, Finding, cutoff, only_vague_label
from journal.domain.thresholds import Thresholds
from journal.store.checklist_run import compute

TODAY = dt.date(2026, 3, 18)


def day(n: int) -> dt.date:
    """`n` days before TODAY (negative: after)."""
    return TODAY - dt.timedelta(days=n)


def gaps(journal, rule: str, today: dt.date = TODAY) -> list[Finding]:
    return list(compute(journal, today).result(rule).gaps)


def codes(journal, rule: str, today: dt.date = TODAY) -> list[tuple[str, str, int]]:
    return [(g.code, g.kind, g.id) for g in gaps(journal, rule, today)]


@pytest.fixture
def mentee(journal):
    """A mentee mentored by me since 60 days ago, weekly, with nothing else."""
    person = journal.create("person", name="Priya Natarajan")
    return journal.create("mentorship", mentee_id=person.id, mentor_is_me=True,
                          started_on=day(60), cadence_days=7)


def goal(journal, mentorship, **values):
    fields = dict(mentorship_id=mentorship.id, outcome="Run the Q3 failover game day as "
                  "incident commander", started_on=day(5), target_on=day(-55), status="active")
    fields.update(values)
    return journal.create("goal", **fields)


# -- 1. mentoring --------------------------------------------------------------------------
def test_a_mentee_with_no_mentor_and_no_goal(journal, mentee):
    journal.update("mentorship", mentee.id, mentor_is_me=False)
    found = gaps(journal, "mentoring")
    assert [(g.code, g.field) for g in found] == [("no_mentor", "mentor_id"),
                                                  ("no_active_goal", "goals")]
    assert found[0].message() == "Priya Natarajan has no named mentor"
    assert found[1].message() == "Priya Natarajan has no active goal"


def test_a_named_mentor_and_one_good_goal_hold(journal, mentee):
    mentor = journal.create("person", name="Ana")
    journal.update("mentorship", mentee.id, mentor_is_me=False, mentor_id=mentor.id)
    goal(journal, mentee)
    assert gaps(journal, "mentoring") == []
    assert compute(journal, TODAY).result("mentoring").holds


def test_achieved_goals_do_not_count_as_active(journal, mentee):
    goal(journal, mentee, status="achieved")
    assert codes(journal, "mentoring") == [("no_active_goal", "mentorship", mentee.id)]


def test_goal_without_outcome_or_target(journal, mentee):
    g = goal(journal, mentee, outcome="  \n ", target_on=None)
    found = gaps(journal, "mentoring")
    assert [(x.code, x.kind, x.id, x.field) for x in found] == [
        ("goal_no_outcome", "goal", g.id, "outcome"), ("goal_no_target", "goal", g.id,
                                                       "target_on")]


def test_more_than_the_threshold_of_active_goals(journal, mentee):
    for _ in range(2):
        goal(journal, mentee)
    assert gaps(journal, "mentoring") == []  # two is the limit, and fine
    goal(journal, mentee)
    assert codes(journal, "mentoring") == [("too_many_goals", "mentorship", mentee.id)]
    journal.set_setting("threshold.max_active_goals", 3)
    assert gaps(journal, "mentoring") == []


@pytest.mark.parametrize(("last_check_in", "late"), [(10, False), (11, True)])
def test_check_in_overdue_after_cadence_plus_grace(journal, mentee, last_check_in, late):
    """Weekly cadence, three days' grace: a check-in ten days ago is still fine, eleven is not."""
    g = goal(journal, mentee, started_on=day(40))
    journal.create("check_in", goal_id=g.id, on_date=day(30))
    journal.create("check_in", goal_id=g.id, on_date=day(last_check_in))
    found = gaps(journal, "mentoring")
    assert [x.code for x in found] == (["check_in_overdue"] if late else [])
    if late:
        assert found[0].field == "check_ins" and found[0].n == 11
        assert "no check-in on “Run the Q3 failover game day as incident…” for 11 days" in \
            found[0].message()


@pytest.mark.parametrize(("started", "late"), [(10, False), (11, True)])
def test_a_goal_never_checked_in_counts_from_its_start(journal, mentee, started, late):
    goal(journal, mentee, started_on=day(started))
    assert [x.code for x in gaps(journal, "mentoring")] == (["check_in_overdue"] if late else [])


def test_grace_period_is_a_setting(journal, mentee):
    goal(journal, mentee, started_on=day(11))
    assert [x.code for x in gaps(journal, "mentoring")] == ["check_in_overdue"]
    journal.set_setting("threshold.check_in_grace_days", 4)
    assert gaps(journal, "mentoring") == []


def test_check_ins_after_the_day_judged_do_not_count(journal, mentee):
    g = goal(journal, mentee, started_on=day(40))
    journal.create("check_in", goal_id=g.id, on_date=day(-1))  # tomorrow
    assert [x.code for x in gaps(journal, "mentoring")] == ["check_in_overdue"]


@pytest.mark.parametrize(("ended", "counted"), [(0, False), (-1, True), (None, True)])
def test_a_mentorship_counts_until_its_end_day(journal, mentee, ended, counted):
    journal.update("mentorship", mentee.id, ended_on=None if ended is None else day(ended))
    assert bool(gaps(journal, "mentoring")) is counted


def test_a_mentorship_that_starts_later_is_not_judged_yet(journal, mentee):
    journal.update("mentorship", mentee.id, started_on=day(-3))
    assert gaps(journal, "mentoring") == []


# -- 2. design reviews ---------------------------------------------------------------------
RUBRIC = dict(problem="Writes stall during failover", alternatives="Keep the proxy",
              failure_modes="Split brain", reversibility="Flag off", operational_cost="One "
              "more dashboard", compliance_security="No customer data moves")


def review(journal, days_ago: int, **values):
    fields = dict(title="Shard the metrics store", reviewed_on=day(days_ago), **RUBRIC)
    fields.update(values)
    return journal.create("design_review", **fields)


@pytest.mark.parametrize("question", sorted(RUBRIC))
def test_each_unanswered_rubric_question_is_a_gap(journal, question):
    record = journal.create("decision_record", title="ADR", decided_on=day(1))
    r = review(journal, 1, **{question: "   "}, decision_record_id=record.id)
    found = gaps(journal, "design-reviews")
    assert [(g.code, g.id, g.field) for g in found] == [("review_unanswered", r.id, question)]
    assert found[0].message().endswith("unanswered")


def test_every_missing_question_is_named(journal):
    review(journal, 0, alternatives="", reversibility="")
    (found,) = gaps(journal, "design-reviews")
    assert found.message() == ("Design review “Shard the metrics store” leaves the alternatives "
                               "and reversibility unanswered")


@pytest.mark.parametrize(("days_ago", "late"), [(7, False), (8, True)])
def test_a_review_needs_a_decision_record_within_a_week(journal, days_ago, late):
    r = review(journal, days_ago)
    found = codes(journal, "design-reviews")
    assert found == ([("review_no_record", "design_review", r.id)] if late else [])
    record = journal.create("decision_record", title="ADR")
    journal.update("design_review", r.id, decision_record_id=record.id)
    assert gaps(journal, "design-reviews") == []


def test_review_decision_days_is_a_setting(journal):
    review(journal, 8)
    journal.set_setting("threshold.review_decision_days", 8)
    assert gaps(journal, "design-reviews") == []


def test_a_review_after_the_day_judged_is_not_judged(journal):
    review(journal, -2, problem="")
    assert gaps(journal, "design-reviews") == []


# -- 3. feedback -----------------------------------------------------------------------------
def draft(journal, created: str, **values):
    person = journal.create("person", name="Amara Okafor")
    fields = dict(recipient_id=person.id, situation="In Tuesday's incident review",
                  behavior="You asked who had paged the storage team.",
                  impact="We found the missing escalation in five minutes.", created_at=created)
    fields.update(values)
    (rid,) = journal.create_many("feedback_draft", [fields])
    return rid


def noon(days_ago: int) -> str:
    return f"{day(days_ago).isoformat()}T12:00:00.000Z"


def test_a_draft_missing_parts(journal):
    rid = draft(journal, noon(1), situation="", impact=" ")
    (found,) = gaps(journal, "feedback")
    assert (found.code, found.id, found.field) == ("feedback_missing", rid, "situation")
    assert found.message() == "Feedback for Amara Okafor is missing the situation and the impact"


@pytest.mark.parametrize(("behavior", "vague"), [
    ("Looks good!", True),
    ("Great job, well done.", True),
    ("Really great work, thanks!", True),
    ("Looks good, and you wrote the rollback plan before anyone asked.", False),
    ("You paired with Jo on the flaky test until it was fixed.", False),
])
def test_a_draft_that_is_only_a_vague_label(journal, behavior, vague):
    rid = draft(journal, noon(1), behavior=behavior)
    found = gaps(journal, "feedback")
    assert [(g.code, g.id, g.field) for g in found] == (
        [("feedback_vague", rid, "behavior")] if vague else [])


def test_the_vague_label_list_is_a_setting(journal):
    draft(journal, noon(1), behavior="Solid effort")
    assert [g.code for g in gaps(journal, "feedback")] == ["feedback_vague"]
    journal.set_setting("checklist.vague_labels", ["ship it", "big|huge win"])
    assert gaps(journal, "feedback") == []
    draft(journal, noon(1), impact="Huge win!")
    assert [(g.code, g.field) for g in gaps(journal, "feedback")] == [("feedback_vague",
                                                                       "impact")]


def test_only_vague_label_judges_like_the_coach():
    assert only_vague_label("LGTM")
    assert not only_vague_label("")
    assert not only_vague_label("LGTM " * 40)  # too long to be only a label
    assert only_vague_label("ship it!", ("ship it",))
    assert not only_vague_label("Looks good", ("ship it",))


@pytest.mark.parametrize(("days_ago", "stale"), [(14, False), (15, True)])
def test_undelivered_feedback_goes_stale_after_the_threshold(journal, days_ago, stale):
    rid = draft(journal, noon(days_ago))
    found = codes(journal, "feedback")
    assert found == ([("feedback_stale", "feedback_draft", rid)] if stale else [])


def test_delivered_and_dropped_feedback_is_history(journal):
    draft(journal, noon(100), status="delivered", delivered_on=day(90), impact="")
    draft(journal, noon(100), status="dropped", behavior="Looks good")
    assert gaps(journal, "feedback") == []


@pytest.fixture
def zone(monkeypatch):
    """Set the local time zone for a test (time.tzset), and put it back afterwards."""

    def use(name: str) -> None:
        monkeypatch.setenv("TZ", name)
        time.tzset()

    yield use
    monkeypatch.undo()
    time.tzset()


@pytest.mark.parametrize(("tz", "stale"), [("UTC", True), ("Pacific/Auckland", False),
                                           ("America/Los_Angeles", True)])
def test_staleness_counts_local_days_near_midnight(journal, zone, tz, stale):
    """Written at 23:30 UTC fifteen days before: in Auckland (UTC+13) that was already the next
    morning, fourteen local days ago, so the draft is not stale there yet."""
    zone(tz)
    stamp = f"{day(15).isoformat()}T23:30:00.000Z"
    draft(journal, stamp)
    assert [g.code for g in gaps(journal, "feedback")] == (["feedback_stale"] if stale else [])


def test_stale_days_is_a_setting(journal):
    draft(journal, noon(15))
    journal.set_setting("threshold.feedback_stale_days", 15)
    assert gaps(journal, "feedback") == []


# -- 4. roadmap -----------------------------------------------------------------------------
def test_roadmap_proposals_need_a_frame_a_number_and_a_sentence(journal):
    good = journal.create("roadmap_proposal", title="Retire the old queue", frame="toil",
                          numbers="6 hours a week of manual replays",
                          one_sentence="We spend a day a week replaying stuck jobs by hand.")
    bare = journal.create("roadmap_proposal", title="New status page", numbers="many hours")
    found = gaps(journal, "roadmap")
    assert [(g.code, g.id, g.field) for g in found] == [
        ("proposal_no_frame", bare.id, "frame"), ("proposal_no_number", bare.id, "numbers"),
        ("proposal_no_sentence", bare.id, "one_sentence")]
    assert good.id not in {g.id for g in found}


def test_a_proposal_dated_after_the_day_judged_is_not_judged(journal):
    journal.create("roadmap_proposal", title="Later", proposed_on=day(-1))
    assert gaps(journal, "roadmap") == []


# -- 5. conflicts ---------------------------------------------------------------------------
def test_conflicts_name_a_decision_maker_and_once_decided_the_rest(journal):
    maker = journal.create("person", name="Dana")
    open_ok = journal.create("conflict", title="Alert ownership", decision_maker_id=maker.id)
    no_maker = journal.create("conflict", title="Freeze exceptions")
    decided = journal.create("conflict", title="Shared DB quotas", decision_maker_id=maker.id,
                             status="decided", decision="Quotas per team", tradeoff="")
    found = gaps(journal, "conflicts")
    assert [(g.code, g.id, g.field) for g in found] == [
        ("conflict_no_maker", no_maker.id, "decision_maker_id"),
        ("conflict_decided_without", decided.id, "tradeoff")]
    assert found[1].message() == ("Conflict “Shared DB quotas” was decided without the "
                                  "trade-off and named owners written down")
    journal.update("conflict", decided.id, tradeoff="Slower launches for team B")
    journal.create("conflict_owner", conflict_id=decided.id, person_id=maker.id)
    assert [g.id for g in gaps(journal, "conflicts")] == [no_maker.id]
    assert open_ok.id not in {g.id for g in gaps(journal, "conflicts")}


# -- 6. partner teams ---------------------------------------------------------------------------
def team(journal, name="Storage", contact=True):
    person = journal.create("person", name=f"{name} lead")
    return journal.create("partner_team", name=name,
                          contact_id=person.id if contact else None)


@pytest.mark.parametrize(("days_ago", "late"), [(90, False), (91, True)])
def test_a_calm_contact_within_ninety_days(journal, days_ago, late):
    t = team(journal)
    journal.create("partner_contact", team_id=t.id, on_date=day(days_ago))
    journal.create("partner_contact", team_id=t.id, on_date=day(2), during_incident=True)
    found = gaps(journal, "partner-teams")
    assert [(g.code, g.field) for g in found] == ([("team_no_calm_contact", "contacts")]
                                                  if late else [])
    if late:
        assert found[0].message() == ("Storage: last contact outside an incident was 91 days "
                                      "ago")


def test_contact_days_is_a_setting(journal):
    t = team(journal)
    journal.create("partner_contact", team_id=t.id, on_date=day(91))
    journal.set_setting("threshold.partner_contact_days", 120)
    assert gaps(journal, "partner-teams") == []


def test_teams_without_a_contact_person_or_only_incidents(journal):
    lonely = team(journal, "Network operations", contact=False)
    journal.create("partner_contact", team_id=lonely.id, on_date=day(3))
    fires = team(journal, "Identity")
    journal.create("partner_contact", team_id=fires.id, on_date=day(3), during_incident=True)
    silent = team(journal, "Release")
    later = team(journal, "Payments")
    journal.create("partner_contact", team_id=later.id, on_date=day(-5))  # after the day
    found = {(g.code, g.id) for g in gaps(journal, "partner-teams")}
    assert found == {("team_no_contact_person", lonely.id), ("team_only_incidents", fires.id),
                     ("team_never_contacted", silent.id), ("team_never_contacted", later.id)}


# -- all together ---------------------------------------------------------------------------
def test_an_empty_journal_holds_every_rule(journal):
    result = compute(journal, TODAY)
    assert [r.rule.id for r in result.rules] == ["mentoring", "design-reviews", "feedback",
                                                 "roadmap", "conflicts", "partner-teams"]
    assert result.all_hold and result.open_gaps == 0 and result.hints == ()


def test_hints_are_apart_from_the_rules(journal, mentee):
    goal(journal, mentee)
    for n in (3, 10):
        journal.create("mentoring_session", mentorship_id=mentee.id, on_date=day(n),
                       during_incident=True)
    for n in (50, 51, 52):  # before the six-week window, so hero-call sees only incidents
        journal.create("mentoring_session", mentorship_id=mentee.id, on_date=day(n),
                       structure="pairing", driver="mentor")
    result = compute(journal, TODAY)
    assert result.all_hold
    assert [(h.code, h.id) for h in result.hints] == [("hero_call", mentee.id),
                                                       ("take_it_over", mentee.id)]
    assert result.hints[0].message() == ("Priya Natarajan: every session in the last 6 weeks "
                                         "happened during an incident")


def test_cutoff_is_exclusive():
    assert cutoff(TODAY, 7) == day(7)
    assert cutoff(TODAY, -3) == TODAY


def test_settings_read_defaults_for_anything_odd():
    settings = ChecklistSettings.from_settings({"threshold.feedback_stale_days": "x",
                                                "checklist.vague_labels": "not a list"})
    assert settings == ChecklistSettings(Thresholds(), ())
    assert ChecklistSettings.from_settings(
        {"checklist.vague_labels": ["  Ship   IT ", "", "ship it", 3]}).vague_labels == (
        "ship it",)
