"""File menu: Prepare 1:1… (Ctrl+Shift+P), Export journal…, Import…; and the flows behind them.

Added to the main window by `install_actions(window)`, one call, so the window's own code stays
as it is.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from journal.store.errors import JournalError

if TYPE_CHECKING:
    from journal.ui.main_window import MainWindow

PREP_SHORTCUT = "Ctrl+Shift+P"
PROBLEMS_SHOWN = 500  # the report lists this many; the rest are counted


def tr(text: str) -> str:
    return QCoreApplication.translate("PrepActions", text)


def install_actions(window: MainWindow) -> None:
    """Add Prepare 1:1…, Export journal… and Import… to the File menu."""
    menu = window._menus["file"]
    prep = QAction(tr("&Prepare 1:1…"), window)
    prep.setShortcuts([QKeySequence(PREP_SHORTCUT)])
    prep.triggered.connect(lambda: ask_and_prepare(window))
    export = QAction(tr("&Export journal…"), window)
    export.triggered.connect(lambda: export_journal(window))
    imported = QAction(tr("&Import…"), window)
    imported.triggered.connect(lambda: import_journal(window))
    window.prep_action, window.export_action, window.import_action = prep, export, imported
    window.addAction(prep)  # the shortcut works with the menu bar hidden too
    before = window.location_action
    menu.insertAction(before, prep)
    menu.insertSeparator(before)
    menu.insertAction(before, export)
    menu.insertAction(before, imported)
    menu.insertSeparator(before)


def ask_and_prepare(window: MainWindow) -> None:
    from journal.ui.prep.ask import AskPerson
    from journal.ui.prep.dialog import open_prep

    context = window._context()
    if context is None:
        return
    preselect = None
    page = window.pages.get("mentoring")
    if window.current_page_key == "mentoring" and page is not None and page.detail.row:
        preselect = page.detail.row.mentee_id
    ask = AskPerson(window.journal, window, preselect)
    window.ask_person = ask  # tests reach the open prompt here
    if ask.exec() == QDialog.DialogCode.Accepted and ask.chosen is not None:
        open_prep(window, context, ask.chosen)


# -- export ----------------------------------------------------------------------------------------
def export_journal(window: MainWindow, fmt: str | None = None,
                   target: Path | None = None) -> Path | None:
    """Ask for the format and the place, then export off the UI thread."""
    from journal.ops.interchange import export_json, export_markdown
    from journal.ui.prep.work import run_counted

    journal = window.journal
    if journal is None:
        return None
    window.saver.flush()
    settings = QSettings()
    folder = Path(settings.value("interchange/folder", str(Path.home())))
    if fmt is None:
        choices = [tr("JSON (the whole journal, for import elsewhere)"),
                   tr("Markdown folder (reads anywhere; opens as an Obsidian vault)")]
        choice, ok = QInputDialog.getItem(window, tr("Export journal"), tr("Export as:"),
                                          choices, 0, False)
        if not ok:
            return None
        fmt = "json" if choice == choices[0] else "markdown"
    if target is None:
        if fmt == "json":
            path, _ = QFileDialog.getSaveFileName(window, tr("Export journal as JSON"),
                                                  str(folder / "journal.json"),
                                                  tr("JSON (*.json)"))
        else:
            path = QFileDialog.getExistingDirectory(window, tr("Choose a new or empty folder"),
                                                    str(folder))
        if not path:
            return None
        target = Path(path)
    work = ((lambda report: export_json(journal, target, report)) if fmt == "json" else
            (lambda report: export_markdown(journal, target, report)))
    try:
        count = run_counted(window, tr("Exporting the journal…"), work)
    except (OSError, JournalError, ValueError) as error:
        from journal.export.vault import FolderInUse

        text = str(error) if isinstance(error, FolderInUse | JournalError) else (
            tr("%1 could not be written: %2").replace("%1", str(target))
            .replace("%2", getattr(error, "strerror", None) or str(error)))
        QMessageBox.warning(window, tr("Could not export"), text)
        return None
    settings.setValue("interchange/folder", str(target.parent))
    what = tr("%1 records") if fmt == "json" else tr("%1 files")
    window.statusBar().showMessage(tr("Exported %1 to %2").replace(
        "%1", what.replace("%1", f"{count:,}")).replace("%2", str(target)), 10000)
    return target


# -- import ----------------------------------------------------------------------------------------
def import_journal(window: MainWindow, source: Path | None = None) -> bool:
    """Check the file, show every problem or what would be added, ask, then import."""
    from journal.ops.interchange import ImportRefused, plan_import, read_document, run_import
    from journal.ui.prep.work import run_counted

    journal = window.journal
    if journal is None:
        return False
    if journal.read_only:  # the menu item did nothing, without a word
        QMessageBox.information(window, tr("Cannot import"), tr(
            "This journal is open read-only, so nothing can be imported into it. Open it for "
            "writing, or open another journal, and import there."))
        return False
    window.saver.flush()
    settings = QSettings()
    if source is None:
        path, _ = QFileDialog.getOpenFileName(
            window, tr("Import a journal export"),
            settings.value("interchange/folder", str(Path.home())), tr("JSON (*.json)"))
        if not path:
            return False
        source = Path(path)
    try:
        document = run_counted(window, tr("Checking %1…").replace("%1", source.name),
                               lambda _report: read_document(source))
    except ImportRefused as refused:
        ProblemReport(source, [str(p) for p in refused.problems], window).exec()
        return False
    plan = plan_import(journal, document)
    if plan.total_new == 0 and not plan.new_settings:
        QMessageBox.information(window, tr("Nothing to import"), tr(
            "Every record in this file is already in the journal. Nothing was changed."))
        return False
    question = ("\n".join(plan.summary()) + "\n\n" + (
        tr("This journal already holds records: the file's records are added to them. "
           "Records already here stay as they are.") if not plan.journal_was_empty else "")
        + tr("\nA snapshot of the journal as it is now is taken first (File > Restore from "
             "snapshot… undoes the import)."))
    answer = QMessageBox.question(
        window, tr("Add to this journal?") if not plan.journal_was_empty else tr("Import?"),
        question.strip())
    if answer != QMessageBox.StandardButton.Yes:
        return False
    try:
        result = run_counted(window, tr("Importing %1…").replace("%1", source.name),
                             lambda report: run_import(journal, plan, report))
    except JournalError as error:
        QMessageBox.warning(window, tr("Could not import"), tr(
            "%1\n\nThe journal was not changed.").replace("%1", str(error)))
        return False
    settings.setValue("interchange/folder", str(source.parent))
    window.feed.changed.emit(result.changes)  # every page refreshes what it shows
    added = sum(result.added.values())
    window.statusBar().showMessage(tr("Imported %1 records. A snapshot of the journal as it was "
                                      "before is at %2").replace("%1", f"{added:,}")
                                   .replace("%2", str(result.backup)), 15000)
    return True


class ProblemReport(QDialog):
    """Why a file was not imported: every problem with its place in the file."""

    def __init__(self, source: Path, problems: list[str], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("Not imported"))
        self.problems = problems
        shown = problems[:PROBLEMS_SHOWN]
        more = len(problems) - len(shown)
        intro = QLabel(tr("%1 was not imported, and the journal was not changed. Each line "
                          "says where in the file the problem is (as a JSON path):")
                       .replace("%1", source.name))
        intro.setWordWrap(True)
        text = QPlainTextEdit("\n".join(shown) + (
            "\n" + tr("…and %1 more.").replace("%1", f"{more:,}") if more else ""))
        text.setReadOnly(True)
        text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.text = text
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(text, 1)
        layout.addWidget(buttons)
        self.resize(720, 420)
