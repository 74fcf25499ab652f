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
from journal.ops import follow_ups
from journal.ops.follow_ups import DraftWording
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


def wording() -> DraftWording:
    """The sentences a draft from a retro item starts with, in the user's language."""
    return DraftWording(occasion=tr("the last retro"),
                        start=tr("In the retro for %1 (%2) we agreed to start: %3"),
                        done=tr("During %1 (retro on %2)"))


def draft_values(retro: Retro, item: RetroItem) -> dict[str, str]:
    """Where a retro item's words go in a feedback draft (see `journal.ops.follow_ups`)."""
    return follow_ups.draft_values(retro, item, wording())


default_polarity = follow_ups.default_polarity


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
