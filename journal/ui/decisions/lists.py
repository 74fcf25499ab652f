"""The four lists of the Decisions page, each a page of the kit: design reviews, decision
records (ADRs), roadmap proposals, cross-team conflicts."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from journal.domain.kinds import (
    CONFLICT,
    CONFLICT_OWNER,
    DECISION_PERSON,
    DECISION_RECORD,
    DESIGN_REVIEW,
    PERSON,
    ROADMAP_PROPOSAL,
)
from journal.store.decisions import (
    any_conflicts,
    any_proposals,
    any_records,
    any_reviews,
    conflict_page,
    conflict_row,
    proposal_page,
    proposal_row,
    record_page,
    record_row,
    review_page,
    review_row,
)
from journal.ui.decisions.adr_dialogs import ExportDialog, ImportDialog
from journal.ui.decisions.conflict_editor import ConflictEditor
from journal.ui.decisions.proposal_editor import ProposalEditor
from journal.ui.decisions.record_editor import RELATED, RecordEditor
from journal.ui.decisions.review_editor import ReviewEditor
from journal.ui.decisions.words import (
    adr_status_label,
    conflict_status_label,
    frame_label,
    proposal_status_label,
    tr,
)
from journal.ui.kit import Choice, Column, ListEditorPage, ListSpec, Query, Search, Texts


def _day(day: dt.date | None) -> str:
    return day.isoformat() if day else "—"


def _texts(heading: str, body: str, button: str, noun: str, new: str) -> Texts:
    return Texts(empty_heading=heading, empty_body=body, empty_button=button,
                 nothing=tr("Choose one on the left, or press Ctrl+N for a new %1.").replace(
                     "%1", noun),
                 no_match=tr("Nothing matches. Clear the filter to see everything."),
                 new_button=new, new_tip=tr("New %1 (Ctrl+N)").replace("%1", noun),
                 new_action=new, list_name=heading)


class ReviewsList(ListEditorPage):
    @classmethod
    def spec(cls) -> ListSpec:
        return ListSpec(
            kind=DESIGN_REVIEW, name="designReview", editor=ReviewEditor,
            related=(PERSON, DECISION_RECORD),
            columns=[Column(tr("Reviewed"), lambda r: _day(r.reviewed_on),
                            sort=lambda r: _day(r.reviewed_on)),
                     Column(tr("Title"), lambda r: r.title or tr("(untitled)")),
                     Column(tr("Rubric"), lambda r: f"{r.answered}/6", sort=lambda r: r.answered),
                     Column(tr("Decision record"), lambda r: (
                         f"ADR {r.record_number:04d}" if r.record_number is not None
                         else tr("none yet")),
                         sort=lambda r: (r.record_number is None, r.record_number or 0))],
            query=Query(review_page, review_row, any_reviews,
                        orders={0: "reviewed", 1: "title", 2: "rubric", 3: "record"}),
            sort=(0, Qt.SortOrder.DescendingOrder),
            # Every column but the stretched one has a width: measuring contents costs ~40 ms.
            stretch=1, widths={0: 92, 2: 56, 3: 118}, sizes=(470, 600),
            new=lambda journal: journal.create(DESIGN_REVIEW, title=tr("New design review"),
                                               reviewed_on=dt.date.today()),
            new_field="title",
            describe=lambda r: tr("the design review “%1”").replace("%1", r.title),
            search=Search(tr("Filter by title or author"), tr("Filter design reviews")),
            texts=_texts(tr("Design reviews"),
                         tr("Walk each design through the same six questions, then write down "
                            "what was decided. A review with every question answered is easy to "
                            "revisit a year later."),
                         tr("&Start a design review"), tr("design review"), tr("&New review")))


class RecordsList(ListEditorPage):
    @classmethod
    def spec(cls) -> ListSpec:
        return ListSpec(
            kind=DECISION_RECORD, name="decisionRecord", editor=RecordEditor, related=RELATED,
            columns=[Column(tr("No."), lambda r: f"{r.adr_number:04d}" if r.adr_number is not None
                            else "", sort=lambda r: r.adr_number or 0),
                     Column(tr("Title"), lambda r: r.title or tr("(untitled)")),
                     Column(tr("Status"), lambda r: adr_status_label(r.status) + (
                         f" → {r.superseded_by_number:04d}" if r.superseded_by_number
                         is not None else "")),
                     Column(tr("Decided"), lambda r: _day(r.decided_on),
                            sort=lambda r: _day(r.decided_on))],
            query=Query(record_page, record_row, any_records,
                        orders={0: "number", 1: "title", 3: "decided"}),
            sort=(0, Qt.SortOrder.DescendingOrder),
            stretch=1, widths={0: 52, 2: 140, 3: 92}, sizes=(470, 600),
            new=lambda journal: journal.create(DECISION_RECORD, title=tr("New decision"),
                                               decided_on=dt.date.today()),
            new_field="title",
            describe=lambda r: tr("the decision record “%1”").replace("%1", r.title),
            search=Search(tr("Filter by number or title"), tr("Filter decision records")),
            choice=Choice((("all", None),
                           ("current", frozenset({"proposed", "accepted"})),
                           ("past", frozenset({"rejected", "deprecated", "superseded"}))),
                          lambda key: {"all": tr("All records"), "current": tr("In force"),
                                       "past": tr("No longer in force")}[key],
                          tr("S&how:"), default="all"),
            texts=_texts(tr("Decision records"),
                         tr("Architecture decision records: the context, the decision and its "
                            "consequences, numbered so the team can point at them. Export them "
                            "into a repository's docs/adr, or import the ones it already has."),
                         tr("&Write a decision record"), tr("decision record"),
                         tr("&New record")))

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.export_button = QPushButton(tr("E&xport ADRs…"))
        self.export_button.setToolTip(tr("Write every record as a Markdown file into a folder"))
        self.export_button.clicked.connect(self.export_adrs)
        self.import_button = QPushButton(tr("&Import ADRs…"))
        self.import_button.setToolTip(tr("Read a folder of ADR files into the journal"))
        self.import_button.clicked.connect(self.import_adrs)
        row = QHBoxLayout()
        row.addWidget(self.export_button)
        row.addWidget(self.import_button)
        row.addStretch(1)
        self.md.left.layout().addLayout(row)
        self.last_folder = ""

    def on_changes(self, changes) -> None:
        super().on_changes(changes)
        # Another record renamed or re-linked: the links shown in the editor say so at once.
        if (changes.touches(DECISION_RECORD) and changes.initiator is not self.editor.initiator
                and self.editor.record is not None):
            self.editor.show_links()

    def journal_changed(self) -> None:
        super().journal_changed()
        writable = self.ctx is not None and not self.ctx.journal.read_only
        self.export_button.setEnabled(self.ctx is not None)
        self.import_button.setEnabled(writable)

    def export_adrs(self) -> ExportDialog | None:
        if self.ctx is None:
            return None
        self.ctx.saver.flush()
        dialog = ExportDialog(self.ctx.journal, self.last_folder, self)
        if dialog.exec() == ExportDialog.DialogCode.Accepted:
            self.last_folder = dialog.folder.text()
            self.ctx.status(dialog.result_text)
        return dialog

    def import_adrs(self) -> ImportDialog | None:
        if self.ctx is None or self.ctx.journal.read_only:
            return None
        self.ctx.saver.flush()
        dialog = ImportDialog(self.ctx.journal, self.last_folder, self)
        if dialog.exec() == ImportDialog.DialogCode.Accepted:
            self.last_folder = dialog.folder.text()
            skipped = len(dialog.plan.broken) if dialog.plan is not None else 0
            text = tr("%1 decision records imported.").replace("%1", str(len(dialog.created)))
            if skipped:
                text += " " + tr("%1 files skipped: they could not be read as records.").replace(
                    "%1", str(skipped))
            self.ctx.status(text)
            if dialog.created:
                self.show_record(DECISION_RECORD, dialog.created[0])
        return dialog


class ProposalsList(ListEditorPage):
    @classmethod
    def spec(cls) -> ListSpec:
        return ListSpec(
            kind=ROADMAP_PROPOSAL, name="roadmapProposal", editor=ProposalEditor,
            columns=[Column(tr("Proposed"), lambda r: _day(r.proposed_on),
                            sort=lambda r: _day(r.proposed_on)),
                     Column(tr("Title"), lambda r: r.title or tr("(untitled)")),
                     Column(tr("Frame"), lambda r: frame_label(r.frame) + (
                         "" if r.has_number or not r.frame else " · " + tr("no number"))),
                     Column(tr("Status"), lambda r: proposal_status_label(r.status))],
            query=Query(proposal_page, proposal_row, any_proposals,
                        orders={0: "proposed", 1: "title"}),
            sort=(0, Qt.SortOrder.DescendingOrder), stretch=1,
            widths={0: 92, 2: 150, 3: 80}, sizes=(470, 600),
            new=lambda journal: journal.create(ROADMAP_PROPOSAL, title=tr("New proposal"),
                                               proposed_on=dt.date.today()),
            new_field="title",
            describe=lambda r: tr("the proposal “%1”").replace("%1", r.title),
            search=Search(tr("Filter by title"), tr("Filter roadmap proposals")),
            texts=_texts(tr("Roadmap proposals"),
                         tr("Frame each proposal the way leadership weighs work: risk, SLO and "
                            "error budget, toil, compliance or cost, with the numbers behind it "
                            "and one sentence anyone can repeat."),
                         tr("&Write a proposal"), tr("proposal"), tr("&New proposal")))


class ConflictsList(ListEditorPage):
    @classmethod
    def spec(cls) -> ListSpec:
        return ListSpec(
            kind=CONFLICT, name="conflict", editor=ConflictEditor,
            related=(PERSON, CONFLICT_OWNER),
            columns=[Column(tr("Title"), lambda r: r.title or tr("(untitled)")),
                     Column(tr("Status"), lambda r: conflict_status_label(r.status),
                            sort=lambda r: ("escalated", "open", "decided").index(r.status)),
                     Column(tr("Decision-maker"), lambda r: r.decision_maker_name
                            or tr("not named")),
                     Column(tr("Owners"), lambda r: str(r.owners), sort=lambda r: r.owners)],
            query=Query(conflict_page, conflict_row, any_conflicts,
                        orders={0: "title", 1: "status", 2: "maker", 3: "owners"}),
            stretch=0, widths={1: 84, 2: 130, 3: 60},
            sizes=(470, 600),
            sort=(1, Qt.SortOrder.AscendingOrder),
            new=lambda journal: journal.create(CONFLICT, title=tr("New conflict")),
            new_field="title",
            describe=lambda r: tr("the conflict “%1”").replace("%1", r.title),
            search=Search(tr("Filter by title or decision-maker"), tr("Filter conflicts")),
            choice=Choice((("all", None), ("open", frozenset({"open", "escalated"})),
                           ("decided", frozenset({"decided"}))),
                          lambda key: {"all": tr("All conflicts"), "open": tr("Not decided"),
                                       "decided": tr("Decided")}[key],
                          tr("S&how:"), default="all"),
            texts=_texts(tr("Cross-team conflicts"),
                         tr("When two teams want different things, write both proposals down "
                            "neutrally with what waiting costs each, then the decision, who "
                            "made it, the trade-off and who owns what."),
                         tr("&Write up a conflict"), tr("conflict"), tr("&New conflict")))


TABS = ((DESIGN_REVIEW, ReviewsList), (DECISION_RECORD, RecordsList),
        (ROADMAP_PROPOSAL, ProposalsList), (CONFLICT, ConflictsList))
PARENT_OF = {DECISION_PERSON: DECISION_RECORD, CONFLICT_OWNER: CONFLICT}
