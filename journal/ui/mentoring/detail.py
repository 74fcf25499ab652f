"""One mentee at a glance: who mentors them and how, when you last met and when the next
check-in is due, gentle anti-pattern hints, then their goals, sessions and the mentorship."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from journal.domain.kinds import CHECK_IN, GOAL, MENTORING_SESSION, MENTORSHIP, PERSON
from journal.domain.mentoring import mentorship_hints
from journal.domain.records import Mentorship
from journal.domain.thresholds import Thresholds
from journal.store.changes import Changes
from journal.store.errors import RecordNotFound
from journal.store.mentoring import (
    MenteeRow,
    goal_id_of_check_in,
    mentee_rows,
    session_facts,
)
from journal.ui import theme
from journal.ui.context import PageContext
from journal.ui.kit import delete_with_undo
from journal.ui.mentoring.check_ins import CheckInsPanel
from journal.ui.mentoring.goals import GoalsPanel
from journal.ui.mentoring.labels import (
    count_text,
    mentor_text,
    mentorship_hint_text,
    relative_day,
    structure_label,
    tr,
)
from journal.ui.mentoring.mentorship_editor import MentorshipEditor
from journal.ui.mentoring.sessions import SessionsPanel
from journal.ui.mentoring.widgets import ElidedLabel, hint_label

MENTORING_KINDS = ("person", "mentorship", "goal", "check_in", "mentoring_session", "setting")
GOALS_TAB, SESSIONS_TAB, MENTORSHIP_TAB = range(3)


def _scrolling(widget: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidget(widget)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # fields wrap
    return area


class MenteeDetail(QWidget):
    """The editor of one mentorship on the page kit's right (a `RecordEditor`): `record` is the
    mentorship shown. Its parts save themselves, each as its own initiator; the page hands
    every mentoring change to `refresh`, which skips what a part wrote itself."""

    prepare_requested = Signal(int)  # a person's id: "Prepare 1:1…" (the window opens it)

    def __init__(self, today: Callable[[], dt.date], parent: QWidget | None = None):
        super().__init__(parent)
        self.today = today
        self.ctx: PageContext | None = None
        self.thresholds = Thresholds()
        self.row: MenteeRow | None = None
        self.record: Mentorship | None = None
        # The list's row of a mentorship, when the page has it (saves a query per switch).
        self.known_row: Callable[[int], MenteeRow | None] = lambda _id: None
        self.hint_codes: list[str] = []  # the anti-pattern hints now shown

        self.heading = ElidedLabel()
        theme.style(self.heading, "pageHeading")
        self.summary = ElidedLabel()
        self.contact = QLabel()
        self.contact.setWordWrap(True)
        self.hints = hint_label("mentorshipHints")
        self.end_button = QPushButton()
        self.end_button.clicked.connect(self.toggle_ended)
        self.delete_button = QPushButton(tr("Delete mentorship…"))
        self.delete_button.clicked.connect(self.delete_mentorship)
        self.prep_button = QPushButton(tr("Prepare 1:1…"))
        self.prep_button.clicked.connect(self.prepare_one_on_one)

        self.goals = GoalsPanel(today)
        self.check_ins = CheckInsPanel(today)
        self.sessions = SessionsPanel(today)
        self.editor = MentorshipEditor()
        self.goals.current_changed.connect(self._goal_changed)
        self.sessions.current_changed.connect(self._session_changed)

        self.tabs = QTabWidget()
        self.tabs.addTab(self._goals_tab(), tr("Goals && check-ins"))
        self.tabs.addTab(self._sessions_tab(), tr("Sessions"))
        self.tabs.addTab(_scrolling(self.editor), tr("Mentorship"))

        # The name beside its buttons; above them when the pane is too narrow for both
        # (resizeEvent), so a narrow window never squeezes the name out of sight.
        self.header = header = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        header.addWidget(self.heading, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.prep_button, self.end_button, self.delete_button):
            buttons.addWidget(button)
        self.header_buttons = buttons
        header.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 8)
        layout.setSpacing(4)
        layout.addLayout(header)
        layout.addWidget(self.summary)
        layout.addWidget(self.contact)
        layout.addWidget(self.hints)
        layout.addSpacing(4)
        layout.addWidget(self.tabs, 1)
        # Keyboard order follows the eye: the header's buttons, the tabs, then the open tab.
        for before, after in ((self.prep_button, self.end_button),
                              (self.end_button, self.delete_button),
                              (self.delete_button, self.tabs)):
            self.setTabOrder(before, after)

    def _goals_tab(self) -> QWidget:
        goal_box = QGroupBox(tr("Goal"))
        goal_box.setLayout(self.goals.editor_layout)
        self.goal_box = goal_box
        self.goals_split = QSplitter(Qt.Orientation.Vertical)
        self.goals_split.addWidget(self.goals)
        # The outcome and the success signal take the room there is; when the pane is too
        # short for them, the goal scrolls as a whole (never sideways, never its fields too).
        self.goal_area = _scrolling(goal_box)
        self.goals_split.addWidget(self.goal_area)
        self.goals_split.addWidget(self.check_ins)
        self.goals_split.setChildrenCollapsible(False)
        self.goals_split.setSizes([120, 240, 200])
        return self.goals_split

    def _sessions_tab(self) -> QWidget:
        editor = QWidget()
        column = QVBoxLayout(editor)
        column.setContentsMargins(0, 4, 0, 0)
        column.addLayout(self.sessions.editor_layout)
        column.addWidget(self.sessions.coach)  # the notes take the room left
        self.sessions_split = QSplitter(Qt.Orientation.Vertical)
        self.sessions_split.addWidget(self.sessions)
        self.session_area = _scrolling(editor)
        self.sessions_split.addWidget(self.session_area)
        self.sessions_split.setStretchFactor(1, 2)
        self.sessions_split.setSizes([150, 400])  # the editor and its coaching frame need room
        self.sessions_split.setChildrenCollapsible(False)
        return self.sessions_split

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        name = min(self.heading.sizeHint().width(), 220)
        beside = name + self.header_buttons.sizeHint().width() + 40
        direction = (QBoxLayout.Direction.LeftToRight if event.size().width() >= beside
                     else QBoxLayout.Direction.TopToBottom)
        if self.header.direction() != direction:
            self.header.setDirection(direction)
        super().resizeEvent(event)

    # -- context ---------------------------------------------------------------------------------
    def set_context(self, ctx: PageContext | None) -> None:
        self.ctx = ctx
        self.thresholds = Thresholds.from_settings(ctx.journal.settings()) if ctx else Thresholds()
        for part in (self.goals, self.check_ins, self.sessions):
            part.thresholds = self.thresholds
            part.set_context(ctx)
        self.editor.set_context(ctx)
        self.show_mentorship(None)

    @property
    def mentorship_id(self) -> int | None:
        return self.row.id if self.row else None

    # -- what the page kit asks of its editor ----------------------------------------------------
    @property
    def initiator(self) -> object:
        return self

    def load(self, record: Mentorship | None) -> None:
        self.show_mentorship(record.id if record is not None else None)

    def refresh_from_store(self) -> None:
        """(The page hands each change to `refresh`, which knows what it touched.)"""

    def related_changed(self, changes: Changes) -> None:
        """(As `refresh_from_store`.)"""

    def first_widget(self) -> QWidget:
        return self.prep_button

    def focus_field(self, name: str | None) -> None:
        """A field of the mentorship (or of its mentee: name, team): on the Mentorship tab."""
        self.show_part(MENTORSHIP, self.mentorship_id or 0, name)

    def show_part(self, kind: str, record_id: int, field: str | None = None) -> None:
        """Show a record of the open mentorship on its tab, selected, with the cursor in
        `field` (else on its list): a goal, check-in or session; the mentorship itself (its
        goals, or with `field` its own form; "goals" and "sessions" for their lists); the
        mentee (the Mentorship tab). A goal's "check_ins" puts the cursor on Log check-in."""
        if kind in (MENTORSHIP, PERSON):
            if kind == PERSON and field is None:
                self.tabs.setCurrentIndex(MENTORSHIP_TAB)  # the person's name, team, mentor
            elif field in (None, "goals"):
                self.tabs.setCurrentIndex(GOALS_TAB)
                if field is not None:
                    goals = self.goals
                    (goals.table if goals.model.rows else goals.new_button).setFocus()
            elif field == "sessions":
                self.tabs.setCurrentIndex(SESSIONS_TAB)
                self.sessions.table.setFocus()
            else:
                self.tabs.setCurrentIndex(MENTORSHIP_TAB)
                self.editor.focus_field(field)
            return
        if kind in (GOAL, CHECK_IN):
            self.tabs.setCurrentIndex(GOALS_TAB)
            goal_id = record_id if kind == GOAL else goal_id_of_check_in(self.ctx.journal,
                                                                         record_id)
            if goal_id is not None:
                self.goals.select(goal_id)
            if kind == GOAL and field == "check_ins":
                self.check_ins.new_button.setFocus()
                return
            part = self.goals if kind == GOAL else self.check_ins
        elif kind == MENTORING_SESSION:
            self.tabs.setCurrentIndex(SESSIONS_TAB)
            part = self.sessions
        else:
            return
        if kind != GOAL:
            part.select(record_id)
        part.focus_field(field)

    def show_mentorship(self, mentorship_id: int | None, row: MenteeRow | None = None) -> None:
        """Load one mentorship (only this one: its goals, check-ins and sessions). A caller that
        already holds the mentorship's list row passes it to save a query."""
        if row is None and mentorship_id is not None:
            row = self.known_row(mentorship_id)
        self.row = row if row is not None and row.id == mentorship_id else self._row(mentorship_id)
        row = self.row
        self.goals.cadence_days = row.cadence_days if row else 7
        self.sessions.default_structure = row.structure if row else "goal_based"
        self.goals.set_owner(row.id if row else None)
        self.sessions.set_owner(row.id if row else None)
        if row is not None and self.ctx is not None:
            try:
                mentorship = self.ctx.journal.get(MENTORSHIP, row.id)
                mentee = self.ctx.journal.get(PERSON, row.mentee_id)
            except RecordNotFound:
                mentorship = mentee = None
            self.record = mentorship
            self.editor.load(mentorship, mentee)
        else:
            self.record = None
            self.editor.load(None)
        self._show_header()

    def prepare_one_on_one(self) -> None:
        if self.row is not None:
            self.prepare_requested.emit(self.row.mentee_id)

    def _row(self, mentorship_id: int | None) -> MenteeRow | None:
        if mentorship_id is None or self.ctx is None:
            return None
        rows = mentee_rows(self.ctx.journal, self.today(), self.thresholds.check_in_grace_days,
                           mentorship_id)
        return rows[0] if rows else None

    def _goal_changed(self, goal: object) -> None:
        self.check_ins.set_goal(goal)  # type: ignore[arg-type]
        # With no goal there is nothing to edit or check in on: the goals list says what to do.
        self.goal_area.setVisible(goal is not None)
        self.check_ins.setVisible(goal is not None)

    def _session_changed(self, session: object) -> None:
        self.session_area.setVisible(session is not None)

    # -- the header ------------------------------------------------------------------------------
    def _show_header(self) -> None:
        row, today = self.row, self.today()
        writable = self.ctx is not None and not self.ctx.journal.read_only
        self.end_button.setEnabled(writable and row is not None)
        self.delete_button.setEnabled(writable and row is not None)
        self.prep_button.setEnabled(row is not None)
        if row is None:
            for label in (self.heading, self.summary):
                label.set_full_text("")
            self.contact.clear()
            self.hints.hide()
            self.hint_codes = []
            return
        self.heading.set_full_text(row.mentee_name)
        mentor = mentor_text(row.mentor_is_me, row.mentor_name)
        parts = [tr("Mentor: %1").replace("%1", mentor), structure_label(row.structure),
                 tr("check-ins every %1 days").replace("%1", str(row.cadence_days))]
        if row.started_on:
            parts.append(tr("since %1").replace("%1", row.started_on.isoformat()))
        if row.ended_on:
            parts.append(tr("ended %1").replace("%1", row.ended_on.isoformat()))
        self.summary.set_full_text(" · ".join(parts))
        self.end_button.setText(tr("Resume mentorship") if row.ended else tr("End mentorship"))

        facts = []
        if row.last_check_in:
            facts.append(tr("Last check-in %1").replace(
                "%1", relative_day(row.last_check_in, today)))
        else:
            facts.append(tr("No check-ins yet"))
        if row.ended:
            facts.append(tr("mentorship ended"))
        elif row.next_due is None:
            facts.append(tr("no active goal: add one below"))
        elif row.overdue_goals:
            facts.append(tr("next was due %1 — overdue").replace(
                "%1", relative_day(row.next_due, today)))
        else:
            facts.append(tr("next due %1").replace("%1", relative_day(row.next_due, today)))
        sessions = self.sessions.model.rows
        window_start = today - dt.timedelta(weeks=self.thresholds.hero_call_weeks)
        recent = sum(1 for s in sessions if s.on_date and window_start <= s.on_date <= today)
        facts.append(tr("%1 in the last %2 weeks").replace(
            "%1", count_text("mentoring_session", recent)).replace(
            "%2", str(self.thresholds.hero_call_weeks)))
        if row.last_session:
            facts.append(tr("last session %1").replace(
                "%1", relative_day(row.last_session, today)))
        self.contact.setText(" · ".join(facts))
        hints = mentorship_hints(session_facts(sessions), today, self.thresholds)
        text = "\n".join(mentorship_hint_text(h, self.thresholds.hero_call_weeks) for h in hints)
        self.hints.setText(text)
        self.hints.setVisible(bool(text))
        self.hint_codes = hints

    # -- reacting --------------------------------------------------------------------------------
    def refresh(self, changes: Changes) -> None:
        if self.ctx is None or self.row is None:
            return
        if changes.touches("setting"):
            self.thresholds = Thresholds.from_settings(self.ctx.journal.settings())
            for part in (self.goals, self.check_ins, self.sessions):
                part.thresholds = self.thresholds
        row = self._row(self.row.id)
        if row is None:  # deleted, by this page or another
            self.show_mentorship(None)
            return
        self.row = row
        if changes.touches(MENTORSHIP) and self.record is not None:
            try:
                self.record = self.ctx.journal.get(MENTORSHIP, row.id)
            except RecordNotFound:
                self.record = None
        self.goals.cadence_days = self.row.cadence_days
        self.sessions.default_structure = self.row.structure
        if changes.touches("goal", "check_in", "mentorship", "setting"):
            self.goals.refresh(changes)
        if changes.touches("check_in", "goal"):
            self.check_ins.refresh(changes)
        if changes.touches("mentoring_session"):
            self.sessions.refresh(changes)
        if changes.touches("mentorship", "person"):
            self.editor.refresh(changes)
        if changes.touches("check_in", "goal", "mentorship", "setting"):
            self.goals.update_hints()
        self._show_header()

    def toggle_ended(self) -> None:
        if self.row is None or self.ctx is None or self.ctx.journal.read_only:
            return
        self.ctx.saver.flush()
        ended = None if self.row.ended else self.today()
        self.ctx.journal.update("mentorship", self.row.id, initiator=self, ended_on=ended)
        if ended:
            self.ctx.status(tr("Mentorship ended. Its goals, check-ins and sessions are kept; "
                               "“Show ended” lists it."))

    def delete_mentorship(self) -> bool:
        if self.row is None or self.ctx is None:
            return False
        what = tr("the mentorship of %1").replace("%1", self.row.mentee_name)
        return delete_with_undo(self, self.ctx, MENTORSHIP, self.row.id, what, initiator=self)

    # -- layout memory ---------------------------------------------------------------------------
    def save_state(self, settings: QSettings) -> None:
        settings.setValue("goalsSplit", self.goals_split.saveState())
        settings.setValue("sessionsSplit", self.sessions_split.saveState())
        settings.setValue("tab", self.tabs.currentIndex())

    def restore_state(self, settings: QSettings) -> None:
        for key, splitter in (("goalsSplit", self.goals_split),
                              ("sessionsSplit", self.sessions_split)):
            state = settings.value(key)
            if state is not None:
                splitter.restoreState(state)
        tab = settings.value("tab")
        if tab is not None:
            self.tabs.setCurrentIndex(int(tab))
