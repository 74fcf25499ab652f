"""Tab leaves a page's list (arrows move inside it): the keyboard is never trapped there, and
pressing Tab never moves to another record behind the user's back."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from journal.domain import kinds


def test_tab_leaves_the_people_list_and_keeps_the_person(window, qtbot):
    journal = window.journal
    for name in ("Ana Silva", "Bo Berg", "Cy Chen"):
        journal.create(kinds.PERSON, name=name)
    window.show_page("people")
    page = window.pages["people"]
    window.activateWindow()
    page.md.table.setFocus()
    page.md.table.selectRow(0)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.md.table, timeout=2000)
    chosen = page.current_id()
    qtbot.keyClick(page.md.table, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not page.md.table
    assert page.current_id() == chosen
    # Round the page and back through the list: it is passed, never walked.
    for _ in range(6):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert page.current_id() == chosen
