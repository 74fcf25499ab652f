"""The SBI coach: what it flags, what it must leave alone, and where its highlights point."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from journal.domain.coach import PARTS, RULES, Hint, coach, vague_only


def rules_for(part: str, text: str) -> set[str]:
    parts = dict.fromkeys(PARTS)
    parts[part] = text
    return {h.rule for h in coach(**parts, judge_missing=False)}


def hints_for(part: str, text: str) -> list[Hint]:
    parts = dict.fromkeys(PARTS)
    parts[part] = text
    return coach(**parts, judge_missing=False)


NONE: set[str] = set()

# (part, text, expected rules). Mostly real sentences from infrastructure work.
CASES = [
    # -- Behavior that is an observation: nothing to say -----------------------------------
    ("behavior", "You asked the presenter four questions about failure modes.", NONE),
    ("behavior", "You rolled back the ingest deploy at 14:05, two minutes after the first page.",
     NONE),
    ("behavior", "You wrote the handover note for the on-call shift and linked the three open "
                 "alerts.", NONE),
    ("behavior", "You paused the migration when replication lag passed 30 seconds and posted the "
                 "graph in #db-oncall.", NONE),
    ("behavior", "You split PR #4121 into three smaller changes before asking for review.", NONE),
    ("behavior", "You reran the capacity model with last quarter's peak and shared the numbers "
                 "with the storage team.", NONE),
    ("behavior", "During the postmortem you interrupted Priya twice while she walked through the "
                 "timeline.", NONE),
    ("behavior", "You merged the Terraform change without waiting for the plan output.", NONE),
    # must NOT flag: the label is quoted, the word is a flag or a config key
    ("behavior", 'You wrote "looks good" on the PR without running the migration.', NONE),
    ("behavior", "You commented \u201cgreat job\u201d on the rollout ticket before the canary "
                 "had finished.", NONE),
    ("behavior", "You replied 'needs work' on the design doc and listed no reason.", NONE),
    ("behavior", "You set --never-retry on the ingest job without telling the on-call.", NONE),
    ("behavior", "You turned on the always_on config key in staging before the load test.",
     NONE),
    ("behavior", "You flipped `careless_mode` to false in the chaos config.", NONE),
    ("behavior", "You disabled the alwaysOnReplica flag during the cutover.", NONE),
    ("behavior", "You pasted `kubectl delete pods --all --never-ask` into the incident channel.",
     NONE),
    ("behavior", 'Your commit message on Tuesday read "fix careless typo" and named no ticket.',
     NONE),
    ("behavior", "You wrote “you never test anything” in the review thread.", NONE),
    # must NOT flag: counted or bounded habits
    ("behavior", "In the last three standups you always joined late.", NONE),
    ("behavior", "You never acknowledged the page during Tuesday's outage.", NONE),
    ("behavior", "On Monday and Wednesday you always picked the first alert in the queue.", NONE),
    ("behavior", "Both times we paged you this week, you never answered within the 15 minutes.",
     NONE),
    # must NOT flag: "never"/"always" about a system
    ("behavior", "The alert never fired during Tuesday's outage, so you paged the DB team by "
                 "hand.", NONE),
    ("behavior", "The retry loop always hit the same shard, and you found that from the traces.",
     NONE),
    ("behavior", "The cron job never ran after the upgrade; you noticed it from the empty "
                 "dashboard.", NONE),
    # must NOT flag: reported speech
    ("behavior", "You said you wanted to roll back before the error budget ran out.", NONE),
    ("behavior", "You told the incident channel you think you found the bad config.", NONE),
    # a label riding along a real observation
    ("behavior", "Looks good overall, though you skipped the canary on the 14:00 deploy.", NONE),
    # -- Behavior: vague labels --------------------------------------------------------------
    ("behavior", "Looks good.", {"vague_label"}),
    ("behavior", "Great job on the migration.", {"vague_label"}),
    ("behavior", "Great job, well done!", {"vague_label"}),
    ("behavior", "Needs work.", {"vague_label"}),
    ("behavior", "The runbook could be better.", {"vague_label"}),
    ("behavior", "Not a team player.", {"vague_label"}),
    ("behavior", "Lacks ownership of the on-call tooling.", {"vague_label"}),
    ("behavior", "Nice work on the capacity plan.", {"vague_label"}),
    # -- Behavior: trait and mind-reading language ---------------------------------------------
    ("behavior", "You are careless with production credentials.", {"trait_language"}),
    ("behavior", "You're lazy about writing postmortems.", {"trait_language"}),
    ("behavior", "You don't care about the on-call rotation.", {"trait_language"}),
    ("behavior", "You always push to main without a review.", {"trait_language"}),
    ("behavior", "You never update the ticket.", {"trait_language"}),
    ("behavior", "You think you know the storage layer better than the team that owns it.",
     {"trait_language"}),
    ("behavior", "You wanted to look good in front of the director.", {"trait_language"}),
    ("behavior", "You were a bit defensive when Priya asked about the rollback plan.",
     {"trait_language"}),
    ("behavior", "You are constantly late to the incident bridge.", {"trait_language"}),
    ("behavior", "Always late to standup.", {"trait_language"}),
    # -- Behavior: advice and verdicts ---------------------------------------------------------
    ("behavior", "Take more initiative.", {"advice_not_behavior"}),
    ("behavior", "You should communicate more.", {"advice_not_behavior"}),
    ("behavior", "You handled it well.", {"advice_not_behavior"}),
    ("behavior", "Be more proactive.", {"advice_not_behavior"}),
    ("behavior", "Please document your changes before the handover.", {"advice_not_behavior"}),
    ("behavior", "Next time, check the dashboards before you deploy.", {"advice_not_behavior"}),
    ("behavior", "You need to escalate sooner when the error budget burns.",
     {"advice_not_behavior"}),
    ("behavior", "Never merge on a Friday.", {"advice_not_behavior"}),
    ("behavior", "You handled the outage really well.", {"advice_not_behavior"}),
    # mixed
    ("behavior", "You're careless and you should slow down.",
     {"trait_language", "advice_not_behavior"}),
    # -- Situation -----------------------------------------------------------------------------
    ("situation", "In Tuesday's design review for the auth service", NONE),
    ("situation", "During the payments-db migration last night", NONE),
    ("situation", "Yesterday's on-call handover", NONE),
    ("situation", "In the postmortem for INC-2291", NONE),
    ("situation", "On 3 March, in the capacity planning meeting", NONE),
    ("situation", "In the review of PR #4121", NONE),
    ("situation", "During the 02:00 failover drill", NONE),
    ("situation", "In the #storage-oncall channel this morning", NONE),
    ("situation", "In the kickoff for the Kafka upgrade", NONE),
    ("situation", "In meetings lately", {"no_occasion"}),
    ("situation", "Whenever we have a design review", {"no_occasion"}),
    ("situation", "Usually during incidents", {"no_occasion"}),
    ("situation", "In general, at work", {"no_occasion"}),
    ("situation", "With the new hires", {"no_occasion"}),
    ("situation", "Looks good.", {"vague_label"}),
    # -- Impact --------------------------------------------------------------------------------
    ("impact", "That surfaced the retry bug before it shipped.", NONE),
    ("impact", "The good news from Tuesday's load test was that p99 stayed under 200 ms.", NONE),
    ("impact", "The team could start the cutover an hour early.", NONE),
    ("impact", "Checkout errors reached 4% for ten minutes.", NONE),
    ("impact", "It made the next on-call shift much quieter.", NONE),
    ("impact", "I had to redo the capacity numbers over the weekend.", NONE),
    ("impact", "It was unacceptable.", {"no_effect"}),
    ("impact", "That's not ok.", {"no_effect"}),
    ("impact", "It was bad.", {"no_effect"}),
    ("impact", "Great job!", {"no_effect"}),
    ("impact", "Really disappointing.", {"no_effect"}),
    # -- more from real notes ----------------------------------------------------------------
    ("behavior", "You said 'I never touch prod on Fridays' in the retro.", NONE),
    ("behavior", "Your comment on the RFC was 'this always breaks', with no example.", NONE),
    ("behavior", "You replied LGTM on the Helm chart change.", NONE),
    ("behavior", "It looks good to me, but you did not run the load test.", NONE),
    ("behavior", "You did not update the status page for 40 minutes.", NONE),
    ("behavior", "You kept the bridge calm when the database failed over.", NONE),
    ("behavior", "You seem to never read the runbook.", {"trait_language"}),
    ("behavior", "You seemed unprepared for the capacity review.", {"trait_language"}),
    ("behavior", "You are not a team player.", {"vague_label"}),
    ("behavior", "You could have asked for help sooner.", {"advice_not_behavior"}),
    ("behavior", "Your PRs are always too big.", {"trait_language"}),
    ("behavior", "Keep up the good work!", {"vague_label"}),
    ("situation", "When the pipeline broke", NONE),
    ("situation", "At 3am during the failover", NONE),
    ("situation", "In our team", {"no_occasion"}),
    ("situation", "In the postmortems", {"no_occasion"}),
    ("situation", "Every standup", {"no_occasion"}),
    ("situation", "When you're on call", {"no_occasion"}),
    ("impact", "So the on-call slept through the night.", NONE),
    ("impact", "We lost two hours of ingest data.", NONE),
    ("impact", "It was the right call.", {"no_effect"}),
    # -- Any part: too short or missing ----------------------------------------------------------
    ("behavior", "Great.", {"too_short"}),
    ("situation", "Standup", {"too_short"}),
    ("impact", "Bad", {"too_short"}),
    ("behavior", "   ", {"missing"}),
    ("impact", "", {"missing"}),
]


@pytest.mark.parametrize(("part", "text", "expected"), CASES,
                         ids=[f"{p}:{t[:40]}" for p, t, _ in CASES])
def test_rules(part: str, text: str, expected: set[str]) -> None:
    assert rules_for(part, text) == expected


def test_there_are_plenty_of_cases() -> None:
    assert len(CASES) >= 60
    assert sum(1 for *_, rules in CASES if not rules) >= 25


# -- offsets point at the words the hint is about -------------------------------------------------
@pytest.mark.parametrize(
    ("part", "text", "rule", "highlighted"),
    [
        ("behavior", "Honestly, it looks good to me.", "vague_label", "looks good to me"),
        ("behavior", "Great job on the migration.", "vague_label", "Great job"),
        ("behavior", "You are careless with production credentials.", "trait_language",
         "You are careless"),
        ("behavior", "Mostly fine. You always push to main without a review.", "trait_language",
         "always"),
        ("behavior", "You don't care about the on-call rotation.", "trait_language",
         "You don't care"),
        ("behavior", "You should communicate more, especially with SRE.", "advice_not_behavior",
         "You should communicate more"),
        ("behavior", "Be more proactive.", "advice_not_behavior", "Be more proactive"),
        ("situation", "In meetings lately", "no_occasion", "lately"),
        ("situation", "  At work.  ", "no_occasion", "At work"),
        ("impact", "It was unacceptable.", "no_effect", "unacceptable"),
        ("impact", "Meh, whatever.", "no_effect", "Meh, whatever"),
        ("behavior", "  Great.  ", "too_short", "Great."),
    ],
)
def test_offsets(part: str, text: str, rule: str, highlighted: str) -> None:
    found = [h for h in hints_for(part, text) if h.rule == rule]
    assert found, f"no {rule} hint"
    assert text[found[0].start:found[0].end] == highlighted


def test_offsets_with_unicode_before_the_phrase() -> None:
    text = "\U0001f680 D\u00e9ploiement \u2014 looks good."
    (hint,) = hints_for("behavior", text)
    assert text[hint.start:hint.end] == "looks good"


def test_two_absolutes_two_hints() -> None:
    text = "You always interrupt and you never write things down."
    hints = [h for h in hints_for("behavior", text) if h.rule == "trait_language"]
    assert [text[h.start:h.end] for h in hints] == ["always", "never"]


def test_only_the_vague_sentence_is_flagged() -> None:
    text = ("You rolled back the deploy at 14:05 after the second page. Great job on the "
            "migration.")
    (hint,) = hints_for("behavior", text)
    assert hint.rule == "vague_label" and hint.start > text.index("Great") - 1


# -- missing parts ------------------------------------------------------------------------------
def test_missing_parts_are_judged_by_default() -> None:
    hints = coach(None, "You asked four questions about failure modes.", None)
    assert [(h.part, h.rule, h.start, h.end) for h in hints] == [
        ("situation", "missing", None, None),
        ("impact", "missing", None, None),
    ]


def test_parts_not_given_are_left_alone_when_asked() -> None:
    assert coach(None, "You asked four questions about failure modes.", None,
                 judge_missing=False) == []


def test_empty_part_is_missing_even_when_not_judging_absent_ones() -> None:
    (hint,) = coach("", None, None, judge_missing=False)
    assert (hint.part, hint.rule) == ("situation", "missing")


def test_a_good_draft_has_no_hints() -> None:
    assert coach("In Tuesday's design review for the auth service",
                 "you asked the presenter four follow-up questions about failure modes",
                 "which surfaced the timeout retry bug before it shipped") == []


def test_hints_come_in_part_order_with_known_rules() -> None:
    hints = coach("lately", "You always push to main. Be more careful.", "it was bad")
    assert [h.part for h in hints] == sorted((h.part for h in hints), key=PARTS.index)
    assert {h.rule for h in hints} <= set(RULES)
    assert all(h.message and h.message[-1] in ".?!" for h in hints)


def test_hint_is_frozen() -> None:
    hint = Hint("behavior", "missing", "x")
    with pytest.raises(AttributeError):
        hint.rule = "other"  # type: ignore[misc]


# -- vague_only ----------------------------------------------------------------------------------
@pytest.mark.parametrize("text", ["Looks good!", "looks good", "Great job, well done.",
                                  "Needs work", "LGTM", "Really great job overall!",
                                  "good stuff", "could be better", "It was great.",
                                  "Nice work, thanks!"])
def test_vague_only(text: str) -> None:
    assert vague_only(text)


@pytest.mark.parametrize("text", ["", "   ", None, "Looks good, but the retry budget is missing",
                                  'You wrote "looks good" on the PR',
                                  "Great job on the 14:00 rollback",
                                  "You asked four questions about failure modes."])
def test_not_vague_only(text: str | None) -> None:
    assert not vague_only(text)


# -- properties ----------------------------------------------------------------------------------
_ALPHABET = st.characters(blacklist_categories=("Cs",))
_SOME_TEXT = st.one_of(
    st.none(),
    st.text(_ALPHABET, max_size=300),
    st.lists(st.sampled_from([
        "looks good", "always", "never", "you are careless", '"', "'", "`", "--never-retry",
        "always_on", " ", ".", "\n", "\u05e9\u05dc\u05d5\u05dd", "\u0645\u0631\u062d\u0628\u0627",
        "\U0001f44d", "Tuesday's", "3", "you should", "lately", "in meetings", "it was bad",
        "\u200f", "\u202e", "e.g.", "\u2026", "you don't care", "be more proactive",
    ]), max_size=30).map("".join),
)


@settings(max_examples=300, deadline=None)
@given(_SOME_TEXT, _SOME_TEXT, _SOME_TEXT, st.booleans())
def test_coach_never_raises_and_offsets_stay_in_bounds(situation, behavior, impact,
                                                        judge_missing) -> None:
    texts = dict(zip(PARTS, (situation, behavior, impact), strict=True))
    for hint in coach(situation, behavior, impact, judge_missing=judge_missing):
        assert hint.part in PARTS and hint.rule in RULES and hint.message
        text = texts[hint.part]
        if hint.start is None:
            assert hint.end is None and hint.rule == "missing"
        else:
            assert text is not None
            assert 0 <= hint.start < hint.end <= len(text)


@settings(max_examples=200, deadline=None)
@given(_SOME_TEXT)
def test_vague_only_never_raises(text) -> None:
    assert vague_only(text) in (True, False)
