"""The Drafts tab of the Feedback page: the list of SBI drafts beside the editor and its coach."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt

from journal.domain.kinds import FEEDBACK_DRAFT, PERSON
from journal.store.changes import SETTINGS
from journal.ui.feedback.draft_list import (
    STATUS_FILTERS,
    columns,
    draft_query,
    status_filter_label,
)
from journal.ui.feedback.sbi_editor import SbiEditor
from journal.ui.feedback.shared import tr
from journal.ui.kit import Choice, ListEditorPage, ListSpec, Search, Texts

SBI_SPLITTER = "sbiSplitter"


class DraftsTab(ListEditorPage):
    """New asks for the recipient first: a draft is stored once they are chosen."""

    @classmethod
    def spec(cls) -> ListSpec:
        return ListSpec(
            kind=FEEDBACK_DRAFT, name="draft", editor=SbiEditor, related=(PERSON, SETTINGS),
            columns=columns(), query=draft_query(), sort=(1, Qt.SortOrder.AscendingOrder),
            widths={0: 130}, new=lambda _journal: None,  # see new_record
            describe=lambda row: tr("the feedback for %1").replace("%1", row.recipient_name),
            search=Search(tr("Filter by name or words"), tr("Filter feedback")),
            choice=Choice(STATUS_FILTERS, status_filter_label, tr("S&how:"), default="draft",
                          own_line=True),
            # Unlike the other lists, a reload lets the open draft drop out of a filter it no
            # longer matches (it stays in the editor): widening would undo the status the user
            # chose to see.
            widen_to_keep=False,
            texts=Texts(
                empty_heading=tr("Feedback worth giving"),
                empty_body=tr("Write down a moment while it is fresh: the situation, what the "
                              "person did, and the difference it made. A coach beside the "
                              "editor suggests what would make it clearer, and the list reminds "
                              "you of feedback still waiting to be delivered."),
                empty_button=tr("&Write your first feedback"),
                nothing=tr("Choose feedback on the left to read or edit it, or press Ctrl+N to "
                           "write new feedback."),
                no_match=tr("Nothing matches. Clear the filter or show all feedback."),
                new_button=tr("&New draft"), new_tip=tr("Write feedback for someone (Ctrl+N)"),
                new_action=tr("&New feedback draft"), list_name=tr("Feedback drafts")))

    def __init__(self, parent=None):
        super().__init__(parent)
        self.layout().setContentsMargins(0, 0, 0, 0)  # inside the Feedback page's tab
        self.coach_panel = self.editor.panel
        self.filter, self.status_filter = self.search, self.choice  # (their names before)
        self.editor.create_requested.connect(self._create)

    def reload(self) -> None:
        self.md.reload()

    # -- actions ---------------------------------------------------------------------------------
    def new_record(self) -> None:
        """Clear the editor and ask who the feedback is for; choosing them creates the draft."""
        if not self.md.writable():
            return
        self.table.selectionModel().clearCurrentIndex()
        self.table.clearSelection()
        self.proxy.set_pinned(None)
        self.editor.start_new()
        self.md.update_views()
        self.editor.picker.setFocus(Qt.FocusReason.ShortcutFocusReason)

    new_draft = new_record

    def _create(self, recipient_id: int, polarity: str) -> None:
        draft = self.ctx.journal.create(FEEDBACK_DRAFT, recipient_id=recipient_id,
                                        polarity=polarity)
        self.show_record(FEEDBACK_DRAFT, draft.id, "situation")

    def show_draft(self, draft_id: int) -> bool:
        """Select and show a draft, widening the filters if they hide it."""
        return self.md.show(draft_id)

    # -- state -----------------------------------------------------------------------------------
    def save_state(self, settings: QSettings) -> None:
        super().save_state(settings)
        settings.setValue(SBI_SPLITTER, self.editor.splitter.saveState())

    def restore_state(self, settings: QSettings) -> None:
        super().restore_state(settings)
        state = settings.value(SBI_SPLITTER)
        if state is not None:
            self.editor.splitter.restoreState(state)
