"""Pieces the Decisions page's editors share: a text box that follows the writer's direction,
a labelled section, and a form in a scroll area."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDateEdit, QLabel, QPlainTextEdit, QScrollArea, QVBoxLayout, QWidget

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
    """A date that may be left empty (shown as `none_text`)."""
    return optional_date_edit(none_text=none_text)


def required_date_edit() -> QDateEdit:
    """A date that must be given (the schema requires it)."""
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


def scrolled(owner: QWidget, body: QWidget) -> QScrollArea:
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
    return scroll


def reveal_focus(scroll: QScrollArea) -> None:
    """Scroll so the widget that has the focus is in view (after `focus_field`: the checklist
    may point at a field far down a long form)."""
    widget = scroll.widget().focusWidget() if scroll.widget() else None
    if widget is not None:
        scroll.ensureWidgetVisible(widget)
