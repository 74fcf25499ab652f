"""New (Ctrl+N) on a list fills in a name ("New person", "New team") and puts the cursor there:
what is typed next replaces it, rather than being added after it ("New personAna")."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from journal.domain import kinds


def _new_and_type(window, qtbot, page_key: str, text: str):
    window.show_page(page_key)
    page = window.pages[page_key]
    window.activateWindow()
    page.new_record()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=2000)
    qtbot.keyClicks(QApplication.focusWidget(), text)
    window.saver.flush()
    return page


def test_typing_a_new_persons_name_replaces_the_placeholder(window, qtbot):
    page = _new_and_type(window, qtbot, "people", "Ana Silva")
    assert window.journal.get(kinds.PERSON, page.current_id()).name == "Ana Silva"


def test_typing_a_new_teams_name_replaces_the_placeholder(window, qtbot):
    page = _new_and_type(window, qtbot, "partners", "Payments")
    assert window.journal.get(kinds.PARTNER_TEAM, page.current_id()).name == "Payments"
