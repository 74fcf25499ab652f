"""Pieces the Decisions page's editors share: hints, headings, dates, and (from `forms`) a text
box that follows the writer's direction and a form in a scroll area."""

from __future__ import annotations

from PySide6.QtWidgets import QDateEdit, QLabel, QScrollArea

from journal.ui import theme
from journal.ui.forms import optional_date_edit, scrolled, text_edit


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




def reveal_focus(scroll: QScrollArea) -> None:
    """Scroll so the widget that has the focus is in view (after `focus_field`: the checklist
    may point at a field far down a long form)."""
    widget = scroll.widget().focusWidget() if scroll.widget() else None
    if widget is not None:
        scroll.ensureWidgetVisible(widget)


__all__ = ["date_edit", "heading", "hint", "required_date_edit", "reveal_focus", "scrolled",
           "text_edit"]
