"""Mentoring sessions: when, which structure, whether an incident was on, who drove, notes, and
the "Coach the method" frame that records how the mentee investigated, not what the fix was."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from journal.domain.records import MentoringSession
from journal.store.mentoring import sessions_for
from journal.ui import theme
from journal.ui.mentoring.goals import text_box
from journal.ui.mentoring.labels import choices, driver_label, structure_label, tr
from journal.ui.mentoring.panel import RecordPanel
from journal.ui.mentoring.widgets import Collapsible, date_edit
from journal.ui.models.record_table import Column, RecordTableModel

DATE, STRUCTURE, WHO, NOTES = range(4)

# The coaching frame, in the order an investigation runs. Each prompt asks the mentee to state
# their step before taking it; what gets written down is the method.
COACHING_STEPS = (
    ("what_changed", "What changed?",
     "Deploys, config, infrastructure, traffic, time of day: what is different from when it "
     "worked?"),
    ("smallest_reproducer", "Smallest reproducer",
     "The smallest case that still shows the problem."),
    ("evidence", "Evidence",
     "What the logs, metrics or traces actually show, before any explanation."),
    ("hypothesis", "Hypothesis, said before testing",
     "The cause they named out loud before running the next command."),
    ("test", "The test",
     "One specific check that would confirm or rule out the hypothesis, and what it showed."),
)


def _flags(s: MentoringSession) -> str:
    parts = [driver_label(s.driver)]
    if s.during_incident:
        parts.append(tr("incident"))
    return " · ".join(parts)


class SessionsPanel(RecordPanel):
    kind = "mentoring_session"

    def __init__(self, today: Callable[[], dt.date], parent: QWidget | None = None):
        self.today = today
        self.default_structure = "goal_based"
        model = RecordTableModel([
            Column(tr("Date"), lambda s: s.on_date.isoformat() if s.on_date else "",
                   sort=lambda s: (s.on_date or dt.date.min).isoformat()),
            Column(tr("Structure"), lambda s: structure_label(s.structure)),
            Column(tr("Drove · incident"), _flags),
            Column(tr("Notes"), lambda s: " ".join(s.notes.split()), tooltip=lambda s: s.notes),
        ])
        super().__init__(model, parent)
        self.table.setAccessibleName(tr("Sessions"))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(DATE, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(NOTES, QHeaderView.ResizeMode.Stretch)
        metrics = self.fontMetrics()
        header.resizeSection(DATE, metrics.horizontalAdvance("2026-12-31") + 20)
        header.resizeSection(STRUCTURE, metrics.horizontalAdvance("Reverse shadowing") + 20)
        header.resizeSection(WHO, metrics.horizontalAdvance("The mentee · incident") + 20)
        self.new_button.setText(tr("Log &session"))
        self.new_button.setToolTip(tr("Log a session held today"))
        self.delete_button.setText(tr("Delete session…"))
        self.empty_hint.setText(tr("No sessions logged yet. After you meet, log what you worked "
                                   "on and how they went about it."))

        self.on_date = self.form.bind("on_date", date_edit())
        self.structure = QComboBox()
        for label, value in choices("structure"):
            self.structure.addItem(label, value)
        self.form.bind("structure", self.structure)
        self.during_incident = self.form.bind("during_incident",
                                              QCheckBox(tr("D&uring an incident")))
        self.driver = QComboBox()
        for label, value in choices("driver"):
            self.driver.addItem(label, value)
        self.form.bind("driver", self.driver)
        self.notes = self.form.bind("notes", text_box(3))
        self.notes.setPlaceholderText(tr("What you worked on and what they took away"))

        coach_body = QWidget()
        coach_form = QFormLayout(coach_body)
        coach_form.setContentsMargins(16, 0, 0, 0)
        coach_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        intro = QLabel(tr("Ask for each step before they take it, and write down their words: "
                          "the method is what they keep."))
        theme.style(intro, "hint")
        intro.setWordWrap(True)
        coach_form.addRow(intro)
        self.coaching: dict[str, QWidget] = {}
        for field, title, prompt in COACHING_STEPS:
            box = self.form.bind(field, text_box(2))
            box.setPlaceholderText(tr(prompt))
            box.setToolTip(tr(prompt))
            self.coaching[field] = box
            label = QLabel(tr(title))
            label.setBuddy(box)
            coach_form.addRow(label, box)
        self.coach = Collapsible(tr("Coach the &method (debugging)"), coach_body)

        top = QHBoxLayout()
        title = QLabel(tr("Sessions"))
        theme.style(title, "sectionHeading")
        top.addWidget(title, 1)
        top.addWidget(self.new_button)
        top.addWidget(self.delete_button)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        when = QHBoxLayout()
        when.addWidget(self.on_date)
        when.addWidget(self.during_incident)
        when.addStretch(1)
        form.addRow(self._label(tr("&Date:"), self.on_date), when)
        form.addRow(self._label(tr("St&ructure:"), self.structure), self.structure)
        form.addRow(self._label(tr("Wh&o drove:"), self.driver), self.driver)
        form.addRow(self._label(tr("&Notes:"), self.notes), self.notes)
        self.editor_layout = form
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_hint)
        layout.addStretch(0)  # takes the room only while the table is hidden

    @staticmethod
    def _label(text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(buddy)
        return label

    def query(self) -> list[MentoringSession]:
        return sessions_for(self.ctx.journal, self.owner_id)

    def create_values(self) -> dict[str, Any]:
        return dict(mentorship_id=self.owner_id, on_date=self.today(),
                    structure=self.default_structure)

    def describe(self, record: MentoringSession) -> str:
        day = record.on_date.isoformat() if record.on_date else ""
        return tr("the session of %1").replace("%1", day)

    def first_field(self) -> QWidget:
        return self.notes

    def shown_changed(self, record: MentoringSession | None) -> None:
        # Open the coaching frame when the session already uses it, so nothing written hides.
        if record is not None:
            used = any(getattr(record, field) for field, _t, _p in COACHING_STEPS)
            if used:
                self.coach.set_open(True)
