"""A list of records beside the editor of the chosen one: the mechanics under every
list-and-editor page (`ListEditorPage` composes it; the Drafts and Retros tabs still do directly).

`MasterDetail` is composed into the widget that shows it (a tab or a page), which keeps what is
its own: the filters, the editor, the texts, how it reacts to the change feed, what "new" does.
The helper builds the rest (the list, the "nothing selected" hint, the splitter, the empty state,
Ctrl+N and Delete) and owns selecting, reloading and deleting, so all lists behave alike.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Sequence
from typing import Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QObject, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QLayout,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from journal.store.errors import JournalError
from journal.store.journal import Journal
from journal.ui import theme
from journal.ui.context import PageContext
from journal.ui.kit.deleting import delete_with_undo
from journal.ui.kit.editor import RecordEditor
from journal.ui.kit.parts import EmptyState, StatusChoice
from journal.ui.models.paged_table import PagedTableModel
from journal.ui.models.record_table import ID_ROLE, RecordTableModel
from journal.ui.models.row_filter import RowFilterProxy
from journal.ui.widgets.tables import delete_action, record_table, select_first_if_none

BUSY_AFTER_MS = 150  # a query on the worker that takes longer says "Searching…"
SEARCHING = "Searching…"


class MasterDetail(QObject):
    """The list of one record kind (`kind`) and the editor of its current row.

    `rows(journal)` gives the list's rows, `row(journal, id)` one fresh row (None once deleted);
    `describe(row)` names a record in the delete question ("the retro “Launch”"); `widen(row)`
    changes the owner's filters so they show that row. With `widen_to_keep`, a reload that would
    hide the current record widens the filters instead; without it the record drops out of the
    list and stays open in the editor. Call `build` once, then `journal_changed` for each
    journal. The owner must have a `ctx` attribute (None while no journal is open).

    A `PagedTableModel` loads its rows itself, a batch at a time (`rows` is then unused): the
    record open in the editor is always kept in it, a record asked for is loaded on its own if
    its batch is not, and the current row stays selected when the model queries anew.
    """

    def __init__(self, owner: QWidget, *, kind: str, model: RecordTableModel,
                 rows: Callable[[Journal], Sequence[Any]] | None,
                 row: Callable[[Journal, int], Any | None],
                 editor: RecordEditor, describe: Callable[[Any], str],
                 widen: Callable[[Any], None], widen_to_keep: bool = True):
        super().__init__(owner)
        self.owner = owner
        self.kind = kind
        self.model = model
        self.editor = editor
        self._rows = rows
        self._row = row
        self._describe = describe
        self._widen = widen
        self._widen_to_keep = widen_to_keep
        self._splitters: dict[str, QSplitter] = {}
        self._choices: dict[str, tuple[StatusChoice, str]] = {}
        self.proxy = RowFilterProxy(owner)
        self.proxy.setSourceModel(model)
        self.table = record_table()
        self.table.setModel(self.proxy)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.paged = isinstance(model, PagedTableModel)
        self._selected_before_reset: int | None = None
        self._no_match_text: str | None = None  # while "Searching…" stands in for it
        if self.paged:
            model.keep = lambda: self.editor.record.id if self.editor.record else None
            # Sorting by another column or changing a filter queries the rows anew (a reset);
            # the record the user was on stays selected if it is still shown.
            model.modelAboutToBeReset.connect(self._remember_current)
            model.modelReset.connect(self._restore_current)
            # A query on the worker: the old rows stay; after a moment the list says so.
            self._busy_timer = QTimer(owner)
            self._busy_timer.setSingleShot(True)
            self._busy_timer.setInterval(BUSY_AFTER_MS)
            self._busy_timer.timeout.connect(self._show_busy)
            model.busy.connect(self._busy_changed)
            model.requeried.connect(self.update_views)

    def _busy_changed(self, busy: bool) -> None:
        if busy:
            self._busy_timer.start()
            return
        self._busy_timer.stop()
        if self.table.viewport().testAttribute(Qt.WidgetAttribute.WA_SetCursor):
            self.table.viewport().unsetCursor()
        if hasattr(self, "no_match") and self._no_match_text is not None:
            self.no_match.setText(self._no_match_text)
            self._no_match_text = None
            self.update_views()

    def _show_busy(self) -> None:
        self.table.viewport().setCursor(Qt.CursorShape.BusyCursor)
        if hasattr(self, "no_match") and self._no_match_text is None:
            self._no_match_text = self.no_match.text()
            self.no_match.setText(SEARCHING)
            self.no_match.show()

    def _remember_current(self) -> None:
        self._selected_before_reset = self.current_id()

    def _restore_current(self) -> None:
        keep, self._selected_before_reset = self._selected_before_reset, None
        if keep is not None:
            self.select(keep)

    @property
    def ctx(self) -> PageContext | None:
        return self.owner.ctx

    # -- building --------------------------------------------------------------------------------
    def build(self, *, filters: Sequence[QWidget | QLayout], no_match: str, new_button: str,
              new_tip: str, new_action: str, new: Callable[[], None], nothing: str,
              detail: QWidget, splitter: str, sizes: Sequence[int], empty: EmptyState) -> None:
        """Lay the owner out: `filters` above the list, then the list, a `no_match` hint and the
        new button; `detail` (or the `nothing` hint) on the right; `empty` before the first
        record. `new` is what the button, the empty state's button and Ctrl+N do."""
        self.no_match = QLabel(no_match)
        theme.style(self.no_match, "hint")
        self.no_match.setWordWrap(True)
        self.no_match.hide()
        self.new_button = QPushButton(new_button)
        self.new_button.setToolTip(new_tip)
        self.new_button.clicked.connect(new)
        self.left = QWidget()
        left_layout = QVBoxLayout(self.left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        for item in filters:
            if isinstance(item, QLayout):
                left_layout.addLayout(item)
            else:
                left_layout.addWidget(item)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.no_match)
        left_layout.addWidget(self.new_button, 0, Qt.AlignmentFlag.AlignLeft)

        self.detail = detail
        self.nothing = QLabel(nothing)
        theme.style(self.nothing, "hint")
        self.nothing.setWordWrap(True)
        self.nothing.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.right = QStackedWidget()
        self.right.addWidget(self.nothing)
        self.right.addWidget(detail)
        self.splitter = QSplitter()
        self.splitter.setObjectName(splitter)
        self.splitter.addWidget(self.left)
        self.splitter.addWidget(self.right)
        # Both sides grow and shrink with the window, the editor twice as much: a list kept at
        # its width cuts its columns in a wide window and crowds the editor in a narrow one.
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes(list(sizes))
        self.splitter.setChildrenCollapsible(False)

        self.empty = empty
        self.empty.button.clicked.connect(new)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.splitter)
        layout = QVBoxLayout(self.owner)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

        self.new_action = QAction(new_action, self.owner)
        self.new_action.setShortcut(QKeySequence(QKeySequence.StandardKey.New))
        # Window-wide, but only while the owner is shown: hidden widgets' shortcuts do not fire.
        self.new_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.new_action.triggered.connect(new)
        self.owner.addAction(self.new_action)
        self.delete_action = delete_action(self.table, self.delete_selected)

    def focus_order(self, filters: Sequence[QWidget], editor_first: QWidget) -> None:
        """Tab goes through the filters, the list, the new button, then into the editor."""
        chain = [*filters, self.table, self.new_button, editor_first]
        for before, after in zip(chain, chain[1:], strict=False):
            self.owner.setTabOrder(before, after)

    # -- data ------------------------------------------------------------------------------------
    def writable(self) -> bool:
        return self.ctx is not None and not self.ctx.journal.read_only

    def journal_changed(self) -> None:
        """A journal was opened or closed: hand it to the editor, allow writing if the journal
        does, and fill the list."""
        self.editor.set_context(self.ctx)
        writable = self.writable()
        for widget in (self.new_button, self.empty.button, self.new_action, self.delete_action):
            widget.setEnabled(writable)
        self.reload()

    def _creating(self) -> bool:
        # Only the drafts editor has `pending_new`: a draft not created yet, its recipient still
        # to be chosen. It counts as open, so nothing replaces it behind the user's back.
        return getattr(self.editor, "pending_new", False)

    def editor_open(self) -> bool:
        """The editor shows a record, or one about to be created."""
        return self._creating() or self.editor.record is not None

    def reload(self) -> None:
        """Fill the list afresh, keeping the current record; if that was deleted elsewhere,
        clear the editor; if the editor is then empty, open the first record."""
        keep = self.current_id()
        if self.paged:
            self.model.load(self.ctx.journal if self.ctx else None)
        else:
            self.model.set_rows(self._rows(self.ctx.journal) if self.ctx else [])
        if keep is not None and self.model.row_of(keep) >= 0:
            if self._widen_to_keep:
                self.reveal(keep)
            else:
                self.select(keep)
        elif self.editor.record is not None and self.model.row_of(self.editor.record.id) < 0:
            self.editor.load(None)  # the record shown was deleted elsewhere
        if not self.editor_open():
            select_first_if_none(self.table)
        self.update_views()

    def refresh_rows(self, record_ids: Iterable[int]) -> None:
        """Refresh these rows in place (after the editor's own save), so nothing moves under the
        cursor the way a reload would move it."""
        for record_id in record_ids:
            row = self._row(self.ctx.journal, record_id)
            if row is not None:
                self.model.update_row(row)

    def reload_from_store(self, changed_ids: Collection[int] | None = None) -> None:
        """After a change made elsewhere: reload the list, then refresh the open record from
        the store if it is one of `changed_ids` (None: whatever changed)."""
        self.reload()
        record = self.editor.record
        if record is not None and (changed_ids is None or record.id in changed_ids):
            self.editor.refresh_from_store()

    def update_views(self) -> None:
        """Show the empty state, the "no match" hint and the editor as the data now asks."""
        has_any = self.model.has_records() if self.paged else self.model.rowCount() > 0
        showing = self.editor_open()
        self.stack.setCurrentWidget(self.splitter if has_any or showing else self.empty)
        searching = self._no_match_text is not None  # "Searching…" stays until the rows come
        self.no_match.setVisible(searching or (has_any and self.proxy.rowCount() == 0))
        self.right.setCurrentWidget(self.detail if showing else self.nothing)

    def open_first_if_none(self) -> None:
        """After the filters changed: if they hid the current record, open the first one shown."""
        if not self.table.currentIndex().isValid() and not self._creating():
            self.editor.load(None)
            select_first_if_none(self.table)
        self.update_views()

    # -- selecting -------------------------------------------------------------------------------
    def current_id(self) -> int | None:
        index = self.table.currentIndex()
        return index.data(ID_ROLE) if index.isValid() else None

    def select(self, record_id: int) -> bool:
        """Select a record's row; False when it is not in the list or the filters hide it."""
        source_row = self.model.row_of(record_id)
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

    def select_loaded(self, record_id: int) -> bool:
        """Select a record, loading its row first if a paged list has not reached it; never
        widens the filters (False when they hide it, or when there is no such record)."""
        if self._loaded(record_id) is None:
            return False
        selected = self.select(record_id)
        self.update_views()
        return selected

    def reveal(self, record_id: int) -> bool:
        """Select a record, widening the filters first if they hide it."""
        row = self._loaded(record_id)
        if row is None:
            return False
        if not self.proxy.accepts(row):
            self._widen(row)
            if self.paged:
                self.model.settle()  # the widened query's rows are needed now
            if self._loaded(record_id) is None:  # widening queried the rows anew
                return False
        return self.select(record_id)

    def _loaded(self, record_id: int) -> Any | None:
        """The record's row in the model, loaded on its own if a paged list has not reached it;
        None when there is no such record."""
        if self.paged:
            return self.model.include(record_id)
        source_row = self.model.row_of(record_id)
        return self.model.rows[source_row] if source_row >= 0 else None

    def show(self, record_id: int) -> bool:
        """Select and show a record, reloading first if it is new, widening filters that hide
        it. False when there is no such record."""
        if self.model.row_of(record_id) < 0 and not self.paged:
            self.reload()  # a paged list loads the one record instead (reveal)
        shown = self.reveal(record_id)
        self.update_views()
        return shown

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        record_id = current.data(ID_ROLE) if current.isValid() else None
        if record_id is None:
            return
        if self.editor.record is not None and self.editor.record.id == record_id:
            return
        try:
            self.editor.load(self.ctx.journal.get(self.kind, record_id))
        except JournalError:
            self.editor.load(None)
        self.proxy.set_pinned(self.editor.record.id if self.editor.record else None)
        self.update_views()

    # -- deleting --------------------------------------------------------------------------------
    def delete_selected(self) -> None:
        """Ask, then delete the current record with undo (Delete on the list, or its menu)."""
        record_id = self.current_id()
        if record_id is None or self.ctx is None:
            return
        what = self._describe(self.model.rows[self.model.row_of(record_id)])
        if delete_with_undo(self.owner, self.ctx, self.kind, record_id, what):
            self.proxy.set_pinned(None)
            self.editor.load(None)
            self.update_views()


    # -- remembering the layout ------------------------------------------------------------------
    def remember(self, splitters: dict[str, QSplitter],
                 choices: dict[str, tuple[StatusChoice, str]] | None = None) -> None:
        """What `save_state` keeps under which settings key: splitter positions, and the
        choice of status filters (with the key to choose when none was saved)."""
        self._splitters = splitters
        self._choices = choices or {}

    def save_state(self, settings: QSettings) -> None:
        for key, splitter in self._splitters.items():
            settings.setValue(key, splitter.saveState())
        for key, (combo, _default) in self._choices.items():
            settings.setValue(key, combo.currentData())

    def restore_state(self, settings: QSettings) -> None:
        for key, splitter in self._splitters.items():
            state = settings.value(key)
            if state is not None:
                splitter.restoreState(state)
        for key, (combo, default) in self._choices.items():
            combo.choose(settings.value(key, default))
