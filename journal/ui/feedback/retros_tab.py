"""The Retros tab of the Feedback page: past retros, searchable by subject, beside the editor."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QDialog, QWidget

from journal.store.changes import Changes
from journal.store.retros import active_mentorship, retro_row, retro_rows
from journal.ui.context import PageContext
from journal.ui.feedback import follow_up
from journal.ui.feedback.retro_editor import RetroEditor, kind_label
from journal.ui.feedback.shared import tr
from journal.ui.kit.master_detail import MasterDetail
from journal.ui.kit.parts import EmptyState, filter_edit
from journal.ui.models.record_table import Column, RecordTableModel
from journal.ui.widgets.tables import fit_columns


def _subject(row: object) -> str:
    return row.subject.strip() or tr("Untitled retro")


def _tooltip(row: object) -> str:
    count = tr("1 item") if row.item_count == 1 else tr("%1 items").replace(
        "%1", str(row.item_count))
    return f"{_subject(row)}\n{kind_label(row.retro_kind)} · {count}"


def _short_kind(row: object) -> str:
    # The list is narrow: "On-call rotation" in full lives in the editor and the tooltip.
    return tr("Rotation") if row.retro_kind == "rotation" else kind_label(row.retro_kind)


def retro_model(parent: QWidget | None = None) -> RecordTableModel:
    return RecordTableModel([
        Column(tr("Held on"), lambda r: r.held_on.isoformat(),
               sort=lambda r: r.held_on.isoformat(), tooltip=_tooltip),
        Column(tr("Subject"), _subject, sort=lambda r: _subject(r).casefold(), tooltip=_tooltip),
        Column(tr("Kind"), _short_kind, tooltip=_tooltip),
    ], parent)


def _describe(row: object) -> str:
    subject = row.subject.strip()
    return tr("the retro “%1”").replace("%1", subject) if subject else tr("this untitled retro")


class RetrosTab(QWidget):
    """Its widgets are built, and its retros read, when the tab is first shown (or asked to
    show a retro): the Feedback page opens on its Drafts tab and need not pay for this one."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx: PageContext | None = None
        self.built = False
        self._loaded = False  # the list has been filled for the current journal
        self._splitter_state: object = None  # restored before the widgets exist

    def _ensure_built(self) -> None:
        if self.built:
            return
        self.built = True
        self.editor = RetroEditor()
        self.editor.follow_up_requested.connect(self.follow_up)
        self.md = MasterDetail(self, kind="retro", model=retro_model(self), rows=retro_rows,
                               row=retro_row, editor=self.editor, describe=_describe,
                               widen=lambda _row: self.search.clear())
        self.model, self.proxy, self.table = self.md.model, self.md.proxy, self.md.table
        self._build()
        if self._splitter_state is not None:
            self.splitter.restoreState(self._splitter_state)

    def _build(self) -> None:
        self.search = filter_edit(tr("Search by subject"), tr("Search retros"))
        self.search.textChanged.connect(self._search_changed)
        self.table.setObjectName("retroList")
        self.table.setAccessibleName(tr("Retros"))
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        fit_columns(self.table, {}, stretch=1)  # the subject takes the room
        self.md.build(
            filters=[self.search], no_match=tr("No retro has that in its subject."),
            new_button=tr("&New retro"), new_tip=tr("Record a retro (Ctrl+N)"),
            new_action=tr("&New retro"), new=self.new_retro,
            nothing=tr("Choose a retro on the left, or press Ctrl+N to record one."),
            detail=self.editor, splitter="retrosSplitter", sizes=[300, 700],
            empty=EmptyState(
                tr("Continue, start, stop"),
                tr("After a project, a sprint or an on-call rotation, note what to keep doing, "
                   "what to begin and what to drop. Any item can become feedback for someone "
                   "or a goal for a person you mentor."),
                tr("Record your &first retro")))
        self.md.no_match.setWordWrap(False)  # one short line; unwrapped, as it always was
        self.new_button, self.no_match = self.md.new_button, self.md.no_match
        self.splitter, self.empty, self.stack = self.md.splitter, self.md.empty, self.md.stack
        self.md.focus_order([self.search], self.editor.subject)
        self.md.remember({"retrosSplitter": self.splitter})

    # -- data ------------------------------------------------------------------------------------
    def set_context(self, ctx: PageContext | None) -> None:
        self.ctx = ctx
        self._loaded = False
        if self.built or self.isVisible():  # once built, it follows the journal as it did
            self._load()

    def _load(self) -> None:
        self._ensure_built()
        self._loaded = True
        self.md.journal_changed()

    def showEvent(self, event: QShowEvent) -> None:
        if not self._loaded:
            self._load()
        super().showEvent(event)

    def current_id(self) -> int | None:
        return self.md.current_id() if self.built else None

    def on_changes(self, changes: Changes) -> None:
        if self.ctx is None or not self._loaded or not changes.touches("retro", "retro_item"):
            return  # not shown yet: it reads everything afresh when it first is
        if changes.initiator in (self.editor, self.editor.form):
            # The editor's own writes: the list only needs fresh subjects and item counts.
            self.md.refresh_rows(changes.ids("retro") | ({self.editor.record.id}
                                                         if self.editor.record else set()))
            return
        self.md.reload_from_store()  # an item's change may be the open retro's

    def _search_changed(self, text: str) -> None:
        self.proxy.set_text(text)
        self.md.update_views()

    # -- actions ---------------------------------------------------------------------------------
    def new_retro(self) -> None:
        if not self.md.writable():
            return
        retro = self.ctx.journal.create("retro", held_on=dt.date.today())
        self.show_retro(retro.id)
        self.editor.subject.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def show_retro(self, retro_id: int, item_id: int | None = None) -> bool:
        if not self._loaded:
            self._load()
        if not self.md.show(retro_id):
            return False
        if item_id is not None:
            self.editor.select_item(item_id)
        return True

    def follow_up(self, what: str, item_id: int) -> None:
        journal = self.ctx.journal
        item = journal.get("retro_item", item_id)
        retro = journal.get("retro", item.retro_id)
        if what == "feedback":
            dialog = follow_up.PersonDialog(
                journal, tr("Feedback from a retro item"),
                tr("Who is the feedback for? The item becomes part of a new draft; you can "
                   "reword everything afterwards."),
                follow_up.default_polarity(item.bucket), self)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            person_id, polarity = dialog.chosen()
            if person_id is None:
                return
            values = follow_up.draft_values(retro, item, retro.held_on.isoformat())
            draft = journal.create("feedback_draft", recipient_id=person_id, polarity=polarity,
                                   **values)
            self.ctx.show_record("feedback_draft", draft.id)
            return
        dialog = follow_up.PersonDialog(
            journal, tr("Goal from a retro item"),
            tr("Whose goal is it? Goals belong to someone you mentor; the item becomes the "
               "outcome they work towards."), None, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        person_id, _ = dialog.chosen()
        if person_id is None:
            return
        name = journal.get("person", person_id).name
        mentorship = active_mentorship(journal, person_id, follow_up.today())
        if mentorship is None:
            follow_up.explain_no_mentorship(self, name)
            return
        goal = journal.create("goal", mentorship_id=mentorship.id, outcome=item.text,
                              started_on=follow_up.today())
        if follow_up.offer_to_open(self, tr("%1 has a new goal: “%2”. Open it on the Mentoring "
                                            "page?").replace("%1", name).replace("%2", item.text)):
            self.ctx.show_record("goal", goal.id)

    # -- state -----------------------------------------------------------------------------------
    def save_state(self, settings: QSettings) -> None:
        if self.built:  # else what was restored is still in the settings, unchanged
            self.md.save_state(settings)

    def restore_state(self, settings: QSettings) -> None:
        if self.built:
            self.md.restore_state(settings)
        else:
            self._splitter_state = settings.value("retrosSplitter")
