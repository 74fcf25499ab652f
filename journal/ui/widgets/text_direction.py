"""Each paragraph of a plain-text field laid out in its own direction: Arabic or Hebrew starts at
the right, English beside it at the left.

QPlainTextEdit lays every paragraph out with the document's one text option, and its alignment
is not mirrored for a right-to-left paragraph (the rich-text layout mirrors it; the plain one
does not), so such a paragraph stayed at the left. Here each paragraph's own layout gets the
alignment of its direction just before the field paints, which is when the layout is read.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QTextOption
from PySide6.QtWidgets import QPlainTextEdit


def follow_text_direction(edit: QPlainTextEdit) -> QPlainTextEdit:
    """Lay out each paragraph of `edit` in the direction of its text, aligned to its start."""
    option = edit.document().defaultTextOption()
    option.setTextDirection(Qt.LayoutDirection.LayoutDirectionAuto)
    edit.document().setDefaultTextOption(option)
    edit.viewport().installEventFilter(_aligner())
    return edit


def align_paragraphs(edit: QPlainTextEdit) -> None:
    """Give every laid-out paragraph the alignment of its own direction."""
    document = edit.document()
    lay_out = document.documentLayout()
    block = document.firstBlock()
    while block.isValid():
        # The field lays paragraphs out lazily, while painting; asking for the block's
        # rectangle lays it out now, so the alignment set here is the one painted.
        lay_out.blockBoundingRect(block)
        layout = block.layout()
        if layout is not None and layout.lineCount():
            right = block.textDirection() == Qt.LayoutDirection.RightToLeft
            want = Qt.AlignmentFlag.AlignRight if right else Qt.AlignmentFlag.AlignLeft
            option: QTextOption = layout.textOption()
            if option.alignment() != want:
                option.setAlignment(want)
                layout.setTextOption(option)
        block = block.next()


class _Aligner(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            edit = watched.parent()
            if isinstance(edit, QPlainTextEdit):
                align_paragraphs(edit)
        return False


_the_aligner: _Aligner | None = None


def _aligner() -> _Aligner:
    global _the_aligner
    if _the_aligner is None:
        _the_aligner = _Aligner()
    return _the_aligner
