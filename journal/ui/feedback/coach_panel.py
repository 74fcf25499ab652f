"""The coach beside the SBI editor: what would make the feedback clearer, one hint per line."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from journal.ui import theme
from journal.ui.feedback.shared import tr

HINT_ROLE = Qt.ItemDataRole.UserRole + 10


def part_label(part: str) -> str:
    return {"situation": tr("Situation"), "behavior": tr("Behavior"),
            "impact": tr("Impact")}.get(part, part)


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
        self.hints = QListWidget()
        self.hints.setObjectName("coachHints")
        self.hints.setAccessibleName(tr("Coach hints"))
        self.hints.setWordWrap(True)
        self.hints.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.hints.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.hints.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.hints.setSpacing(3)
        self.hints.itemClicked.connect(self._chosen)
        self.hints.itemActivated.connect(self._chosen)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 0, 0, 0)
        layout.addWidget(heading)
        layout.addWidget(self.summary)
        layout.addWidget(self.hints, 1)
        layout.addStretch(0)  # keeps the words at the top while the hint list is hidden
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
