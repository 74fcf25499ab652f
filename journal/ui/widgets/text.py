"""Small helpers for showing and editing text the way a person writes it."""

from __future__ import annotations

from PySide6.QtWidgets import QPlainTextEdit

from journal.ui.widgets import text_direction


def one_line(text: str, limit: int = 160) -> str:
    """Text flattened to one line for a list cell (the view elides it to fit)."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[:limit].rstrip() + "…"


def follow_text_direction(edit: QPlainTextEdit) -> None:
    """Lay out each paragraph in its own direction, so Arabic or Hebrew text starts at the right
    while English beside it starts at the left (see widgets.text_direction: the plain-text
    layout does not mirror the alignment of a right-to-left paragraph by itself)."""
    text_direction.follow_text_direction(edit)
