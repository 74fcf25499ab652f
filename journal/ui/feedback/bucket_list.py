"""One Continue / Start / Stop bucket: a list of items edited and reordered from the keyboard.

Enter adds an item after the current one (and, while editing, stores the text and opens the next
one, so a list can be typed in one go); F2 or a double click edits; Alt+Up / Alt+Down or a drag
moves; Delete removes. The list only reports what the user did; the retro editor writes it.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QStyledItemDelegate,
    QWidget,
)

from journal.domain.records import RetroItem

ITEM_ID = Qt.ItemDataRole.UserRole + 20


class _EnterDelegate(QStyledItemDelegate):
    """Edits in a line edit; Enter stores the text and asks for the next item."""

    enter_pressed = Signal()

    def createEditor(self, parent: QWidget, option, index: QModelIndex) -> QWidget:
        editor = QLineEdit(parent)
        editor.setFrame(True)  # it reads as a field being edited, not as the item itself
        editor.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        return editor

    def updateEditorGeometry(self, editor: QWidget, option, index: QModelIndex) -> None:  # noqa: N802
        # A framed field over the whole item (which may wrap to several lines, none of which
        # should show behind it), its text on the first line; never squeezed below its height.
        rect = option.rect
        editor.setGeometry(rect.x(), rect.y(), rect.width(),
                           max(rect.height(), editor.sizeHint().height()))

    def eventFilter(self, editor: QObject, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)):
            self.commitData.emit(editor)
            self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)
            self.enter_pressed.emit()
            return True
        return super().eventFilter(editor, event)


class BucketList(QListWidget):
    text_committed = Signal(object)  # the QListWidgetItem whose text the user committed
    move_requested = Signal(int, int)  # item id, delta
    order_dropped = Signal(list)  # item ids in their new order, after a drag
    delete_requested = Signal(int)  # item id
    focused = Signal()  # the list took the keyboard focus

    def __init__(self, bucket: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.bucket = bucket
        self.setObjectName(f"bucket_{bucket}")
        self.setWordWrap(True)
        # Wrapped items need a visible edge between them, or two read as one.
        self.setAlternatingRowColors(True)
        self.setSpacing(1)
        self.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.delegate = _EnterDelegate(self)
        self.setItemDelegate(self.delegate)
        self.delegate.enter_pressed.connect(self._enter_while_editing)
        self.delegate.closeEditor.connect(lambda *_a: QTimer.singleShot(0, self._drop_blanks))
        self.itemChanged.connect(self._item_changed)
        self.model().rowsMoved.connect(self._rows_moved)
        self.editable = True

    # -- filling ---------------------------------------------------------------------------------
    def set_items(self, items: Sequence[RetroItem], current_id: int | None = None) -> None:
        self.blockSignals(True)
        self.clear()
        for record in items:
            item = QListWidgetItem(record.text)
            item.setData(ITEM_ID, record.id)
            item.setToolTip(record.text)
            self._set_flags(item)
            self.addItem(item)
            if record.id == current_id:
                self.setCurrentItem(item)
        self.blockSignals(False)

    def set_editable(self, editable: bool) -> None:
        self.editable = editable
        self.setDragEnabled(editable)
        for i in range(self.count()):
            self._set_flags(self.item(i))

    def _set_flags(self, item: QListWidgetItem) -> None:
        flags = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled
        if self.editable:
            flags |= Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsDragEnabled
        item.setFlags(flags)

    def ids(self) -> list[int]:
        return [self.item(i).data(ITEM_ID) for i in range(self.count())
                if self.item(i).data(ITEM_ID) is not None]

    def current_id(self) -> int | None:
        item = self.currentItem()
        return item.data(ITEM_ID) if item is not None else None

    def select_id(self, item_id: int) -> bool:
        for i in range(self.count()):
            if self.item(i).data(ITEM_ID) == item_id:
                self.setCurrentRow(i)
                self.scrollToItem(self.item(i))
                return True
        return False

    # -- editing ---------------------------------------------------------------------------------
    def add_after_current(self) -> None:
        """Open a blank item after the current one (at the end when nothing is current)."""
        if not self.editable:
            return
        row = self.currentRow() + 1 if self.currentItem() is not None else self.count()
        item = QListWidgetItem("")
        self._set_flags(item)
        self.blockSignals(True)
        self.insertItem(row, item)
        self.blockSignals(False)
        self.setCurrentItem(item)
        self.editItem(item)

    def stored_index(self, item: QListWidgetItem) -> int:
        """Where the item sits among stored items (blank, unsaved ones do not count)."""
        row = self.row(item)
        return sum(1 for i in range(row) if self.item(i).data(ITEM_ID) is not None)

    def _item_changed(self, item: QListWidgetItem) -> None:
        self.text_committed.emit(item)

    def set_item_id(self, item: QListWidgetItem, item_id: int, text: str) -> None:
        """Mark a just-stored item with its id and tidied text (without reporting an edit)."""
        self.blockSignals(True)
        item.setData(ITEM_ID, item_id)
        item.setText(text)
        item.setToolTip(text)
        self.blockSignals(False)

    def _enter_while_editing(self) -> None:
        # After the editor has closed and the text was stored, open the next item.
        QTimer.singleShot(0, self.add_after_current)

    def _drop_blanks(self) -> None:
        """An item opened with Enter and left empty is not kept."""
        editing = self.state() == QAbstractItemView.State.EditingState
        for i in reversed(range(self.count())):
            item = self.item(i)
            if item.data(ITEM_ID) is None and not item.text().strip():
                if editing and item is self.currentItem():
                    continue
                self.takeItem(i)

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 (Qt's name)
        super().focusInEvent(event)
        self.focused.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, mods = event.key(), event.modifiers()
        alt = mods & Qt.KeyboardModifier.AltModifier
        if alt and key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            item_id = self.current_id()
            if item_id is not None and self.editable:
                self.move_requested.emit(item_id, -1 if key == Qt.Key.Key_Up else 1)
            event.accept()
            return
        plain = not mods & ~Qt.KeyboardModifier.KeypadModifier
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and plain:
            self.add_after_current()
            event.accept()
            return
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and not mods:
            item_id = self.current_id()
            if item_id is not None and self.editable:
                self.delete_requested.emit(item_id)
            event.accept()
            return
        super().keyPressEvent(event)

    def _rows_moved(self, *_args: object) -> None:
        self.order_dropped.emit(self.ids())
