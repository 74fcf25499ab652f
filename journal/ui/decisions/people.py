"""A field of people (the decision-makers of a record, the owners of a conflict): the names
chosen, a picker to add one, and Delete or a button to take one off. Changes are written at once
through `on_change(ids)`."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from journal.store.journal import Journal
from journal.ui.decisions.words import tr
from journal.ui.widgets.person_picker import PersonPicker


class PeopleField(QWidget):
    def __init__(self, accessible_name: str, on_change: Callable[[list[int]], None],
                 parent: QWidget | None = None,
                 open_person: Callable[[int], None] | None = None):
        super().__init__(parent)
        self.on_change = on_change
        self.open_person = open_person
        self.names = QListWidget()
        self.names.setAccessibleName(accessible_name)
        self.names.setFlow(QListWidget.Flow.LeftToRight)
        self.names.setWrapping(True)
        self.names.setSpacing(2)
        self.names.setMaximumHeight(52)
        # A name opens that person where the app shows people (double-click or Enter).
        self.names.itemActivated.connect(self._open)
        self.picker = PersonPicker()
        self.picker.lineEdit().setPlaceholderText(tr("Add a person"))
        self.picker.setAccessibleName(tr("Add to %1").replace("%1", accessible_name))
        self.picker.person_chosen.connect(self._add)
        self.remove = QPushButton(tr("Remove"))
        self.remove.clicked.connect(self._remove_selected)
        QShortcut(QKeySequence(Qt.Key.Key_Delete), self.names, self._remove_selected,
                  context=Qt.ShortcutContext.WidgetShortcut)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.picker, 1)
        row.addWidget(self.remove)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.names)
        layout.addLayout(row)

    def set_journal(self, journal: Journal | None) -> None:
        self.picker.set_journal(journal)

    def set_people(self, people: Sequence[tuple[int, str]]) -> None:
        self.names.clear()
        for person_id, name in people:
            item = QListWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, person_id)
            self.names.addItem(item)

    def ids(self) -> list[int]:
        return [self.names.item(i).data(Qt.ItemDataRole.UserRole)
                for i in range(self.names.count())]

    def _open(self, item: QListWidgetItem) -> None:
        if self.open_person is not None:
            self.open_person(item.data(Qt.ItemDataRole.UserRole))

    def _add(self, person_id: int | None) -> None:
        if person_id is None:
            return
        self.picker.set_person(None)
        self.picker.setEditText("")
        if person_id not in self.ids():
            self.on_change([*self.ids(), person_id])

    def _remove_selected(self) -> None:
        item = self.names.currentItem()
        if item is None:
            return
        person_id = item.data(Qt.ItemDataRole.UserRole)
        self.on_change([i for i in self.ids() if i != person_id])

    def setEnabled(self, enabled: bool) -> None:  # noqa: N802 (Qt's name)
        for widget in (self.picker, self.remove):
            widget.setEnabled(enabled)
