"""Copy as message."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from journal.domain.feedback import as_message


def test_message_from_the_seed_example_shape() -> None:
    message = as_message(
        "In Tuesday's design review for the auth service...",
        "...you asked four questions about failure modes...",
        "...which surfaced the retry bug before it shipped",
        "Amara", "reinforcing")
    assert message == (
        "Hi Amara \u2014 in Tuesday's design review for the auth service, you asked four "
        "questions about failure modes. That surfaced the retry bug before it shipped. "
        "Thank you.")


def test_corrective_message_closes_with_an_invitation() -> None:
    message = as_message("During the 14:00 deploy,", "You skipped the canary.",
                         "checkout errors reached 4% for ten minutes", "Sam", "corrective")
    assert message.startswith("Hi Sam \u2014 during the 14:00 deploy, you skipped the canary. "
                              "Checkout errors reached 4% for ten minutes. ")
    assert message.endswith("?")
    assert "Thank you" not in message


def test_names_and_acronyms_keep_their_capitals() -> None:
    message = as_message("Tuesday's postmortem", "PR #412 had no rollback plan", "", "Li", "")
    assert message == "Hi Li \u2014 Tuesday's postmortem, PR #412 had no rollback plan. Thank you."


def test_empty_parts_are_left_out() -> None:
    assert as_message("", "you paged the DB team within two minutes", None, "", "reinforcing") \
        == "You paged the DB team within two minutes. Thank you."
    assert as_message(None, None, "The release slipped a week!", "Jo", "corrective").startswith(
        "Hi Jo \u2014 the release slipped a week! ")
    assert as_message(" ", None, "\n", "Jo", "reinforcing") == ""


def test_right_to_left_text_is_kept_as_written() -> None:
    situation = "בפגישה ביום שלישי"  # Hebrew: "in the meeting on Tuesday"
    behavior = "سألت أربعة أسئلة"  # Arabic: "you asked four questions"
    message = as_message(situation, behavior, "", "\u05d3\u05e0\u05d4", "reinforcing")
    assert situation in message.splitlines()[0]
    assert behavior in message.splitlines()
    assert situation + "." not in message


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.none(), st.text()), st.one_of(st.none(), st.text()),
       st.one_of(st.none(), st.text()), st.one_of(st.none(), st.text()),
       st.sampled_from(["reinforcing", "corrective", "", "other"]))
def test_as_message_never_raises(situation, behavior, impact, name, polarity) -> None:
    message = as_message(situation, behavior, impact, name, polarity)
    assert isinstance(message, str)
