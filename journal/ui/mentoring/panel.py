"""A list of one kind of record with an editor for the selected one: the shape shared by the
goal, check-in and session parts. New records are created at once and edited in place, and save
themselves through a RecordForm; Delete asks, then offers Ctrl+Z."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from journal.store.changes import Changes
from journal.ui import theme
from journal.ui.context import PageContext
from journal.ui.forms import RecordForm, focus_into_view
from journal.ui.kit import delete_with_undo
from journal.ui.mentoring.labels import tr
from journal.ui.mentoring.widgets import RecordTable
from journal.ui.models.record_table import RecordTableModel


class RecordPanel(QWidget):
    """Subclasses set `kind`, build their editor widgets bound to `self.form`, and implement
    `query()` (rows for the current owner), `create_values()` (fields of a new record) and
    `describe(record)` (how a confirmation names it)."""

    kind = ""
    # False: New stores the record at once. True: New shows an empty one that its first edit
    # stores, so a New pressed by mistake leaves nothing behind.
    stored_on_first_edit = False
    current_changed = Signal(object)  # the selected record, or None

    def __init__(self, model: RecordTableModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx: PageContext | None = None
        self.owner_id: int | None = None  # the record whose children are listed
        self.model = model
        model.setParent(self)
        self.table = RecordTable(model)
        # The journal and saver arrive with the page context; the form is bound once.
        self.form = RecordForm(self.kind, None, None, self)  # type: ignore[arg-type]
        self.new_button = QPushButton()
        self.new_button.clicked.connect(self.create)
        self.delete_button = QPushButton(tr("Delete…"))
        self.delete_button.clicked.connect(self.delete_current)
        self.delete_action = QAction(tr("Delete"), self.table)
        self.delete_action.setShortcut(QKeySequence(Qt.Key.Key_Delete))
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.delete_action.triggered.connect(self.delete_current)
        self.table.addAction(self.delete_action)
        self.table.selectionModel().currentRowChanged.connect(self._current_row_changed)
        # Shown instead of an empty table: what this list is for and how to start it.
        self.empty_hint = QLabel()
        theme.style(self.empty_hint, "hint")
        self.empty_hint.setWordWrap(True)
        self.empty_hint.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.empty_hint.setMargin(8)
        self.empty_hint.hide()
        self._shown: Any = None

    # -- what subclasses provide -----------------------------------------------------------------
    def query(self) -> list:
        raise NotImplementedError

    def create_values(self) -> dict[str, Any]:
        raise NotImplementedError

    def describe(self, record: Any) -> str:
        raise NotImplementedError

    def record_of(self, row: Any) -> Any:
        """The record a table row stands for (rows may wrap it with computed facts)."""
        return row

    def first_field(self) -> QWidget | None:
        """Where the cursor goes after a new record is created."""
        return None

    def shown_changed(self, record: Any) -> None:
        """The editor now shows `record` (or nothing): refresh anything derived from it."""

    # -- context and owner -----------------------------------------------------------------------
    def set_context(self, ctx: PageContext | None) -> None:
        self.ctx = ctx
        if ctx is not None:
            self.form.journal = ctx.journal
            self.form.saver = ctx.saver
        self.set_owner(None)

    @property
    def writable(self) -> bool:
        return self.ctx is not None and not self.ctx.journal.read_only

    def set_owner(self, owner_id: int | None, select: int | None = None) -> None:
        self.owner_id = owner_id
        rows = self.query() if (owner_id is not None and self.ctx is not None) else []
        self.model.set_rows(rows)
        if not (select is not None and self.table.select_id(select)) and rows:
            self.table.setCurrentIndex(self.table.proxy.index(0, 0))
        self._show_current()
        self._update_buttons()

    def refresh(self, changes: Changes) -> None:
        """Re-read the rows; reload the editor unless the change came from it."""
        if self.owner_id is None or self.ctx is None:
            return
        shown = self.form.record
        self.table.set_rows_keeping_selection(self.query())
        current = self.current()
        if shown is not None and (current is None or current.id != shown.id):
            self.select(shown.id)  # say, one just stored by its first edit
        if not self.table.currentIndex().isValid() and self.model.rows:
            self.table.setCurrentIndex(self.table.proxy.index(0, 0))
        current = self.current()
        shown = self.form.record
        if current is None or shown is None or current.id != shown.id:
            self._show_current()
        elif changes.initiator is not self.form and current.id in changes.ids(self.kind):
            self.form.load(current)
            self.shown_changed(current)
        self._update_buttons()

    # -- selection -------------------------------------------------------------------------------
    def current(self) -> Any:
        row = self.table.current_record()
        return self.record_of(row) if row is not None else None

    def select(self, record_id: int) -> bool:
        return self.table.select_id(record_id)

    def _current_row_changed(self, *_args: object) -> None:
        self._show_current()

    def _show_current(self) -> None:
        record = self.current()
        if self.form.journal is not None:
            self.form.load(record)
        self.shown_changed(record)
        self._update_buttons()
        self.current_changed.emit(record)

    def _update_buttons(self) -> None:
        empty = self.owner_id is not None and not self.model.rows
        self.empty_hint.setVisible(empty)
        self.table.setVisible(not empty)
        self.new_button.setEnabled(self.writable and self.owner_id is not None)
        has = self.current() is not None
        self.delete_button.setEnabled(self.writable and has)
        self.delete_action.setEnabled(self.writable and has)

    # -- creating and deleting -------------------------------------------------------------------
    def create(self) -> Any:
        if not self.writable or self.owner_id is None:
            return None
        self.ctx.saver.flush()
        if self.stored_on_first_edit:
            values = self.create_values()
            self.table.setCurrentIndex(QModelIndex())  # none of the stored ones is shown
            self.form.start_new(values)
            self.shown_changed(None)
            self._update_buttons()
            field = self.first_field()
            if field is not None:
                field.setFocus()
            return None
        record = self.ctx.journal.create(self.kind, initiator=self, **self.create_values())
        # The change feed refreshes the rows; make sure the new one is the one shown.
        self.table.set_rows_keeping_selection(self.query())
        self.select(record.id)
        field = self.first_field()
        if field is not None:
            field.setFocus()
        return record

    def delete_current(self) -> bool:
        record = self.current()
        if record is None or self.ctx is None:
            return False
        return delete_with_undo(self, self.ctx, self.kind, record.id, self.describe(record),
                                initiator=self)

    def focus_field(self, name: str | None) -> None:
        """The cursor in the bound widget of the shown record's `name` (the checklist points at
        what is missing); None or an unknown field: on the list."""
        if name is not None and name in self.form.fields() and self.form.record is not None:
            focus_into_view(self.form.widget(name))  # scrolled to, in the goal's own pane
        else:
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)
