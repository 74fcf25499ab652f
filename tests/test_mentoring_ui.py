"""The Mentoring page driven as a user drives it: clicks, typed ASCII text, key presses."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtGui import QFont

from journal.store.journal import open_journal
from journal.ui.kit import deleting
from journal.ui.mentoring.detail import GOALS_TAB, MENTORSHIP_TAB, SESSIONS_TAB
from journal.ui.mentoring.widgets import HEALTHS_ROLE

TODAY = dt.date.today()
CONCRETE = "Run the Q3 failover game day for the payments database as incident commander"


def days(n: int) -> dt.date:
    return TODAY + dt.timedelta(days=n)


def open_page(window, qtbot):
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page_key == "mentoring"
    return window.page("mentoring")


def focused(widget) -> bool:
    """The widget typing goes to in its window (hasFocus also needs the window to be active,
    which the offscreen platform does not always give back after a dialog closes)."""
    return widget.window().focusWidget() is widget


def click(qtbot, widget):
    assert widget.isEnabled(), widget
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def seed(journal, name="Ana Lima", **mentorship):
    person = journal.create("person", name=name)
    values = dict(mentee_id=person.id, mentor_is_me=True, started_on=days(-90)) | mentorship
    return journal.create("mentorship", **values)


@pytest.fixture
def answer_yes(monkeypatch):
    """Answers every delete confirmation with Delete and keeps the question asked."""
    asked: list[str] = []

    def confirm(_parent, _title, text):
        asked.append(text)
        return True

    monkeypatch.setattr(deleting, "ask", confirm)
    return asked


# -- the whole path -----------------------------------------------------------------------------
def test_add_mentee_goal_check_in_and_session_as_a_user(window, qtbot):
    page = open_page(window, qtbot)
    journal = window.journal
    assert page.stack.currentWidget() is page.empty  # a friendly start, one button away
    click(qtbot, page.empty.button)

    dialog = page.add_dialog
    qtbot.waitUntil(dialog.isVisible)
    qtbot.keyClicks(dialog.mentee.lineEdit(), "Ana Lima")
    assert dialog.mentor.currentText() == "Me"
    dialog.structure.setFocus()
    qtbot.keyClicks(dialog.structure, "P")  # type-to-select: "Pairing on a real task"
    dialog.cadence.selectAll()
    qtbot.keyClicks(dialog.cadence.lineEdit(), "14")
    click(qtbot, dialog.add_button)

    [mentorship] = journal.list("mentorship")
    assert (mentorship.mentor_is_me, mentorship.structure, mentorship.cadence_days,
            mentorship.started_on) == (True, "pairing", 14, TODAY)
    assert journal.get("person", mentorship.mentee_id).name == "Ana Lima"
    assert page.stack.currentWidget() is page.splitter
    assert page.model.rows[0].mentee_name == "Ana Lima"
    assert page.detail.heading.full_text() == "Ana Lima"
    assert "Pairing on a real task" in page.detail.summary.full_text()

    # A goal: vague at first, with a gentle hint, then concrete.
    goals = page.detail.goals
    click(qtbot, goals.new_button)
    assert focused(goals.outcome)
    qtbot.keyClicks(goals.outcome, "Get better at k8s")
    assert goals.hints.isVisible()
    assert "hard to check" in goals.hints.text()
    qtbot.waitUntil(lambda: journal.list("goal")[0].outcome == "Get better at k8s")
    goals.outcome.selectAll()
    qtbot.keyClicks(goals.outcome, CONCRETE)
    assert "hard to check" not in goals.hints.text()
    qtbot.waitUntil(lambda: journal.list("goal")[0].outcome == CONCRETE)
    [goal] = journal.list("goal")
    assert (goal.started_on, goal.target_on, goal.status) == (TODAY, days(60), "active")
    assert goals.table.model().index(0, 0).data() == CONCRETE

    # A check-in in a few keystrokes: the button, the progress, Tab, Down, Tab, the next step.
    check_ins = page.detail.check_ins
    click(qtbot, check_ins.new_button)
    assert focused(check_ins.progress)
    qtbot.keyClicks(check_ins.progress, "Ran the drill in staging")
    qtbot.keyClick(check_ins.progress, Qt.Key.Key_Tab)
    assert focused(check_ins.health)
    qtbot.keyClick(check_ins.health, Qt.Key.Key_Down)
    qtbot.keyClick(check_ins.health, Qt.Key.Key_Tab)
    assert focused(check_ins.next_step)
    qtbot.keyClicks(check_ins.next_step, "Write the runbook change")
    qtbot.waitUntil(lambda: journal.list("check_in")[0].next_step == "Write the runbook change")
    [check_in] = journal.list("check_in")
    assert (check_in.on_date, check_in.health, check_in.progress) == (
        TODAY, "at_risk", "Ran the drill in staging")
    qtbot.waitUntil(lambda: goals.table.model().index(0, 2).data(HEALTHS_ROLE) == ("at_risk",))
    assert "in 14 days" in goals.table.model().index(0, 3).data()
    assert "Last check-in today" in page.detail.contact.text()

    # A session with the coaching frame.
    page.detail.tabs.setCurrentIndex(SESSIONS_TAB)
    sessions = page.detail.sessions
    click(qtbot, sessions.new_button)
    assert focused(sessions.notes)
    qtbot.keyClicks(sessions.notes, "Paired on the alert rules")
    click(qtbot, sessions.during_incident)
    assert not sessions.coach.is_open()
    click(qtbot, sessions.coach.button)
    assert sessions.coach.body.isVisible()
    qtbot.keyClicks(sessions.coaching["hypothesis"], "The cache eviction began after the push")
    qtbot.waitUntil(lambda: journal.list("mentoring_session")[0].hypothesis.startswith("The"))
    [session] = journal.list("mentoring_session")
    assert (session.on_date, session.structure, session.during_incident, session.notes) == (
        TODAY, "pairing", True, "Paired on the alert rules")
    assert sessions.table.model().index(0, 3).data() == "Paired on the alert rules"


def test_ctrl_n_adds_a_mentee_with_a_new_mentor(window, qtbot):
    page = open_page(window, qtbot)
    page.search.setFocus()
    qtbot.keyClick(page.search, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = page.add_dialog
    qtbot.waitUntil(dialog.isVisible)
    qtbot.keyClicks(dialog.mentee.lineEdit(), "Bo Chen")
    dialog.mentor.lineEdit().selectAll()
    qtbot.keyClicks(dialog.mentor.lineEdit(), "Kim Park")
    qtbot.keyClick(dialog.add_button, Qt.Key.Key_Space)
    [m] = window.journal.list("mentorship")
    assert not m.mentor_is_me
    assert window.journal.get("person", m.mentor_id).name == "Kim Park"
    assert "Mentor: Kim Park" in page.model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert "Mentor: Kim Park" in page.detail.summary.full_text()


def test_a_mentee_cannot_mentor_themselves(window, qtbot):
    page = open_page(window, qtbot)
    page.new_record()
    dialog = page.add_dialog
    qtbot.keyClicks(dialog.mentee.lineEdit(), "Cy")
    dialog.mentor.lineEdit().selectAll()
    qtbot.keyClicks(dialog.mentor.lineEdit(), "Cy")
    click(qtbot, dialog.add_button)
    assert dialog.isVisible() and "themselves" in dialog.problem.text()
    assert window.journal.list("mentorship") == []
    dialog.reject()


# -- saving -------------------------------------------------------------------------------------
def test_an_edit_is_saved_on_close_without_waiting(window, qtbot, journal_path):
    m = seed(window.journal)
    window.journal.create("goal", mentorship_id=m.id, started_on=TODAY)
    page = open_page(window, qtbot)
    page.detail.goals.outcome.setFocus()
    qtbot.keyClicks(page.detail.goals.outcome, "Ship it")
    assert window.saver.has_pending
    window.close()
    with open_journal(journal_path) as again:
        assert again.list("goal")[0].outcome == "Ship it"


def test_mentorship_fields_save_themselves_and_ending_keeps_history(window, qtbot):
    m = seed(window.journal)
    window.journal.create("goal", mentorship_id=m.id, started_on=TODAY)
    page = open_page(window, qtbot)
    page.detail.tabs.setCurrentIndex(MENTORSHIP_TAB)
    editor = page.detail.editor
    editor.team.setFocus()
    qtbot.keyClicks(editor.team, "Storage")
    qtbot.waitUntil(lambda: window.journal.get("person", m.mentee_id).team == "Storage")
    editor.mentor.lineEdit().selectAll()
    qtbot.keyClicks(editor.mentor.lineEdit(), "Dee Ray")
    qtbot.keyClick(editor.mentor.lineEdit(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.journal.get("mentorship", m.id).mentor_id is not None)
    assert not window.journal.get("mentorship", m.id).mentor_is_me
    assert "Dee Ray" in page.detail.summary.full_text()

    click(qtbot, page.detail.end_button)
    assert window.journal.get("mentorship", m.id).ended_on == TODAY
    # The open mentorship stays in the list, now ended (in italics), with Resume at hand.
    assert page.proxy.rowCount() == 1 and page.proxy.index(0, 1).data() == "ended"
    assert page.detail.end_button.text() == "Resume mentorship"
    click(qtbot, page.choice)
    click(qtbot, page.choice)  # choosing what to show again: ended ones hide
    assert page.proxy.rowCount() == 0
    assert len(window.journal.list("goal")) == 1


# -- deleting with a way back --------------------------------------------------------------------
def test_delete_a_goal_names_its_check_ins_and_ctrl_z_restores_them(window, qtbot, answer_yes):
    journal = window.journal
    m = seed(journal)
    goal = journal.create("goal", mentorship_id=m.id, outcome=CONCRETE, started_on=days(-40))
    for i in range(12):
        journal.create("check_in", goal_id=goal.id, on_date=days(-i * 3), progress=f"week {i}")
    page = open_page(window, qtbot)
    table = page.detail.goals.table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert "This also deletes 12 check-ins" in answer_yes[0]
    assert "Ctrl+Z" in answer_yes[0]
    assert journal.list("goal") == [] and journal.list("check_in") == []
    assert page.detail.goals.model.rows == []

    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [g.id for g in journal.list("goal")] == [goal.id]
    assert len(journal.list("check_in")) == 12
    assert page.detail.goals.model.rows[0].check_ins == 12


def test_delete_key_on_a_check_in_and_a_session(window, qtbot, answer_yes):
    journal = window.journal
    m = seed(journal)
    goal = journal.create("goal", mentorship_id=m.id, started_on=days(-10))
    journal.create("check_in", goal_id=goal.id, on_date=days(-1))
    journal.create("mentoring_session", mentorship_id=m.id, on_date=days(-2))
    page = open_page(window, qtbot)
    page.detail.check_ins.table.setFocus()
    qtbot.keyClick(page.detail.check_ins.table, Qt.Key.Key_Delete)
    assert journal.list("check_in") == []
    page.detail.tabs.setCurrentIndex(SESSIONS_TAB)
    page.detail.sessions.table.setFocus()
    qtbot.keyClick(page.detail.sessions.table, Qt.Key.Key_Delete)
    assert journal.list("mentoring_session") == []
    assert answer_yes[1].startswith(f"Delete the session of {days(-2).isoformat()}?")
    window.undo()
    assert len(journal.list("mentoring_session")) == 1


def test_cancelled_delete_removes_nothing(window, qtbot, monkeypatch):
    monkeypatch.setattr(deleting, "ask", lambda *_a: False)
    m = seed(window.journal)
    page = open_page(window, qtbot)
    click(qtbot, page.detail.delete_button)
    assert window.journal.list("mentorship") == [m]


def test_delete_a_mentorship_and_undo(window, qtbot, answer_yes):
    journal = window.journal
    m = seed(journal)
    goal = journal.create("goal", mentorship_id=m.id, started_on=TODAY)
    journal.create("check_in", goal_id=goal.id, on_date=TODAY)
    journal.create("mentoring_session", mentorship_id=m.id, on_date=TODAY)
    page = open_page(window, qtbot)
    click(qtbot, page.detail.delete_button)
    assert "1 goal, 1 session, 1 check-in" in answer_yes[0] or (
        "1 goal" in answer_yes[0] and "1 check-in" in answer_yes[0])
    assert journal.list("mentorship") == []
    assert page.stack.currentWidget() is page.empty
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert page.stack.currentWidget() is page.splitter
    assert page.detail.heading.full_text() == "Ana Lima"
    assert len(journal.list("check_in")) == 1


# -- finding -------------------------------------------------------------------------------------
def test_filter_as_you_type_and_sort(window, qtbot):
    journal = window.journal
    ana = seed(journal, "Ana Lima")
    bo = seed(journal, "Bo Chen")
    seed(journal, "Anaya Rao", ended_on=days(-1))
    journal.create("goal", mentorship_id=bo.id, started_on=days(-30))  # overdue
    journal.create("goal", mentorship_id=ana.id, started_on=days(-2))
    page = open_page(window, qtbot)
    assert page.proxy.rowCount() == 2
    qtbot.keyClicks(page.search, "ana")
    assert page.proxy.rowCount() == 1
    assert page.proxy.index(0, 0).data() == "Ana Lima"
    assert page.detail.heading.full_text() == "Ana Lima"
    click(qtbot, page.choice)
    assert [page.proxy.index(r, 0).data() for r in range(2)] == ["Ana Lima", "Anaya Rao"]
    page.search.clear()
    qtbot.keyClicks(page.search, "zzz")
    assert page.proxy.rowCount() == 0
    assert page.md.right.currentWidget() is page.md.nothing
    page.search.clear()

    page.sort_by.setCurrentIndex(1)  # next check-in due: overdue first
    assert page.proxy.index(0, 0).data() == "Bo Chen"
    overdue = page.proxy.index(0, 1)
    assert overdue.data(Qt.ItemDataRole.FontRole).bold()
    assert "Overdue" in overdue.data(Qt.ItemDataRole.ToolTipRole)
    assert isinstance(page.proxy.index(1, 1).data(Qt.ItemDataRole.FontRole), (QFont,
                                                                                   type(None)))


def test_show_record_reveals_every_kind(window, qtbot):
    journal = window.journal
    seed(journal, "Ana Lima")
    m = seed(journal, "Bo Chen", ended_on=days(-1))
    goal = journal.create("goal", mentorship_id=m.id, started_on=TODAY)
    other = journal.create("goal", mentorship_id=m.id, started_on=days(-5))
    check_ins = [journal.create("check_in", goal_id=other.id, on_date=days(-i)) for i in range(3)]
    session = journal.create("mentoring_session", mentorship_id=m.id, on_date=TODAY)
    page = open_page(window, qtbot)
    page.search.setText("Ana")

    window.show_record("check_in", check_ins[1].id)
    assert page.detail.mentorship_id == m.id and page.choice.isChecked()
    assert page.search.text() == ""
    assert page.detail.tabs.currentIndex() == GOALS_TAB
    assert page.detail.goals.current().id == other.id
    assert page.detail.check_ins.current().id == check_ins[1].id
    window.show_record("goal", goal.id)
    assert page.detail.goals.current().id == goal.id
    window.show_record("mentoring_session", session.id)
    assert page.detail.tabs.currentIndex() == SESSIONS_TAB
    assert page.detail.sessions.current().id == session.id
    window.show_record("person", m.mentee_id)  # a person opens on their own page now
    assert window.current_page_key == "people"
    assert window.pages["people"].current_id() == m.mentee_id
    page.show_record("person", m.mentee_id)  # the Mentoring page still opens a mentee's
    assert page.detail.tabs.currentIndex() == MENTORSHIP_TAB
    assert page.detail.editor.name.text() == "Bo Chen"
    window.show_record("mentorship", m.id)
    assert page.current_id() == m.id


# -- what the page tells the user ----------------------------------------------------------------
def test_anti_pattern_hints_show_gently(window, qtbot):
    journal = window.journal
    m = seed(journal, structure="pairing")
    for i in range(3):
        journal.create("mentoring_session", mentorship_id=m.id, on_date=days(-i * 5),
                       structure="pairing", during_incident=True,
                       driver="mentor" if i < 2 else "mentee")
    page = open_page(window, qtbot)
    assert page.detail.hints.isVisible()
    text = page.detail.hints.text()
    assert "during an incident" in text and "drove most" in text
    # A calm session between incidents makes the hero-call hint go away.
    journal.create("mentoring_session", mentorship_id=m.id, on_date=days(-1))
    assert "during an incident" not in page.detail.hints.text()


def test_goal_hints_for_target_and_focus(window, qtbot):
    journal = window.journal
    m = seed(journal)
    for i in range(2):
        journal.create("goal", mentorship_id=m.id, outcome=CONCRETE, started_on=days(-i),
                       target_on=days(60))
    page = open_page(window, qtbot)
    goals = page.detail.goals
    click(qtbot, goals.new_button)
    qtbot.keyClicks(goals.outcome, CONCRETE)
    codes = [h.code for h in goals.current_hints()]
    assert codes == ["too_many_active"]
    assert "number 3" in goals.hints.text()
    goals.target.setDate(goals.target.date().addDays(-50))  # 10 days: too soon
    assert "Only 10 days" in goals.hints.text()
    goals.status.setCurrentIndex(goals.status.findData("achieved"))
    assert not goals.hints.isVisible()


def test_read_only_journal_disables_every_way_to_change(window, qtbot, journal_path):
    seed(window.journal)
    window.journal.close()
    window.journal = None
    window.set_journal(open_journal(journal_path, read_only=True))
    page = open_page(window, qtbot)
    assert page.detail.heading.full_text() == "Ana Lima"
    for button in (page.new_button, page.detail.goals.new_button,
                   page.detail.delete_button, page.detail.end_button,
                   page.detail.sessions.new_button):
        assert not button.isEnabled()
    assert not page.new_action.isEnabled()
    assert not page.detail.editor.mentor.isEnabled()
    assert page.detail.editor.name.isReadOnly()


def test_long_rtl_and_emoji_names_keep_the_layout(window, qtbot):
    m = seed(window.journal, "Ana")
    page = open_page(window, qtbot)
    page.detail.tabs.setCurrentIndex(MENTORSHIP_TAB)
    name_edit = page.detail.editor.name
    long_name = ("محمد عبد الرحمن 🚀 Zoë " * 10)[:200]
    name_edit.setText(long_name)
    name_edit.textEdited.emit(long_name)
    qtbot.waitUntil(lambda: window.journal.get("person", m.mentee_id).name == long_name.strip())
    qtbot.waitUntil(lambda: page.model.rows[0].mentee_name == long_name.strip())
    table = page.table
    assert table.columnWidth(0) <= table.viewport().width()
    assert page.model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole).startswith(
        long_name.strip())
    heading = page.detail.heading
    assert heading.full_text() == long_name.strip() and heading.toolTip() == heading.full_text()
    assert heading.shown_text().endswith("…")
    assert window.minimumSizeHint().width() < 1100
    assert page.detail.width() <= window.width()


def test_state_is_saved_and_restored(window, qtbot, tmp_path):
    seed(window.journal)
    page = open_page(window, qtbot)
    page.splitter.setSizes([320, 800])
    saved = page.splitter.sizes()
    page.choice.setChecked(True)
    page.sort_by.setCurrentIndex(2)
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    page.save_state(settings)
    page.choice.setChecked(False)
    page.sort_by.setCurrentIndex(0)
    page.splitter.setSizes([400, 650])
    page.restore_state(settings)
    assert page.splitter.sizes() == saved
    assert page.choice.isChecked() and page.sort_by.currentIndex() == 2


def test_list_model_passes_the_model_tester(window, qtbot, qtmodeltester):
    journal = window.journal
    for name in ("Ana", "Bo", "Cy"):
        m = seed(journal, name)
        journal.create("goal", mentorship_id=m.id, started_on=TODAY)
    page = open_page(window, qtbot)
    qtmodeltester.check(page.model)
    qtmodeltester.check(page.proxy)
    qtmodeltester.check(page.detail.goals.model)


def _mnemonics(window) -> list[str]:
    """The Alt+letter keys of every visible label, button and menu in the window."""
    from PySide6.QtWidgets import QAbstractButton, QLabel

    keys = [a.text().split("&")[1][0].lower() for a in window.menuBar().actions() if
            "&" in a.text()]
    for widget in window.findChildren(QLabel) + window.findChildren(QAbstractButton):
        text = widget.text().replace("&&", "")
        if "&" in text and widget.isVisibleTo(window) and (
                not isinstance(widget, QLabel) or widget.buddy() is not None):
            keys.append(text.split("&")[1][0].lower())
    return keys


def test_every_visible_mnemonic_is_unique_on_every_tab(window, qtbot):
    m = seed(window.journal)
    goal = window.journal.create("goal", mentorship_id=m.id, started_on=TODAY)
    window.journal.create("check_in", goal_id=goal.id, on_date=TODAY)
    window.journal.create("mentoring_session", mentorship_id=m.id, on_date=TODAY)
    page = open_page(window, qtbot)
    page.detail.sessions.coach.set_open(True)
    for tab in (GOALS_TAB, SESSIONS_TAB, MENTORSHIP_TAB):
        page.detail.tabs.setCurrentIndex(tab)
        keys = _mnemonics(window)
        assert len(keys) == len(set(keys)), (tab, sorted(keys))
        assert len(keys) > 8


def test_empty_goals_and_sessions_say_how_to_start(window, qtbot):
    seed(window.journal)
    page = open_page(window, qtbot)
    goals = page.detail.goals
    assert goals.empty_hint.isVisible() and not goals.table.isVisible()
    assert "No goals yet" in goals.empty_hint.text()
    assert not page.detail.goal_area.isVisible() and not page.detail.check_ins.isVisible()
    page.detail.tabs.setCurrentIndex(SESSIONS_TAB)
    assert "No sessions logged yet" in page.detail.sessions.empty_hint.text()
    assert not page.detail.session_area.isVisible()
    page.detail.tabs.setCurrentIndex(GOALS_TAB)
    click(qtbot, goals.new_button)
    assert goals.table.isVisible() and page.detail.goal_area.isVisible()
    assert page.detail.check_ins.empty_hint.isVisible()


def test_header_sort_keeps_the_selected_mentee(window, qtbot, qtmodeltester):
    journal = window.journal
    for name, contact in (("Ana", -30), ("Bo", -2), ("Cy", -10)):
        m = seed(journal, name)
        journal.create("mentoring_session", mentorship_id=m.id, on_date=days(contact))
    window.resize(1100, 720)  # an 800-pixel list hides "Last contact" to keep the names
    page = open_page(window, qtbot)
    bo = next(r.id for r in page.model.rows if r.mentee_name == "Bo")
    page.md.show(bo)
    header = page.table.horizontalHeader()
    x = header.sectionViewportPosition(2) + 5
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(x, 5))
    names = [page.proxy.index(r, 0).data() for r in range(3)]
    assert names in (["Ana", "Cy", "Bo"], ["Bo", "Cy", "Ana"])  # longest ago first, or reversed
    assert page.current_id() == bo and page.detail.heading.full_text() == "Bo"
    qtmodeltester.check(page.proxy)


def test_every_control_is_reachable_with_tab(window, qtbot):
    m = seed(window.journal)
    goal = window.journal.create("goal", mentorship_id=m.id, started_on=TODAY)
    window.journal.create("check_in", goal_id=goal.id, on_date=TODAY)
    page = open_page(window, qtbot)
    page.search.setFocus()
    seen = []
    for _ in range(80):
        widget = window.focusWidget()
        seen.append(widget)
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
    detail, goals, check_ins = page.detail, page.detail.goals, page.detail.check_ins
    wanted = [page.search, page.sort_by, page.choice,
              page.table, page.new_button, detail.end_button,
              detail.delete_button, goals.table, goals.new_button, goals.outcome,
              goals.success_signal, goals.started, goals.status, check_ins.new_button,
              check_ins.progress, check_ins.health, check_ins.next_step, check_ins.table]
    missing = [w.objectName() or type(w).__name__ for w in wanted if w not in seen
               and w.focusProxy() not in seen]
    assert not missing
    # The mentee list comes before the detail, and the goal before its check-ins.
    assert seen.index(page.table) < seen.index(goals.outcome)
    assert seen.index(goals.outcome) < seen.index(check_ins.progress)


def test_picking_an_existing_person_does_not_duplicate_them(window, qtbot):
    window.journal.create("person", name="Dee Ray")
    page = open_page(window, qtbot)
    page.new_record()
    qtbot.keyClicks(page.add_dialog.mentee.lineEdit(), "dee ray")
    click(qtbot, page.add_dialog.add_button)
    assert [p.name for p in window.journal.list("person")] == ["Dee Ray"]
    assert page.detail.heading.full_text() == "Dee Ray"


def test_ended_mentorships_are_read_when_first_needed(window, qtbot):
    journal = window.journal
    ana = seed(journal, "Ana Lima")
    old = seed(journal, "Bo Chen", ended_on=days(-1))
    page = open_page(window, qtbot)
    # Only the current ones are read on opening; what shows is the same.
    assert [r.id for r in page.model.rows] == [ana.id]
    assert [page.proxy.index(r, 0).data() for r in range(page.proxy.rowCount())] == [
        "Ana Lima"]

    click(qtbot, page.choice)  # ticking "Show ended" reads them
    assert {r.id for r in page.model.rows} == {ana.id, old.id}
    assert [page.proxy.index(r, 0).data() for r in range(2)] == ["Ana Lima", "Bo Chen"]
    assert page.proxy.index(1, 1).data() == "ended"
    assert page.detail.mentorship_id == ana.id  # the selection stays

    click(qtbot, page.choice)  # hidden again, and no longer read
    journal.create("goal", mentorship_id=ana.id, started_on=days(-1))
    assert page.proxy.rowCount() == 1 and [r.id for r in page.model.rows] == [ana.id]


def test_asking_for_an_ended_mentorship_reads_them(window, qtbot):
    journal = window.journal
    seed(journal, "Ana Lima")
    old = seed(journal, "Bo Chen", ended_on=days(-1))
    page = open_page(window, qtbot)
    assert old.id not in [r.id for r in page.model.rows]
    assert page.md.show(old.id)
    assert page.detail.mentorship_id == old.id and page.choice.isChecked()


def test_a_journal_of_ended_mentorships_only_is_not_empty(window, qtbot):
    seed(window.journal, "Bo Chen", ended_on=days(-1))
    page = open_page(window, qtbot)
    assert page.stack.currentWidget() is page.splitter  # not the invitation to start
    assert page.detail.mentorship_id is None
    click(qtbot, page.choice)
    assert page.proxy.rowCount() == 1
