"""Prepare 1:1 driven as a user drives it: from the Mentoring page's mentee and from
Ctrl+Shift+P; mark the 1:1 held; export; copy; File > Export journal… and Import…."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from journal.domain.kinds import ONE_ON_ONE
from journal.ui.prep import actions, dialog
from journal.ui.prep.dialog import PrepDialog


def _person(window, name):
    return window.journal.rows("SELECT id FROM people WHERE name = ?", (name,))[0][0]


def _open_from_mentoring(window, qtbot, name="Amara Okafor") -> PrepDialog:
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    page = window.page("mentoring")
    ship = window.journal.rows("SELECT m.id FROM mentorships m JOIN people p ON p.id = "
                               "m.mentee_id WHERE p.name = ?", (name,))[0][0]
    page.md.show(ship)
    qtbot.waitUntil(lambda: page.detail.row is not None and page.detail.row.id == ship)
    assert page.detail.prep_button.isEnabled()
    qtbot.mouseClick(page.detail.prep_button, Qt.MouseButton.LeftButton)
    found = [w for w in QApplication.topLevelWidgets()
             if isinstance(w, PrepDialog) and w.isVisible()]
    assert len(found) == 1
    return found[0]


def test_prepare_mark_held_and_export_from_the_mentoring_page(sample_window, qtbot, tmp_path,
                                                              monkeypatch):
    window = sample_window
    prep = _open_from_mentoring(window, qtbot)
    assert prep.windowTitle() == "Prepare 1:1 with Amara Okafor"
    text = prep.view.toPlainText()
    assert "1:1 with Amara Okafor" in text and "Suggested agenda" in text
    assert "Since the last 1:1" in text

    qtbot.keyClicks(prep.notes, "Ask about the abort call")
    qtbot.waitUntil(lambda: "Ask about the abort call" in prep.view.toPlainText())
    qtbot.mouseClick(prep.held_button, Qt.MouseButton.LeftButton)
    held = window.journal.get(ONE_ON_ONE, prep.held_id)
    assert held.held_on == dt.date.today() and held.notes == "Ask about the abort call"
    assert prep.notes.toPlainText() == ""
    text = prep.view.toPlainText()
    assert "Nothing new has been recorded since then." in text
    assert f"Notes from the last 1:1 ({dt.date.today().isoformat()})" in text

    for fmt in ("md", "html", "pdf"):
        target = tmp_path / f"note.{fmt}"
        monkeypatch.setattr(QFileDialog, "getSaveFileName",
                            lambda *a, t=target: (str(t), ""))
        menu = prep.export_button.menu()
        action = next(a for a in menu.actions() if a.text().lower().startswith(
            {"md": "markdown", "html": "html", "pdf": "pdf"}[fmt]))
        action.trigger()
        assert target.exists(), fmt
    assert (tmp_path / "note.md").read_text().startswith("# 1:1 with Amara Okafor")
    assert "<title>1:1 with Amara Okafor" in (tmp_path / "note.html").read_text()
    assert (tmp_path / "note.pdf").read_bytes().startswith(b"%PDF")

    qtbot.mouseClick(prep.copy_button, Qt.MouseButton.LeftButton)
    mime = QApplication.clipboard().mimeData()
    assert mime.hasHtml() and "Amara Okafor" in mime.html()
    assert mime.text().startswith("# 1:1 with Amara Okafor")
    prep.close()


def test_prepare_from_the_people_page(sample_window, qtbot):
    page = sample_window.show_page("people")
    diego = _person(sample_window, "Diego Hernández")
    page.show_record("person", diego)
    qtbot.waitUntil(lambda: page.current_id() == diego)
    qtbot.mouseClick(page.editor.prep_button, Qt.MouseButton.LeftButton)
    opened = [w for w in QApplication.topLevelWidgets()
              if isinstance(w, PrepDialog) and w.isVisible()]
    assert [w.person_name for w in opened] == ["Diego Hernández"]
    assert "Teams they are the contact for" in opened[0].view.toPlainText()
    opened[0].close()


def test_notes_are_kept_as_typed_and_come_back(sample_window, qtbot):
    prep = _open_from_mentoring(sample_window, qtbot, "Kenji Watanabe")
    qtbot.keyClicks(prep.notes, "Half a thought")
    prep.close()  # before the debounce ran out: closing saves
    again = _open_from_mentoring(sample_window, qtbot, "Kenji Watanabe")
    assert again is not prep
    assert again.notes.toPlainText() == "Half a thought"
    again.close()


def test_opening_another_journal_closes_the_prep_window(sample_window, qtbot):
    prep = _open_from_mentoring(sample_window, qtbot, "Kenji Watanabe")
    qtbot.keyClicks(prep.notes, "Kept")
    assert sample_window.back_to_my_journal()
    assert not prep.isVisible()
    assert sample_window.open_sample()
    again = _open_from_mentoring(sample_window, qtbot, "Kenji Watanabe")
    assert again.notes.toPlainText() == "Kept"  # saved as the window closed
    again.close()


def test_ctrl_shift_p_asks_for_a_name_with_type_ahead(sample_window, qtbot):
    window = sample_window

    def answer():
        ask = window.ask_person
        ask.picker.setEditText("lefe")  # the start of a word, accents ignored
        ask.accept()
        assert ask.chosen is None or ask.result() == ask.DialogCode.Accepted

    QTimer.singleShot(0, answer)
    qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    opened = [w for w in QApplication.topLevelWidgets()
              if isinstance(w, PrepDialog) and w.isVisible()]
    assert [w.person_name for w in opened] == ["Zoë Lefèvre"]
    opened[0].close()


def test_enter_in_the_prompt_never_creates_a_person(sample_window, qtbot):
    from journal.ui.prep.ask import AskPerson

    journal = sample_window.journal
    before = journal.count("person")
    ask = AskPerson(journal, sample_window)
    qtbot.addWidget(ask)
    ask.show()
    ask.picker.setFocus()
    ask.picker.lineEdit().selectAll()
    qtbot.keyClicks(ask.picker.lineEdit(), "diego")
    qtbot.keyClick(ask.picker.lineEdit(), Qt.Key.Key_Return)
    assert journal.count("person") == before
    ask.accept()
    assert ask.chosen == _person(sample_window, "Diego Hernández")
    assert journal.count("person") == before


def test_an_ambiguous_name_keeps_the_prompt_open(sample_window, qtbot):
    from journal.ui.prep.ask import AskPerson

    ask = AskPerson(sample_window.journal, sample_window)
    qtbot.addWidget(ask)
    ask.picker.setEditText("K")
    ask.accept()
    assert ask.chosen is None and "Kenji Watanabe" in ask.message.text()
    ask.picker.setEditText("Nobody At All")
    ask.accept()
    assert "Nobody in the journal" in ask.message.text()


def test_export_then_import_the_journal_from_the_file_menu(sample_window, qtbot, tmp_path,
                                                           monkeypatch, journal_path):
    window = sample_window
    target = tmp_path / "journal.json"
    assert actions.export_journal(window, "json", target) == target
    document = json.loads(target.read_text())
    assert len(document["people"]) == 20
    # Into the user's own, empty journal: asked once, then every record is there.
    assert window.back_to_my_journal()
    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a: asked.append(a[2]) or QMessageBox.StandardButton.Yes)
    assert actions.import_journal(window, target)
    assert window.journal.count("person") == 20 and "Will add 20 people" in asked[0]
    from journal.store.snapshots import folder_for

    assert list(folder_for(journal_path).glob("*-before-import.sqlite3"))
    # A broken file: the report lists the problem by path and nothing changes.
    broken = tmp_path / "broken.json"
    document["goals"][0]["mentorship_uid"] = "00000000-0000-4000-8000-00000000dead"
    broken.write_text(json.dumps(document))
    reports = []
    monkeypatch.setattr(actions.ProblemReport, "exec", lambda self: reports.append(
        self.problems))
    assert not actions.import_journal(window, broken)
    assert reports[0] == ["$.goals[0].mentorship_uid: refers to "
                          "00000000-0000-4000-8000-00000000dead, which is not in mentorships"]


@pytest.fixture(autouse=True)
def _close_prep_windows():
    yield
    import contextlib

    for widget in list(dialog._OPEN.values()):
        with contextlib.suppress(RuntimeError):
            widget.close()
