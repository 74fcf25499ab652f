"""Copy as message."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from journal.domain.feedback import as_message, first_name


def test_message_from_the_seed_example_shape() -> None:
    message = as_message(
        "In Tuesday's design review for the auth service...",
        "...you asked four questions about failure modes...",
        "...which surfaced the retry bug before it shipped",
        "Amara Okafor", "reinforcing")
    assert message == (
        "Hi Amara,\nIn Tuesday's design review for the auth service, you asked four "
        "questions about failure modes. That surfaced the retry bug before it shipped. "
        "Thank you.")


def test_the_greeting_uses_the_first_name() -> None:
    assert as_message("", "You paged the DB team.", "", "Mateus Oliveira").startswith(
        "Hi Mateus,\n")
    assert first_name("  Zoë   Åberg ") == "Zoë"
    assert first_name("") == "" and first_name(None) == ""


def test_corrective_message_closes_with_an_invitation() -> None:
    message = as_message("During the 14:00 deploy,", "You skipped the canary.",
                         "checkout errors reached 4% for ten minutes", "Sam", "corrective")
    assert message.startswith("Hi Sam,\nDuring the 14:00 deploy, you skipped the canary. "
                              "Checkout errors reached 4% for ten minutes. ")
    assert message.endswith("?")
    assert "Thank you" not in message


def test_a_situation_that_is_a_sentence_stays_one() -> None:
    # No comma splice, and the capital that starts the Behavior stays.
    message = as_message("We had the outage review on Tuesday.", "Priya asked who owned the "
                         "pager.", "", "Jo")
    assert message == ("Hi Jo,\nWe had the outage review on Tuesday. Priya asked who owned the "
                       "pager. Thank you.")
    message = as_message("we met after standup", "You walked me through the runbook", "", "")
    assert message == "We met after standup. You walked me through the runbook. Thank you."


def test_a_named_moment_leads_in_with_a_colon_and_capitals_stay() -> None:
    message = as_message("Tuesday's postmortem", "PR #412 had no rollback plan", "", "Li Na", "")
    assert message == "Hi Li,\nTuesday's postmortem: PR #412 had no rollback plan. Thank you."
    message = as_message("The on-call handover", "Mateus wrote down every open alert", "", "")
    assert message.startswith("The on-call handover: Mateus wrote down every open alert.")


def test_empty_parts_are_left_out() -> None:
    assert as_message("", "you paged the DB team within two minutes", None, "", "reinforcing") \
        == "You paged the DB team within two minutes. Thank you."
    assert as_message(None, None, "The release slipped a week!", "Jo", "corrective").startswith(
        "Hi Jo,\nThe release slipped a week! ")
    assert as_message(" ", None, "\n", "Jo", "reinforcing") == ""


def test_right_to_left_text_is_kept_as_written() -> None:
    situation = "בפגישה ביום שלישי"  # Hebrew: "in the meeting on Tuesday"
    behavior = "سألت أربعة أسئلة"  # Arabic: "you asked four questions"
    message = as_message(situation, behavior, "", "\u05d3\u05e0\u05d4", "reinforcing")
    assert situation in message.splitlines()[1]
    assert behavior in message.splitlines()
    assert situation + "." not in message


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.none(), st.text()), st.one_of(st.none(), st.text()),
       st.one_of(st.none(), st.text()), st.one_of(st.none(), st.text()),
       st.sampled_from(["reinforcing", "corrective", "", "other"]))
def test_as_message_never_raises(situation, behavior, impact, name, polarity) -> None:
    message = as_message(situation, behavior, impact, name, polarity)
    assert isinstance(message, str)
