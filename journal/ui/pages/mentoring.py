"""The Mentoring page: mentees on the left, the selected one's goals, check-ins, sessions and
mentorship on the right. Ctrl+N adds a mentee."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from journal.domain.thresholds import Thresholds
from journal.ops.add_mentee import add_mentee
from journal.store.changes import Changes
from journal.store.mentoring import (
    goal_id_of_check_in,
    mentee_rows,
    mentorship_id_of,
    mentorship_of_person,
)
from journal.ui import theme
from journal.ui.mentoring.add_mentee import AddMenteeDialog
from journal.ui.mentoring.detail import (
    GOALS_TAB,
    MENTORING_KINDS,
    MENTORSHIP_TAB,
    SESSIONS_TAB,
    MenteeDetail,
)
from journal.ui.mentoring.mentee_list import MenteeList
from journal.ui.pages.base import Page
from journal.ui.widgets.intro import intro_box


class MentoringPage(Page):
    prepare_requested = Signal(int)  # Prepare 1:1 with a person (the main window opens it)
    kinds = ("person", "mentorship", "goal", "check_in", "mentoring_session")

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.today = dt.date.today  # replaceable, so the rules can be seen at any date
        self.add_dialog: AddMenteeDialog | None = None
        self.with_ended = False  # whether the list reads the ended mentorships too

        self.mentees = MenteeList(lambda: self.today())
        self.detail = MenteeDetail(lambda: self.today())
        self.nothing_selected = QLabel(self.tr("No mentee matches. Clear the search or tick "
                                               "“Show ended”."))
        theme.style(self.nothing_selected, "hint")
        self.nothing_selected.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.nothing_selected.setWordWrap(True)
        self.right = QStackedWidget()
        self.right.addWidget(self.detail)
        self.right.addWidget(self.nothing_selected)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mentoringSplitter")
        self.splitter.addWidget(self.mentees)
        self.splitter.addWidget(self.right)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([330, 700])

        self.empty = self._build_empty_state()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.splitter)
        self.stack.addWidget(self.empty)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

        self.new_action = QAction(self.tr("New mentee"), self)
        self.new_action.setShortcut(QKeySequence.StandardKey.New)
        self.new_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.new_action.triggered.connect(self.add_mentee)
        self.addAction(self.new_action)
        self.mentees.add_button.setToolTip(
            self.tr("Add a mentee (%1)").replace("%1", self.new_action.shortcut().toString(
                QKeySequence.SequenceFormat.NativeText)))

        self.mentees.add_requested.connect(self.add_mentee)
        self.mentees.current_changed.connect(self._mentee_selected)
        self.mentees.ended_wanted.connect(self._load_ended)
        self.detail.mentorship_deleted.connect(self.reload_list)
        self.detail.prepare_requested.connect(self.prepare_requested)
        # Keyboard order follows the eye: the list, the mentee's header buttons, the tabs, then
        # what the open tab holds.
        self.setTabOrder(self.mentees.add_button, self.detail.end_button)
        self.setTabOrder(self.detail.end_button, self.detail.delete_button)
        self.setTabOrder(self.detail.delete_button, self.detail.tabs)

    def _build_empty_state(self) -> QWidget:
        box, layout = intro_box(self.tr("Mentoring"), self.tr(
            "Keep each person you mentor in one place: who mentors them and how, one or two "
            "concrete goals for the next few months, a short check-in each week, and notes from "
            "your sessions, including how they worked through a problem."
            "\n\nStart with one person. You can add their first goal right after."))
        self.empty_add_button = QPushButton(self.tr("&Add a mentee…"))
        self.empty_add_button.setDefault(True)
        self.empty_add_button.clicked.connect(self.add_mentee)
        layout.addWidget(self.empty_add_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        return box

    # -- Page ------------------------------------------------------------------------------------
    def journal_changed(self) -> None:
        self.with_ended = False
        self.detail.set_context(self.ctx)
        self.mentees.model.set_rows([])
        self.reload_list()

    def on_changes(self, changes: Changes) -> None:
        if not changes.touches(*MENTORING_KINDS):
            return
        self.reload_list()
        self.detail.refresh(changes)

    def show_record(self, kind: str, record_id: int, field: str | None = None) -> None:
        if self.ctx is None:
            return
        self._show_record(kind, record_id)
        if field:
            self.focus_field(kind, field)

    def focus_field(self, kind: str, field: str) -> None:
        """After show_record: the cursor on what fixes a checklist gap."""
        from journal.ui.forms import focus_into_view

        detail = self.detail
        if kind == "mentorship" and field == "goals":
            goals = detail.goals
            (goals.table if goals.model.rows else goals.new_button).setFocus()
        elif kind == "mentorship" and field == "sessions":
            detail.tabs.setCurrentIndex(SESSIONS_TAB)
            detail.sessions.table.setFocus()
        elif kind == "mentorship":
            detail.tabs.setCurrentIndex(MENTORSHIP_TAB)
            widget = (detail.editor.mentor if field == "mentor_id"
                      else detail.editor.form._widgets.get(field))
            if widget is not None:
                focus_into_view(widget)
        elif kind == "goal" and field == "check_ins":
            detail.check_ins.new_button.setFocus()
        elif kind == "goal" and field in detail.goals.form._widgets:
            focus_into_view(detail.goals.form.widget(field))

    def _show_record(self, kind: str, record_id: int) -> None:
        journal = self.ctx.journal
        if kind == "person":
            mentorship = mentorship_of_person(journal, record_id)
            if mentorship is None:
                self.ctx.status(self.tr("This person is not a mentee yet."))
                return
            self._reveal(mentorship.id, MENTORSHIP_TAB)
            return
        mentorship_id = mentorship_id_of(journal, kind, record_id)
        if mentorship_id is None:
            self.ctx.status(self.tr("That record no longer exists."))
            return
        if kind == "mentorship":
            self._reveal(mentorship_id, GOALS_TAB)
        elif kind == "goal":
            self._reveal(mentorship_id, GOALS_TAB)
            self.detail.goals.select(record_id)
            self.detail.goals.table.setFocus()
        elif kind == "check_in":
            self._reveal(mentorship_id, GOALS_TAB)
            self.detail.goals.select(goal_id_of_check_in(journal, record_id))
            self.detail.check_ins.select(record_id)
            self.detail.check_ins.table.setFocus()
        elif kind == "mentoring_session":
            self._reveal(mentorship_id, SESSIONS_TAB)
            self.detail.sessions.select(record_id)
            self.detail.sessions.table.setFocus()

    def _reveal(self, mentorship_id: int, tab: int) -> None:
        self.reload_list()
        self.mentees.select(mentorship_id)
        if self.detail.mentorship_id != mentorship_id:
            self.detail.show_mentorship(mentorship_id)
        self.detail.tabs.setCurrentIndex(tab)

    def save_state(self, settings: QSettings) -> None:
        settings.setValue("splitter", self.splitter.saveState())
        settings.setValue("showEnded", self.mentees.show_ended.isChecked())
        settings.setValue("sortBy", self.mentees.sort_combo.currentIndex())
        self.detail.save_state(settings)

    def restore_state(self, settings: QSettings) -> None:
        state = settings.value("splitter")
        if state is not None:
            self.splitter.restoreState(state)
        self.mentees.show_ended.setChecked(settings.value("showEnded", False, type=bool))
        sort_by = settings.value("sortBy")
        if sort_by is not None:
            self.mentees.sort_combo.setCurrentIndex(int(sort_by))
        self.detail.restore_state(settings)

    # -- data ------------------------------------------------------------------------------------
    def reload_list(self) -> None:
        if self.ctx is None:
            self.mentees.set_rows([])
            self.stack.setCurrentWidget(self.empty)
            return
        journal = self.ctx.journal
        grace = Thresholds.from_settings(journal.settings()).check_in_grace_days
        # Ended mentorships hide until "Show ended" is ticked: they are read once they are
        # needed (most of a long-kept journal's goals are theirs; 12 ms of 17 at 10x).
        ended = self.with_ended = self.with_ended or self.mentees.show_ended.isChecked()
        rows = mentee_rows(journal, self.today(), grace, ended=ended)
        self.mentees.set_rows(rows, with_ended=ended)
        any_mentee = bool(rows) or (not ended and journal.count("mentorship") > 0)
        self.stack.setCurrentWidget(self.splitter if any_mentee else self.empty)
        writable = not self.ctx.journal.read_only
        for widget in (self.mentees.add_button, self.empty_add_button):
            widget.setEnabled(writable)
        self.new_action.setEnabled(writable)

    def _load_ended(self) -> None:
        if self.ctx is not None and not self.with_ended:
            self.with_ended = True
            self.reload_list()

    def _mentee_selected(self, mentorship_id: int | None) -> None:
        self.right.setCurrentWidget(self.detail if mentorship_id is not None
                                    else self.nothing_selected)
        if mentorship_id != self.detail.mentorship_id:
            self.detail.show_mentorship(mentorship_id, self.mentees.table.current_record())

    # -- adding ----------------------------------------------------------------------------------
    def add_mentee(self) -> None:
        if self.ctx is None or self.ctx.journal.read_only:
            return
        self.ctx.saver.flush()
        dialog = AddMenteeDialog(self.ctx.journal, self.today(), self)
        dialog.accepted.connect(lambda: self._create_mentorship(dialog))
        dialog.finished.connect(dialog.deleteLater)
        self.add_dialog = dialog
        dialog.open()

    def _create_mentorship(self, dialog: AddMenteeDialog) -> None:
        values = dialog.values()
        self.add_dialog = None
        if values is None or self.ctx is None:
            return
        mentorship = add_mentee(self.ctx.journal, **values, initiator=self)
        self.reload_list()
        self.mentees.select(mentorship.id)
        self.detail.show_mentorship(mentorship.id)
        self.detail.tabs.setCurrentIndex(GOALS_TAB)
        self.detail.goals.new_button.setFocus()
        self.ctx.status(self.tr("Mentee added. Next: give them a concrete goal."))
