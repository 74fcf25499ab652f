"""Mentoring, Drafts and Retros on the page kit: the checklist's `show_record(kind, id, field)`
puts the cursor in the field, the chosen record survives a restart, Ctrl+Z after a delete
chooses the restored record again."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from journal.store.journal import open_journal
from journal.ui.kit import deleting

TODAY = dt.date.today()


def focused(widget) -> bool:
    return widget.window().focusWidget() is widget


@pytest.fixture
def yes(monkeypatch):
    monkeypatch.setattr(deleting, "ask", lambda *_a: True)


def _mentee(journal, name="Ana Lima", **values):
    person = journal.create("person", name=name)
    return journal.create("mentorship", mentee_id=person.id, mentor_is_me=True,
                          started_on=TODAY - dt.timedelta(days=30), **values)


def _restart(window, qtbot, journal_path):
    from journal.ui.app import settings_store
    from journal.ui.main_window import MainWindow

    window.close()
    again = MainWindow(settings_store(), home_path=journal_path)
    qtbot.addWidget(again)
    again.set_journal(open_journal(journal_path))
    return again


def test_show_record_focuses_a_mentoring_field(window, qtbot):
    journal = window.journal
    _mentee(journal, "Bo Chen")
    m = _mentee(journal)
    goal = journal.create("goal", mentorship_id=m.id, started_on=TODAY)
    check_in = journal.create("check_in", goal_id=goal.id, on_date=TODAY)
    session = journal.create("mentoring_session", mentorship_id=m.id, on_date=TODAY)
    page = window.show_page("mentoring")
    detail = page.detail

    window.show_record("goal", goal.id, field="outcome")
    assert page.current_id() == m.id and detail.goals.current().id == goal.id
    assert focused(detail.goals.outcome)
    window.show_record("goal", goal.id, field="target_on")
    assert focused(detail.goals.target)
    window.show_record("check_in", check_in.id, field="next_step")
    assert focused(detail.check_ins.next_step)
    window.show_record("mentoring_session", session.id, field="notes")
    assert focused(detail.sessions.notes)
    window.show_record("mentorship", m.id, field="mentor")
    assert focused(detail.editor.mentor) or focused(detail.editor.mentor.lineEdit())
    page.show_record("person", m.mentee_id, field="team")  # (the People page owns people)
    assert focused(detail.editor.team)


def test_show_record_focuses_a_draft_part(window, qtbot):
    journal = window.journal
    dana = journal.create("person", name="Dana")
    draft = journal.create("feedback_draft", recipient_id=dana.id, situation="At the demo")
    window.show_page("checklist")
    for part in ("situation", "behavior", "impact"):
        window.show_record("feedback_draft", draft.id, field=part)
        page = window.page("feedback")
        assert window.current_page_key == "feedback"
        assert focused(page.drafts.editor.parts[part])


def test_the_chosen_mentee_draft_and_retro_survive_a_restart(window, qtbot, journal_path):
    journal = window.journal
    _mentee(journal, "Ana Lima")
    bo = _mentee(journal, "Bo Chen")
    dana = journal.create("person", name="Dana")
    drafts = [journal.create("feedback_draft", recipient_id=dana.id, behavior=f"d{i}")
              for i in range(3)]
    retros = [journal.create("retro", subject=f"Sprint {i}", held_on=TODAY) for i in range(3)]
    window.show_record("mentorship", bo.id)
    window.show_record("feedback_draft", drafts[1].id)
    window.show_record("retro", retros[1].id)
    again = _restart(window, qtbot, journal_path)
    try:
        mentoring = again.show_page("mentoring")
        assert mentoring.current_id() == bo.id and mentoring.detail.mentorship_id == bo.id
        feedback = again.show_page("feedback")
        assert feedback.tabs.currentIndex() == 1  # Retros was shown last
        assert feedback.drafts.current_id() == drafts[1].id
        assert feedback.retros.current_id() == retros[1].id
    finally:
        again.journal.close()
        again.journal = None


def test_ctrl_z_chooses_the_restored_mentee_and_goal(window, qtbot, yes):
    journal = window.journal
    ana = _mentee(journal, "Ana Lima")
    bo = _mentee(journal, "Bo Chen")
    goal = journal.create("goal", mentorship_id=bo.id, started_on=TODAY, outcome="Lead a drill")
    journal.create("goal", mentorship_id=bo.id, started_on=TODAY, outcome="Write a runbook")
    page = window.show_page("mentoring")
    page.md.show(bo.id)
    page.detail.goals.select(goal.id)
    page.detail.goals.delete_current()
    assert page.detail.goals.current().id != goal.id
    page.md.show(ana.id)
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert page.current_id() == bo.id and page.detail.goals.current().id == goal.id

    page.detail.delete_mentorship()
    assert page.current_id() == ana.id
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert page.current_id() == bo.id and page.detail.heading.full_text() == "Bo Chen"


def test_ctrl_z_takes_back_an_added_mentee(window, qtbot):
    page = window.show_page("mentoring")
    page.new_record()
    dialog = page.add_dialog
    qtbot.waitUntil(dialog.isVisible)
    qtbot.keyClicks(dialog.mentee.lineEdit(), "Dee Ray")
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    [mentorship] = window.journal.list("mentorship")
    assert page.current_id() == mentorship.id
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.journal.list("mentorship") == [] and window.journal.list("person") == []
