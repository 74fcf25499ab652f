"""The "Add a mentee" dialog: who, their mentor, the structure, the cadence and the start."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from journal.store.journal import Journal
from journal.ui import theme
from journal.ui.mentoring.labels import choices, tr
from journal.ui.mentoring.people import MentorPicker
from journal.ui.mentoring.widgets import date_edit
from journal.ui.widgets.person_picker import PersonPicker


def cadence_spin() -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(1, 366)
    spin.setValue(7)
    spin.setSuffix(tr(" days"))
    spin.setToolTip(tr("How often you check in on each goal; a week suits most goals"))
    return spin


def structure_combo() -> QComboBox:
    combo = QComboBox()
    for label, value in choices("structure"):
        combo.addItem(label, value)
    return combo


class AddMenteeDialog(QDialog):
    """Collects a new mentorship. `values()` gives the arguments of ops.add_mentee once
    accepted. Nothing is stored while the dialog is open: a new name stays a name until the
    mentee is added, so Cancel leaves the journal as it was. Enter adds."""

    def __init__(self, journal: Journal, today: dt.date, parent: QWidget | None = None):
        super().__init__(parent)
        self.journal = journal
        self.setWindowTitle(tr("Add a mentee"))
        self.mentee = PersonPicker(create_new=False)
        self.mentee.set_journal(journal)
        self.mentee.set_person(None)
        self.mentee.lineEdit().setPlaceholderText(tr("Type a name, new or known"))
        self.mentor = MentorPicker(create_new=False)
        self.mentor.set_journal(journal)
        self.mentor.set_mentor(None, True)
        self.structure = structure_combo()
        self.cadence = cadence_spin()
        self.started = date_edit()
        self.started.setDate(QDate(today.year, today.month, today.day))
        self.problem = QLabel()
        theme.style(self.problem, "hint")
        self.problem.setWordWrap(True)
        self.problem.hide()

        form = QFormLayout()
        form.addRow(tr("&Mentee:"), self.mentee)
        form.addRow(tr("Men&tor:"), self.mentor)
        form.addRow(tr("St&ructure:"), self.structure)
        form.addRow(tr("Check in e&very:"), self.cadence)
        form.addRow(tr("&Started on:"), self.started)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.add_button = buttons.addButton(tr("Add mentee"),
                                            QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        # Only once the buttons are inside the dialog: a button made default before that is
        # unknown to the dialog, which then made the first button (Cancel) the default.
        self.add_button.setDefault(True)
        self.setMinimumWidth(420)
        self.mentee.setFocus()
        self._values: dict | None = None

    def accept(self) -> None:
        if not self.mentee.typed_name():
            self._say(tr("Who is the mentee? Type their name."))
            self.mentee.setFocus()
            return
        mentee = self.mentee.choice()
        mentor, mentor_is_me = self.mentor.mentor_choice()
        if mentor is not None and _same(mentor, mentee):
            self._say(tr("A mentee cannot mentor themselves. Pick Me, someone else or "
                         "“No mentor yet”."))
            self.mentor.setFocus()
            return
        self._values = dict(
            mentee=mentee, mentor=mentor, mentor_is_me=mentor_is_me,
            structure=self.structure.currentData(), cadence_days=self.cadence.value(),
            started_on=self.started.date().toPython())
        super().accept()

    def _say(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.show()

    def values(self) -> dict | None:
        return self._values


def _same(a: int | str | None, b: int | str | None) -> bool:
    """Whether two choices (ids or new names) are the same person."""
    if isinstance(a, str) and isinstance(b, str):
        return a.casefold() == b.casefold()
    return a == b
