"""The prep window from the keyboard: Enter while reading the note (or on any control but a
button) never marks the 1:1 held; Esc closes the window and keeps the notes."""

from __future__ import annotations

from PySide6.QtCore import Qt

from journal.domain.kinds import ONE_ON_ONE
from tests.test_prep_ui import _open_from_mentoring


def test_enter_in_the_note_does_not_mark_the_1_1_held(sample_window, qtbot):
    window = sample_window
    prep = _open_from_mentoring(window, qtbot)
    before = window.journal.count(ONE_ON_ONE)
    qtbot.keyClicks(prep.notes, "Ask about the abort call")
    prep.view.setFocus()
    qtbot.keyClick(prep.view, Qt.Key.Key_Return)
    qtbot.keyClick(prep.view, Qt.Key.Key_Enter)
    assert window.journal.count(ONE_ON_ONE) == before
    assert prep.held_id is None and prep.notes.toPlainText() == "Ask about the abort call"
    assert not any(b.isDefault() or b.autoDefault() for b in (
        prep.held_button, prep.export_button, prep.copy_button))


def test_enter_on_the_focused_button_still_presses_it_and_esc_closes(sample_window, qtbot):
    window = sample_window
    prep = _open_from_mentoring(window, qtbot)
    qtbot.keyClicks(prep.notes, "Agreed: the runbook by Friday")
    prep.held_button.setFocus()
    qtbot.keyClick(prep.held_button, Qt.Key.Key_Return)
    assert prep.held_id is not None
    notes = window.journal.get(ONE_ON_ONE, prep.held_id).notes
    assert notes == "Agreed: the runbook by Friday"
    qtbot.keyClick(prep, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not prep.isVisible())


def test_import_into_a_read_only_journal_says_why_not(window, qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from journal.store.journal import open_journal
    from journal.ui.prep import actions

    path = tmp_path / "ro.sqlite3"
    open_journal(path).close()
    window.set_journal(open_journal(path, read_only=True))
    said = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: said.append(a[2]))
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        lambda *a, **k: (_ for _ in ()).throw(AssertionError("asked")))
    assert actions.import_journal(window) is False
    assert said and "read-only" in said[0]


def test_enter_on_a_name_the_type_ahead_offers_prepares_at_once(sample_window, qtbot):
    from PySide6.QtWidgets import QDialog

    from journal.ui.prep.ask import AskPerson

    ask = AskPerson(sample_window.journal, sample_window)
    qtbot.addWidget(ask)
    ask.show()
    qtbot.waitExposed(ask)
    ask.picker.lineEdit().selectAll()
    qtbot.keyClicks(ask.picker.lineEdit(), "Amara")
    popup = ask.picker.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    # Enter while the popup shows, nothing highlighted (it took a second Enter before)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: ask.result() == QDialog.DialogCode.Accepted)
    names = dict(sample_window.journal.rows("SELECT id, name FROM people"))
    assert names[ask.chosen] == "Amara Okafor"


def test_enter_on_a_highlighted_name_prepares_that_one(sample_window, qtbot):
    from PySide6.QtWidgets import QDialog

    from journal.ui.prep.ask import AskPerson

    ask = AskPerson(sample_window.journal, sample_window)
    qtbot.addWidget(ask)
    ask.show()
    qtbot.waitExposed(ask)
    ask.picker.lineEdit().selectAll()
    qtbot.keyClicks(ask.picker.lineEdit(), "K")  # Kenji, Kwame, ...: ambiguous as typed
    popup = ask.picker.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    popup.setCurrentIndex(popup.model().index(0, 0))
    chosen_name = popup.model().index(0, 0).data()
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: ask.result() == QDialog.DialogCode.Accepted)
    names = dict(sample_window.journal.rows("SELECT id, name FROM people"))
    assert chosen_name.startswith(names[ask.chosen])
