"""The list of received-feedback reflections: when, from whom, and where each one stands."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject

from journal.store.reflections import ReflectionRow
from journal.ui.feedback.shared import one_line, status_label
from journal.ui.models.record_table import Column, RecordTableModel

STATUS_FILTERS: tuple[tuple[str, frozenset[str] | None], ...] = (
    ("all", None),
    ("open", frozenset({"open", "acting"})),
    ("done", frozenset({"done"})),
)


def tr(text: str) -> str:
    return QCoreApplication.translate("Reflections", text)


def status_filter_label(key: str) -> str:
    return {"all": tr("All reflections"), "open": tr("Not done yet"), "done": tr("Done")}[key]


def giver_text(row: ReflectionRow) -> str:
    return row.giver_name or tr("Not named")


def reflection_model(parent: QObject | None = None) -> RecordTableModel:
    return RecordTableModel([
        Column(tr("Received"), lambda r: r.received_on.isoformat(),
               sort=lambda r: r.received_on.isoformat()),
        Column(tr("From"), giver_text, sort=lambda r: giver_text(r).casefold(),
               tooltip=giver_text),
        Column(tr("Status"), lambda r: status_label(r.status)),
        Column(tr("What was said"), lambda r: one_line(r.what_was_said),
               tooltip=lambda r: one_line(r.what_was_said, 600)),
    ], parent)
