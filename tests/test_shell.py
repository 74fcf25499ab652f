"""The app shell as a user meets it."""

from __future__ import annotations

from PySide6.QtCore import Qt

from journal.ui.pages import PAGES


def test_new_journal_greets_with_the_sample_one_click_away(window, qtbot):
    page = window.page("checklist")
    assert page.showing_welcome
    qtbot.mouseClick(page.sample_button, Qt.MouseButton.LeftButton)
    assert window.is_sample
    assert "Sample journal" in window.windowTitle()
    assert window.banner.isVisible()
    assert not window.page("checklist").showing_welcome


def test_every_page_reachable_by_shortcut_and_by_click(window, qtbot):
    for index, spec in enumerate(PAGES, start=1):
        qtbot.keyClick(window, Qt.Key(Qt.Key.Key_0 + index), Qt.KeyboardModifier.ControlModifier)
        assert window.current_page_key == spec.key
        assert window.stack.currentWidget().isVisible()
    for row, spec in enumerate(PAGES):
        item = window.sidebar.item(row)
        rect = window.sidebar.visualItemRect(item)
        qtbot.mouseClick(window.sidebar.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        assert window.current_page_key == spec.key
