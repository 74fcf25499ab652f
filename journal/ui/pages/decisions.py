"""The Decisions page: design reviews, decision records (ADRs), roadmap proposals and
cross-team conflicts, one tab each. Each tab is a page of the kit; a tab is built and filled the
first time it is shown, so opening the page reads one list, not four."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from journal.domain.kinds import (
    CONFLICT,
    CONFLICT_OWNER,
    DECISION_PERSON,
    DECISION_RECORD,
    DESIGN_REVIEW,
    ROADMAP_PROPOSAL,
)
from journal.store.errors import JournalError
from journal.ui.context import PageContext
from journal.ui.decisions.lists import PARENT_OF, TABS
from journal.ui.decisions.words import tr
from journal.ui.kit import ListEditorPage
from journal.ui.pages.base import Page

TAB_KEY = "tab"


class DecisionsPage(Page):
    kinds = (DESIGN_REVIEW, DECISION_RECORD, ROADMAP_PROPOSAL, CONFLICT, CONFLICT_OWNER,
             DECISION_PERSON)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("decisionTabs")
        self.tabs.setDocumentMode(True)
        self.lists: dict[str, ListEditorPage | None] = {kind: None for kind, _ in TABS}
        self._slots: dict[str, QWidget] = {}
        titles = {DESIGN_REVIEW: tr("Design &reviews"), DECISION_RECORD: tr("Decision recor&ds"),
                  ROADMAP_PROPOSAL: tr("Roadmap &proposals"), CONFLICT: tr("&Conflicts")}
        for kind, _cls in TABS:
            slot = QWidget()
            QVBoxLayout(slot).setContentsMargins(0, 0, 0, 0)
            self._slots[kind] = slot
            self.tabs.addTab(slot, titles[kind])
        self._settings: QSettings | None = None
        self._group = ""
        self.tabs.currentChanged.connect(self._tab_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.tabs)

    # -- the tabs --------------------------------------------------------------------------------
    def kind_shown(self) -> str:
        return TABS[self.tabs.currentIndex()][0]

    def list_for(self, kind: str) -> ListEditorPage:
        """The tab listing `kind`, built (and given the journal) on first use."""
        page = self.lists[kind]
        if page is None:
            cls = dict(TABS)[kind]
            page = self.lists[kind] = cls()
            self._slots[kind].layout().addWidget(page)
            if self._settings is not None:
                self._restore_tab(kind, page)
            page.set_context(self.ctx)
        return page

    def current_list(self) -> ListEditorPage:
        return self.list_for(self.kind_shown())

    def _tab_changed(self, _index: int) -> None:
        self.list_for(self.kind_shown())

    # -- the page --------------------------------------------------------------------------------
    def set_context(self, ctx: PageContext | None) -> None:
        self.ctx = ctx
        for page in self.lists.values():
            if page is not None:
                page.set_context(ctx)
        self.list_for(self.kind_shown())

    def show_record(self, kind: str, record_id: int, field: str | None = None) -> None:
        if self.ctx is None:
            return
        if kind in PARENT_OF:  # a person of a record, an owner of a conflict: open the parent
            try:
                link = self.ctx.journal.get(kind, record_id)
            except JournalError:
                return
            kind, record_id = PARENT_OF[kind], (
                link.decision_record_id if kind == DECISION_PERSON else link.conflict_id)
            field = field or ("decision_maker" if kind == DECISION_RECORD else "owners")
        if kind not in self.lists:
            return
        self.tabs.setCurrentIndex([k for k, _ in TABS].index(kind))
        self.list_for(kind).show_record(kind, record_id, field)

    def save_state(self, settings: QSettings) -> None:
        settings.setValue(TAB_KEY, self.tabs.currentIndex())
        for kind, page in self.lists.items():
            if page is not None:
                settings.beginGroup(kind)
                page.save_state(settings)
                settings.endGroup()

    def restore_state(self, settings: QSettings) -> None:
        self._settings, self._group = settings, settings.group()
        for kind, page in self.lists.items():
            if page is not None:
                self._restore_tab(kind, page)
        try:
            index = int(settings.value(TAB_KEY, 0))
        except (TypeError, ValueError):
            index = 0
        if 0 <= index < self.tabs.count():
            self.tabs.setCurrentIndex(index)

    def _restore_tab(self, kind: str, page: ListEditorPage) -> None:
        """A tab built after the page's state was restored reads its own part of it then."""
        settings = self._settings
        inside = settings.group() == self._group
        settings.beginGroup(kind if inside else f"{self._group}/{kind}")
        page.restore_state(settings)
        settings.endGroup()
