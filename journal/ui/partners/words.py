"""What the Partner teams page calls things, translated."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication

from journal.domain.partners import Standing


def tr(text: str) -> str:
    return QCoreApplication.translate("Partners", text)


def kind_label(kind: str) -> str:
    return {
        "coffee_chat": tr("Coffee chat"),
        "design_review": tr("Design review"),
        "joint_runbook": tr("Joint runbook session"),
        "incident": tr("Incident"),
        "other": tr("Other"),
    }.get(kind, kind)


def days_text(days: int) -> str:
    if days == 0:
        return tr("today")
    if days == 1:
        return tr("yesterday")
    return tr("%1 days ago").replace("%1", str(days))


def standing_text(s: Standing) -> str:
    """A short sentence for the list and the editor: when the team was last met in calm times."""
    if s.never:
        return tr("Never contacted")
    if s.incident_only:
        return tr("Only ever during incidents")
    return tr("Last calm contact %1").replace("%1", days_text(s.days_since or 0))


def standing_detail(s: Standing, threshold: int) -> str:
    if s.never:
        return tr("No contact logged yet. A short chat before anything breaks makes the first "
                  "incident call much easier.")
    if s.incident_only:
        return tr("Every contact so far happened during an incident. Meet them once when nothing "
                  "is on fire.")
    if s.stale:
        return tr("Your last contact outside an incident was %1 days ago, more than the %2 you "
                  "aim for.").replace("%1", str(s.days_since)).replace("%2", str(threshold))
    return tr("Fine: your last contact outside an incident was %1 (within %2 days).").replace(
        "%1", days_text(s.days_since or 0)).replace("%2", str(threshold))


def short_date(day: dt.date | None) -> str:
    return day.isoformat() if day else "—"


def standing_short(s: Standing) -> str:
    """The standing in a few words, for the list's column (marked ⚠ when it needs a contact)."""
    if s.never:
        text = tr("never met")
    elif s.incident_only:
        text = tr("incidents only")
    elif not s.days_since:
        text = tr("today")
    else:
        text = tr("%1 d ago").replace("%1", str(s.days_since))
    return ("⚠ " if s.stale else "") + text
