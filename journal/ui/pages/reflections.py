"""The Reflections page: feedback I received, worked through one step at a time."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from journal.store.changes import Changes
from journal.store.errors import JournalError
from journal.store.reflections import reflection_row, reflection_rows
from journal.ui.feedback.shared import (
    EmptyState,
    delete_action,
    delete_with_undo,
    fit_columns,
    record_table,
    select_first_if_none,
)
from journal.ui.models.record_table import ID_ROLE
from journal.ui.models.row_filter import RowFilterProxy
from journal.ui.pages.base import Page
from journal.ui.reflections.list_model import (
    STATUS_FILTERS,
    reflection_model,
    status_filter_label,
)
from journal.ui.reflections.wizard import ReflectionWizard


class ReflectionsPage(Page):
    kinds = ("reflection",)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.model = reflection_model(self)
        self.proxy = RowFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self._build()
        self.new_action = QAction(self.tr("&New reflection"), self)
        self.new_action.setShortcut(QKeySequence(QKeySequence.StandardKey.New))
        self.new_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.new_action.triggered.connect(self.new_reflection)
        self.addAction(self.new_action)
        self.delete_action = delete_action(self.table, self.delete_selected)

    def _build(self) -> None:
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Filter by name or words"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Filter reflections"))
        self.search.textChanged.connect(self._filter_changed)
        self.status_filter = QComboBox()
        for key, _ in STATUS_FILTERS:
            self.status_filter.addItem(status_filter_label(key), key)
        self.status_filter.currentIndexChanged.connect(self._filter_changed)
        show = QLabel(self.tr("S&how:"))
        show.setBuddy(self.status_filter)
        self.table = record_table()
        self.table.setObjectName("reflectionList")
        self.table.setAccessibleName(self.tr("Reflections"))
        self.table.setModel(self.proxy)
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        fit_columns(self.table, {1: 120})
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.no_match = QLabel(self.tr("Nothing matches. Clear the filter to see everything."))
        self.no_match.setObjectName("hint")
        self.no_match.setWordWrap(True)
        self.no_match.hide()
        self.new_button = QPushButton(self.tr("New &reflection"))
        self.new_button.setToolTip(self.tr("Work through feedback you received (Ctrl+N)"))
        self.new_button.clicked.connect(self.new_reflection)
        filters = QHBoxLayout()
        filters.addWidget(self.search, 1)
        filters.addWidget(show)
        filters.addWidget(self.status_filter)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(filters)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.no_match)
        left_layout.addWidget(self.new_button, 0, Qt.AlignmentFlag.AlignLeft)

        self.wizard = ReflectionWizard()
        self.nothing = QLabel(self.tr("Choose a reflection on the left, or press Ctrl+N to "
                                      "work through feedback you received."))
        self.nothing.setObjectName("hint")
        self.nothing.setWordWrap(True)
        self.nothing.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.right = QStackedWidget()
        self.right.addWidget(self.nothing)
        self.right.addWidget(self.wizard)
        self.splitter = QSplitter()
        self.splitter.setObjectName("reflectionsSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.right)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([380, 620])
        self.splitter.setChildrenCollapsible(False)

        self.empty = EmptyState(
            self.tr("Feedback you received"),
            self.tr("Hard feedback is easier to use once it is written down calmly: what was "
                    "said, what you understood, one concrete example, what is useful in it "
                    "whoever said it, and what you will do. Take it one step at a time; you "
                    "can stop and come back whenever you like."),
            self.tr("&Reflect on feedback"))
        self.empty.button.clicked.connect(self.new_reflection)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.splitter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addWidget(self.stack)
        self.setTabOrder(self.search, self.status_filter)
        self.setTabOrder(self.status_filter, self.table)
        self.setTabOrder(self.table, self.new_button)
        self.setTabOrder(self.new_button, self.wizard.step_list)

    # -- data ------------------------------------------------------------------------------------
    def journal_changed(self) -> None:
        self.wizard.set_context(self.ctx)
        writable = self.ctx is not None and not self.ctx.journal.read_only
        for widget in (self.new_button, self.empty.button, self.new_action, self.delete_action):
            widget.setEnabled(writable)
        self.reload()

    def reload(self) -> None:
        keep = self.current_id()
        self.model.set_rows(reflection_rows(self.ctx.journal) if self.ctx else [])
        if keep is not None and self.model.row_of(keep) >= 0:
            self.select(keep)
        elif self.wizard.record is not None and self.model.row_of(self.wizard.record.id) < 0:
            self.wizard.load(None)
        if self.wizard.record is None:
            select_first_if_none(self.table)
        self._update_views()

    def on_changes(self, changes: Changes) -> None:
        if self.ctx is None or not changes.touches("reflection", "person"):
            return
        if changes.touches("person"):
            self.wizard.refresh_people()
        if changes.initiator is self.wizard.form and changes.kinds == {"reflection"}:
            # The wizard's own save: refresh the row in place, so typing is never disturbed.
            for reflection_id in changes.ids("reflection"):
                row = reflection_row(self.ctx.journal, reflection_id)
                if row is not None:
                    self.model.update_row(row)
            return
        self.reload()
        if self.wizard.record is not None:
            self.wizard.refresh_from_store()

    def _update_views(self) -> None:
        has_any = self.model.rowCount() > 0
        self.stack.setCurrentWidget(self.splitter if has_any else self.empty)
        self.no_match.setVisible(has_any and self.proxy.rowCount() == 0)
        self.right.setCurrentWidget(self.wizard if self.wizard.record else self.nothing)

    def current_id(self) -> int | None:
        index = self.table.currentIndex()
        return index.data(ID_ROLE) if index.isValid() else None

    def select(self, reflection_id: int) -> bool:
        row = self.model.row_of(reflection_id)
        if row < 0:
            return False
        if not self.proxy.accepts(self.model.rows[row]):
            self.search.clear()
            self.status_filter.setCurrentIndex(self.status_filter.findData("all"))
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(index)
        return True

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        reflection_id = current.data(ID_ROLE) if current.isValid() else None
        if reflection_id is None or (self.wizard.record
                                     and self.wizard.record.id == reflection_id):
            return
        try:
            self.wizard.load(self.ctx.journal.get("reflection", reflection_id))
        except JournalError:
            self.wizard.load(None)
        self.proxy.set_pinned(reflection_id)
        self._update_views()

    def _filter_changed(self, *_args: object) -> None:
        if self.sender() is self.status_filter:
            self.proxy.set_pinned(None)  # an explicit choice of what to show wins
        self.proxy.set_text(self.search.text())
        self.proxy.set_statuses(dict(STATUS_FILTERS).get(self.status_filter.currentData()))
        if not self.table.currentIndex().isValid():
            self.wizard.load(None)
            select_first_if_none(self.table)
        self._update_views()

    # -- actions ---------------------------------------------------------------------------------
    def new_reflection(self) -> None:
        if self.ctx is None or self.ctx.journal.read_only:
            return
        reflection = self.ctx.journal.create("reflection", received_on=dt.date.today())
        self.show_record("reflection", reflection.id)
        self.wizard.giver.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def show_record(self, kind: str, record_id: int) -> None:
        if kind != "reflection" or self.ctx is None:
            return
        if self.model.row_of(record_id) < 0:
            self.reload()
        self.select(record_id)
        self._update_views()

    def delete_selected(self) -> None:
        reflection_id = self.current_id()
        if reflection_id is None or self.ctx is None:
            return
        row = self.model.rows[self.model.row_of(reflection_id)]
        what = (self.tr("the reflection on feedback from %1").replace("%1", row.giver_name)
                if row.giver_name else self.tr("this reflection"))
        if delete_with_undo(self, self.ctx, "reflection", reflection_id, what):
            self.wizard.load(None)
            self._update_views()

    # -- state -----------------------------------------------------------------------------------
    def save_state(self, settings: QSettings) -> None:
        settings.setValue("splitter", self.splitter.saveState())
        settings.setValue("statusFilter", self.status_filter.currentData())

    def restore_state(self, settings: QSettings) -> None:
        state = settings.value("splitter")
        if state is not None:
            self.splitter.restoreState(state)
        index = self.status_filter.findData(settings.value("statusFilter", "all"))
        if index >= 0:
            self.status_filter.setCurrentIndex(index)
