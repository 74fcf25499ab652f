"""The editor of one design review: the six rubric questions, each with its own field and a
prompt, a count of those answered, the decision, and the decision record it led to."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from journal.domain.decisions import RUBRIC, answered
from journal.domain.kinds import DECISION_RECORD, DESIGN_REVIEW
from journal.domain.records import DesignReview
from journal.ops.decisions import record_decision
from journal.store.errors import JournalError
from journal.ui.context import PageContext
from journal.ui.decisions.common import (
    heading,
    hint,
    required_date_edit,
    reveal_focus,
    scrolled,
    text_edit,
)
from journal.ui.decisions.links import RecordLinks
from journal.ui.decisions.words import adr_name, answered_text, rubric_prompt, rubric_title, tr
from journal.ui.forms import FormEditor, RecordForm, wrapping_form
from journal.ui.widgets.person_picker import PersonPicker


class ReviewEditor(FormEditor):
    record_kind = DESIGN_REVIEW

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.title = QLineEdit()
        self.title.setObjectName("reviewTitle")
        self.title.setPlaceholderText(tr("What is being reviewed"))
        self.reviewed_on = required_date_edit()
        self.author = PersonPicker(allow_none=True, none_text=tr("Not named"))
        self.author.setObjectName("reviewAuthor")
        self.author.person_chosen.connect(self._author_chosen)
        self.author.lineEdit().editingFinished.connect(
            lambda: self._author_chosen(self.author.person_id()) if self.record else None)
        self.count = heading("")
        self.rubric = {name: text_edit(name, rubric_prompt(name)) for name in RUBRIC}
        self.decision = text_edit("reviewDecision", tr("What was decided, in a few sentences"))
        self.record_link = RecordLinks(self._open, tr("No decision record yet."))
        self.record_button = QPushButton(tr("&Record decision"))
        self.record_button.setToolTip(tr("Write a decision record filled from this review and "
                                         "link the two"))
        self.record_button.clicked.connect(self.record_decision)

        top = wrapping_form()
        top.addRow(tr("&Title:"), self.title)
        top.addRow(tr("Reviewed &on:"), self.reviewed_on)
        top.addRow(tr("&Author:"), self.author)
        body = QWidget()
        column = QVBoxLayout(body)
        column.addLayout(top)
        column.addWidget(self.count)
        for name in RUBRIC:
            column.addWidget(heading(rubric_title(name)))
            column.addWidget(hint(rubric_prompt(name)))
            column.addWidget(self.rubric[name])
        column.addWidget(heading(tr("Decision")))
        column.addWidget(self.decision)
        record_row = QHBoxLayout()
        record_row.addWidget(self.record_link, 1)
        record_row.addWidget(self.record_button, 0, Qt.AlignmentFlag.AlignTop)
        column.addLayout(record_row)
        self.scroll = scrolled(self, body)

    def bind_fields(self, form: RecordForm) -> None:
        form.bind("title", self.title)
        form.bind("reviewed_on", self.reviewed_on)
        for name, edit in self.rubric.items():
            form.bind(name, edit)
        form.bind("decision", self.decision)
        form.edited.connect(lambda _f: self._update_count())

    def journal_set(self, ctx: PageContext | None) -> None:
        self.author.set_journal(ctx.journal if ctx else None)

    def load(self, record: DesignReview | None) -> None:
        if self.form is not None:
            self.form.load(record)
        self.author.set_person(record.author_id if record else None)
        self.author.setEnabled(record is not None and self.writable)
        self._update_count()
        self._show_link()

    def refresh_from_store(self) -> None:
        record = self.reload_record()
        if record is not None:
            self.author.set_person(record.author_id)
        self._update_count()
        self._show_link()

    def related_changed(self, changes) -> None:
        if changes.touches("person"):
            self.author.reload()
        self._show_link()

    def focus_field(self, name: str | None) -> None:
        if name == "author_id":
            self.author.setFocus(Qt.FocusReason.ShortcutFocusReason)
        elif name == "decision_record_id":
            self.record_button.setFocus(Qt.FocusReason.ShortcutFocusReason)
        else:
            super().focus_field(name)
            if name == "title":
                self.title.selectAll()
        reveal_focus(self.scroll)

    def answered_now(self) -> int:
        """How many rubric questions the fields answer as they stand (saves may be pending)."""
        values = {name: edit.toPlainText() for name, edit in self.rubric.items()}
        return answered(type("Shown", (), values))

    def _update_count(self) -> None:
        self.count.setText(answered_text(self.answered_now()) if self.record else "")

    def _show_link(self) -> None:
        record = self.record
        linked = record.decision_record_id if record else None
        if linked is not None and self.ctx is not None:
            try:
                target = self.ctx.journal.get(DECISION_RECORD, linked)
                self.record_link.set_links([(DECISION_RECORD, linked,
                                             adr_name(target.adr_number, target.title))])
            except JournalError:
                linked = None
        if linked is None:
            self.record_link.set_links([])
        self.record_button.setVisible(record is not None and linked is None)
        self.record_button.setEnabled(self.writable)

    def _open(self, kind: str, record_id: int) -> None:
        if self.ctx is not None:
            self.ctx.show_record(kind, record_id)

    def record_decision(self) -> None:
        """Write the decision record this review leads to, then open it."""
        if self.record is None or not self.writable:
            return
        self.ctx.saver.flush()
        try:
            made = record_decision(self.ctx.journal, self.record.id)
        except JournalError as error:
            self.ctx.status(str(error))
            return
        self.ctx.status(tr("Decision record %1 written from the review.").replace(
            "%1", adr_name(made.adr_number, made.title)))
        self.ctx.show_record(DECISION_RECORD, made.id)

    def _author_chosen(self, person_id: int | None) -> None:
        if self.record is None or not self.writable or person_id == self.record.author_id:
            return
        self.ctx.saver.flush()
        try:
            self.form.record = self.ctx.journal.update(DESIGN_REVIEW, self.record.id,
                                                       initiator=self.form, author_id=person_id)
        except JournalError as error:
            self.ctx.status(str(error))
