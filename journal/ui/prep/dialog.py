"""The prep window for a 1:1: the rendered note, my notes for this 1:1, Mark this 1:1 held,
Export (Markdown, HTML, PDF) and Copy (rich text with a plain-text fallback).

The notes box keeps its text in the journal's settings as it is typed (a second after the last
key), so closing the window or the app loses nothing; marking the 1:1 held stores the notes with
the 1:1 and empties the box.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import weakref
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMimeData, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from journal.export.files import prep_file_name, write_atomically
from journal.export.html import html_document, markdown_to_html
from journal.export.prep_markdown import prep_markdown, title_of
from journal.store.changes import Changes
from journal.store.errors import JournalError, RecordNotFound
from journal.store.prep import mark_held, prep_facts
from journal.ui.context import PageContext
from journal.ui.widgets.screen import resize_within_screen

_CTX = "PrepDialog"
DRAFT_KEY = "prep_notes.{uid}"  # the notes box, kept as typed, per person
_OPEN: weakref.WeakValueDictionary[tuple[str, int], PrepDialog] = weakref.WeakValueDictionary()
FORMATS = {"md": "Markdown (*.md)", "html": "HTML (*.html)", "pdf": "PDF (*.pdf)"}


def tr(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


def open_prep(parent: QWidget, ctx: PageContext, person_id: int) -> PrepDialog:
    """Show the prep window for the person (raising the one already open for them)."""
    key = (str(ctx.journal.path), person_id)
    dialog = _OPEN.get(key)
    if dialog is None:
        dialog = PrepDialog(ctx, person_id, parent.window())
        _OPEN[key] = dialog
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog


def _view_css() -> str:
    """The note's look in the app: the export's, with links light enough to read in the dark
    look (the export's blue had a contrast of 2.6:1 on the dark background)."""
    from journal.export.pdf import QT_CSS
    from journal.ui import theme

    app = QApplication.instance()
    dark = app is not None and theme.is_dark(app)
    return QT_CSS + ("\na { color: #8ab4f8; }\n" if dark else "")


class PrepDialog(QDialog):
    def __init__(self, ctx: PageContext, person_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.ctx = ctx
        self.person_id = person_id
        self.today = dt.date.today  # replaceable in tests
        self.markdown = ""
        self.title = ""
        self.person_uid = ""
        self.person_name = ""
        self.held_id: int | None = None

        self.view = QTextBrowser()
        self.view.setOpenExternalLinks(True)
        self.view.setAccessibleName(tr("Prep note"))
        from journal.export.pdf import QT_CSS

        self.view.document().setDefaultStyleSheet(QT_CSS)
        self.notes = QPlainTextEdit()
        self.notes.setAccessibleName(tr("My notes for this 1:1"))
        self.notes.setPlaceholderText(tr("What you want to bring up, and what you agree on. "
                                         "Markdown works. Kept as you type."))
        self.status = QLabel()
        self.status.setWordWrap(True)

        self.held_button = QPushButton(tr("&Mark this 1:1 held"))
        self.held_button.setToolTip(tr("Store today's 1:1 with these notes; the next prep "
                                       "starts from it."))
        self.held_button.clicked.connect(self.mark_held)
        self.export_button = QPushButton(tr("&Export"))
        menu = QMenu(self.export_button)
        for fmt, label in (("md", tr("Markdown…")), ("html", tr("HTML…")), ("pdf", tr("PDF…"))):
            menu.addAction(label, lambda f=fmt: self.export_dialog(f))
        self.export_button.setMenu(menu)
        self.copy_button = QPushButton(tr("&Copy"))
        self.copy_button.setToolTip(tr("Copy the note as rich text, with plain text for "
                                       "programs that take only that."))
        self.copy_button.clicked.connect(self.copy)
        close = QPushButton(tr("Close"))
        close.clicked.connect(self.close)
        copy_action = QAction(self)
        copy_action.setShortcuts([QKeySequence("Ctrl+Shift+C")])
        copy_action.triggered.connect(self.copy)
        self.addAction(copy_action)

        notes_box = QWidget()
        notes_layout = QVBoxLayout(notes_box)
        notes_layout.setContentsMargins(0, 0, 0, 0)
        heading = QLabel(tr("My notes for this 1:1"))
        heading.setBuddy(self.notes)
        notes_layout.addWidget(heading)
        notes_layout.addWidget(self.notes)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(notes_box)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        # No default button: Enter while reading the note (a QDialog presses the next
        # "auto default" button) marked the 1:1 held and emptied the notes. A focused button
        # still takes Space and Enter (keyPressEvent).
        for button in (self.held_button, self.export_button, self.copy_button, close):
            button.setAutoDefault(False)
            button.setDefault(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.held_button)
        buttons.addStretch(1)
        for button in (self.export_button, self.copy_button, close):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        resize_within_screen(self, 760, 780)
        self.notes.setFocus()  # typing goes to my notes; the note itself is for reading
        self.setTabOrder(self.notes, self.held_button)

        # The window's saver keeps the notes (its debounce, and a flush before the window
        # closes or shows another journal), as every editor's text is kept.
        self._save_key = ("prep_notes", str(ctx.journal.path), person_id)
        self._render_timer = QTimer(self, singleShot=True, interval=300)
        self._render_timer.timeout.connect(self.render)
        self.notes.textChanged.connect(self._notes_changed)
        ctx.feed.changed.connect(self._journal_changed)
        opened = getattr(parent, "journal_opened", None)
        if opened is not None:  # another journal in the window: this note was about the old one
            opened.connect(self.close)
        self.render()
        draft = ctx.journal.setting(DRAFT_KEY.format(uid=self.person_uid), "")
        self.notes.blockSignals(True)
        self.notes.setPlainText(draft if isinstance(draft, str) else "")
        self.notes.blockSignals(False)
        self.held_button.setEnabled(not ctx.journal.read_only)
        if self.notes.toPlainText():
            self.render()

    # -- the note --------------------------------------------------------------------------------
    def render(self) -> None:
        try:
            facts = prep_facts(self.ctx.journal, self.person_id, self.today())
        except RecordNotFound:
            self.status.setText(tr("This person is no longer in the journal."))
            for button in (self.held_button, self.export_button, self.copy_button):
                button.setEnabled(False)
            return
        self.person_uid = facts.person.uid
        self.person_name = facts.person.name
        self.markdown = prep_markdown(facts, self.notes.toPlainText())
        self.title = title_of(facts)
        self.setWindowTitle(tr("Prepare 1:1 with %1").replace("%1", facts.person.name))
        bar = self.view.verticalScrollBar()
        position = bar.value()
        self.view.document().setDefaultStyleSheet(_view_css())
        self.view.setHtml(markdown_to_html(self.markdown))
        bar.setValue(position)

    def _notes_changed(self) -> None:
        self.ctx.saver.schedule(self._save_key, self.save_draft)
        self._render_timer.start()

    def _journal_changed(self, changes: Changes) -> None:
        if changes.initiator is not self and changes.kinds - {"setting"}:
            self._render_timer.start()

    def save_draft(self) -> None:
        """Keep the notes box in the journal (nothing typed is lost on close)."""
        self.ctx.saver.discard(self._save_key)
        if self.ctx.journal.read_only or not self.person_uid or self.ctx.journal.conn is None:
            return
        key = DRAFT_KEY.format(uid=self.person_uid)
        text = self.notes.toPlainText()
        try:
            if text.strip() or self.ctx.journal.setting(key) is not None:
                self.ctx.journal.set_setting(key, text, initiator=self)
        except JournalError as error:
            self.status.setText(str(error))

    # -- actions ---------------------------------------------------------------------------------
    def mark_held(self) -> None:
        notes = self.notes.toPlainText()
        try:
            held = mark_held(self.ctx.journal, self.person_id, self.today(), notes,
                             initiator=self, adding_to=self.held_id)
            self.ctx.journal.set_setting(DRAFT_KEY.format(uid=self.person_uid), "",
                                         initiator=self)
        except JournalError as error:
            QMessageBox.warning(self, tr("Could not store the 1:1"), str(error))
            return
        self.held_id = held.id
        self.notes.blockSignals(True)
        self.notes.clear()
        self.notes.blockSignals(False)
        self.ctx.saver.discard(self._save_key)
        self.render()
        self.status.setText(tr("Stored the 1:1 of %1 with your notes. The next prep starts "
                               "from here.").replace("%1", held.held_on.isoformat()))

    def export_dialog(self, fmt: str) -> Path | None:
        self.render()
        settings = QSettings()
        folder = settings.value("prep/exportFolder", str(Path.home()))
        name = prep_file_name(self.person_name, self.today(), fmt)
        path, _ = QFileDialog.getSaveFileName(self, tr("Export the prep note"),
                                              str(Path(folder) / name), FORMATS[fmt])
        if not path:
            return None
        target = Path(path)
        try:
            self.export_to(target, fmt)
        except OSError as error:
            QMessageBox.warning(self, tr("Could not export"), tr("%1 could not be written: %2")
                                .replace("%1", str(target)).replace("%2", error.strerror or ""))
            return None
        settings.setValue("prep/exportFolder", str(target.parent))
        self.status.setText(tr("Exported to %1").replace("%1", str(target)))
        return target

    def export_to(self, target: Path, fmt: str) -> None:
        if fmt == "pdf":
            from journal.export.pdf import write_pdf

            write_pdf(self.markdown, self.title, target)
        elif fmt == "html":
            write_atomically(target, html_document(self.markdown, self.title))
        else:
            write_atomically(target, self.markdown)

    def copy(self) -> None:
        self.render()
        data = QMimeData()
        data.setHtml(html_document(self.markdown, self.title))
        data.setText(self.markdown)
        QGuiApplication.clipboard().setMimeData(data)
        self.status.setText(tr("Copied the note: rich text, and plain Markdown for programs "
                               "that take only text."))

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            focused = self.focusWidget()
            if isinstance(focused, QPushButton) and focused.isEnabled():
                focused.click() if focused.menu() is None else focused.showMenu()
            return  # never a default button's action from elsewhere
        super().keyPressEvent(event)

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if self.ctx.saver.has_pending:
            self.save_draft()
        with contextlib.suppress(RuntimeError, TypeError):
            self.ctx.feed.changed.disconnect(self._journal_changed)
        for key, dialog in list(_OPEN.items()):
            if dialog is self:
                del _OPEN[key]
        super().closeEvent(event)


__all__ = ["PrepDialog", "open_prep"]
