"""Small dialogs: About, and the calm message shown when something unexpected goes wrong."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QMessageBox, QVBoxLayout, QWidget

from journal import APP_NAME, __version__
from journal.store.info import human_size, journal_info
from journal.store.journal import Journal
from journal.ui import theme


class AboutDialog(QDialog):
    def __init__(self, journal: Journal | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("About %s") % APP_NAME)
        layout = QVBoxLayout(self)
        title = QLabel(f"{APP_NAME} {__version__}")
        theme.style(title, "pageHeading")
        layout.addWidget(title)
        blurb = QLabel(self.tr("Mentoring, feedback and cross-team work, kept privately on this "
                               "computer. Nothing leaves it unless you export it."))
        blurb.setWordWrap(True)
        layout.addWidget(blurb)
        if journal is not None:
            facts = journal_info(journal)
            details = QLabel(self.tr("Journal: %s\nSchema version: %d · %s")
                             % (facts["path"], facts["schema_version"],
                                human_size(facts["size_bytes"])))
            details.setObjectName("journalPath")
            details.setWordWrap(True)
            details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(details)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)


def show_unexpected_error(parent: QWidget | None, log_path: str) -> None:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QDialog.tr("Something went wrong"))
    box.setText(QDialog.tr("Something unexpected went wrong. Everything that was shown as saved "
                           "is safe in your journal."))
    box.setInformativeText(QDialog.tr("The details were written to %s. You can keep working; "
                                      "if it happens again, restarting the app may help.")
                           % log_path)
    box.exec()
