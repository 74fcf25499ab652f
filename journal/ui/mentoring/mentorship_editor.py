"""The mentorship itself: the mentee's name and team, the mentor, structure, cadence, and the
dates it started and ended. Ending keeps every goal, check-in and session."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QWidget

from journal.domain.records import Mentorship, Person
from journal.store.changes import Changes
from journal.store.errors import JournalError
from journal.ui import theme
from journal.ui.context import PageContext
from journal.ui.forms import RecordForm, focus_into_view, optional_date_edit
from journal.ui.mentoring.add_mentee import cadence_spin, structure_combo
from journal.ui.mentoring.goals import text_box
from journal.ui.mentoring.labels import tr
from journal.ui.mentoring.people import MentorPicker
from journal.ui.mentoring.widgets import date_edit, tab_leaves


class MentorshipEditor(QWidget):
    """Edits one mentorship and its mentee's person record; both save themselves."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx: PageContext | None = None
        self.person_form = RecordForm("person", None, None, self)  # type: ignore[arg-type]
        self.form = RecordForm("mentorship", None, None, self)  # type: ignore[arg-type]
        self.name = self.person_form.bind("name", QLineEdit())
        self.team = self.person_form.bind("team", QLineEdit())
        self.team.setPlaceholderText(tr("Their team, if it helps"))
        self.mentor = MentorPicker()
        self.mentor.setEnabled(False)
        self.mentor.person_chosen.connect(self._mentor_chosen)
        self.structure = self.form.bind("structure", structure_combo())
        self.cadence = self.form.bind("cadence_days", cadence_spin())
        self.started = self.form.bind("started_on", date_edit())
        self.ended = self.form.bind("ended_on", tab_leaves(optional_date_edit(
            none_text=tr("still going"))))
        self.ended.setToolTip(tr("Ending a mentorship keeps its goals, check-ins and sessions"))
        self.notes = self.form.bind("notes", text_box(4))
        self.notes.setPlaceholderText(tr("Anything worth remembering about how you work "
                                          "together"))
        self.problem = QLabel()
        theme.style(self.problem, "hint")
        self.problem.setWordWrap(True)

        layout = QFormLayout(self)
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for text, widget in ((tr("&Name:"), self.name), (tr("&Team:"), self.team),
                             (tr("&Mentor:"), self.mentor), (tr("St&ructure:"), self.structure),
                             (tr("Chec&k in every:"), self.cadence),
                             (tr("&Started on:"), self.started), (tr("Ende&d on:"), self.ended),
                             (tr("N&otes:"), self.notes)):
            label = QLabel(text)
            label.setBuddy(widget)
            layout.addRow(label, widget)
        layout.addRow("", self.problem)

    def focus_field(self, name: str | None) -> None:
        """The cursor in a field of the mentorship ("mentor", "notes"…) or of its mentee ("name",
        "team"); None or an unknown field: the name."""
        if name in ("mentor", "mentor_id"):
            widget: QWidget = self.mentor
        elif name in self.form.fields():
            widget = self.form.widget(name)
        elif name in self.person_form.fields():
            widget = self.person_form.widget(name)
        else:
            widget = self.name
        focus_into_view(widget)  # the tab scrolls to it

    def set_context(self, ctx: PageContext | None) -> None:
        self.ctx = ctx
        if ctx is not None:
            for form in (self.form, self.person_form):
                form.journal = ctx.journal
                form.saver = ctx.saver
        self.mentor.set_journal(ctx.journal if ctx else None)
        self.load(None)

    def load(self, mentorship: Mentorship | None, mentee: Person | None = None) -> None:
        self.problem.clear()
        if self.ctx is None:
            return
        self.form.load(mentorship)
        self.person_form.load(mentee)
        if mentorship is not None:
            self.mentor.set_mentor(mentorship.mentor_id, mentorship.mentor_is_me)
        else:  # nothing of the previous mentee shows
            blocked = self.mentor.blockSignals(True)
            self.mentor.setCurrentIndex(-1)
            self.mentor.setEditText("")
            self.mentor.blockSignals(blocked)
        for line in (self.name, self.team):
            if not line.hasFocus():
                line.setCursorPosition(0)  # a long name shows from its start
        self.mentor.setEnabled(mentorship is not None and not self.ctx.journal.read_only)

    def refresh(self, changes: Changes) -> None:
        """Reload what another part of the app changed; skip what this editor wrote."""
        if self.ctx is None:
            return
        if changes.touches("person") and changes.initiator is not self.mentor:
            self.mentor.reload()
        for form in (self.form, self.person_form):
            record = form.record
            if record is None or changes.initiator is form:
                continue
            if record.id in changes.ids(form.kind):
                try:
                    fresh = self.ctx.journal.get(form.kind, record.id)
                except JournalError:
                    fresh = None
                form.load(fresh)
                if fresh is not None and form is self.form:
                    self.mentor.set_mentor(fresh.mentor_id, fresh.mentor_is_me)

    def _mentor_chosen(self, _person_id: object) -> None:
        record = self.form.record
        if record is None or self.ctx is None or self.ctx.journal.read_only:
            return
        mentor_id, mentor_is_me = self.mentor.mentor()
        if mentor_id is not None and mentor_id == record.mentee_id:
            self.problem.setText(tr("A mentee cannot mentor themselves. Pick Me, someone else "
                                    "or nobody."))
            self.mentor.set_mentor(record.mentor_id, record.mentor_is_me)
            return
        self.problem.clear()
        journal, record_id, form = self.ctx.journal, record.id, self.form

        def save() -> None:
            form.record = journal.update("mentorship", record_id, initiator=form,
                                         mentor_id=mentor_id, mentor_is_me=mentor_is_me)

        self.ctx.saver.schedule(("mentorship", record_id, "mentor"), save)
