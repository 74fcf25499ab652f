"""The editor of one decision record (ADR): number, title, date, status, supersession linked
both ways, context, decision, consequences, the people involved in MADR's roles, and the design
reviews that led to it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QVBoxLayout, QWidget

from journal.domain.kinds import DECISION_PERSON, DECISION_RECORD, DESIGN_REVIEW, PERSON
from journal.domain.records import ADR_STATUSES, DECISION_ROLES, DecisionRecord
from journal.ops.decisions import set_people, supersede
from journal.store.decisions import (
    decision_people,
    record_choices,
    record_row,
    reviews_of_record,
    superseding,
)
from journal.store.errors import JournalError
from journal.ui.context import PageContext
from journal.ui.decisions.common import date_edit, heading, hint, reveal_focus, scrolled, text_edit
from journal.ui.decisions.links import RecordLinks
from journal.ui.decisions.people import PeopleField
from journal.ui.decisions.words import adr_name, adr_status_label, role_label, role_prompt, tr
from journal.ui.forms import FormEditor, RecordForm, wrapping_form


class RecordChoice(QComboBox):
    """Another decision record, or none; the whole list is read when it is opened."""

    def __init__(self, none_text: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.none_text = none_text
        self.journal = None
        self.exclude: int | None = None
        self.filled = False

    def show_choice(self, journal, record_id: int | None, exclude: int | None) -> None:
        self.journal, self.exclude, self.filled = journal, exclude, False
        self.blockSignals(True)
        self.clear()
        self.addItem(self.none_text, None)
        if record_id is not None:
            row = record_row(journal, record_id)
            if row is not None:
                self.addItem(adr_name(row.adr_number, row.title), record_id)
                self.setCurrentIndex(1)
        self.blockSignals(False)

    def showPopup(self) -> None:  # noqa: N802 (Qt's name)
        if not self.filled and self.journal is not None:
            current = self.currentData()
            self.blockSignals(True)
            self.clear()
            self.addItem(self.none_text, None)
            for rid, number, title in record_choices(self.journal):
                if rid != self.exclude:
                    self.addItem(adr_name(number, title), rid)
            self.setCurrentIndex(max(0, self.findData(current)))
            self.blockSignals(False)
            self.filled = True
        super().showPopup()


class RecordEditor(FormEditor):
    record_kind = DECISION_RECORD

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.number = heading("")
        self.number.setWordWrap(True)
        self.title = QLineEdit()
        self.title.setObjectName("recordTitle")
        self.title.setPlaceholderText(tr("The decision, in a short phrase"))
        self.decided_on = date_edit(tr("not yet"))
        self.status = QComboBox()
        for status in ADR_STATUSES:
            self.status.addItem(adr_status_label(status), status)
        self.superseded_by = RecordChoice(tr("— not superseded —"))
        self.superseded_by.setObjectName("supersededBy")
        self.superseded_by.activated.connect(self._superseded_chosen)
        self.superseded_link = RecordLinks(self._open)
        self.supersedes = RecordLinks(self._open, tr("None."))
        self.reviews = RecordLinks(self._open, tr("No design review links here."))
        self.context = text_edit("recordContext", tr("The forces at play: what made this "
                                                     "decision necessary"), 80)
        self.decision = text_edit("recordDecision", tr("What we will do"), 64)
        self.consequences = text_edit("recordConsequences", tr("What becomes easier, what "
                                                               "becomes harder, what we accept"),
                                      80)
        self.people = {role: PeopleField(role_label(role),
                                         lambda ids, r=role: self._people_changed(r, ids),
                                         open_person=self._open_person)
                       for role in DECISION_ROLES}

        form = wrapping_form()
        form.addRow(tr("&Title:"), self.title)
        form.addRow(tr("&Decided on:"), self.decided_on)
        form.addRow(tr("&Status:"), self.status)
        form.addRow(tr("Superseded &by:"), self.superseded_by)
        form.addRow("", self.superseded_link)
        form.addRow(tr("Supersedes:"), self.supersedes)
        form.addRow(tr("From reviews:"), self.reviews)
        body = QWidget()
        column = QVBoxLayout(body)
        column.addWidget(self.number)
        column.addLayout(form)
        for label, edit in ((tr("Context"), self.context), (tr("Decision"), self.decision),
                            (tr("Consequences"), self.consequences)):
            column.addWidget(heading(label))
            column.addWidget(edit)
        column.addWidget(heading(tr("People")))
        people = wrapping_form()
        for role, field in self.people.items():
            field.setToolTip(role_prompt(role))
            people.addRow(role_label(role) + ":", field)
        column.addLayout(people)
        column.addWidget(hint(tr("Names are taken from the journal's people, so a person's "
                                 "decisions can be found from them later.")))
        self.scroll = scrolled(self, body)

    def bind_fields(self, form: RecordForm) -> None:
        form.bind("title", self.title)
        form.bind("decided_on", self.decided_on)
        form.bind("status", self.status)
        form.bind("context", self.context)
        form.bind("decision", self.decision)
        form.bind("consequences", self.consequences)

    def journal_set(self, ctx: PageContext | None) -> None:
        for field in self.people.values():
            field.set_journal(ctx.journal if ctx else None)

    def load(self, record: DecisionRecord | None) -> None:
        if self.form is not None:
            self.form.load(record)
        self.show_links()

    def refresh_from_store(self) -> None:
        self.reload_record()
        self.show_links()

    def related_changed(self, changes) -> None:
        if changes.touches(PERSON):
            for field in self.people.values():
                field.picker.reload()
        self.show_links()

    def focus_field(self, name: str | None) -> None:
        if name == "superseded_by_id":
            self.superseded_by.setFocus(Qt.FocusReason.ShortcutFocusReason)
        elif name in ("decision_maker", "consulted", "informed"):
            self.people[name].picker.setFocus(Qt.FocusReason.ShortcutFocusReason)
        else:
            super().focus_field(name)
            if name == "title":
                self.title.selectAll()

    # -- links and people ------------------------------------------------------------------------
    def show_links(self) -> None:
        record, ctx = self.record, self.ctx
        writable = record is not None and self.writable
        self.superseded_by.setEnabled(writable)
        for field in self.people.values():
            field.setEnabled(writable)
        if record is None or ctx is None:
            self.number.setText("")
            for links in (self.superseded_link, self.supersedes, self.reviews):
                links.set_links([])
            for field in self.people.values():
                field.set_people([])
            return
        journal = ctx.journal
        self.number.setText(adr_name(record.adr_number, record.title))
        self.superseded_by.show_choice(journal, record.superseded_by_id, record.id)
        newer = record_row(journal, record.superseded_by_id) if record.superseded_by_id else None
        self.superseded_link.set_links(
            [(DECISION_RECORD, newer.id, adr_name(newer.adr_number, newer.title))] if newer
            else [])
        self.supersedes.set_links([(DECISION_RECORD, r.id, adr_name(r.adr_number, r.title))
                                   for r in superseding(journal, record.id)])
        self.reviews.set_links([(DESIGN_REVIEW, r.id, r.title or tr("(untitled review)"))
                                for r in reviews_of_record(journal, record.id)])
        by_role: dict[str, list[tuple[int, str]]] = {role: [] for role in DECISION_ROLES}
        for person in decision_people(journal, record.id):
            by_role[person.role].append((person.person_id, person.name))
        for role, field in self.people.items():
            field.set_people(by_role[role])
        reveal_focus(self.scroll)

    def _open(self, kind: str, record_id: int) -> None:
        if self.ctx is not None:
            self.ctx.show_record(kind, record_id)

    def _open_person(self, person_id: int) -> None:
        self._open(PERSON, person_id)

    def _superseded_chosen(self, _index: int) -> None:
        if self.record is None or not self.writable:
            return
        newer = self.superseded_by.currentData()
        if newer == self.record.superseded_by_id:
            return
        self.ctx.saver.flush()
        try:
            supersede(self.ctx.journal, self.record.id, newer, initiator=self.form)
        except (JournalError, ValueError) as error:
            self.ctx.status(str(error))
        self.refresh_from_store()

    def _people_changed(self, role: str, ids: list[int]) -> None:
        if self.record is None or not self.writable:
            return
        try:
            set_people(self.ctx.journal, self.record.id, role, ids, initiator=self.form)
        except JournalError as error:
            self.ctx.status(str(error))
        self.show_links()


RELATED = (PERSON, DECISION_PERSON, DESIGN_REVIEW)
