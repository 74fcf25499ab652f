"""A mentee's goals: the list with trend dots and next check-in, and the goal editor that
nudges toward a concrete outcome and a one-to-three-month target as the user types."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from journal.domain.mentoring import goal_hints, is_overdue, next_check_in_due, progress_trend
from journal.domain.records import Goal
from journal.domain.thresholds import Thresholds
from journal.store.mentoring import GoalRow, active_goal_count, goal_rows
from journal.ui.forms import optional_date_edit
from journal.ui.mentoring.labels import (
    choices,
    goal_hint_text,
    health_label,
    overdue_color,
    relative_day,
    status_label,
    tr,
    trend_label,
)
from journal.ui.mentoring.panel import RecordPanel
from journal.ui.mentoring.widgets import (
    HEALTHS_ROLE,
    HealthDotsDelegate,
    date_edit,
    hint_label,
    tab_leaves,
)
from journal.ui.models.record_table import Column, RecordTableModel
from journal.ui.widgets.text import follow_text_direction
from journal.ui.widgets.text_box import TextBox

OUTCOME, STATUS, TREND, NEXT = range(4)
DEFAULT_TARGET_DAYS = 60  # a new goal starts in the middle of the one-to-three-month range


def text_box(lines: int, most: int = 12) -> QPlainTextEdit:
    """A text field at least `lines` lines tall that grows with its text (up to `most` lines:
    in a form that scrolls as a whole) and takes the room there is; Tab moves on."""
    box = TextBox(lines, most)
    follow_text_direction(box)  # an Arabic or Hebrew paragraph starts at the right
    return box


class GoalListModel(RecordTableModel):
    """Goal rows with their next due date; overdue goals are bold in a warning colour."""

    def __init__(self, panel: GoalsPanel):
        self.panel = panel
        super().__init__([
            Column(tr("Goal"), lambda r: r.goal.outcome or tr("(no outcome yet)"),
                   tooltip=lambda r: r.goal.outcome),
            Column(tr("Status"), lambda r: status_label(r.goal.status)),
            Column(tr("Recent check-ins"), lambda r: "", sort=lambda r: r.check_ins,
                   tooltip=self._trend_tip),
            Column(tr("Next check-in"), self._due_text,
                   sort=lambda r: (self.panel.due(r) or dt.date.max).isoformat(),
                   tooltip=self._due_tip,
                   foreground=lambda r: overdue_color() if self.panel.overdue(r) else None),
        ])  # the panel adopts the model once it exists as a widget

    def _due_text(self, row: GoalRow) -> str:
        if row.goal.status != "active":
            return "—"
        return relative_day(self.panel.due(row), self.panel.today())

    def _due_tip(self, row: GoalRow) -> str:
        due = self.panel.due(row)
        if due is None:
            return ""
        if self.panel.overdue(row):
            return tr("Overdue: a check-in was due on %1").replace("%1", due.isoformat())
        return tr("Due on %1").replace("%1", due.isoformat())

    def _trend_tip(self, row: GoalRow) -> str:
        if not row.recent_healths:
            return tr("No check-ins yet")
        steps = " → ".join(health_label(h) for h in row.recent_healths)
        return tr("%1\nTrend: %2").replace("%1", steps).replace(
            "%2", trend_label(progress_trend(row.recent_healths)))

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and index.row() < len(self.rows):
            row = self.rows[index.row()]
            if role == HEALTHS_ROLE:
                return row.recent_healths
            if role == Qt.ItemDataRole.FontRole:
                if self.panel.overdue(row):
                    font = QFont()
                    font.setBold(True)
                    return font
                return None
        return super().data(index, role)


class GoalsPanel(RecordPanel):
    kind = "goal"

    def __init__(self, today: Callable[[], dt.date], parent: QWidget | None = None):
        self.today = today
        self.cadence_days = 7
        self.thresholds = Thresholds()
        super().__init__(GoalListModel(self), parent)
        self.table.setAccessibleName(tr("Goals"))
        self.table.setItemDelegateForColumn(TREND, HealthDotsDelegate(self.table))
        header = self.table.horizontalHeader()
        for column, sample in ((STATUS, "Achieved"), (TREND, "●●●●●●●●"),
                               (NEXT, "in 365 days")):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, self.fontMetrics().horizontalAdvance(sample) + 28)
        self.table.setSortingEnabled(False)
        self.new_button.setText(tr("New &goal"))
        self.delete_button.setText(tr("Delete goal…"))
        self.empty_hint.setText(tr("No goals yet. One or two concrete outcomes for the next one "
                                   "to three months work best; start with New goal."))

        self.outcome = self.form.bind("outcome", text_box(3))
        self.outcome.setPlaceholderText(tr("What they will do, e.g. run the Q3 failover game "
                                           "day as incident commander"))
        self.success_signal = self.form.bind("success_signal", text_box(3))
        self.success_signal.setPlaceholderText(tr("How you will both see it happened"))
        self.started = self.form.bind("started_on", date_edit())
        self.target = self.form.bind("target_on",
                                     tab_leaves(optional_date_edit(none_text=tr("not set"))))
        self.status = QComboBox()
        for label, value in choices("status"):
            self.status.addItem(label, value)
        self.form.bind("status", self.status)
        self.hints = hint_label("goalHints")
        self.hints.setAccessibleName(tr("Suggestions for this goal"))
        self.form.edited.connect(lambda _f: self.update_hints())

        editor = QFormLayout()
        editor.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        editor.addRow(self._label(tr("&Outcome:"), self.outcome), self.outcome)
        editor.addRow("", self.hints)  # right under the outcome, where the user is typing
        editor.addRow(self._label(tr("&Success looks like:"), self.success_signal),
                      self.success_signal)
        dates = QHBoxLayout()
        dates.addWidget(self.started)
        to = self._label(tr("&target:"), self.target)
        dates.addWidget(to)
        dates.addWidget(self.target)
        dates.addStretch(1)
        editor.addRow(self._label(tr("Fro&m:"), self.started), dates)
        status = QHBoxLayout()  # on a line of its own: the goal never scrolls sideways
        status.addWidget(self.status)
        status.addStretch(1)
        editor.addRow(self._label(tr("Stat&us:"), self.status), status)
        editor.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)

        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_hint)
        layout.addLayout(buttons)
        layout.addStretch(0)  # takes the room only while the table is hidden
        self.editor_layout = editor  # placed by the goals tab beside the check-ins

    @staticmethod
    def _label(text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(buddy)
        return label

    # -- facts for the rows ----------------------------------------------------------------------
    def due(self, row: GoalRow) -> dt.date | None:
        if row.goal.status != "active":
            return None
        return next_check_in_due(row.last_check_in, row.goal.started_on, self.cadence_days)

    def overdue(self, row: GoalRow) -> bool:
        return is_overdue(self.due(row), self.today(), self.thresholds.check_in_grace_days)

    def current_row(self) -> GoalRow | None:
        return self.table.current_record()

    # -- RecordPanel -----------------------------------------------------------------------------
    def query(self) -> list[GoalRow]:
        return goal_rows(self.ctx.journal, self.owner_id)

    def record_of(self, row: GoalRow) -> Goal:
        return row.goal

    def create_values(self) -> dict[str, Any]:
        today = self.today()
        return dict(mentorship_id=self.owner_id, started_on=today,
                    target_on=today + dt.timedelta(days=DEFAULT_TARGET_DAYS), status="active")

    def describe(self, record: Goal) -> str:
        outcome = " ".join(record.outcome.split())
        if not outcome:
            return tr("this goal")
        short = outcome if len(outcome) <= 60 else outcome[:57] + "…"
        return tr("the goal “%1”").replace("%1", short)

    def first_field(self) -> QWidget:
        return self.outcome

    def shown_changed(self, record: Goal | None) -> None:
        self.update_hints()

    def current_hints(self) -> list:
        """The goal's hints judged from what is in the editor now, not what is saved."""
        record = self.form.record
        if record is None or self.ctx is None:
            return []
        others = active_goal_count(self.ctx.journal, record.mentorship_id, excluding=record.id)
        return goal_hints(self.form.value("outcome"), self.form.value("started_on"),
                          self.form.value("target_on"), self.form.value("status"), others,
                          self.thresholds)

    def update_hints(self) -> None:
        text = "\n".join("• " + goal_hint_text(h, self.thresholds.max_active_goals)
                         for h in self.current_hints())
        self.hints.setText(text)
        self.hints.setVisible(bool(text))
