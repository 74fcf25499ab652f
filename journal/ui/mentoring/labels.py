"""Words and colours for mentoring values, in one place so every part says the same thing."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from journal.domain.mentoring import GoalHint
from journal.domain.records import DRIVERS, GOAL_STATUSES, HEALTHS, STRUCTURES

_CTX = "Mentoring"


def tr(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


def structure_label(value: str) -> str:
    return {
        "goal_based": tr("Goal-based mentoring"),
        "shadowing": tr("Shadowing"),
        "reverse_shadowing": tr("Reverse shadowing"),
        "pairing": tr("Pairing on a real task"),
        "office_hours": tr("Office hours"),
    }.get(value, value)


def health_label(value: str) -> str:
    return {"on_track": tr("On track"), "at_risk": tr("At risk"),
            "off_track": tr("Off track")}.get(value, value)


def status_label(value: str) -> str:
    return {"active": tr("Active"), "achieved": tr("Achieved"),
            "dropped": tr("Dropped")}.get(value, value)


def driver_label(value: str) -> str:
    return {"mentor": tr("The mentor"), "mentee": tr("The mentee")}.get(value, value)


def trend_label(value: str) -> str:
    return {"improving": tr("improving"), "slipping": tr("slipping"), "steady": tr("steady"),
            "unknown": tr("too early to tell")}.get(value, value)


def choices(kind: str) -> list[tuple[str, str]]:
    """(label, stored value) pairs for a combo box, in the schema's order."""
    values, label = {
        "structure": (STRUCTURES, structure_label),
        "health": (HEALTHS, health_label),
        "status": (GOAL_STATUSES, status_label),
        "driver": (DRIVERS, driver_label),
    }[kind]
    return [(label(v), v) for v in values]


def mentor_text(mentor_is_me: bool, mentor_name: str) -> str:
    if mentor_is_me:
        return tr("Me")
    return mentor_name or tr("No mentor yet")


def relative_day(day: dt.date | None, today: dt.date) -> str:
    """'today', 'in 3 days', '5 days ago' — short enough for a list cell."""
    if day is None:
        return tr("—")
    delta = (day - today).days
    if delta == 0:
        return tr("today")
    if delta == 1:
        return tr("tomorrow")
    if delta == -1:
        return tr("yesterday")
    if delta > 0:
        return tr("in %1 days").replace("%1", str(delta))
    return tr("%1 days ago").replace("%1", str(-delta))


def count_text(kind: str, n: int) -> str:
    """'1 goal', '12 check-ins': the words a delete confirmation uses."""
    one, many = {
        "goal": (tr("1 goal"), tr("%1 goals")),
        "check_in": (tr("1 check-in"), tr("%1 check-ins")),
        "mentoring_session": (tr("1 session"), tr("%1 sessions")),
        "mentorship": (tr("1 mentorship"), tr("%1 mentorships")),
    }.get(kind, (f"1 {kind}", f"%1 {kind}"))
    return one if n == 1 else many.replace("%1", str(n))


def goal_hint_text(hint: GoalHint, max_active: int) -> str:
    """One kind sentence per goal hint. Hints suggest; they never stop the user."""
    return {
        "outcome_empty": tr("Name one outcome you could both check on the target date."),
        "outcome_few_words": tr("A few more words would help: what will they do, and where "
                                "will you see it?"),
        "outcome_vague_phrase": tr("“Get better” is hard to check. What will they do that "
                                   "shows it, and where?"),
        "outcome_no_action": tr("Try starting with what they will do: run, lead, ship, "
                                "write…"),
        "outcome_no_object": tr("Say what the work is about: which service, doc, incident or "
                                "review?"),
        "no_target": tr("A target date keeps the goal honest."),
        "target_before_start": tr("The target is before the start date."),
        "target_too_soon": tr("Only %1 days to the target: goals work best over one to three "
                              "months.").replace("%1", str(hint.days)),
        "target_too_far": tr("%1 days to the target: goals work best over one to three months; "
                             "maybe split it.").replace("%1", str(hint.days)),
        "too_many_active": tr("This would be active goal number %1. More than %2 at once tends "
                              "to spread the focus thin.").replace("%1", str(hint.count))
                                                          .replace("%2", str(max_active)),
    }.get(hint.code, hint.code)


def mentorship_hint_text(code: str, weeks: int) -> str:
    return {
        "hero_call": tr("Every session in the last %1 weeks happened during an incident. A calm "
                        "session between incidents gives room to build their own judgment.")
                     .replace("%1", str(weeks)),
        "take_it_over": tr("The mentor drove most of the recent pairing sessions. Handing over "
                           "the keyboard is slower today and teaches more tomorrow."),
    }.get(code, code)


def _dark() -> bool:
    app = QApplication.instance()
    return app is not None and app.palette().color(QPalette.ColorRole.Window).lightness() < 128


def health_color(value: str) -> QColor:
    dark = _dark()
    return QColor({
        "on_track": "#4cbb6c" if dark else "#1f883d",
        "at_risk": "#e3b341" if dark else "#bf8700",
        "off_track": "#ff7b72" if dark else "#cf222e",
    }.get(value, "#8b8f94"))


def overdue_color() -> QColor:
    return QColor("#ff7b72" if _dark() else "#cf222e")
