"""The Reflections page: received feedback walked through step by step."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from journal.domain.reflections import LAST_STEP
from journal.store.journal import open_journal
from journal.ui.kit import deleting


@pytest.fixture
def page(window):
    return window.show_page("reflections")


def test_empty_state_then_a_full_reflection_step_by_step(window, page, qtbot):
    assert page.stack.currentWidget() is page.empty
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    wizard = page.editor
    assert wizard.record is not None and wizard.step == 0
    assert wizard.giver.hasFocus()
    qtbot.keyClicks(wizard.giver.lineEdit(), "Dana")
    qtbot.keyClick(wizard.giver.lineEdit(), Qt.Key.Key_Return)
    answers = ["Your design docs skip the rollback plan.", "I leave out how we back out.",
               "The queue migration doc had no rollback section.",
               "Reversibility is part of the design, not an afterthought.",
               "Add a rollback section to the template."]
    for step, text in enumerate(answers, start=1):
        qtbot.mouseClick(wizard.next, Qt.MouseButton.LeftButton)
        assert wizard.step == step
        field = wizard.first_field[step]
        assert field.hasFocus()
        if step == 3:
            assert wizard.reminder.isVisible()  # no example yet: a reminder to ask for one
        qtbot.keyClicks(field, text)
        if step == 3:
            assert not wizard.reminder.isVisible()
    qtbot.mouseClick(wizard.next, Qt.MouseButton.LeftButton)
    assert wizard.step == LAST_STEP and wizard.next.text() == "&Done"
    wizard.status.setCurrentIndex(wizard.status.findData("acting"))
    qtbot.mouseClick(wizard.next, Qt.MouseButton.LeftButton)  # Done: saved, back on the list
    assert page.table.hasFocus() and wizard.step == LAST_STEP
    stored = window.journal.get("reflection", wizard.record.id)
    assert window.journal.get("person", stored.giver_id).name == "Dana"
    assert (stored.what_was_said, stored.paraphrase, stored.example, stored.useful,
            stored.action) == tuple(answers)
    assert (stored.status, stored.step, stored.received_on) == ("acting", LAST_STEP,
                                                                dt.date.today())
    assert all(wizard.step_list.item(i).text().endswith("✓") for i in range(LAST_STEP + 1))
    row = page.model.rows[page.model.row_of(stored.id)]
    assert (row.giver_name, row.status) == ("Dana", "acting")


def test_leaving_mid_way_comes_back_to_the_same_step(window, page, qtbot):
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    wizard = page.editor
    first = wizard.record.id
    qtbot.mouseClick(wizard.next, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(wizard.first_field[1], "Shorter status updates, please.")
    qtbot.mouseClick(wizard.next, Qt.MouseButton.LeftButton)
    assert wizard.step == 2
    # Somewhere else entirely, then back: the reflection opens at the step left.
    window.show_page("feedback")
    window.show_page("reflections")
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert page.editor.step == 0
    window.saver.flush()
    assert window.journal.get("reflection", first).step == 2
    window.show_page("checklist")
    window.show_record("reflection", first)
    assert page.current_id() == first and page.editor.step == 2
    assert wizard.first_field[1].toPlainText() == "Shorter status updates, please."
    qtbot.mouseClick(wizard.back, Qt.MouseButton.LeftButton)
    assert wizard.step == 1
    wizard.step_list.setCurrentRow(4)  # a step can also be chosen from the list
    assert wizard.step == 4


def test_delete_and_undo(window, page, qtbot, monkeypatch):
    monkeypatch.setattr(deleting, "ask", lambda *_a: True)
    dana = window.journal.create("person", name="Dana")
    reflection = window.journal.create("reflection", giver_id=dana.id,
                                       received_on=dt.date(2026, 11, 1), step=4)
    page.show_record("reflection", reflection.id)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert window.journal.count("reflection") == 0
    assert page.stack.currentWidget() is page.empty
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert page.current_id() == reflection.id and page.editor.step == 4


def test_long_rtl_and_emoji_names_show_in_the_list(window, page):
    name = ("مريم 🌿 Ōkubo-Fernández " * 10)[:200]
    giver = window.journal.create("person", name=name)
    reflection = window.journal.create("reflection", giver_id=giver.id,
                                       received_on=dt.date(2026, 11, 1),
                                       what_was_said="لا بأس " * 80)
    page.show_record("reflection", reflection.id)
    index = page.model.index(page.model.row_of(reflection.id), 1)
    assert index.data() == " ".join(name.split())
    assert index.data(Qt.ItemDataRole.ToolTipRole) == index.data()
    assert page.editor.giver.currentText().startswith("مريم")


def test_filters_and_model_tester(window, page, qtbot, qtmodeltester):
    journal = window.journal
    journal.create("reflection", received_on=dt.date(2026, 10, 1), status="done",
                   what_was_said="More context in tickets")
    journal.create("reflection", received_on=dt.date(2026, 11, 1), what_was_said="Slow reviews")
    assert page.proxy.rowCount() == 2
    page.choice.setCurrentIndex(page.choice.findData("done"))
    assert page.proxy.rowCount() == 1
    page.choice.setCurrentIndex(page.choice.findData("all"))
    qtbot.keyClicks(page.search, "reviews")
    assert page.proxy.rowCount() == 1
    qtmodeltester.check(page.model)
    qtmodeltester.check(page.proxy)


def test_read_only_reflection_can_be_read_step_by_step(window, journal_path):
    reflection = window.journal.create("reflection", received_on=dt.date(2026, 11, 1), step=2,
                                       paraphrase="Less detail in updates")
    window.journal.close()
    window.journal = None
    window.set_journal(open_journal(journal_path, read_only=True))
    page = window.show_page("reflections")
    page.show_record("reflection", reflection.id)
    wizard = page.editor
    assert wizard.step == 2 and wizard.fields["paraphrase"].isReadOnly()
    wizard.next.click()
    assert wizard.step == 3  # moving around is reading; it is not stored
    assert not page.new_button.isEnabled() and not wizard.giver.isEnabled()
    window.saver.flush()
    assert window.journal.get("reflection", reflection.id).step == 2


def test_splitters_and_filters_survive_a_restart(window, page, qtbot):
    from PySide6.QtCore import QSettings

    page.splitter.setSizes([300, 700])
    page.choice.setCurrentIndex(page.choice.findData("done"))
    settings = QSettings(str(window.home_path.with_suffix(".ini")), QSettings.Format.IniFormat)
    settings.beginGroup("reflections")  # the window gives each page its own group
    page.save_state(settings)
    settings.endGroup()
    drafts_page = window.show_page("feedback")
    drafts_page.tabs.setCurrentIndex(1)
    settings.beginGroup("feedback")
    drafts_page.save_state(settings)
    settings.endGroup()
    from journal.ui.pages.feedback import FeedbackPage
    from journal.ui.pages.reflections import ReflectionsPage

    again = ReflectionsPage()
    qtbot.addWidget(again)
    settings.beginGroup("reflections")
    again.restore_state(settings)
    settings.endGroup()
    assert again.choice.currentData() == "done"
    assert again.splitter.saveState() == page.splitter.saveState()
    feedback_again = FeedbackPage()
    qtbot.addWidget(feedback_again)
    settings.beginGroup("feedback")
    feedback_again.restore_state(settings)
    settings.endGroup()
    assert feedback_again.tabs.currentIndex() == 1


def test_a_users_round_trip_and_the_chosen_reflection_after_a_restart(
        window, page, qtbot, monkeypatch, journal_path):
    from journal.ui.app import settings_store
    from journal.ui.main_window import MainWindow

    monkeypatch.setattr(deleting, "ask", lambda *_a: True)
    older = window.journal.create("reflection", received_on=dt.date(2026, 9, 1), status="done",
                                  what_was_said="Clearer agendas")
    # Create, with the cursor where the user starts, and edit.
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    wizard = page.editor
    new_id = wizard.record.id
    assert page.current_id() == new_id and wizard.giver.hasFocus()
    qtbot.mouseClick(wizard.next, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(wizard.fields["what_was_said"], "Slower reviews, please")
    window.saver.flush()
    row = page.model.rows[page.model.row_of(new_id)]
    assert row.what_was_said == "Slower reviews, please"
    # Filter: words, then a status.
    qtbot.keyClicks(page.search, "agendas")
    assert page.proxy.rowCount() == 1 and page.current_id() == older.id
    page.search.clear()
    page.choice.choose("open")
    assert page.proxy.rowCount() == 1 and page.current_id() == new_id
    page.choice.choose("all")
    # Delete, then Ctrl+Z: back, and chosen again.
    page.show_record("reflection", older.id)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert window.journal.count("reflection") == 1 and page.current_id() != older.id
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.journal.get("reflection", older.id).what_was_said == "Clearer agendas"
    assert page.current_id() == older.id and page.editor.record.id == older.id
    # The checklist opens a record at the field it misses.
    window.show_page("checklist")
    window.show_record("reflection", older.id, field="example")
    assert window.current_page_key == "reflections" and wizard.step == 3
    assert wizard.fields["example"].hasFocus()
    # Quit and start again: the same reflection is chosen.
    window.close()
    again = MainWindow(settings_store(), home_path=journal_path)
    qtbot.addWidget(again)
    again.set_journal(open_journal(journal_path))
    try:
        reopened = again.show_page("reflections")
        assert reopened.current_id() == older.id
        assert reopened.editor.record.what_was_said == "Clearer agendas"
    finally:
        again.journal.close()
        again.journal = None
