"""Turning a retro item into a follow-up: a feedback draft for someone, or a goal for a mentee."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from journal.domain.records import FEEDBACK_KINDS, Retro, RetroItem
from journal.store.journal import Journal
from journal.ui.feedback.shared import polarity_label, tr
from journal.ui.widgets.person_picker import PersonPicker


class PersonDialog(QDialog):
    """Asks for one person (a new name is added), and for feedback, reinforcing or corrective."""

    def __init__(self, journal: Journal, title: str, text: str, polarity: str | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.journal = journal
        explain = QLabel(text)
        explain.setWordWrap(True)
        self.picker = PersonPicker(self)
        self.picker.set_journal(journal)
        self.picker.set_person(None)
        form = QFormLayout()
        form.addRow(tr("&Person:"), self.picker)
        self.polarity: QComboBox | None = None
        if polarity is not None:
            self.polarity = QComboBox()
            for value in FEEDBACK_KINDS:
                self.polarity.addItem(polarity_label(value), value)
            self.polarity.setCurrentIndex(self.polarity.findData(polarity))
            form.addRow(tr("&Kind:"), self.polarity)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setEnabled(False)
        self.picker.editTextChanged.connect(lambda t: self.ok.setEnabled(bool(t.strip())))
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(440, self.sizeHint().height())

    def chosen(self) -> tuple[int | None, str | None]:
        polarity = self.polarity.currentData() if self.polarity is not None else None
        return self.picker.person_id(), polarity


def draft_values(retro: Retro, item: RetroItem, held: str) -> dict[str, str]:
    """Where a retro item's words go in a feedback draft.

    Continue and Stop items name something that was done: that is Behavior, and the retro gives
    the Situation. A Start item names something missing, which is not yet a behavior of theirs,
    so it goes into the Situation as context and Behavior is left for what they actually did.
    """
    occasion = retro.subject.strip() or tr("the last retro")
    if item.bucket == "start":
        situation = tr("In the retro for %1 (%2) we agreed to start: %3").replace(
            "%1", occasion).replace("%2", held).replace("%3", item.text)
        return {"situation": situation}
    return {"situation": tr("During %1 (retro on %2)").replace("%1", occasion).replace(
        "%2", held), "behavior": item.text}


def default_polarity(bucket: str) -> str:
    """Keep doing it: reinforcing. Start or stop doing something: corrective."""
    return "reinforcing" if bucket == "continue" else "corrective"


def explain_no_mentorship(parent: QWidget, name: str) -> None:
    QMessageBox.information(parent, tr("No active mentorship"), tr(
        "Goals belong to a mentorship, and %1 has no active one. Start a mentorship for them on "
        "the Mentoring page, then turn this item into a goal.").replace("%1", name))


def offer_to_open(parent: QWidget, text: str) -> bool:
    answer = QMessageBox.question(parent, tr("Goal added"), text,
                                  QMessageBox.StandardButton.Open
                                  | QMessageBox.StandardButton.Close,
                                  QMessageBox.StandardButton.Open)
    return answer == QMessageBox.StandardButton.Open


def today() -> dt.date:
    return dt.date.today()
