"""Export ADRs and Import ADRs, with a preview before anything is written."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from journal.export.adr.folder import (
    AdrFolderError,
    ImportPlan,
    apply_import,
    export_folder,
    export_names,
    plan_import,
)
from journal.store.errors import InvalidRecord
from journal.store.journal import Journal, open_journal
from journal.ui.background import run_with_progress
from journal.ui.decisions.common import hint
from journal.ui.decisions.words import tr


def _folder_row(edit: QLineEdit, parent: QWidget, caption: str) -> QHBoxLayout:
    browse = QPushButton(tr("&Browse…"))

    def choose() -> None:
        chosen = QFileDialog.getExistingDirectory(parent, caption, edit.text())
        if chosen:
            edit.setText(chosen)

    browse.clicked.connect(choose)
    row = QHBoxLayout()
    row.addWidget(edit, 1)
    row.addWidget(browse)
    return row


def _buddy(text: str, widget: QWidget) -> QLabel:
    label = QLabel(text)
    label.setBuddy(widget)
    return label


class ExportDialog(QDialog):
    """Choose a folder and a style; the preview lists the files the export writes."""

    def __init__(self, journal: Journal, folder: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.journal = journal
        self.setWindowTitle(tr("Export decision records"))
        self.folder = QLineEdit(folder)
        self.folder.setPlaceholderText(tr("A folder such as docs/adr in a repository"))
        self.style_box = QComboBox()
        self.style_box.addItem(tr("adr-tools (# 1. Title, Date, Status…)"), "adr-tools")
        self.style_box.addItem(tr("MADR 4 (front matter with people)"), "madr")
        self.preview = QPlainTextEdit()
        self.preview.setReadOnly(True)
        self.preview.setAccessibleName(tr("Files to be written"))
        self.result_text = ""
        form = QFormLayout()
        form.addRow(_buddy(tr("&Folder:"), self.folder),
                    _folder_row(self.folder, self, tr("Export into")))
        form.addRow(tr("&Style:"), self.style_box)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("&Export"))
        self.buttons.accepted.connect(self.run)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint(tr("One Markdown file per record, numbered as the ADR tools "
                                 "number them. Exporting again updates the files in place.")))
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.buttons)
        self.folder.textChanged.connect(self._update)
        self._update()
        self.resize(560, 420)

    def _update(self) -> None:
        names = export_names(self.journal)
        self.preview.setPlainText("\n".join(names) or tr("The journal has no decision records."))
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.folder.text().strip()) and bool(names))

    def run(self) -> None:
        folder = Path(self.folder.text().strip()).expanduser()
        style, path = self.style_box.currentData(), self.journal.path

        def work():
            # On a worker, with a connection of its own (reading only: the window keeps the
            # writer's), so a long export leaves the window responsive.
            with open_journal(path, read_only=True) as journal:
                return export_folder(journal, folder, style)

        try:
            result = run_with_progress(self, tr("Writing the decision records…"), work)
        except (AdrFolderError, OSError) as error:
            self.preview.setPlainText(str(error))
            return
        self.result_text = tr("%1 files written, %2 unchanged, %3 renamed in %4").replace(
            "%1", str(len(result.written))).replace("%2", str(len(result.unchanged))).replace(
            "%3", str(len(result.removed))).replace("%4", str(result.folder))
        self.accept()


class ImportDialog(QDialog):
    """Choose a folder; the preview says what will be created, what is already there and which
    files cannot be read, before anything is written."""

    def __init__(self, journal: Journal, folder: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.journal = journal
        self.plan: ImportPlan | None = None
        self.created: list[int] = []
        self._reading = False
        self.setWindowTitle(tr("Import decision records"))
        self.folder = QLineEdit(folder)
        self.folder.setPlaceholderText(tr("A repository, or its docs/adr, doc/adr or "
                                          "docs/decisions folder"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.preview = QPlainTextEdit()
        self.preview.setReadOnly(True)
        self.preview.setAccessibleName(tr("What the import will do"))
        form = QFormLayout()
        form.addRow(_buddy(tr("&Folder:"), self.folder),
                    _folder_row(self.folder, self, tr("Import from")))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("&Import"))
        self.buttons.accepted.connect(self.run)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.buttons)
        # Reading a folder on every keystroke would stall typing: the plan follows a short pause.
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(300)
        self._pause.timeout.connect(self.read_plan)
        self.folder.textChanged.connect(self._pause.start)
        self.finished.connect(self._pause.stop)
        self.read_plan()
        self.resize(620, 460)

    def read_plan(self) -> None:
        if self._reading:  # typed on while a folder is being read: read again after it
            self._pause.start()
            return
        self._reading = True
        try:
            self._read_plan()
        finally:
            self._reading = False

    def _read_plan(self) -> None:
        self.plan = None
        text = self.folder.text().strip()
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(False)
        if not text:
            self.summary.setText(tr("Choose a folder of ADR files (adr-tools or MADR style)."))
            self.preview.clear()
            return
        folder, path = Path(text).expanduser(), self.journal.path

        def work() -> ImportPlan:
            # Reading and parsing every file is the slow part: on a worker, with a connection
            # of its own. Writing the plan (apply_import) stays with the window's journal.
            with open_journal(path, read_only=True) as journal:
                return plan_import(journal, folder)

        try:
            plan = run_with_progress(self, tr("Reading the decision records…"), work)
        except AdrFolderError as error:
            self.summary.setText(str(error))
            self.preview.clear()
            return
        self.plan = plan
        lines = []
        for planned in plan.records:
            if planned.creates:
                number = (f"{planned.number:04d}" if planned.number is not None
                          else tr("next free number"))
                lines.append(tr("Create  %1 → ADR %2: %3").replace("%1", planned.file_name)
                             .replace("%2", number).replace("%3", planned.doc.title))
            else:
                lines.append(tr("Already in the journal  %1").replace("%1", planned.file_name))
        lines += [tr("New person  %1").replace("%1", name) for name in plan.new_people]
        lines += [tr("Skipped  %1: %2").replace("%1", name).replace("%2", why)
                  for name, why in plan.broken]
        self.preview.setPlainText("\n".join(lines))
        self.summary.setText(tr("From %1: %2.").replace("%1", str(plan.folder)).replace(
            "%2", plan.summary()))
        ok.setEnabled(bool(plan.to_create))

    def run(self) -> None:
        if self._pause.isActive():  # the folder was just typed: read it before writing
            self._pause.stop()
            self.read_plan()
        if self.plan is None or not self.plan.to_create:
            return
        try:
            self.created = apply_import(self.journal, self.plan)
        except InvalidRecord as error:  # rolled back whole: nothing was written
            self.summary.setText(tr("Nothing was imported: %1").replace("%1", str(error)))
            return
        self.accept()
