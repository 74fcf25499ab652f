"""The editor of one roadmap proposal: the frame, the numbers behind it (the editor says when
they hold no number), the one sentence a non-engineer can repeat (with a gentle hint past about
thirty words), the details and the status."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLineEdit, QVBoxLayout, QWidget

from journal.domain.decisions import ONE_SENTENCE_WORDS, framing_has_number, word_count
from journal.domain.kinds import ROADMAP_PROPOSAL
from journal.domain.records import FRAMES, PROPOSAL_STATUSES, RoadmapProposal
from journal.ui.decisions.common import date_edit, heading, hint, reveal_focus, scrolled, text_edit
from journal.ui.decisions.words import frame_label, proposal_status_label, tr
from journal.ui.forms import FormEditor, RecordForm, wrapping_form


class ProposalEditor(FormEditor):
    record_kind = ROADMAP_PROPOSAL

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.title = QLineEdit()
        self.title.setObjectName("proposalTitle")
        self.proposed_on = date_edit()
        self.frame = QComboBox()
        for frame in FRAMES:
            self.frame.addItem(frame_label(frame), frame)
        self.status = QComboBox()
        for status in PROPOSAL_STATUSES:
            self.status.addItem(proposal_status_label(status), status)
        self.numbers = text_edit("proposalNumbers", tr("The numbers behind the frame: minutes "
                                                       "of downtime, budget burned, hours of "
                                                       "toil, money"), 64)
        self.number_hint = hint()
        self.one_sentence = text_edit("oneSentence", tr("The one sentence someone outside "
                                                        "engineering can repeat"), 44)
        self.sentence_hint = hint()
        self.details = text_edit("proposalDetails", tr("How, when, and what it needs"), 90)
        form = wrapping_form()
        form.addRow(tr("&Title:"), self.title)
        form.addRow(tr("Proposed &on:"), self.proposed_on)
        form.addRow(tr("&Frame:"), self.frame)
        form.addRow(tr("&Status:"), self.status)
        body = QWidget()
        column = QVBoxLayout(body)
        column.addLayout(form)
        column.addWidget(heading(tr("The numbers")))
        column.addWidget(self.numbers)
        column.addWidget(self.number_hint)
        column.addWidget(heading(tr("In one sentence")))
        column.addWidget(self.one_sentence)
        column.addWidget(self.sentence_hint)
        column.addWidget(heading(tr("Details")))
        column.addWidget(self.details)
        self.scroll = scrolled(self, body)
        for edit in (self.numbers, self.one_sentence):
            edit.textChanged.connect(self._update_hints)
        self.frame.currentIndexChanged.connect(self._update_hints)

    def bind_fields(self, form: RecordForm) -> None:
        for name, widget in (("title", self.title), ("proposed_on", self.proposed_on),
                             ("frame", self.frame), ("status", self.status),
                             ("numbers", self.numbers), ("one_sentence", self.one_sentence),
                             ("details", self.details)):
            form.bind(name, widget)

    def load(self, record: RoadmapProposal | None) -> None:
        if self.form is not None:
            self.form.load(record)
        self._update_hints()

    def refresh_from_store(self) -> None:
        self.reload_record()
        self._update_hints()

    def focus_field(self, name: str | None) -> None:
        super().focus_field(name)
        if name == "title":
            self.title.selectAll()
        reveal_focus(self.scroll)

    def _update_hints(self) -> None:
        shown = self.record is not None
        numbers, sentence = self.numbers.toPlainText(), self.one_sentence.toPlainText()
        if not shown:
            self.number_hint.setText("")
        elif not self.frame.currentData():
            self.number_hint.setText(tr("Choose a frame first: risk, SLO, toil, compliance or "
                                        "cost is what leadership weighs."))
        elif not framing_has_number(numbers, sentence):
            self.number_hint.setText(tr("No number yet. One figure (minutes, percent, hours, "
                                        "money) makes the case far easier to weigh."))
        else:
            self.number_hint.setText(tr("The framing states a number."))
        words = word_count(sentence)
        if not shown or not sentence.strip():
            self.sentence_hint.setText(tr("Write it so a non-engineer could say it back.")
                                       if shown else "")
        elif words > ONE_SENTENCE_WORDS:
            self.sentence_hint.setText(tr("%1 words: it may be hard to repeat from memory. "
                                          "Could it lose a clause?").replace("%1", str(words)))
        else:
            self.sentence_hint.setText(tr("%1 words.").replace("%1", str(words)))
