"""The "Log contact" dialog: when, what kind of contact, with whom, whether it was during an
incident, and a note."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from journal.domain.kinds import PARTNER_CONTACT
from journal.domain.records import CONTACT_KINDS
from journal.store.journal import Journal
from journal.ui.partners.words import kind_label, tr
from journal.ui.widgets.person_picker import PersonPicker


class LogContactDialog(QDialog):
    def __init__(self, journal: Journal, team_name: str, contact_id: int | None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.journal = journal
        self.setWindowTitle(tr("Log a contact with %1").replace("%1", team_name))
        self.on_date = QDateEdit(QDate.currentDate())
        self.on_date.setCalendarPopup(True)
        self.on_date.setDisplayFormat("yyyy-MM-dd")
        self.on_date.setMaximumDate(QDate.currentDate().addDays(1))
        self.kind = QComboBox()
        for kind in CONTACT_KINDS:
            self.kind.addItem(kind_label(kind), kind)
        self.kind.setCurrentIndex(CONTACT_KINDS.index("coffee_chat"))
        self.incident = QCheckBox(tr("It happened during an &incident"))
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.person = PersonPicker(allow_none=True, none_text=tr("Nobody in particular"))
        self.person.set_journal(journal)
        self.person.set_person(contact_id)
        self.notes = QPlainTextEdit()
        self.notes.setPlaceholderText(tr("What you talked about, what you agreed, what to "
                                         "follow up"))
        self.notes.setTabChangesFocus(True)
        form = QFormLayout()
        form.addRow(tr("&Date:"), self.on_date)
        form.addRow(tr("&Kind:"), self.kind)
        form.addRow("", self.incident)
        form.addRow(tr("&With:"), self.person)
        form.addRow(tr("&Notes:"), self.notes)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("&Log contact"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.notes.setFocus()
        self.resize(480, 360)

    def _kind_changed(self, _index: int) -> None:
        if self.kind.currentData() == "incident":
            self.incident.setChecked(True)

    def values(self) -> dict:
        return dict(on_date=self.on_date.date().toPython(), contact_kind=self.kind.currentData(),
                    during_incident=self.incident.isChecked(), person_id=self.person.person_id(),
                    notes=self.notes.toPlainText().strip())


def log_contact(journal: Journal, team_id: int, values: dict, initiator: object = None):
    """Write the contact the dialog describes."""
    values = dict(values)
    values.setdefault("on_date", dt.date.today())
    return journal.create(PARTNER_CONTACT, initiator, team_id=team_id, **values)
