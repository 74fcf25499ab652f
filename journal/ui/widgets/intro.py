"""A page's introduction: a heading and a paragraph with room around them, as on the welcome,
the checklist overview and the Mentoring page's empty state."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from journal.ui import theme


def intro_box(heading: str, text: str,
              parent: QWidget | None = None) -> tuple[QWidget, QVBoxLayout]:
    """The box and its layout, heading and paragraph already in it; add what follows them."""
    box = QWidget(parent)
    layout = QVBoxLayout(box)
    layout.setContentsMargins(48, 40, 48, 40)
    layout.setSpacing(14)
    title = QLabel(heading)
    theme.style(title, "pageHeading")
    body = QLabel(text)
    body.setWordWrap(True)
    body.setMaximumWidth(620)  # lines longer than this are hard to read
    layout.addWidget(title)
    layout.addWidget(body)
    return box, layout
