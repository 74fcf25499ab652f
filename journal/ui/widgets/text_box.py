"""A multi-line text field that is never shorter than its text (up to a limit) and takes the
room a layout gives it: in a scrolling form only the form scrolls, never the field inside it
as well, and a field shows whole lines, never half of one."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QPlainTextEdit, QSizePolicy, QWidget


class TextBox(QPlainTextEdit):
    """At least `lines` lines tall, growing with its text up to `most` lines (then it scrolls);
    it stretches when its layout has room. Tab moves on instead of typing a tab."""

    def __init__(self, lines: int = 3, most: int = 12, parent: QWidget | None = None):
        super().__init__(parent)
        self.lines, self.most = lines, most
        self.setTabChangesFocus(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.document().documentLayout().documentSizeChanged.connect(self._fit)
        self._fit()

    def height_for(self, lines: int) -> int:
        """The height that shows exactly `lines` lines of text."""
        margins = self.contentsMargins()  # the frame
        # (+2: with not a pixel to spare, the text edit offers to scroll by a line)
        return (lines * self.fontMetrics().lineSpacing()
                + round(2 * self.document().documentMargin()) + 2
                + margins.top() + margins.bottom())

    def text_lines(self) -> int:
        """How many lines the text takes at the current width (wrapped lines count)."""
        return max(1, round(self.document().documentLayout().documentSize().height()))

    def _fit(self, *_args: object) -> None:
        wanted = self.height_for(min(max(self.text_lines(), self.lines), self.most))
        if self.minimumHeight() != wanted:
            self.setMinimumHeight(wanted)
            self.updateGeometry()
        self._whole_lines()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._whole_lines()
        if event.size().width() != event.oldSize().width():
            self._fit()  # the text wraps into more or fewer lines

    def _whole_lines(self) -> None:
        """Leave what is less than a line below the text empty, so no line shows cut."""
        # Lines start below the document's top margin; a margin below shows only at its end.
        margins = self.contentsMargins()
        inside = (self.height() - margins.top() - margins.bottom()
                  - round(self.document().documentMargin()))
        spare = inside % self.fontMetrics().lineSpacing() if inside > 0 else 0
        if self.height() >= self.height_for(self.text_lines()):
            spare = 0  # all of the text shows: no line can be cut
        if self.viewportMargins().bottom() != spare:
            self.setViewportMargins(0, 0, 0, spare)

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(super().sizeHint().width(), self.minimumHeight())

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(super().minimumSizeHint().width(), self.minimumHeight())
