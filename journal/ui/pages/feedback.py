"""The Feedback page: SBI drafts with their coach, and Continue / Start / Stop retros, each a
list-and-editor page of the kit in a tab."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from journal.domain.kinds import FEEDBACK_DRAFT, RETRO, RETRO_ITEM
from journal.ui.feedback.drafts_tab import DraftsTab
from journal.ui.pages.base import Page

DRAFTS, RETROS = "drafts", "retros"  # each tab's settings group


class _Remembered(dict):
    """A settings group read ahead, answering `value(key, default)` as QSettings does."""

    def value(self, key: str, default: Any = None) -> Any:
        return self.get(key, default)


class FeedbackPage(Page):
    """The Retros tab is built, and its retros read, when it is first shown (or asked to show
    a retro): the page opens on Drafts and need not pay for it."""

    kinds = (FEEDBACK_DRAFT, RETRO, RETRO_ITEM)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.drafts = DraftsTab()
        self._retros = None
        self._retros_state = _Remembered()
        self._retros_slot = QWidget()
        QVBoxLayout(self._retros_slot).setContentsMargins(0, 0, 0, 0)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.drafts, self.tr("&Drafts"))
        self.tabs.addTab(self._retros_slot, self.tr("&Retros"))
        self.tabs.setTabToolTip(0, self.tr("Feedback you are preparing for others"))
        self.tabs.setTabToolTip(1, self.tr("Continue / Start / Stop after a project, sprint or "
                                           "rotation"))
        self.tabs.currentChanged.connect(self._tab_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addWidget(self.tabs)

    @property
    def retros(self):
        """The Retros tab's page, built on first use."""
        if self._retros is None:
            from journal.ui.feedback.retros_tab import RetrosTab

            self._retros = RetrosTab()
            self._retros_slot.layout().addWidget(self._retros)
            self._retros.restore_state(self._retros_state)
            self._retros.set_context(self.ctx)
        return self._retros

    @property
    def retros_built(self) -> bool:
        return self._retros is not None

    def _tab_changed(self, index: int) -> None:
        if self.tabs.widget(index) is self._retros_slot:
            self.retros  # noqa: B018 (built as it is shown)

    def journal_changed(self) -> None:
        self.drafts.set_context(self.ctx)
        if self._retros is not None or self.tabs.currentWidget() is self._retros_slot:
            self.retros.set_context(self.ctx)

    def show_record(self, kind: str, record_id: int, field: str | None = None) -> None:
        if self.ctx is None:
            return
        if kind == FEEDBACK_DRAFT:
            self.tabs.setCurrentWidget(self.drafts)
            self.drafts.show_record(kind, record_id, field)
        elif kind in (RETRO, RETRO_ITEM):
            self.tabs.setCurrentWidget(self._retros_slot)
            self.retros.show_record(kind, record_id, field)

    def save_state(self, settings: QSettings) -> None:
        settings.setValue("tab", self.tabs.currentIndex())
        settings.beginGroup(DRAFTS)
        self.drafts.save_state(settings)
        settings.endGroup()
        if self._retros is not None:  # else what was restored is still in the settings
            settings.beginGroup(RETROS)
            self._retros.save_state(settings)
            settings.endGroup()

    def restore_state(self, settings: QSettings) -> None:
        settings.beginGroup(DRAFTS)
        self.drafts.restore_state(settings)
        settings.endGroup()
        settings.beginGroup(RETROS)
        self._retros_state = _Remembered({key: settings.value(key)
                                          for key in settings.childKeys()})
        settings.endGroup()
        if self._retros is not None:
            self._retros.restore_state(self._retros_state)
        self.tabs.setCurrentIndex(int(settings.value("tab", 0) or 0))
