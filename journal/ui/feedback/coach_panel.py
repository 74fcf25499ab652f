"""The coach beside the SBI editor: what would make the feedback clearer, one hint per line."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QRect, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from journal.ui import theme
from journal.ui.feedback.shared import tr

HINT_ROLE = Qt.ItemDataRole.UserRole + 10


def part_label(part: str) -> str:
    return {"situation": tr("Situation"), "behavior": tr("Behavior"),
            "impact": tr("Impact")}.get(part, part)


class HintList(QListWidget):
    """A list whose items are as tall as their wrapped text at the list's current width, and
    the list no taller than its items.

    Qt measures a wrapped item once, at whatever width the list had then (hidden, before a
    scroll bar came or went), and then cuts the text with "…" or leaves a gap below it. Here each
    item's height is measured again whenever the width changes, and the list asks for just the
    room its items take, so the panel's words stay at the top with no empty box under them.
    """

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWordWrap(True)
        self.setUniformItemSizes(False)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self._measured_width = -1

    def text_width(self) -> int:
        """The width the item delegate wraps an item's text to."""
        margin = self.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self) + 1
        return max(self.viewport().width() - 2 * self.spacing() - 2 * margin, 20)

    def measure(self) -> None:
        """Give every item the height of its text wrapped at the current width."""
        width = self.text_width()
        self._measured_width = self.viewport().width()
        metrics = self.fontMetrics()
        for i in range(self.count()):
            item = self.item(i)
            box = metrics.boundingRect(QRect(0, 0, width, 100000),
                                       int(Qt.TextFlag.TextWordWrap), item.text())
            item.setSizeHint(QSize(width, box.height() + 6))
        self.doItemsLayout()
        self.updateGeometry()

    def content_height(self) -> int:
        rows = sum(self.item(i).sizeHint().height() + 2 * self.spacing()
                   for i in range(self.count()))
        return rows + 2 * self.frameWidth()

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self.content_height())

    def minimumSizeHint(self) -> QSize:
        first = self.item(0).sizeHint().height() if self.count() else 0
        return QSize(super().minimumSizeHint().width(), first + 2 * self.frameWidth())

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.viewport().width() != self._measured_width:
            self.measure()

    def event(self, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Show, QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._measured_width = -1
            self.measure()
        return super().event(event)


class CoachPanel(QWidget):
    """Shows hints; clicking or pressing Enter on one emits `hint_chosen(hint)`."""

    hint_chosen = Signal(object)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("coachPanel")
        heading = QLabel(tr("Coach"))
        theme.style(heading, "sectionHeading")
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        theme.style(self.summary, "hint")
        self.hints = HintList()
        self.hints.setObjectName("coachHints")
        self.hints.setAccessibleName(tr("Coach hints"))
        self.hints.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.hints.setSpacing(3)
        self.hints.itemClicked.connect(self._chosen)
        self.hints.itemActivated.connect(self._chosen)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 0, 0, 0)
        layout.addWidget(heading)
        layout.addWidget(self.summary)
        layout.addWidget(self.hints)
        layout.addStretch(1)  # keeps the words at the top, the list no taller than its hints
        self.show_intro()

    def show_intro(self) -> None:
        self.hints.clear()
        self.hints.hide()
        self.summary.setText(tr(
            "Start with the moment it happened, then what the person did that anyone could have "
            "seen, then what it changed. Hints appear here while you write."))

    def show_hints(self, hints: Sequence[object]) -> None:
        self.hints.clear()
        for hint in hints:
            label = part_label(hint.part)
            item = QListWidgetItem(f"{label}: {hint.message}")
            item.setData(HINT_ROLE, hint)
            tip = tr("Click to select the words this is about.") if hint.start is not None \
                else tr("Click to go to the %1.").replace("%1", label.lower())
            item.setToolTip(f"{hint.message}\n\n{tip}")
            self.hints.addItem(item)
        self.hints.measure()
        self.hints.setVisible(bool(hints))
        if hints:
            self.summary.setText(tr("What would make this clearer:"))
        else:
            self.summary.setText(tr(
                "Nothing to add: it says when, what they did and what it changed. Ready to "
                "deliver when you are."))

    def messages(self) -> list[str]:
        """The hint texts as shown (for tests and for accessibility tools)."""
        return [self.hints.item(i).text() for i in range(self.hints.count())]

    def _chosen(self, item: QListWidgetItem) -> None:
        hint = item.data(HINT_ROLE)
        if hint is not None:
            self.hint_chosen.emit(hint)
