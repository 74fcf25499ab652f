"""The Feedback page: SBI drafts with their coach, and Continue / Start / Stop retros."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from journal.store.changes import Changes
from journal.store.errors import JournalError
from journal.ui.feedback.drafts_tab import DraftsTab
from journal.ui.feedback.retros_tab import RetrosTab
from journal.ui.pages.base import Page


class FeedbackPage(Page):
    kinds = ("feedback_draft", "retro", "retro_item")

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.drafts = DraftsTab()
        self.retros = RetrosTab()
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.drafts, self.tr("&Drafts"))
        self.tabs.addTab(self.retros, self.tr("&Retros"))
        self.tabs.setTabToolTip(0, self.tr("Feedback you are preparing for others"))
        self.tabs.setTabToolTip(1, self.tr("Continue / Start / Stop after a project, sprint or "
                                           "rotation"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addWidget(self.tabs)

    def journal_changed(self) -> None:
        self.drafts.set_context(self.ctx)
        self.retros.set_context(self.ctx)

    def on_changes(self, changes: Changes) -> None:
        self.drafts.on_changes(changes)
        self.retros.on_changes(changes)

    def show_record(self, kind: str, record_id: int, field: str | None = None) -> None:
        if self.ctx is None:
            return
        if kind == "feedback_draft":
            self.tabs.setCurrentWidget(self.drafts)
            if self.drafts.show_draft(record_id) and field:
                self.drafts.editor.focus_field(field)
        elif kind == "retro":
            self.tabs.setCurrentWidget(self.retros)
            self.retros.show_retro(record_id)
        elif kind == "retro_item":
            try:
                item = self.ctx.journal.get("retro_item", record_id)
            except JournalError:
                return
            self.tabs.setCurrentWidget(self.retros)
            self.retros.show_retro(item.retro_id, record_id)

    def save_state(self, settings: QSettings) -> None:
        settings.setValue("tab", self.tabs.currentIndex())
        self.drafts.save_state(settings)
        self.retros.save_state(settings)

    def restore_state(self, settings: QSettings) -> None:
        self.tabs.setCurrentIndex(int(settings.value("tab", 0) or 0))
        self.drafts.restore_state(settings)
        self.retros.restore_state(settings)
