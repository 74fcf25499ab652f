"""Ctrl+Shift+P: "Prepare 1:1 with…", asking for a name with type-ahead."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from journal.store.journal import Journal
from journal.store.prep import people_matching
from journal.ui.widgets.person_picker import PersonPicker


def tr(text: str) -> str:
    return QCoreApplication.translate("PrepAsk", text)


class _FindOnly(PersonPicker):
    """The picker without its "a new name makes a new person" on Enter: here Enter asks the
    dialog to find the person, and nobody is ever created."""

    def _confirm(self) -> None:
        pass


class AskPerson(QDialog):
    """A picker over the journal's people. It never creates anyone: a name that fits nobody or
    several people keeps the dialog open and says so."""

    def __init__(self, journal: Journal, parent: QWidget | None = None,
                 preselect: int | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("Prepare 1:1"))
        self.journal = journal
        self.chosen: int | None = None
        self.picker = _FindOnly(self)
        self.picker.set_journal(journal)
        if preselect is not None:
            self.picker.set_person(preselect)
        self.picker.lineEdit().selectAll()
        self.message = QLabel()
        self.message.setWordWrap(True)
        label = QLabel(tr("Prepare a 1:1 with:"))
        label.setBuddy(self.picker)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Prepare"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.picker)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        # While the type-ahead shows names, Enter goes to its popup, not to the dialog: it only
        # closed the popup (or filled the name in) and a second Enter was needed. Enter there
        # prepares: with the highlighted name, else with what is typed.
        completer = self.picker.completer()
        completer.activated.connect(lambda _text: QTimer.singleShot(0, self._accept_if_open))
        completer.popup().installEventFilter(self)
        self.picker.setFocus()
        self.resize(420, self.sizeHint().height())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if (event.type() == QEvent.Type.KeyPress
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and not watched.currentIndex().isValid()):
            QTimer.singleShot(0, self._accept_if_open)  # after the completer closes the popup
        return super().eventFilter(watched, event)

    def _accept_if_open(self) -> None:
        if self.isVisible() and self.result() != QDialog.DialogCode.Accepted:
            self.accept()

    def accept(self) -> None:
        typed = self.picker.typed_name()
        data = self.picker.currentData()
        # The chosen entry's own text: an editable combo's currentText() is what is typed.
        label = self.picker.itemText(self.picker.currentIndex()).split(" · ")[0]
        if isinstance(data, int) and " ".join(label.split()) == typed.split(" · ")[0]:
            self.chosen = data
            super().accept()
            return
        found = people_matching(self.journal, typed.split(" · ")[0])
        if len(found) == 1:
            self.chosen = found[0][0]
            super().accept()
        elif not found:
            self.message.setText(tr("Nobody in the journal is called “%1”.").replace("%1", typed))
        else:
            names = ", ".join(name for _id, name in found[:6])
            self.message.setText(tr("“%1” fits %2 people (%3): pick one from the list.")
                                 .replace("%1", typed).replace("%2", str(len(found)))
                                 .replace("%3", names))
