"""Choosing a person with type-ahead, or naming a new one on the fly."""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

from journal.store.journal import Journal
from journal.store.people import find_or_create_person, person_choices


class PersonPicker(QComboBox):
    """An editable combo box over the journal's people.

    Typing filters the list (matching anywhere in the name, ignoring case). `person_id()` returns
    the chosen person's id, creating the person when the typed name is new (call it when the
    user confirms, not on every keystroke). `allow_none` adds a first entry meaning "nobody".
    """

    person_chosen = Signal(object)  # int | None, after the user picks or confirms a name

    def __init__(self, parent: QWidget | None = None, *, allow_none: bool = False,
                 none_text: str = ""):
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(15)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(18)
        self.allow_none = allow_none
        self.none_text = none_text or self.tr("— nobody —")
        self.journal: Journal | None = None
        self._names = QStringListModel(self)
        completer = QCompleter(self._names, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)
        self.lineEdit().setPlaceholderText(self.tr("Type a name"))
        self.activated.connect(lambda _i: self._confirm())
        self.lineEdit().returnPressed.connect(self._confirm)
        completer.activated.connect(lambda _t: self._confirm())

    def set_journal(self, journal: Journal | None) -> None:
        self.journal = journal
        self.reload()

    def reload(self) -> None:
        """Refill from the journal, keeping the current choice."""
        current = self.currentData()
        self.blockSignals(True)
        self.clear()
        if self.allow_none:
            self.addItem(self.none_text, None)
        names = []
        if self.journal is not None:
            for person_id, name, team in person_choices(self.journal):
                self.addItem(f"{name} · {team}" if team else name, person_id)
                names.append(name)
        self._names.setStringList(names)
        self.set_person(current)
        self.blockSignals(False)

    def set_person(self, person_id: int | None) -> None:
        nobody = 0 if self.allow_none else -1
        index = self.findData(person_id) if person_id is not None else nobody
        self.blockSignals(True)
        self.setCurrentIndex(index)
        if index < 0:
            self.setEditText("")
        self.blockSignals(False)

    def typed_name(self) -> str:
        return " ".join(self.currentText().split())

    def person_id(self) -> int | None:
        """The chosen person's id; a new name becomes a new person. None means nobody."""
        name = self.typed_name()
        if not name or (self.allow_none and name == self.none_text):
            return None
        index = self.findText(self.currentText(), Qt.MatchFlag.MatchExactly)
        if index >= 0 and self.itemData(index) is not None:
            return self.itemData(index)
        for i in range(self.count()):
            person_id = self.itemData(i)
            label = self.itemText(i).split(" · ")[0]
            if person_id is not None and label.casefold() == name.casefold():
                return person_id
        if self.journal is None or self.journal.read_only:
            return None
        person = find_or_create_person(self.journal, name, initiator=self)
        self.reload()
        self.set_person(person.id)
        return person.id

    def _confirm(self) -> None:
        self.person_chosen.emit(self.person_id())
