"""The parts around a list: its empty state and the filters above it."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from journal.ui import theme


class EmptyState(QWidget):
    """What a list shows before its first record: a kind sentence and the button to begin."""

    def __init__(self, heading: str, text: str, button: str, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 40, 48, 40)
        layout.setSpacing(12)
        title = QLabel(heading)
        theme.style(title, "pageHeading")
        title.setWordWrap(True)
        body = QLabel(text)
        body.setWordWrap(True)
        body.setMaximumWidth(560)
        body.setTextFormat(Qt.TextFormat.PlainText)
        self.button = QPushButton(button)
        layout.addWidget(title)
        layout.addWidget(body)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)


COMBO_CHARS = 36  # a box of choices at most ("Waiting to be delivered" and its arrow)
EDITOR_CHARS = 125  # an editor beside its list is never wider (text lines of about 100)
FILTER_CHARS = 12  # a filter box never narrower: "Filte…" said nothing in an 800-pixel window


def filter_edit(placeholder: str, accessible_name: str) -> QLineEdit:
    """The filter-as-you-type box above a list, wide enough to show what it asks for and what
    is typed in it however narrow the list."""
    edit = QLineEdit()
    edit.setPlaceholderText(placeholder)
    edit.setClearButtonEnabled(True)
    edit.setAccessibleName(accessible_name)
    edit.setMinimumWidth(chars_wide(edit, FILTER_CHARS))
    return edit


def chars_wide(widget: QWidget, chars: int) -> int:
    """The width of `chars` average characters in the widget's font, with its frame."""
    return widget.fontMetrics().averageCharWidth() * chars + 24


class StatusChoice(QComboBox):
    """A box of status filters, one item a `(key, statuses kept)` pair of `choices` (None keeps
    every status), shown as `label_of(key)`; `label` is its "Show:" label, for the layout."""

    def __init__(self, choices: Iterable[tuple[str, Collection[str] | None]],
                 label_of: Callable[[str], str], show: str, parent: QWidget | None = None):
        super().__init__(parent)
        self._choices = dict(choices)
        for key in self._choices:
            self.addItem(label_of(key), key)
        self.label: QLabel | None = QLabel(show)
        self.label.setBuddy(self)
        self.changed = self.currentIndexChanged

    def statuses(self) -> Collection[str] | None:
        return self._choices.get(self.currentData())

    def choose(self, key: str) -> None:
        """Choose the item of this key, if there is one."""
        index = self.findData(key)
        if index >= 0:
            self.setCurrentIndex(index)


class StatusToggle(QCheckBox):
    """Two status filters as one check box (`show`, say "Sho&w ended"): unticked keeps the
    first choice's statuses, ticked the second's. Answers as `StatusChoice` does."""

    def __init__(self, choices: Iterable[tuple[str, Collection[str] | None]], show: str,
                 parent: QWidget | None = None):
        super().__init__(show, parent)
        (self._off, self._off_statuses), (self._on, self._on_statuses) = list(choices)[:2]
        self.label: QLabel | None = None  # the box says what it is
        self.changed = self.toggled

    def statuses(self) -> Collection[str] | None:
        return self._on_statuses if self.isChecked() else self._off_statuses

    def currentData(self) -> str:  # noqa: N802 (StatusChoice's name, which is Qt's)
        return self._on if self.isChecked() else self._off

    def choose(self, key: str) -> None:
        """Tick the box for the second choice's key, untick it for the first's."""
        if key in (self._on, self._off):
            self.setChecked(key == self._on)
