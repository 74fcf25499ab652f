"""The kinds of record a journal keeps, the table each lives in, and their plural labels.

This is the part of `records` that start-up needs: counting records and checking the schema only
need a kind's table, not its dataclass. Building the eighteen dataclasses in `records` costs about
10 ms, so the store imports `records` when it first reads or writes a record, and the window can
paint its counts before that. `records` checks that its classes agree with `TABLES`.
"""

from __future__ import annotations

# Record kinds as names, so a typo is an import error rather than a silent miss.
PERSON = "person"
MENTORSHIP = "mentorship"
GOAL = "goal"
CHECK_IN = "check_in"
MENTORING_SESSION = "mentoring_session"
FEEDBACK_DRAFT = "feedback_draft"
RETRO = "retro"
RETRO_ITEM = "retro_item"
REFLECTION = "reflection"
PARTNER_TEAM = "partner_team"
PARTNER_CONTACT = "partner_contact"
DESIGN_REVIEW = "design_review"
DECISION_RECORD = "decision_record"
DECISION_PERSON = "decision_person"
ROADMAP_PROPOSAL = "roadmap_proposal"
CONFLICT = "conflict"
CONFLICT_OWNER = "conflict_owner"
SNOOZE = "snooze"
ONE_ON_ONE = "one_on_one"


# kind -> table, in the order records are listed everywhere (schema, counts, export).
TABLES: dict[str, str] = {
    "person": "people",
    "mentorship": "mentorships",
    "goal": "goals",
    "check_in": "check_ins",
    "mentoring_session": "mentoring_sessions",
    "feedback_draft": "feedback_drafts",
    "retro": "retros",
    "retro_item": "retro_items",
    "reflection": "reflections",
    "partner_team": "partner_teams",
    "partner_contact": "partner_contacts",
    "design_review": "design_reviews",
    "decision_record": "decision_records",
    "decision_person": "decision_people",
    "roadmap_proposal": "roadmap_proposals",
    "conflict": "conflicts",
    "conflict_owner": "conflict_owners",
    "snooze": "snoozes",
    "one_on_one": "one_on_ones",
}
KIND_OF_TABLE: dict[str, str] = {table: kind for kind, table in TABLES.items()}

# Plural labels for counts (CLI `info`, About dialog, checklist). UI text goes through tr() in
# the UI.
KIND_LABELS: dict[str, str] = {
    "person": "people",
    "mentorship": "mentorships",
    "goal": "goals",
    "check_in": "check-ins",
    "mentoring_session": "mentoring sessions",
    "feedback_draft": "feedback drafts",
    "retro": "retros",
    "retro_item": "retro items",
    "reflection": "reflections",
    "partner_team": "partner teams",
    "partner_contact": "partner contacts",
    "design_review": "design reviews",
    "decision_record": "decision records",
    "decision_person": "people in decisions",
    "roadmap_proposal": "roadmap proposals",
    "conflict": "conflicts",
    "conflict_owner": "conflict owners",
    "snooze": "snoozes",
    "one_on_one": "1:1s",
}

# The exceptions to "drop the last s" for one record of a kind.
_ONE: dict[str, str] = {"person": "person", "decision_person": "person in a decision"}


def counted(kind: str, n: int) -> str:
    """`n` records of `kind` in words, singular for one: "1 snooze", "3 check-ins"."""
    if n != 1:
        return f"{n:,} {KIND_LABELS[kind]}"
    return f"1 {_ONE.get(kind) or KIND_LABELS[kind].removesuffix('s')}"
