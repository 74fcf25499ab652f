"""File > Restore from snapshot…: the journal's snapshots with their dates and record counts;
restoring one takes a snapshot of the current state first, so it can itself be undone."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from journal.store import snapshots
from journal.store.errors import JournalError

if TYPE_CHECKING:
    from journal.ui.main_window import MainWindow

PATH_ROLE = Qt.ItemDataRole.UserRole


def reason_text(reason: str) -> str:
    from PySide6.QtCore import QCoreApplication

    words = {
        snapshots.DAILY: "Daily",
        snapshots.MANUAL: "Taken by hand",
        snapshots.BEFORE_MIGRATION: "Before a format update",
        snapshots.BEFORE_IMPORT: "Before an import",
        snapshots.BEFORE_RESTORE: "Before a restore",
    }
    return QCoreApplication.translate("RestoreDialog", words.get(reason, reason))


class RestoreDialog(QDialog):
    def __init__(self, window: MainWindow, parent: QWidget | None = None):
        super().__init__(parent or window)
        self.window_ = window
        self.setWindowTitle(self.tr("Restore from snapshot"))
        self.resize(640, 420)
        journal = window.journal
        intro = QLabel(self.tr(
            "Snapshots are whole copies of this journal, taken once a day while the app runs and "
            "before an update or an import. Restoring one first takes a snapshot of the journal "
            "as it is now, so nothing is lost."))
        intro.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("Taken"), self.tr("Why"), self.tr("Records"),
                                   self.tr("People")])
        self.tree.setRootIsDecorated(False)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.itemActivated.connect(lambda *_: self.restore_selected())
        locale = QLocale()
        self.found = [snapshots.describe(s) for s in snapshots.list_snapshots(journal.path)]
        for snap in self.found:
            when = snap.taken_at.astimezone()
            readable = snap.version is not None
            row = QTreeWidgetItem([
                locale.toString(when.replace(tzinfo=None), "d MMM yyyy, HH:mm"),
                reason_text(snap.reason),
                locale.toString(snap.total) if readable else self.tr("unreadable"),
                locale.toString(snap.counts.get("person", 0)) if readable else "",
            ])
            row.setData(0, PATH_ROLE, str(snap.path))
            for column in (2, 3):
                row.setTextAlignment(column, Qt.AlignmentFlag.AlignRight |
                                     Qt.AlignmentFlag.AlignVCenter)
            self.tree.addTopLevelItem(row)
        header = self.tree.header()
        header.setStretchLastSection(False)
        for column in range(4):
            self.tree.resizeColumnToContents(column)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.empty = QLabel(self.tr("There are no snapshots of this journal yet. The first is "
                                    "taken a few seconds after the app starts."))
        self.empty.setWordWrap(True)
        self.empty.setVisible(not self.found)
        self.tree.setVisible(bool(self.found))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.restore_button = buttons.addButton(self.tr("&Restore…"),
                                                QDialogButtonBox.ButtonRole.ActionRole)
        self.restore_button.setEnabled(False)
        self.restore_button.clicked.connect(self.restore_selected)
        buttons.rejected.connect(self.reject)
        self.tree.currentItemChanged.connect(
            lambda item, _old: self.restore_button.setEnabled(
                item is not None and not journal.read_only))
        if self.found:
            self.tree.setCurrentItem(self.tree.topLevelItem(0))
            self.tree.setFocus()
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.empty)
        if not self.found:  # two sentences, not two lines adrift in an empty window
            layout.addStretch(1)
        layout.addWidget(buttons)
        if not self.found:
            self.resize(640, self.sizeHint().height())
        self.restored = False

    def chosen(self) -> snapshots.Snapshot | None:
        item = self.tree.currentItem()
        if item is None:
            return None
        path = item.data(0, PATH_ROLE)
        return next((s for s in self.found if str(s.path) == path), None)

    def restore_selected(self) -> None:
        snap = self.chosen()
        if snap is None:
            return
        when = QLocale().toString(snap.taken_at.astimezone().replace(tzinfo=None),
                                  QLocale.FormatType.LongFormat)
        answer = QMessageBox.question(self, self.tr("Restore this snapshot?"), self.tr(
            "The journal will be as it was on %1. What it holds now is kept as a snapshot first, "
            "so you can come back to it from this list.").replace("%1", when))
        if answer != QMessageBox.StandardButton.Yes:
            return
        if restore_into_window(self.window_, snap):
            self.restored = True
            self.accept()


def restore_into_window(window: MainWindow, snap: snapshots.Snapshot) -> bool:
    """Restore `snap` into the window's journal and show the result; explain a refusal."""
    from journal.ops.snapshots import restore
    from journal.store.journal import open_journal
    from journal.ui.background import run_with_progress

    journal = window.journal
    if journal is None or not window.saver.flush():
        return False
    try:
        run_with_progress(window, window.tr("Restoring the snapshot…"),
                          lambda: restore(journal, snap.path))
    except (JournalError, OSError) as error:
        QMessageBox.warning(window, window.tr("Cannot restore this snapshot"), str(error))
        return False
    path = journal.path
    journal.close()
    window.journal = None
    try:
        reopened = run_with_progress(window, window.tr("Opening the restored journal…"),
                                     lambda: open_journal(path))
    except (JournalError, OSError) as error:
        QMessageBox.warning(window, window.tr("Cannot open the restored journal"), str(error))
        return False
    window.set_journal(reopened)
    window.statusBar().showMessage(window.tr("Restored the snapshot. What the journal held "
                                             "before is the newest snapshot."), 10000)
    return True
