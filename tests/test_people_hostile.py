"""A person's page given what a hurried user does: clear the name, type spaces around it."""

from __future__ import annotations

from PySide6.QtCore import Qt

from journal.domain import kinds


def open_person(window, person_id):
    window.show_record(kinds.PERSON, person_id)
    page = window.pages["people"]
    assert window.current_page_key == "people" and page.current_id() == person_id
    return page


def test_clearing_a_name_says_why_in_words_and_keeps_the_name(window, qtbot):
    zoe = window.journal.create(kinds.PERSON, name="Zoë Girard", team="Storage")
    page = open_person(window, zoe.id)
    name = page.editor.name
    name.setFocus()
    qtbot.keyClick(name, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(name, Qt.Key.Key_Backspace)
    window.saver.flush()
    message = window.statusBar().currentMessage()
    assert "CHECK" not in message and "constraint" not in message, message
    assert "name" in message.lower(), message
    assert window.journal.get(kinds.PERSON, zoe.id).name == "Zoë Girard"
    # Leaving the empty field puts the name that is kept back in it.
    qtbot.keyClick(name, Qt.Key.Key_Tab)
    assert name.text() == "Zoë Girard"
    assert window.journal.get(kinds.PERSON, zoe.id).name == "Zoë Girard"


def test_spaces_around_a_name_are_not_kept(window, qtbot):
    ana = window.journal.create(kinds.PERSON, name="Ana")
    page = open_person(window, ana.id)
    name = page.editor.name
    name.setFocus()
    qtbot.keyClick(name, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(name, "  Ana   Silva ")
    window.saver.flush()
    assert window.journal.get(kinds.PERSON, ana.id).name == "Ana Silva"


def test_tab_in_the_notes_moves_on_and_writes_no_tab(window, qtbot):
    from PySide6.QtWidgets import QApplication

    ana = window.journal.create(kinds.PERSON, name="Ana", notes="Likes tea")
    page = open_person(window, ana.id)
    notes = page.editor.notes
    window.activateWindow()
    notes.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is notes, timeout=2000)
    qtbot.keyClick(notes, Qt.Key.Key_Tab)
    window.saver.flush()
    assert QApplication.focusWidget() is not notes
    assert window.journal.get(kinds.PERSON, ana.id).notes == "Likes tea"


def test_a_person_nothing_names_keeps_the_buttons_under_their_name(window, qtbot):
    from PySide6.QtCore import QPoint

    window.resize(1400, 900)
    ana = window.journal.create(kinds.PERSON, name="Ana")
    page = open_person(window, ana.id)
    editor = page.editor
    qtbot.waitUntil(lambda: editor.empty_timeline.isVisible(), timeout=2000)
    qtbot.wait(50)
    notes_bottom = editor.notes.mapTo(editor, QPoint(0, editor.notes.height())).y()
    buttons_top = editor.merge_button.mapTo(editor, QPoint(0, 0)).y()
    # Room for the one line of "Who they are" between them, not half the window.
    assert buttons_top - notes_bottom < 4 * editor.fontMetrics().height(), (
        notes_bottom, buttons_top)
