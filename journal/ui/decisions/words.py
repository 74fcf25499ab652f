"""What the Decisions page calls things, translated: statuses, roles, frames and the rubric's
questions with a short prompt each."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def tr(text: str) -> str:
    return QCoreApplication.translate("Decisions", text)


def adr_status_label(status: str) -> str:
    return {"proposed": tr("Proposed"), "accepted": tr("Accepted"), "rejected": tr("Rejected"),
            "deprecated": tr("Deprecated"), "superseded": tr("Superseded")}.get(status, status)


def proposal_status_label(status: str) -> str:
    return {"draft": tr("Draft"), "proposed": tr("Proposed"), "accepted": tr("Accepted"),
            "declined": tr("Declined"), "done": tr("Done")}.get(status, status)


def conflict_status_label(status: str) -> str:
    return {"open": tr("Open"), "escalated": tr("Escalated"), "decided": tr("Decided")}.get(
        status, status)


def frame_label(frame: str) -> str:
    return {"": tr("No frame yet"), "risk": tr("Risk"), "slo": tr("SLO and error budget"),
            "toil": tr("Toil"), "compliance": tr("Compliance"), "cost": tr("Cost")}.get(
        frame, frame)


def role_label(role: str) -> str:
    return {"decision_maker": tr("Decision-makers"), "consulted": tr("Consulted"),
            "informed": tr("Informed")}.get(role, role)


def role_prompt(role: str) -> str:
    return {"decision_maker": tr("Who made the call"),
            "consulted": tr("Whose view was asked, in both directions"),
            "informed": tr("Who was told once it was decided")}.get(role, "")


def rubric_title(name: str) -> str:
    return {
        "problem": tr("Problem"),
        "alternatives": tr("Alternatives"),
        "failure_modes": tr("Failure modes"),
        "reversibility": tr("Reversibility"),
        "operational_cost": tr("Operational cost"),
        "compliance_security": tr("Compliance and security"),
    }[name]


def rubric_prompt(name: str) -> str:
    return {
        "problem": tr("What hurts today, for whom, and how do we know? Say it without the "
                      "solution in it."),
        "alternatives": tr("What else could we do, doing nothing included, and why is each one "
                           "not the pick?"),
        "failure_modes": tr("How does this break, and when it does, how far does the damage "
                            "reach?"),
        "reversibility": tr("If this turns out wrong, how do we back out, and what does backing "
                            "out cost?"),
        "operational_cost": tr("Who gets paged for it? Which alerts and runbooks are new, and "
                               "who keeps them current?"),
        "compliance_security": tr("What data does it touch, who can reach it, and which rules "
                                  "or reviews apply?"),
    }[name]


def answered_text(n: int, total: int = 6) -> str:
    return tr("%1 of %2 answered").replace("%1", str(n)).replace("%2", str(total))


def adr_name(number: int | None, title: str) -> str:
    label = title.strip() or tr("(untitled)")
    return f"ADR {number:04d}: {label}" if number is not None else label
