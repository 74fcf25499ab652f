"""PDF with Qt's own text layout and PDF writer (QtGui only: no widgets, no browser).

The HTML is the sanitised one the HTML export writes, so the PDF shows exactly the same note.
Fonts are embedded by Qt. Needs a QGuiApplication; without one (the CLI), an offscreen one is
made, which needs no display.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QGuiApplication, QPageLayout, QPageSize, QPdfWriter, QTextDocument

from journal.export.html import markdown_to_html

# QTextDocument reads a subset of CSS: what it understands of the HTML export's look.
QT_CSS = """
body { font-family: "DejaVu Sans", sans-serif; font-size: 10pt; color: #1d1f21; }
h1 { font-size: 17pt; } h2 { font-size: 13pt; margin-top: 14px; } h3 { font-size: 11pt; }
a { color: #1a5fb4; }
pre, code { font-family: "DejaVu Sans Mono", monospace; }
blockquote { color: #444444; }
"""

_app: QGuiApplication | None = None


def _ensure_app() -> None:
    global _app
    if QGuiApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        _app = QGuiApplication([])


def text_document(markdown_text: str) -> QTextDocument:
    """The note laid out by Qt (also what the app shows and copies as rich text)."""
    _ensure_app()
    doc = QTextDocument()
    doc.setDefaultStyleSheet(QT_CSS)
    doc.setHtml(markdown_to_html(markdown_text))
    return doc


def write_pdf(markdown_text: str, title: str, path: Path) -> None:
    """Write the note as an A4 PDF at `path` (through a temporary file beside it)."""
    from journal.export.files import target_file

    path = target_file(path)
    doc = text_document(markdown_text)
    doc.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, title)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.part")
    try:
        writer = QPdfWriter(str(tmp))
        writer.setTitle(title)
        writer.setCreator("Leadership Journal")
        writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        writer.setPageMargins(QMarginsF(18, 18, 18, 18), QPageLayout.Unit.Millimeter)
        doc.print_(writer)
        del writer  # flushes and closes the file
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise
