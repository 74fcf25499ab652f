"""The Drafts tab of the Feedback page: the list of SBI drafts beside the editor and its coach."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QHBoxLayout, QSplitter, QWidget

from journal.store.changes import SETTINGS, Changes
from journal.store.feedback import draft_row
from journal.store.paging import ListQuery, statuses_of, words_of
from journal.ui.context import PageContext
from journal.ui.feedback.coach_panel import CoachPanel
from journal.ui.feedback.draft_list import STATUS_FILTERS, draft_model, status_filter_label
from journal.ui.feedback.sbi_editor import SbiEditor
from journal.ui.feedback.shared import tr
from journal.ui.kit.master_detail import MasterDetail
from journal.ui.kit.parts import EmptyState, StatusChoice, filter_edit
from journal.ui.widgets.tables import fit_columns


class DraftsTab(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx: PageContext | None = None
        self.coach_panel = CoachPanel()
        self.editor = SbiEditor(self.coach_panel)
        self.editor.create_requested.connect(self._create)
        self.md = MasterDetail(self, kind="feedback_draft", model=draft_model(self),
                               rows=None, row=draft_row, editor=self.editor,
                               describe=lambda row: tr("the feedback for %1").replace(
                                   "%1", row.recipient_name),
                               widen=self._widen,
                               # Unlike the other lists, a reload lets the open draft drop out
                               # of a filter it no longer matches (it stays in the editor):
                               # widening would undo the status the user chose to see.
                               widen_to_keep=False)
        self.model, self.proxy, self.table = self.md.model, self.md.proxy, self.md.table
        self._build()

    # -- building --------------------------------------------------------------------------------
    def _build(self) -> None:
        self.filter = filter_edit(tr("Filter by name or words"), tr("Filter feedback"))
        self.filter.textChanged.connect(self._filter_changed)
        self.status_filter = StatusChoice(STATUS_FILTERS, status_filter_label, tr("S&how:"))
        self.status_filter.currentIndexChanged.connect(self._status_filter_changed)
        self.table.setObjectName("draftList")
        self.table.setAccessibleName(tr("Feedback drafts"))
        self.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
        fit_columns(self.table, {0: 130})
        filters = QHBoxLayout()
        filters.addWidget(self.status_filter.label)
        filters.addWidget(self.status_filter, 1)

        self.editor_splitter = QSplitter()
        self.editor_splitter.setObjectName("sbiSplitter")
        self.editor_splitter.addWidget(self.editor)
        self.editor_splitter.addWidget(self.coach_panel)
        self.editor_splitter.setStretchFactor(0, 3)
        self.editor_splitter.setStretchFactor(1, 2)
        self.editor_splitter.setSizes([430, 260])
        self.coach_panel.setMinimumWidth(180)
        self.editor_splitter.setChildrenCollapsible(False)

        self.md.build(
            filters=[self.filter, filters],
            no_match=tr("Nothing matches. Clear the filter or show all feedback."),
            new_button=tr("&New draft"), new_tip=tr("Write feedback for someone (Ctrl+N)"),
            new_action=tr("&New feedback draft"), new=self.new_draft,
            nothing=tr("Choose feedback on the left to read or edit it, or press Ctrl+N to "
                       "write new feedback."),
            detail=self.editor_splitter, splitter="draftsSplitter", sizes=[380, 620],
            empty=EmptyState(
                tr("Feedback worth giving"),
                tr("Write down a moment while it is fresh: the situation, what the person did, "
                   "and the difference it made. A coach beside the editor suggests what would "
                   "make it clearer, and the list reminds you of feedback still waiting to be "
                   "delivered."),
                tr("&Write your first feedback")))
        self.md.left.setMinimumWidth(280)
        self.new_button, self.no_match = self.md.new_button, self.md.no_match
        self.splitter, self.empty, self.stack = self.md.splitter, self.md.empty, self.md.stack
        self.md.focus_order([self.filter, self.status_filter], self.editor.picker)
        self.md.remember({"draftsSplitter": self.splitter, "sbiSplitter": self.editor_splitter},
                         {"statusFilter": (self.status_filter, "draft")})

    # -- data ------------------------------------------------------------------------------------
    def set_context(self, ctx: PageContext | None) -> None:
        self.ctx = ctx
        self.md.journal_changed()
        self._status_filter_changed()

    def reload(self) -> None:
        self.md.reload()

    def current_id(self) -> int | None:
        return self.md.current_id()

    def on_changes(self, changes: Changes) -> None:
        if self.ctx is None or not changes.touches("feedback_draft", "person", SETTINGS):
            return
        if changes.touches("person"):
            self.editor.refresh_people()
        if changes.initiator is self.editor.form and changes.kinds == {"feedback_draft"}:
            # The editor's own save: refresh its row in place, so nothing moves under the cursor.
            self.md.refresh_rows(changes.ids("feedback_draft"))
            self.md.update_views()
            return
        self.md.reload_from_store(changes.ids("feedback_draft"))

    # -- filters ---------------------------------------------------------------------------------
    def _query(self) -> ListQuery:
        return ListQuery(statuses=statuses_of(self.status_filter.statuses()),
                         words=words_of(self.filter.text()))

    # The filters apply twice: in SQL to what the list loads (all of it once it fits in a batch,
    # then the words stay in memory), and in the proxy to the rows loaded, where the open draft
    # stays pinned whatever its status.
    def _filter_changed(self, text: str) -> None:
        self.proxy.set_text(text)
        self.model.set_query(self._query())
        self.md.update_views()

    def _status_filter_changed(self, _index: int = 0) -> None:
        # Choosing what to show is explicit: the open draft no longer stays pinned in the list.
        self.proxy.set_pinned(None)
        self.proxy.set_statuses(self.status_filter.statuses())
        self.model.set_query(self._query())
        self.md.open_first_if_none()

    def _widen(self, row: object) -> None:
        # The words typed hide it most often; show every status only if that is not enough.
        self.filter.clear()
        if not self.proxy.accepts(row):
            self.status_filter.choose("all")

    # -- actions ---------------------------------------------------------------------------------
    def new_draft(self) -> None:
        if not self.md.writable():
            return
        self.table.selectionModel().clearCurrentIndex()
        self.table.clearSelection()
        self.proxy.set_pinned(None)
        self.editor.start_new()
        self.md.update_views()
        self.editor.picker.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _create(self, recipient_id: int, polarity: str) -> None:
        draft = self.ctx.journal.create("feedback_draft", recipient_id=recipient_id,
                                        polarity=polarity)
        self.show_draft(draft.id)
        self.editor.parts["situation"].setFocus(Qt.FocusReason.OtherFocusReason)

    def show_draft(self, draft_id: int) -> bool:
        """Select and show a draft, widening the filters if they hide it."""
        return self.md.show(draft_id)

    # -- state -----------------------------------------------------------------------------------
    def save_state(self, settings: QSettings) -> None:
        self.md.save_state(settings)

    def restore_state(self, settings: QSettings) -> None:
        self.md.restore_state(settings)
