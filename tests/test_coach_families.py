"""The coach's second look (issue 16): each family of vague wording gets its own rule id and a
highlight on the words at fault, and evidence (an act with a quote, a count or a time) wins over
the words that would otherwise trigger it."""

from __future__ import annotations

import pytest

from journal.domain.coach import PARTS, RULES, coach

NEW_RULES = ("guessed_intent", "trait_not_act", "judged_verb", "verdict_as_behavior",
             "vague_effect", "time_span")


def hints(part: str, text: str) -> list[tuple[str, str]]:
    parts = dict.fromkeys(PARTS)
    parts[part] = text
    return [(h.rule, text[h.start:h.end]) for h in coach(**parts, judge_missing=False)]


def test_new_rules_are_listed_and_documented() -> None:
    from journal.domain import coach as module

    for rule in NEW_RULES:
        assert rule in RULES
        assert f"\n  {rule} " in module.__doc__


# The issue's own examples, one per line: the rule and the words it highlights.
@pytest.mark.parametrize(
    ("part", "text", "expected"),
    [
        ("behavior", "You obviously didn't care about the deadline.",
         [("guessed_intent", "obviously")]),
        ("behavior", "You clearly ignored the alert.",
         [("guessed_intent", "clearly"), ("judged_verb", "ignored")]),
        ("behavior", "You acted as if the rules were optional.",
         [("guessed_intent", "acted as if")]),
        ("behavior", "You have no sense of urgency.",
         [("trait_not_act", "You have no sense of urgency")]),
        ("behavior", "You were condescending with the vendor.",
         [("trait_language", "You were condescending")]),
        ("behavior", "You're a born teacher.", [("trait_not_act", "You're a born teacher")]),
        ("behavior", "You seemed stressed.", [("trait_not_act", "You seemed stressed")]),
        ("behavior", "You froze.", [("judged_verb", "You froze")]),
        ("behavior", "You overreacted.", [("judged_verb", "You overreacted")]),
        ("behavior", "Your work on the rollout plan was excellent.",
         [("verdict_as_behavior", "Your work on the rollout plan was excellent")]),
        ("behavior", "You were really diligent in the review.",
         [("verdict_as_behavior", "You were really diligent")]),
        ("impact", "It set us back.", [("vague_effect", "set us back")]),
        ("impact", "That created friction.", [("vague_effect", "friction")]),
        ("impact", "That's not our culture.", [("vague_effect", "not our culture")]),
        ("impact", "The team saw it.", [("vague_effect", "saw it")]),
        ("impact", "It wasn't great for morale.", [("vague_effect", "wasn't great for morale")]),
        ("situation", "Throughout this quarter", [("time_span", "Throughout")]),
        ("situation", "For a while now", [("time_span", "For a while")]),
    ],
)
def test_the_issues_examples(part: str, text: str, expected: list[tuple[str, str]]) -> None:
    assert hints(part, text) == expected


# Specific parts that hold a trigger word: nothing to say.
@pytest.mark.parametrize(
    ("part", "text"),
    [
        ("behavior", "You flipped `careless_mode` to false before the game day."),
        ("behavior", "You always posted the timeline within 10 minutes, on all 6 incidents this "
                     "month."),
        ("behavior", 'You said "obviously this is DNS" at 02:12 and checked the resolver logs.'),
        ("behavior", "You froze the deploy pipeline at 16:00 on Friday."),
        ("behavior", "You stepped up to IC at 02:15 when Ana dropped off the bridge."),
        ("behavior", "You clearly labelled each of the 9 rollback steps in the runbook."),
        ("behavior", "You seemed stressed at 03:00: you typed the wrong hostname twice."),
        ("behavior", "You handled the outage well: first update at 02:04, rollback at 02:11, "
                     "all-clear at 02:30."),
        ("behavior", "You were rude to the vendor on Tuesday's 15:00 call: you hung up while "
                     "they were speaking."),
        ("behavior", "You panicked? No: you read the runbook aloud and followed all 7 steps."),
        ("behavior", "You told the bridge at 04:00 that you were overwhelmed."),
        ("behavior", "The dashboard clearly showed the spike, so you rolled back."),
        ("impact", "It set the cutover back by two days, to Thursday."),
        ("impact", "It made things easier for the on-call: zero pages overnight."),
        ("impact", "The new hire ran the next failover alone, following your runbook."),
        ("situation", "Throughout the 40-minute outage on 12 March"),
        ("situation", "Since the 09:00 deploy on Monday"),
        ("situation", "In the six postmortems this quarter"),
    ],
)
def test_evidence_wins_over_trigger_words(part: str, text: str) -> None:
    assert hints(part, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the time places the sentence but the act is still a guess
        ("During the 02:00 failover you clearly panicked.", "judged_verb"),
        # the count belongs to the trait, not to an act
        ("You have zero sense of ownership over the alerts you created.", "trait_not_act"),
        # what someone else did is no evidence of the person's act
        ("You looked annoyed when the DBA joined the call at 10:00.", "trait_not_act"),
        # a judged verb with no counted or timed object
        ("You micromanaged the Terraform migration.", "judged_verb"),
    ],
)
def test_evidence_must_be_about_the_act(text: str, expected: str) -> None:
    assert expected in {rule for rule, _ in hints("behavior", text)}


def test_reactions_with_an_object_are_acts() -> None:
    assert hints("behavior", "You froze the release branch before the cutover.") == []
    assert hints("behavior", "You froze when the pager went off.") == [("judged_verb",
                                                                         "You froze")]


def test_since_needs_a_date_and_projects_are_stretches() -> None:
    assert hints("situation", "Since the migration") == [("time_span", "Since")]
    assert hints("situation", "Since the 4 June cutover") == []
    assert hints("situation", "During the migration project") == [("time_span", "project")]
    assert hints("situation", "During the migration last night") == []


def test_only_the_vague_sentence_of_a_part_is_flagged() -> None:
    text = ("You rolled back the 14:05 deploy within two minutes. You obviously didn't care "
            "about the follow-ups.")
    (found,) = hints("behavior", text)
    assert found == ("guessed_intent", "obviously")


def test_a_sentence_with_an_old_hint_gets_no_second_one() -> None:
    assert [rule for rule, _ in hints("behavior", "You're careless and you seemed stressed.")] == [
        "trait_language"]


def test_hints_have_messages_that_quote_the_words() -> None:
    parts = dict.fromkeys(PARTS)
    parts["impact"] = "It set us back."
    (hint,) = coach(**parts, judge_missing=False)
    assert hint.message.startswith('"set us back" ') and hint.message.endswith(".")


def test_a_second_vague_impact_sentence_is_no_evidence_for_the_first() -> None:
    assert hints("impact", "It set us back. The team saw it.") == [("vague_effect", "set us back")]
    assert hints("impact", "It set us back. The DBAs reverted the change on Monday.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Condescending with the vendor.", [("trait_not_act", "Condescending")]),
        ("No sense of urgency.", [("trait_not_act", "No sense of urgency")]),
        ("Froze during the failover.", [("judged_verb", "Froze")]),
        ("Froze the deploy pipeline at 16:00 on Friday.", []),
        ("Stressed the cluster with 3x traffic at 10:00 during the load test.", []),
        ("Kafka froze during the failover, and you restarted the 3 brokers by 02:20.", []),
    ],
)
def test_notes_without_a_subject(text: str, expected: list[tuple[str, str]]) -> None:
    assert hints("behavior", text) == expected


def test_an_instruction_after_leading_punctuation_gets_a_real_highlight() -> None:
    # Found by fuzzing: the clause of ': deploy ...' ended before it began.
    text = ': " re-ran deploy vendor cowboy back'
    parts = dict.fromkeys(PARTS)
    parts["behavior"] = text
    for hint in coach(**parts, judge_missing=False):
        assert 0 <= hint.start < hint.end <= len(text)
