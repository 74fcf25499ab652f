"""The editor of one cross-team conflict: the two proposals, each in one neutral sentence, the
cost of delay of each, the decision-maker, the decision, the trade-off accepted, the named owners
and the status."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QGridLayout, QLineEdit, QVBoxLayout, QWidget

from journal.domain.kinds import CONFLICT, CONFLICT_OWNER, PERSON
from journal.domain.records import CONFLICT_STATUSES, Conflict
from journal.ops.decisions import set_owners
from journal.store.decisions import conflict_owners
from journal.store.errors import JournalError
from journal.ui.context import PageContext
from journal.ui.decisions.common import date_edit, heading, hint, reveal_focus, scrolled, text_edit
from journal.ui.decisions.people import PeopleField
from journal.ui.decisions.words import conflict_status_label, tr
from journal.ui.forms import FormEditor, RecordForm, wrapping_form
from journal.ui.widgets.person_picker import PersonPicker


class ConflictEditor(FormEditor):
    record_kind = CONFLICT

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.title = QLineEdit()
        self.title.setObjectName("conflictTitle")
        self.status = QComboBox()
        for status in CONFLICT_STATUSES:
            self.status.addItem(conflict_status_label(status), status)
        self.decided_on = date_edit(tr("not yet"))
        self.maker = PersonPicker(allow_none=True, none_text=tr("No one named yet"))
        self.maker.setObjectName("decisionMaker")
        self.maker.person_chosen.connect(self._maker_chosen)
        self.maker.lineEdit().editingFinished.connect(
            lambda: self._maker_chosen(self.maker.person_id()) if self.record else None)
        self.proposal_a = text_edit("proposalA", tr("One side's proposal, in one neutral "
                                                    "sentence"), 44)
        self.proposal_b = text_edit("proposalB", tr("The other side's, just as neutrally"), 44)
        self.cost_a = text_edit("costOfDelayA", tr("If this waits: who is blocked, what risk "
                                                   "grows, what slips"), 54)
        self.cost_b = text_edit("costOfDelayB", tr("If this waits: who is blocked, what risk "
                                                   "grows, what slips"), 54)
        self.decision = text_edit("conflictDecision", tr("What was decided"), 54)
        self.tradeoff = text_edit("tradeoff", tr("What we knowingly give up"), 54)
        self.owners = PeopleField(tr("Owners"), self._owners_changed,
                                  open_person=self._open_person)
        form = wrapping_form()
        form.addRow(tr("&Title:"), self.title)
        form.addRow(tr("&Status:"), self.status)
        grid = QGridLayout()
        grid.addWidget(heading(tr("Proposal A")), 0, 0)
        grid.addWidget(heading(tr("Proposal B")), 0, 1)
        grid.addWidget(self.proposal_a, 1, 0)
        grid.addWidget(self.proposal_b, 1, 1)
        grid.addWidget(hint(tr("Cost of delay of A")), 2, 0)
        grid.addWidget(hint(tr("Cost of delay of B")), 2, 1)
        grid.addWidget(self.cost_a, 3, 0)
        grid.addWidget(self.cost_b, 3, 1)
        decided = wrapping_form()
        decided.addRow(tr("Decision-&maker:"), self.maker)
        decided.addRow(tr("Decided &on:"), self.decided_on)
        body = QWidget()
        column = QVBoxLayout(body)
        column.addLayout(form)
        column.addLayout(grid)
        column.addLayout(decided)
        column.addWidget(heading(tr("Decision")))
        column.addWidget(self.decision)
        column.addWidget(heading(tr("Trade-off accepted")))
        column.addWidget(self.tradeoff)
        column.addWidget(heading(tr("Named owners")))
        column.addWidget(self.owners)
        self.scroll = scrolled(self, body)

    def bind_fields(self, form: RecordForm) -> None:
        for name, widget in (("title", self.title), ("status", self.status),
                             ("proposal_a", self.proposal_a), ("proposal_b", self.proposal_b),
                             ("cost_of_delay_a", self.cost_a), ("cost_of_delay_b", self.cost_b),
                             ("decided_on", self.decided_on), ("decision", self.decision),
                             ("tradeoff", self.tradeoff)):
            form.bind(name, widget)

    def journal_set(self, ctx: PageContext | None) -> None:
        self.maker.set_journal(ctx.journal if ctx else None)
        self.owners.set_journal(ctx.journal if ctx else None)

    def load(self, record: Conflict | None) -> None:
        if self.form is not None:
            self.form.load(record)
        self.maker.set_person(record.decision_maker_id if record else None)
        self.maker.setEnabled(record is not None and self.writable)
        self._show_owners()

    def refresh_from_store(self) -> None:
        record = self.reload_record()
        if record is not None:
            self.maker.set_person(record.decision_maker_id)
        self._show_owners()

    def related_changed(self, changes) -> None:
        if changes.touches(PERSON):
            self.maker.reload()
            self.owners.picker.reload()
        self._show_owners()

    def focus_field(self, name: str | None) -> None:
        if name == "decision_maker_id":
            self.maker.setFocus(Qt.FocusReason.ShortcutFocusReason)
        elif name in ("owners", CONFLICT_OWNER):
            self.owners.picker.setFocus(Qt.FocusReason.ShortcutFocusReason)
        else:
            super().focus_field(name)
            if name == "title":
                self.title.selectAll()
        reveal_focus(self.scroll)

    def _show_owners(self) -> None:
        record = self.record
        self.owners.setEnabled(record is not None and self.writable)
        if record is None or self.ctx is None:
            self.owners.set_people([])
            return
        owners = conflict_owners(self.ctx.journal, record.id)
        self.owners.set_people([(o.person_id, o.name) for o in owners])
        for i, owner in enumerate(owners):
            if owner.responsibility:
                self.owners.names.item(i).setToolTip(owner.responsibility)

    def _open_person(self, person_id: int) -> None:
        if self.ctx is not None:
            self.ctx.show_record(PERSON, person_id)

    def _owners_changed(self, ids: list[int]) -> None:
        if self.record is None or not self.writable:
            return
        try:
            set_owners(self.ctx.journal, self.record.id, ids, initiator=self.form)
        except JournalError as error:
            self.ctx.status(str(error))
        self._show_owners()

    def _maker_chosen(self, person_id: int | None) -> None:
        if self.record is None or not self.writable or person_id == self.record.decision_maker_id:
            return
        self.ctx.saver.flush()
        try:
            self.form.record = self.ctx.journal.update(CONFLICT, self.record.id,
                                                       initiator=self.form,
                                                       decision_maker_id=person_id)
        except JournalError as error:
            self.ctx.status(str(error))
