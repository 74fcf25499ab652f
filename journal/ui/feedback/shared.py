"""The Feedback page's words: ages, polarities and statuses as the lists and editors show them."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from journal.domain.draft_age import age_parts


def tr(text: str) -> str:
    return QCoreApplication.translate("Feedback", text)


def age_text(days: int) -> str:
    """ "today", "1 day", "3 days", "6 weeks", "4 months", "2 years"."""
    if days <= 0:
        return tr("today")
    count, unit = age_parts(days)
    one = {"day": tr("1 day"), "week": tr("1 week"), "month": tr("1 month"),
           "year": tr("1 year")}
    many = {"day": tr("%1 days"), "week": tr("%1 weeks"), "month": tr("%1 months"),
            "year": tr("%1 years")}
    return one[unit] if count == 1 else many[unit].replace("%1", str(count))


def polarity_label(polarity: str) -> str:
    return {"reinforcing": tr("Reinforcing"), "corrective": tr("Corrective")}.get(polarity,
                                                                                  polarity)


def status_label(status: str) -> str:
    return {"draft": tr("Draft"), "delivered": tr("Delivered"), "dropped": tr("Dropped"),
            "open": tr("Open"), "acting": tr("Acting on it"), "done": tr("Done")}.get(status,
                                                                                      status)
