"""The Reflections page: feedback I received, worked through one step at a time."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QHBoxLayout, QWidget

from journal.store.changes import Changes
from journal.store.paging import ListQuery, statuses_of, words_of
from journal.store.reflections import reflection_row
from journal.ui.feedback.shared import EmptyState, fit_columns
from journal.ui.pages.base import Page
from journal.ui.reflections.list_model import (
    STATUS_FILTERS,
    reflection_model,
    status_filter_label,
)
from journal.ui.reflections.wizard import ReflectionWizard
from journal.ui.widgets.master_detail import MasterDetail, StatusChoice, filter_edit


class ReflectionsPage(Page):
    kinds = ("reflection",)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.wizard = ReflectionWizard()
        self.md = MasterDetail(self, kind="reflection", model=reflection_model(self),
                               rows=None, row=reflection_row, editor=self.wizard,
                               describe=self._describe, widen=self._widen)
        self.model, self.proxy, self.table = self.md.model, self.md.proxy, self.md.table
        self._build()

    def _build(self) -> None:
        self.search = filter_edit(self.tr("Filter by name or words"),
                                  self.tr("Filter reflections"))
        self.search.textChanged.connect(self._filter_changed)
        self.status_filter = StatusChoice(STATUS_FILTERS, status_filter_label,
                                          self.tr("S&how:"))
        self.status_filter.currentIndexChanged.connect(self._filter_changed)
        self.table.setObjectName("reflectionList")
        self.table.setAccessibleName(self.tr("Reflections"))
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        fit_columns(self.table, {1: 120})
        filters = QHBoxLayout()
        filters.addWidget(self.search, 1)
        filters.addWidget(self.status_filter.label)
        filters.addWidget(self.status_filter)
        self.md.build(
            filters=[filters],
            no_match=self.tr("Nothing matches. Clear the filter to see everything."),
            new_button=self.tr("New &reflection"),
            new_tip=self.tr("Work through feedback you received (Ctrl+N)"),
            new_action=self.tr("&New reflection"), new=self.new_reflection,
            nothing=self.tr("Choose a reflection on the left, or press Ctrl+N to work through "
                            "feedback you received."),
            detail=self.wizard, splitter="reflectionsSplitter", sizes=[380, 620],
            empty=EmptyState(
                self.tr("Feedback you received"),
                self.tr("Hard feedback is easier to use once it is written down calmly: what "
                        "was said, what you understood, one concrete example, what is useful in "
                        "it whoever said it, and what you will do. Take it one step at a time; "
                        "you can stop and come back whenever you like."),
                self.tr("&Reflect on feedback")))
        self.layout().setContentsMargins(12, 8, 12, 8)  # as the Feedback page, so the two line up
        self.new_button, self.no_match = self.md.new_button, self.md.no_match
        self.splitter, self.empty, self.stack = self.md.splitter, self.md.empty, self.md.stack
        self.md.focus_order([self.search, self.status_filter], self.wizard.step_list)
        self.md.remember({"splitter": self.splitter},
                         {"statusFilter": (self.status_filter, "all")})

    # -- data ------------------------------------------------------------------------------------
    def journal_changed(self) -> None:
        self.md.journal_changed()

    def current_id(self) -> int | None:
        return self.md.current_id()

    def on_changes(self, changes: Changes) -> None:
        if self.ctx is None or not changes.touches("reflection", "person"):
            return
        if changes.touches("person"):
            self.wizard.refresh_people()
        if changes.initiator is self.wizard.form and changes.kinds == {"reflection"}:
            # The wizard's own save: refresh the row in place, so typing is never disturbed.
            self.md.refresh_rows(changes.ids("reflection"))
            return
        self.md.reload_from_store()

    def _filter_changed(self, *_args: object) -> None:
        if self.sender() is self.status_filter:
            self.proxy.set_pinned(None)  # an explicit choice of what to show wins
        self.proxy.set_text(self.search.text())
        self.proxy.set_statuses(self.status_filter.statuses())
        # In SQL too, for what the list loads (see DraftsTab._filter_changed).
        self.model.set_query(ListQuery(statuses=statuses_of(self.status_filter.statuses()),
                                       words=words_of(self.search.text())))
        self.md.open_first_if_none()

    def _widen(self, _row: object) -> None:
        self.search.clear()
        self.status_filter.choose("all")

    # -- actions ---------------------------------------------------------------------------------
    def new_reflection(self) -> None:
        if not self.md.writable():
            return
        reflection = self.ctx.journal.create("reflection", received_on=dt.date.today())
        self.show_record("reflection", reflection.id)
        self.wizard.giver.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def show_record(self, kind: str, record_id: int, field: str | None = None) -> None:
        if kind == "reflection" and self.ctx is not None and self.md.show(record_id) and field:
            self.wizard.focus_field(field)

    def _describe(self, row: object) -> str:
        return (self.tr("the reflection on feedback from %1").replace("%1", row.giver_name)
                if row.giver_name else self.tr("this reflection"))

    # -- state -----------------------------------------------------------------------------------
    def save_state(self, settings: QSettings) -> None:
        self.md.save_state(settings)

    def restore_state(self, settings: QSettings) -> None:
        self.md.restore_state(settings)
