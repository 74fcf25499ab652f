"""Snoozing a gap: until which day, and why. Some gaps are deliberate for a while; the reason is
kept so that, when the gap comes back, you remember what you decided."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from journal.domain.checklist import Finding
from journal.ui import theme
from journal.ui.checklist.text import finding_text, tr

QUICK = ((7, "1 week"), (14, "2 weeks"), (30, "1 month"), (91, "3 months"))


class SnoozeDialog(QDialog):
    def __init__(self, gap: Finding, today: dt.date, parent: QWidget | None = None,
                 until: dt.date | None = None, reason: str = ""):
        super().__init__(parent)
        self.today = today
        self.setWindowTitle(tr("Snooze a gap"))
        what = QLabel(finding_text(gap))
        what.setWordWrap(True)
        theme.style(what, "sectionHeading")

        self.until = QDateEdit()
        self.until.setCalendarPopup(True)
        self.until.setDisplayFormat("yyyy-MM-dd")
        first = today + dt.timedelta(days=1)
        self.until.setMinimumDate(QDate(first.year, first.month, first.day))
        self.set_days(7)
        if until is not None and until > today:
            self.until.setDate(QDate(until.year, until.month, until.day))
        quick = QHBoxLayout()
        for days, label in QUICK:
            button = QPushButton(tr(label))
            button.setAutoDefault(False)
            button.clicked.connect(lambda _c=False, d=days: self.set_days(d))
            quick.addWidget(button)
        quick.addStretch(1)

        self.reason = QLineEdit(reason)
        self.reason.setPlaceholderText(tr("Why this can wait, e.g. “on leave until the 12th”"))
        self.reason.textChanged.connect(self._update_ok)

        form = QFormLayout()
        until_label = QLabel(tr("Back &on:"))
        until_label.setBuddy(self.until)
        form.addRow(until_label, self.until)
        form.addRow("", quick)
        reason_label = QLabel(tr("&Reason:"))
        reason_label.setBuddy(self.reason)
        form.addRow(reason_label, self.reason)
        note = QLabel(tr("The gap is listed under “Snoozed” until then, and is open again on "
                         "that day."))
        note.setWordWrap(True)
        theme.style(note, "hint")

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.addButton(tr("&Snooze"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(what)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.buttons)
        self.reason.setFocus()
        self._update_ok()
        self.resize(max(self.sizeHint().width(), 460), self.sizeHint().height())

    def set_days(self, days: int) -> None:
        day = self.today + dt.timedelta(days=days)
        self.until.setDate(QDate(day.year, day.month, day.day))

    def _update_ok(self) -> None:
        self.ok.setEnabled(bool(self.reason.text().strip()))

    def values(self) -> tuple[dt.date, str]:
        return self.until.date().toPython(), self.reason.text().strip()
