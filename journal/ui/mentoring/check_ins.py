"""Check-ins on the selected goal: the history, and a form to log one in a few keystrokes
(Alt+L, type the progress, Tab, pick the health, Tab, the next step)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from journal.domain.records import CheckIn, Goal
from journal.store.mentoring import check_ins_for_goal
from journal.ui import theme
from journal.ui.mentoring.goals import text_box
from journal.ui.mentoring.labels import choices, health_color, health_label, tr
from journal.ui.mentoring.panel import RecordPanel
from journal.ui.mentoring.widgets import date_edit
from journal.ui.models.record_table import Column, RecordTableModel

DATE, HEALTH, PROGRESS = range(3)


class CheckInsPanel(RecordPanel):
    kind = "check_in"
    stored_on_first_edit = True  # "Log check-in" by mistake stores no empty check-in

    def __init__(self, today: Callable[[], dt.date], parent: QWidget | None = None):
        self.today = today
        self.goal: Goal | None = None
        model = RecordTableModel([
            Column(tr("Date"), lambda c: c.on_date.isoformat() if c.on_date else "",
                   sort=lambda c: (c.on_date or dt.date.min).isoformat()),
            Column(tr("Health"), lambda c: health_label(c.health),
                   foreground=lambda c: health_color(c.health)),
            Column(tr("Progress"), lambda c: " ".join(c.progress.split()),
                   tooltip=lambda c: c.progress),
        ])
        super().__init__(model, parent)
        self.table.setAccessibleName(tr("Check-ins"))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(PROGRESS, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(DATE, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(HEALTH, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(DATE, self.fontMetrics().horizontalAdvance("2026-12-31") + 20)
        header.resizeSection(HEALTH, self.fontMetrics().horizontalAdvance("Off track") + 24)
        self.new_button.setText(tr("Log chec&k-in"))
        self.new_button.setToolTip(tr("Log today's check-in on this goal"))
        self.delete_button.setText(tr("Delete check-in…"))
        self.empty_hint.setText(tr("No check-ins on this goal yet. Log check-in records how it "
                                   "is going today, in a line or two."))

        self.on_date = self.form.bind("on_date", date_edit())
        self.progress = self.form.bind("progress", text_box(3, most=3))  # no scrolling pane
        self.progress.setPlaceholderText(tr("What moved since last time"))
        self.health = QComboBox()
        for label, value in choices("health"):
            self.health.addItem(label, value)
        self.form.bind("health", self.health)
        self.next_step = self.form.bind("next_step", QLineEdit())
        self.next_step.setPlaceholderText(tr("The one next step, and who takes it"))

        self.title = QLabel(tr("Check-ins on this goal"))
        theme.style(self.title, "sectionHeading")
        self.title.setWordWrap(True)  # two lines in a narrow window, not a wider window
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.new_button)
        top.addWidget(self.delete_button)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self._label(tr("&Progress:"), self.progress), self.progress)
        form.addRow(self._label(tr("Hea&lth:"), self.health), self.health)
        form.addRow(self._label(tr("Ne&xt step:"), self.next_step), self.next_step)
        form.addRow(self._label(tr("On da&y:"), self.on_date), self.on_date)
        # History on the left, the selected check-in on the right: both fit in a short pane.
        body = QHBoxLayout()
        body.addWidget(self.table, 1)
        body.addWidget(self.empty_hint, 1)
        body.addLayout(form, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addLayout(body, 1)
        # Tab from the button goes straight to what is typed most.
        QWidget.setTabOrder(self.new_button, self.progress)
        QWidget.setTabOrder(self.progress, self.health)
        QWidget.setTabOrder(self.health, self.next_step)
        QWidget.setTabOrder(self.next_step, self.on_date)

    @staticmethod
    def _label(text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(buddy)
        return label

    def set_goal(self, goal: Goal | None, select: int | None = None) -> None:
        self.goal = goal
        self.set_owner(goal.id if goal is not None else None, select)

    def query(self) -> list[CheckIn]:
        return check_ins_for_goal(self.ctx.journal, self.owner_id)

    def create_values(self) -> dict[str, Any]:
        # A new check-in starts from the last one's health: most weeks it has not changed.
        last = self.model.rows[0].health if self.model.rows else "on_track"
        return dict(goal_id=self.owner_id, on_date=self.today(), health=last)

    def describe(self, record: CheckIn) -> str:
        day = record.on_date.isoformat() if record.on_date else ""
        return tr("the check-in of %1").replace("%1", day)

    def first_field(self) -> QWidget:
        return self.progress

    def shown_changed(self, record: CheckIn | None) -> None:
        # Show a long next step from its start, not scrolled to its end.
        if not self.next_step.hasFocus():
            self.next_step.setCursorPosition(0)
