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
    ExportResult,
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
    """Choose a folder and a style; the preview says, file by file, what the export will do
    there (new, updated, unchanged, left alone because someone else's file is in the way)."""

    def __init__(self, journal: Journal, folder: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.journal = journal
        self.setWindowTitle(tr("Export decision records"))
        self.folder = QLineEdit(folder)
        self.folder.setPlaceholderText(tr("A folder such as docs/adr in a repository"))
        self.style_box = QComboBox()
        self.style_box.addItem(tr("adr-tools (# 1. Title, Date, Status…)"), "adr-tools")
        self.style_box.addItem(tr("MADR 4 (front matter with people)"), "madr")
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.preview = QPlainTextEdit()
        self.preview.setReadOnly(True)
        self.preview.setAccessibleName(tr("Files to be written"))
        self.result_text = ""
        form = QFormLayout()
        form.addRow(_buddy(tr("&Folder:"), self.folder),
                    _folder_row(self.folder, self, tr("Export into")))
        form.addRow(_buddy(tr("&Style:"), self.style_box), self.style_box)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("&Export"))
        self.buttons.accepted.connect(self.run)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint(tr("One Markdown file per record, numbered as the ADR tools "
                                 "number them. Exporting again updates the files in place; "
                                 "files the journal did not write are never changed.")))
        layout.addWidget(self.summary)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.buttons)
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(300)
        self._pause.timeout.connect(self._update)
        self.folder.textChanged.connect(self._pause.start)
        self.style_box.currentIndexChanged.connect(self._update)
        self.finished.connect(self._pause.stop)
        self._update()
        self.resize(620, 460)

    def _target(self) -> Path | None:
        text = self.folder.text().strip()
        return Path(text).expanduser() if text else None

    def _update(self) -> None:
        names = export_names(self.journal)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        folder = self._target()
        ok.setEnabled(folder is not None and bool(names))
        if not names:
            self.summary.setText(tr("The journal has no decision records."))
            self.preview.clear()
            return
        if folder is None:
            self.summary.setText(tr("Choose a folder. These files will be written:"))
            self.preview.setPlainText("\n".join(names))
            return
        try:
            plan = export_folder(self.journal, folder, self.style_box.currentData(),
                                 dry_run=True)
        except (AdrFolderError, OSError) as error:
            self.summary.setText(_why(error, folder))
            self.preview.setPlainText("\n".join(names))
            ok.setEnabled(False)
            return
        self.summary.setText(_export_summary(plan, tr("Into %1: ").replace("%1", str(folder))))
        self.preview.setPlainText("\n".join(_export_lines(plan)))

    def run(self) -> None:
        if self._pause.isActive():  # the folder was just typed: preview it first
            self._pause.stop()
            self._update()
        folder = self._target()
        if folder is None:
            return
        style, path = self.style_box.currentData(), self.journal.path

        def work():
            # On a worker, with a connection of its own (reading only: the window keeps the
            # writer's), so a long export leaves the window responsive.
            with open_journal(path, read_only=True) as journal:
                return export_folder(journal, folder, style)

        try:
            result = run_with_progress(self, tr("Writing the decision records…"), work)
        except (AdrFolderError, OSError) as error:
            self.summary.setText(_why(error, folder))
            return
        self.result_text = _export_summary(result, "")
        if result.kept:  # say so where it cannot be missed, and stay open
            self.summary.setText(tr("Done, but not every file was written: ") + self.result_text)
            self.preview.setPlainText("\n".join(_export_lines(result)))
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
            close = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
            close.setText(tr("&Close"))
            close.setFocus()
            self.buttons.rejected.disconnect(self.reject)
            self.buttons.rejected.connect(self.accept)
            return
        self.accept()


def _why(error: Exception, folder: Path) -> str:
    if isinstance(error, OSError):
        return tr("Cannot write into %1: %2").replace("%1", str(folder)).replace(
            "%2", error.strerror or str(error))
    return str(error)


def _export_summary(result: ExportResult, lead: str) -> str:
    parts = [tr("%1 new").replace("%1", str(len(result.new))),
             tr("%1 updated").replace("%1", str(len(result.written) - len(result.new))),
             tr("%1 unchanged").replace("%1", str(len(result.unchanged)))]
    if result.removed:
        parts.append(tr("%1 old names removed").replace("%1", str(len(result.removed))))
    if result.kept:
        parts.append(tr("%1 left as they are").replace("%1", str(len(result.kept))))
    return lead + ", ".join(parts) + "."


def _export_lines(result: ExportResult) -> list[str]:
    lines = [tr("Left as it is  %1: %2").replace("%1", name).replace("%2", why)
             for name, why in result.kept]
    for name in result.written:
        lines.append((tr("New  %1") if name in result.new else tr("Update  %1")).replace(
            "%1", name))
    lines += [tr("Unchanged  %1").replace("%1", name) for name in result.unchanged]
    lines += [tr("Remove old name  %1").replace("%1", name) for name in result.removed]
    return lines


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
        # What needs a look first: the files that will not be imported.
        lines = [tr("Skipped  %1: %2").replace("%1", name).replace("%2", why)
                 for name, why in plan.broken]
        for planned in plan.records:
            if planned.creates:
                number = (f"{planned.expected:04d}" if planned.expected is not None
                          else tr("next free number"))
                lines.append(tr("Create  %1 → ADR %2: %3").replace("%1", planned.file_name)
                             .replace("%2", number).replace("%3", planned.doc.title))
                if planned.number is None and planned.doc.number is not None:
                    lines.append("    " + tr("(its number %1 is taken in the journal)").replace(
                        "%1", f"{planned.doc.number:04d}"))
                lines += [f"    ({note})" for note in planned.doc.notes]
            else:
                lines.append(tr("Already in the journal  %1").replace("%1", planned.file_name))
        lines += [tr("New person  %1").replace("%1", name) for name in plan.new_people]
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
