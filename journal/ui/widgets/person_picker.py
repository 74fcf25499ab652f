"""Choosing a person with type-ahead, or naming a new one on the fly."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QStringListModel, Qt, Signal
from PySide6.QtGui import QContextMenuEvent, QFocusEvent, QKeyEvent, QShowEvent, QWheelEvent
from PySide6.QtWidgets import QComboBox, QCompleter, QLineEdit, QWidget

from journal.store.journal import Journal
from journal.store.people import find_or_create_person, person_choice, person_choices
from journal.ui.widgets.person_link import PersonLinkAction

# Events that mean the user is about to pick or type: the whole list must be there first.
_NEEDS_LIST = (QEvent.Type.FocusIn, QEvent.Type.KeyPress, QEvent.Type.InputMethod)


class PersonPicker(QComboBox):
    """An editable combo box over the journal's people.

    Typing filters the list (matching anywhere in the name, ignoring case). `person_id()` returns
    the chosen person's id, creating the person when the typed name is new (call it when the
    user confirms, not on every keystroke). `allow_none` adds a first entry meaning "nobody".

    The list of everyone is read when it is first needed (the picker gets focus or a key, its
    list opens, the wheel turns it, or `person_id()` or `ensure_filled()` is called); until then
    the picker holds its leading entries and the chosen person only. Filling 3,000 people took
    about 9 ms of opening a page that shows a picker, most often never used.

    On a page (not in a dialog), the chosen person's page is one step away: the person icon at
    the end of the box, "Open person page" in its context menu, or Ctrl+Shift+O (`open_action`).
    """

    person_chosen = Signal(object)  # int | None, after the user picks or confirms a name

    def __init__(self, parent: QWidget | None = None, *, allow_none: bool = False,
                 none_text: str = "", create_new: bool = True):
        """`create_new=False`: a new typed name is never stored by the picker (a dialog that
        can still be cancelled reads it with `choice()` and creates the person on accepting)."""
        super().__init__(parent)
        self.create_new = create_new
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(15)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(18)
        self.allow_none = allow_none
        self.none_text = none_text or self.tr("— nobody —")
        self.journal: Journal | None = None
        self.filled = False  # whether every person is listed (see the class's docstring)
        self._names = QStringListModel(self)
        completer = QCompleter(self._names, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)
        self.lineEdit().setPlaceholderText(self.tr("Type a name"))
        self.lineEdit().installEventFilter(self)
        self.activated.connect(lambda _i: self._confirm())
        self.lineEdit().returnPressed.connect(self._confirm)
        completer.activated.connect(lambda _t: self._confirm())
        self.open_action = PersonLinkAction(self, self.shown_person)
        self.lineEdit().addAction(self.open_action, QLineEdit.ActionPosition.TrailingPosition)
        self.addAction(self.open_action)  # the box has the focus, not its line edit
        self.currentIndexChanged.connect(lambda _i: self.open_action.refresh())
        self.editTextChanged.connect(lambda _t: self.open_action.refresh())

    def leading_entries(self) -> list[tuple[str, object, bool]]:
        """(text, data, typeable) of the entries before the people; typeable ones are offered
        by the type-ahead too."""
        return [(self.none_text, None, False)] if self.allow_none else []

    def set_journal(self, journal: Journal | None) -> None:
        self.journal = journal
        self.reload()

    def reload(self) -> None:
        """Refill from the journal, keeping the current choice (the whole list again only once
        it is needed)."""
        current = self.currentData()
        self.filled = False
        self.blockSignals(True)
        self._show_only(current)
        self.set_person(current)
        self.blockSignals(False)

    def ensure_filled(self) -> None:
        """List every person, keeping the choice and whatever text is typed."""
        if self.filled:
            return
        self.filled = True
        edit = self.lineEdit()
        current, text, cursor = self.currentData(), edit.text(), edit.cursorPosition()
        start, length = edit.selectionStart(), len(edit.selectedText())
        self.blockSignals(True)
        self._fill(person_choices(self.journal) if self.journal is not None else [])
        self.set_person(current)
        if edit.text() != text:
            self.setEditText(text)
        # The key that asked for the list acts on the text and selection as they were.
        if start >= 0 and length:
            if cursor == start:
                edit.setSelection(start + length, -length)
            else:
                edit.setSelection(start, length)
        else:
            edit.setCursorPosition(cursor)
        self.blockSignals(False)

    def _show_only(self, person_id: object) -> None:
        """The leading entries and, when it is a person, `person_id`: all a closed picker shows."""
        choice = None
        if self.journal is not None and isinstance(person_id, int) and not any(
                data == person_id for _t, data, _x in self.leading_entries()):
            choice = person_choice(self.journal, person_id)
        self._fill([choice] if choice else [])

    def _fill(self, people: list[tuple[int, str, str]]) -> None:
        self.clear()
        names = []
        for text, data, typeable in self.leading_entries():
            self.addItem(text, data)
            if typeable:
                names.append(text)
        for person_id, name, team in people:
            self.addItem(f"{name} · {team}" if team else name, person_id)
            names.append(name)
        self._names.setStringList(names)

    def set_person(self, person_id: int | None) -> None:
        nobody = 0 if self.allow_none else -1
        blocked = self.blockSignals(True)
        if not self.filled and person_id is not None and self.findData(person_id) < 0:
            self._show_only(person_id)
        index = self.findData(person_id) if person_id is not None else nobody
        if person_id is None and self.allow_none:
            index = self.findText(self.none_text, Qt.MatchFlag.MatchExactly)
        self.setCurrentIndex(index)
        if index < 0:
            self.setEditText("")
        if self.lineEdit() is not None and not self.lineEdit().hasFocus():
            self.lineEdit().setCursorPosition(0)  # a long name and team show their start
        self.blockSignals(blocked)
        self.open_action.refresh()

    def typed_name(self) -> str:
        return " ".join(self.currentText().split())

    def choice(self) -> int | str | None:
        """What is chosen, creating nothing: a listed entry's id, the typed name (a str) when it
        names nobody listed yet, or None for nobody."""
        name = self.typed_name()
        if not name or (self.allow_none and name == self.none_text):
            return None
        self.ensure_filled()
        index = self.findText(self.currentText(), Qt.MatchFlag.MatchExactly)
        if index >= 0 and self.itemData(index) is not None:
            return self.itemData(index)
        for i in range(self.count()):
            person_id = self.itemData(i)
            label = self.itemText(i).split(" · ")[0]
            if person_id is not None and label.casefold() == name.casefold():
                return person_id
        return name

    def person_id(self) -> int | None:
        """The chosen person's id; a new name becomes a new person (unless the picker was made
        with `create_new=False`: then None). None means nobody."""
        found = self.choice()
        if not isinstance(found, str):
            return found
        name = found
        if not self.create_new or self.journal is None or self.journal.read_only:
            return None
        person = find_or_create_person(self.journal, name, initiator=self)
        self.reload()
        self.set_person(person.id)
        return person.id

    def _confirm(self) -> None:
        self.person_chosen.emit(self.person_id())

    def shown_person(self) -> tuple[int, str] | None:
        """(id, name) of the stored person the box shows, reading nothing: None for nobody, a
        leading entry ("Me"), or a typed name not confirmed yet."""
        index = self.currentIndex()
        person_id = self.itemData(index) if index >= 0 else None
        if (not isinstance(person_id, int) or isinstance(person_id, bool)
                or any(data == person_id for _t, data, _x in self.leading_entries())
                or self.currentText() != self.itemText(index)):
            return None
        return person_id, self.itemText(index).split(" · ")[0]

    def open_person(self) -> bool:
        """Open the chosen person's page (False when nobody stored is chosen, or the picker is
        not on a page)."""
        return self.open_action.open()

    # -- filling when needed ---------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.lineEdit() and event.type() in _NEEDS_LIST:
            self.ensure_filled()
        if (watched is self.lineEdit() and event.type() == QEvent.Type.ContextMenu
                and isinstance(event, QContextMenuEvent)):
            self.open_action.refresh()
            menu = self.lineEdit().createStandardContextMenu()
            self.open_action.add_to_menu(menu)
            menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            menu.popup(event.globalPos())
            return True
        return super().eventFilter(watched, event)

    def showEvent(self, event: QShowEvent) -> None:
        self.open_action.refresh()  # now that it sits in its page (or a dialog)
        super().showEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self.open_action.repaint_icon()
        super().changeEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        self.ensure_filled()
        super().focusInEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        self.ensure_filled()
        super().keyPressEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        self.ensure_filled()
        super().wheelEvent(event)

    def showPopup(self) -> None:
        self.ensure_filled()
        super().showPopup()
