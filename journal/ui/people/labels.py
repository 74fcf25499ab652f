"""The words for what a person is to the user, and for the kinds of record in a timeline."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

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


def merge_labels(rows: Sequence) -> list[str]:
    """One distinct line per person (rows with name, team and roles) for choosing whom to merge:
    the name, then the team; for people still alike, what they are to the user; and for those
    alike even then, a count ("2nd entry"), never a database id."""
    labels = [f"{r.name} · {r.team}" if r.team else r.name for r in rows]
    alike = Counter(labels)
    labels = [f"{label} · {roles_text(r.roles) or tr('named by no record')}"
              if alike[label] > 1 else label for label, r in zip(labels, rows, strict=True)]
    seen: Counter[str] = Counter()
    alike = Counter(labels)
    distinct = []
    for label in labels:
        seen[label] += 1
        n = seen[label]
        distinct.append(label if alike[label] == 1 or n == 1
                        else tr("%1 (entry %2)").replace("%1", label).replace("%2", str(n)))
    return distinct
