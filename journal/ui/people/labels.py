"""The words for what a person is to the user, and for the kinds of record in a timeline."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from journal.domain import kinds, people


def tr(text: str) -> str:
    return QCoreApplication.translate("People", text)


def role_label(role: str) -> str:
    return {
        people.MENTEE: tr("Mentee"),
        people.MENTOR: tr("Mentor"),
        people.TEAM_CONTACT: tr("Contact for a partner team"),
        people.PARTNER_CONTACT: tr("Talked to at a partner team"),
        people.FEEDBACK_RECIPIENT: tr("Feedback recipient"),
        people.FEEDBACK_GIVER: tr("Gave me feedback"),
        people.DECISION_MAKER: tr("Decision-maker"),
        people.OWNER: tr("Owner in a conflict"),
        people.ONE_ON_ONES: tr("1:1s with me"),
        people.IN_DECISION: tr("Part of a decision record"),
        people.MENTIONED: tr("Named in a record"),
        "about": tr("About their mentoring"),
        "named": tr("Named in the text"),
    }.get(role, role)


def kind_label(kind: str) -> str:
    return {
        kinds.PERSON: tr("Person"),
        kinds.MENTORSHIP: tr("Mentorship"),
        kinds.GOAL: tr("Goal"),
        kinds.CHECK_IN: tr("Check-in"),
        kinds.MENTORING_SESSION: tr("Session"),
        kinds.FEEDBACK_DRAFT: tr("Feedback draft"),
        kinds.RETRO: tr("Retro"),
        kinds.RETRO_ITEM: tr("Retro item"),
        kinds.REFLECTION: tr("Feedback received"),
        kinds.PARTNER_TEAM: tr("Partner team"),
        kinds.PARTNER_CONTACT: tr("Partner contact"),
        kinds.DESIGN_REVIEW: tr("Design review"),
        kinds.DECISION_RECORD: tr("Decision record"),
        kinds.ROADMAP_PROPOSAL: tr("Roadmap proposal"),
        kinds.CONFLICT: tr("Conflict"),
        kinds.CONFLICT_OWNER: tr("Conflict owner"),
        kinds.ONE_ON_ONE: tr("1:1"),
        kinds.DECISION_PERSON: tr("Decision record"),
    }.get(kind, kind.replace("_", " ").capitalize())


def roles_text(roles: tuple[str, ...] | list[str]) -> str:
    return ", ".join(role_label(role) for role in roles)
