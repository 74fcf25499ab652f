"""What a person is to the user, read from the records that point at them.

A person has no role column: they are a mentee because a mentorship names them as its mentee,
a decision-maker because a conflict names them so. `ROLES` maps each reference to a person
(table, column) to the role it gives; a reference not listed (a table another release adds)
still counts as a mention, with the role `MENTIONED`, until it is listed here.
"""

from __future__ import annotations

MENTEE = "mentee"
MENTOR = "mentor"
TEAM_CONTACT = "team_contact"
PARTNER_CONTACT = "partner_contact"
FEEDBACK_RECIPIENT = "feedback_recipient"
FEEDBACK_GIVER = "feedback_giver"
DECISION_MAKER = "decision_maker"
OWNER = "owner"
ONE_ON_ONES = "one_on_ones"
IN_DECISION = "in_decision"
MENTIONED = "mentioned"

# (table, column that holds a person's id) -> role, in the order roles are listed.
ROLES: dict[tuple[str, str], str] = {
    ("mentorships", "mentee_id"): MENTEE,
    ("mentorships", "mentor_id"): MENTOR,
    ("partner_teams", "contact_id"): TEAM_CONTACT,
    ("partner_contacts", "person_id"): PARTNER_CONTACT,
    ("feedback_drafts", "recipient_id"): FEEDBACK_RECIPIENT,
    ("reflections", "giver_id"): FEEDBACK_GIVER,
    ("conflicts", "decision_maker_id"): DECISION_MAKER,
    ("conflict_owners", "person_id"): OWNER,
    ("one_on_ones", "person_id"): ONE_ON_ONES,
    ("decision_people", "person_id"): IN_DECISION,
}
ROLE_ORDER: tuple[str, ...] = (*dict.fromkeys(ROLES.values()), MENTIONED)


def role_of(table: str, column: str) -> str:
    return ROLES.get((table, column), MENTIONED)


def merged_text(kept: str, other: str) -> str:
    """A text field of two people merged: the kept one's, with the other's added below it
    when it says something the kept one does not."""
    kept, other = kept.strip(), other.strip()
    if not other or other in kept:
        return kept
    if not kept:
        return other
    return f"{kept}\n\n{other}"
