"""The Drafts tab of the Feedback page: the list of SBI drafts beside the editor and its coach."""

from __future__ import annotations

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

from journal.store.changes import SETTINGS, Changes
from journal.store.errors import JournalError
from journal.store.feedback import draft_row, draft_rows
from journal.ui.context import PageContext
from journal.ui.feedback.coach_panel import CoachPanel
from journal.ui.feedback.draft_list import STATUS_FILTERS, draft_model, status_filter_label
from journal.ui.feedback.sbi_editor import SbiEditor
from journal.ui.feedback.shared import (
    EmptyState,
    delete_action,
    delete_with_undo,
    fit_columns,
    record_table,
    select_first_if_none,
    tr,
)
from journal.ui.models.record_table import ID_ROLE
from journal.ui.models.row_filter import RowFilterProxy


class DraftsTab(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx: PageContext | None = None
        self.model = draft_model(self)
        self.proxy = RowFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self._build()
        self.new_action = QAction(tr("&New feedback draft"), self)
        self.new_action.setShortcut(QKeySequence(QKeySequence.StandardKey.New))
        # Window-wide, but only while this tab is shown: hidden widgets' shortcuts do not fire.
        self.new_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.new_action.triggered.connect(self.new_draft)
        self.addAction(self.new_action)
        self.delete_action = delete_action(self.table, self.delete_selected)

    # -- building --------------------------------------------------------------------------------
    def _build(self) -> None:
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(tr("Filter by name or words"))
        self.filter.setClearButtonEnabled(True)
        self.filter.setAccessibleName(tr("Filter feedback"))
        self.filter.textChanged.connect(self._filter_changed)
        self.status_filter = QComboBox()
        for key, _ in STATUS_FILTERS:
            self.status_filter.addItem(status_filter_label(key), key)
        self.status_filter.currentIndexChanged.connect(self._status_filter_changed)
        show = QLabel(tr("S&how:"))
        show.setBuddy(self.status_filter)
        self.table = record_table()
        self.table.setObjectName("draftList")
        self.table.setAccessibleName(tr("Feedback drafts"))
        self.table.setModel(self.proxy)
        self.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
        fit_columns(self.table, {0: 130})
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.no_match = QLabel(tr("Nothing matches. Clear the filter or show all feedback."))
        self.no_match.setObjectName("hint")
        self.no_match.setWordWrap(True)
        self.no_match.hide()
        self.new_button = QPushButton(tr("&New draft"))
        self.new_button.setToolTip(tr("Write feedback for someone (Ctrl+N)"))
        self.new_button.clicked.connect(self.new_draft)

        filters = QHBoxLayout()
        filters.addWidget(show)
        filters.addWidget(self.status_filter, 1)
        left = QWidget()
        left.setMinimumWidth(280)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.filter)
        left_layout.addLayout(filters)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.no_match)
        left_layout.addWidget(self.new_button, 0, Qt.AlignmentFlag.AlignLeft)

        self.coach_panel = CoachPanel()
        self.editor = SbiEditor(self.coach_panel)
        self.editor.create_requested.connect(self._create)
        self.nothing = QLabel(tr("Choose feedback on the left to read or edit it, or press "
                                 "Ctrl+N to write new feedback."))
        self.nothing.setObjectName("hint")
        self.nothing.setWordWrap(True)
        self.nothing.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.editor_splitter = QSplitter()
        self.editor_splitter.setObjectName("sbiSplitter")
        self.editor_splitter.addWidget(self.editor)
        self.editor_splitter.addWidget(self.coach_panel)
        self.editor_splitter.setStretchFactor(0, 3)
        self.editor_splitter.setStretchFactor(1, 2)
        self.editor_splitter.setSizes([430, 260])
        self.coach_panel.setMinimumWidth(180)
        self.editor_splitter.setChildrenCollapsible(False)
        self.right = QStackedWidget()
        self.right.addWidget(self.nothing)
        self.right.addWidget(self.editor_splitter)

        self.splitter = QSplitter()
        self.splitter.setObjectName("draftsSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.right)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([380, 620])
        self.splitter.setChildrenCollapsible(False)

        self.empty = EmptyState(
            tr("Feedback worth giving"),
            tr("Write down a moment while it is fresh: the situation, what the person did, and "
               "the difference it made. A coach beside the editor suggests what would make it "
               "clearer, and the list reminds you of feedback still waiting to be delivered."),
            tr("&Write your first feedback"))
        self.empty.button.clicked.connect(self.new_draft)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.splitter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self.setTabOrder(self.filter, self.status_filter)
        self.setTabOrder(self.status_filter, self.table)
        self.setTabOrder(self.table, self.new_button)
        self.setTabOrder(self.new_button, self.editor.picker)

    # -- data ------------------------------------------------------------------------------------
    def set_context(self, ctx: PageContext | None) -> None:
        self.ctx = ctx
        self.editor.set_context(ctx)
        writable = ctx is not None and not ctx.journal.read_only
        for widget in (self.new_button, self.empty.button):
            widget.setEnabled(writable)
        self.new_action.setEnabled(writable)
        self.delete_action.setEnabled(writable)
        self.reload()
        self._status_filter_changed()

    def reload(self) -> None:
        keep = self.current_id()
        self.model.set_rows(draft_rows(self.ctx.journal) if self.ctx else [])
        if keep is not None and self.model.row_of(keep) >= 0:
            self.select(keep)
        elif self.editor.record is not None and self.model.row_of(self.editor.record.id) < 0:
            self.editor.load(None)  # the draft shown was deleted elsewhere
        if not self.editor.pending_new and self.editor.record is None:
            select_first_if_none(self.table)
        self._update_views()

    def on_changes(self, changes: Changes) -> None:
        if self.ctx is None or not changes.touches("feedback_draft", "person", SETTINGS):
            return
        if changes.touches("person"):
            self.editor.refresh_people()
        if changes.initiator is self.editor.form and changes.kinds == {"feedback_draft"}:
            # The editor's own save: refresh its row in place, so nothing moves under the cursor.
            for draft_id in changes.ids("feedback_draft"):
                row = draft_row(self.ctx.journal, draft_id)
                if row is not None:
                    self.model.update_row(row)
            self._update_views()
            return
        self.reload()
        if self.editor.record is not None and self.editor.record.id in changes.ids(
                "feedback_draft"):
            self.editor.refresh_from_store()

    def _update_views(self) -> None:
        has_any = self.model.rowCount() > 0
        if has_any or self.editor.pending_new or self.editor.record is not None:
            self.stack.setCurrentWidget(self.splitter)
        else:
            self.stack.setCurrentWidget(self.empty)
        self.no_match.setVisible(has_any and self.proxy.rowCount() == 0)
        showing_editor = self.editor.pending_new or self.editor.record is not None
        self.right.setCurrentWidget(self.editor_splitter if showing_editor else self.nothing)

    def current_id(self) -> int | None:
        index = self.table.currentIndex()
        return index.data(ID_ROLE) if index.isValid() else None

    def select(self, draft_id: int) -> bool:
        source_row = self.model.row_of(draft_id)
        if source_row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(source_row, 0))
        if not index.isValid():
            return False
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(index)
        return True

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        draft_id = current.data(ID_ROLE) if current.isValid() else None
        if draft_id is None:
            return
        if self.editor.record is not None and self.editor.record.id == draft_id:
            return
        try:
            self.editor.load(self.ctx.journal.get("feedback_draft", draft_id))
        except JournalError:
            self.editor.load(None)
        self.proxy.set_pinned(self.editor.record.id if self.editor.record else None)
        self._update_views()

    # -- filters ---------------------------------------------------------------------------------
    def _filter_changed(self, text: str) -> None:
        self.proxy.set_text(text)
        self._update_views()

    def _status_filter_changed(self, _index: int = 0) -> None:
        # Choosing what to show is explicit: the open draft no longer stays pinned in the list.
        self.proxy.set_pinned(None)
        self.proxy.set_statuses(dict(STATUS_FILTERS).get(self.status_filter.currentData()))
        if not self.table.currentIndex().isValid() and not self.editor.pending_new:
            self.editor.load(None)
            select_first_if_none(self.table)
        self._update_views()

    # -- actions ---------------------------------------------------------------------------------
    def new_draft(self) -> None:
        if self.ctx is None or self.ctx.journal.read_only:
            return
        self.table.selectionModel().clearCurrentIndex()
        self.table.clearSelection()
        self.proxy.set_pinned(None)
        self.editor.start_new()
        self._update_views()
        self.editor.picker.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _create(self, recipient_id: int, polarity: str) -> None:
        draft = self.ctx.journal.create("feedback_draft", recipient_id=recipient_id,
                                        polarity=polarity)
        self.show_draft(draft.id)
        self.editor.parts["situation"].setFocus(Qt.FocusReason.OtherFocusReason)

    def show_draft(self, draft_id: int) -> bool:
        """Select and show a draft, widening the filters if they hide it."""
        if self.model.row_of(draft_id) < 0:
            self.reload()
        row = self.model.rows[self.model.row_of(draft_id)] if self.model.row_of(
            draft_id) >= 0 else None
        if row is None:
            return False
        if not self.proxy.accepts(row):
            self.filter.clear()
            if not self.proxy.accepts(row):
                self.status_filter.setCurrentIndex(self.status_filter.findData("all"))
        self._update_views()
        return self.select(draft_id)

    def delete_selected(self) -> None:
        draft_id = self.current_id()
        if draft_id is None or self.ctx is None:
            return
        row = self.model.rows[self.model.row_of(draft_id)]
        what = tr("the feedback for %1").replace("%1", row.recipient_name)
        if delete_with_undo(self, self.ctx, "feedback_draft", draft_id, what):
            self.proxy.set_pinned(None)
            self.editor.load(None)
            self._update_views()

    # -- state -----------------------------------------------------------------------------------
    def save_state(self, settings: QSettings) -> None:
        settings.setValue("draftsSplitter", self.splitter.saveState())
        settings.setValue("sbiSplitter", self.editor_splitter.saveState())
        settings.setValue("statusFilter", self.status_filter.currentData())

    def restore_state(self, settings: QSettings) -> None:
        for key, splitter in (("draftsSplitter", self.splitter),
                              ("sbiSplitter", self.editor_splitter)):
            state = settings.value(key)
            if state is not None:
                splitter.restoreState(state)
        index = self.status_filter.findData(settings.value("statusFilter", "draft"))
        if index >= 0:
            self.status_filter.setCurrentIndex(index)
