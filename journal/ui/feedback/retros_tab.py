"""The Retros tab of the Feedback page: past retros, searchable by subject, beside the editor."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
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
from journal.store.retros import active_mentorship, retro_row, retro_rows
from journal.ui.context import PageContext
from journal.ui.feedback import follow_up
from journal.ui.feedback.retro_editor import RetroEditor, kind_label
from journal.ui.feedback.shared import (
    EmptyState,
    delete_action,
    delete_with_undo,
    fit_columns,
    record_table,
    select_first_if_none,
    tr,
)
from journal.ui.models.record_table import ID_ROLE, Column, RecordTableModel
from journal.ui.models.row_filter import RowFilterProxy


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


class RetrosTab(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx: PageContext | None = None
        self.model = retro_model(self)
        self.proxy = RowFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self._build()
        self.new_action = QAction(tr("&New retro"), self)
        self.new_action.setShortcut(QKeySequence(QKeySequence.StandardKey.New))
        self.new_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.new_action.triggered.connect(self.new_retro)
        self.addAction(self.new_action)
        self.delete_action = delete_action(self.table, self.delete_selected)

    def _build(self) -> None:
        self.search = QLineEdit()
        self.search.setPlaceholderText(tr("Search by subject"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(tr("Search retros"))
        self.search.textChanged.connect(self._search_changed)
        self.table = record_table()
        self.table.setObjectName("retroList")
        self.table.setAccessibleName(tr("Retros"))
        self.table.setModel(self.proxy)
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        fit_columns(self.table, {}, stretch=1)  # the subject takes the room
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.no_match = QLabel(tr("No retro has that in its subject."))
        self.no_match.setObjectName("hint")
        self.no_match.hide()
        self.new_button = QPushButton(tr("&New retro"))
        self.new_button.setToolTip(tr("Record a retro (Ctrl+N)"))
        self.new_button.clicked.connect(self.new_retro)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.search)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.no_match)
        left_layout.addWidget(self.new_button, 0, Qt.AlignmentFlag.AlignLeft)

        self.editor = RetroEditor()
        self.editor.follow_up_requested.connect(self.follow_up)
        self.nothing = QLabel(tr("Choose a retro on the left, or press Ctrl+N to record one."))
        self.nothing.setObjectName("hint")
        self.nothing.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.nothing.setWordWrap(True)
        self.right = QStackedWidget()
        self.right.addWidget(self.nothing)
        self.right.addWidget(self.editor)
        self.splitter = QSplitter()
        self.splitter.setObjectName("retrosSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.right)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([300, 700])
        self.splitter.setChildrenCollapsible(False)

        self.empty = EmptyState(
            tr("Continue, start, stop"),
            tr("After a project, a sprint or an on-call rotation, note what to keep doing, what "
               "to begin and what to drop. Any item can become feedback for someone or a goal "
               "for a person you mentor."),
            tr("Record your &first retro"))
        self.empty.button.clicked.connect(self.new_retro)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.splitter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self.setTabOrder(self.search, self.table)
        self.setTabOrder(self.table, self.new_button)
        self.setTabOrder(self.new_button, self.editor.subject)

    # -- data ------------------------------------------------------------------------------------
    def set_context(self, ctx: PageContext | None) -> None:
        self.ctx = ctx
        self.editor.set_context(ctx)
        writable = ctx is not None and not ctx.journal.read_only
        for widget in (self.new_button, self.empty.button, self.new_action, self.delete_action):
            widget.setEnabled(writable)
        self.reload()

    def reload(self) -> None:
        keep = self.current_id()
        self.model.set_rows(retro_rows(self.ctx.journal) if self.ctx else [])
        if keep is not None and self.model.row_of(keep) >= 0:
            self.select(keep)
        elif self.editor.record is not None and self.model.row_of(self.editor.record.id) < 0:
            self.editor.load(None)
        if self.editor.record is None:
            select_first_if_none(self.table)
        self._update_views()

    def on_changes(self, changes: Changes) -> None:
        if self.ctx is None or not changes.touches("retro", "retro_item"):
            return
        mine = changes.initiator in (self.editor, self.editor.form)
        if mine:
            # The editor's own writes: the list only needs fresh subjects and item counts.
            retro_ids = changes.ids("retro") | ({self.editor.record.id}
                                                if self.editor.record else set())
            for retro_id in retro_ids:
                row = retro_row(self.ctx.journal, retro_id)
                if row is not None:
                    self.model.update_row(row)
            return
        self.reload()
        if self.editor.record is not None:
            self.editor.refresh_from_store()

    def _update_views(self) -> None:
        has_any = self.model.rowCount() > 0
        self.stack.setCurrentWidget(self.splitter if has_any else self.empty)
        self.no_match.setVisible(has_any and self.proxy.rowCount() == 0)
        self.right.setCurrentWidget(self.editor if self.editor.record else self.nothing)

    def current_id(self) -> int | None:
        index = self.table.currentIndex()
        return index.data(ID_ROLE) if index.isValid() else None

    def select(self, retro_id: int) -> bool:
        row = self.model.row_of(retro_id)
        if row < 0:
            return False
        if not self.proxy.accepts(self.model.rows[row]):
            self.search.clear()
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(index)
        return True

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        retro_id = current.data(ID_ROLE) if current.isValid() else None
        if retro_id is None or (self.editor.record and self.editor.record.id == retro_id):
            return
        try:
            self.editor.load(self.ctx.journal.get("retro", retro_id))
        except JournalError:
            self.editor.load(None)
        self.proxy.set_pinned(retro_id)
        self._update_views()

    def _search_changed(self, text: str) -> None:
        self.proxy.set_text(text)
        self._update_views()

    # -- actions ---------------------------------------------------------------------------------
    def new_retro(self) -> None:
        if self.ctx is None or self.ctx.journal.read_only:
            return
        retro = self.ctx.journal.create("retro", held_on=dt.date.today())
        self.show_retro(retro.id)
        self.editor.subject.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def show_retro(self, retro_id: int, item_id: int | None = None) -> bool:
        if self.model.row_of(retro_id) < 0:
            self.reload()
        if not self.select(retro_id):
            return False
        self._update_views()
        if item_id is not None:
            self.editor.select_item(item_id)
        return True

    def delete_selected(self) -> None:
        retro_id = self.current_id()
        if retro_id is None or self.ctx is None:
            return
        subject = self.model.rows[self.model.row_of(retro_id)].subject.strip()
        what = (tr("the retro “%1”").replace("%1", subject) if subject
                else tr("this untitled retro"))
        if delete_with_undo(self, self.ctx, "retro", retro_id, what):
            self.editor.load(None)
            self._update_views()

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
        settings.setValue("retrosSplitter", self.splitter.saveState())

    def restore_state(self, settings: QSettings) -> None:
        state = settings.value("retrosSplitter")
        if state is not None:
            self.splitter.restoreState(state)
