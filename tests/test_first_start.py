"""First start: the greeting is not "Checklist", and the sample opens on a page with content
(issue 10, #8)."""

from __future__ import annotations

from PySide6.QtCore import Qt


def _highlighted(window) -> list[str]:
    return [item.text() for item in window.sidebar.selectedItems()]


def test_no_area_is_highlighted_while_the_greeting_shows(window, qtbot):
    checklist = window.page("checklist")
    assert checklist.showing_welcome
    assert _highlighted(window) == []
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert _highlighted(window) == ["Feedback"]
    qtbot.keyClick(window, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page_key == "checklist" and _highlighted(window) == []


def test_the_highlight_returns_once_the_journal_holds_something(window, qtbot):
    window.journal.create("person", name="Ana")
    assert not window.page("checklist").showing_welcome
    assert _highlighted(window) == ["Checklist"]


def test_the_sample_opens_on_mentoring_with_mentoring_highlighted(window, qtbot):
    checklist = window.page("checklist")
    qtbot.mouseClick(checklist.sample_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.is_sample)
    assert window.current_page_key == "mentoring"
    assert _highlighted(window) == ["Mentoring"]
    assert window.page("mentoring").model.rowCount() > 0


def test_the_sample_from_the_menu_keeps_another_page(window, qtbot):
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.open_sample()
    assert window.current_page_key == "feedback"


def test_clicking_checklist_under_the_greeting_highlights_nothing(window, qtbot):
    row = [window.sidebar.item(i).text() for i in range(window.sidebar.count())].index(
        "Checklist")
    rect = window.sidebar.visualItemRect(window.sidebar.item(row))
    qtbot.mouseClick(window.sidebar.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.current_page_key == "checklist" and _highlighted(window) == []
    window.sidebar.setFocus()  # focus does not move the page either
    assert window.current_page_key == "checklist"
