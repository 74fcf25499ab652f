"""Pieces the Decisions page's editors share: a text box that follows the writer's direction,
a labelled section, and a form in a scroll area."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QScrollArea, QVBoxLayout, QWidget

from journal.ui import theme
from journal.ui.forms import optional_date_edit
from journal.ui.widgets.text import follow_text_direction


def text_edit(name: str, placeholder: str = "", height: int = 64) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setObjectName(name)
    edit.setPlaceholderText(placeholder)
    edit.setTabChangesFocus(True)
    edit.setMinimumHeight(height)
    edit.setMaximumHeight(height * 2)  # long answers scroll; the editor stays one screen
    follow_text_direction(edit)
    return edit


def hint(text: str = "") -> QLabel:
    label = QLabel(text)
    theme.style(label, "hint")
    label.setWordWrap(True)
    return label


def heading(text: str) -> QLabel:
    label = QLabel(text)
    theme.style(label, "sectionHeading")
    return label


def date_edit(none_text: str = "—"):
    return optional_date_edit(none_text=none_text)


def scrolled(owner: QWidget, body: QWidget) -> None:
    """Put `body` in a frameless scroll area filling `owner` (what is left over goes below the
    last field, not into stretched boxes)."""
    body.layout().addStretch(1)
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QScrollArea.Shape.NoFrame)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    scroll.setWidget(body)
    layout = QVBoxLayout(owner)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(scroll)
