"""The Checklist page driven as a user drives it: open a gap, fix the record in its editor, see
the gap leave without any refresh, go Back; snooze and wake; thresholds in Preferences."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QDialog

from journal.ui.checklist.model import FINDING_ROLE, KEY_ROLE, SNOOZED_ROLE


def page_of(window):
    return window.pages["checklist"]


def find_index(page, code: str, record_id: int | None = None):
    """The list index of the first gap (or snoozed gap, or hint) with `code`."""
    model = page.model
    for row in range(model.rowCount()):
        finding = model.index(row).data(FINDING_ROLE)
        if finding is not None and finding.code == code and record_id in (None, finding.id):
            return model.index(row)
    return None


def open_codes(page) -> set[tuple[str, int]]:
    return {(g.code, g.id) for r in page.checklist.rules for g in r.gaps}


@pytest.fixture
def mentee_goal(window):
    """A mentee (me as mentor) with one active goal that has no target date."""
    journal = window.journal
    person = journal.create("person", name="Priya Natarajan")
    mentorship = journal.create("mentorship", mentee_id=person.id, mentor_is_me=True,
                                started_on=dt.date.today() - dt.timedelta(days=20))
    goal = journal.create("goal", mentorship_id=mentorship.id, started_on=dt.date.today(),
                          outcome="Lead the next storage failover drill end to end",
                          target_on=None)
    return goal


def test_open_a_gap_fix_it_in_its_editor_and_go_back(window, qtbot, mentee_goal):
    page = page_of(window)
    assert window.current_page_key == "checklist"
    assert ("goal_no_target", mentee_goal.id) in open_codes(page)  # no refresh asked for
    assert window.sidebar.item(5).text().endswith("(1)")

    index = find_index(page, "goal_no_target", mentee_goal.id)
    page.tree.setFocus()
    page.tree.setCurrentIndex(index)
    qtbot.keyClick(page.tree, Qt.Key.Key_Return)

    mentoring = window.pages["mentoring"]
    assert window.current_page_key == "mentoring"
    goals = mentoring.detail.goals
    assert goals.form.record.id == mentee_goal.id
    qtbot.waitUntil(lambda: QApplication.focusWidget() is goals.target)
    assert window.back_bar.isVisible()

    target = dt.date.today() + dt.timedelta(days=60)
    goals.target.setDate(QDate(target.year, target.month, target.day))  # as the user picks it
    qtbot.waitUntil(lambda: ("goal_no_target", mentee_goal.id) not in open_codes(page),
                    timeout=3000)
    assert page.checklist.all_hold
    assert window.sidebar.item(5).text() == "Checklist"

    qtbot.keyClick(window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.current_page_key == "checklist"
    assert not window.back_bar.isVisible()
    assert QApplication.focusWidget() is page.tree


def test_back_returns_to_the_gap_it_left(window, qtbot, mentee_goal):
    journal = window.journal
    lonely = journal.create("person", name="Zoë Lefèvre")
    journal.create("mentorship", mentee_id=lonely.id, started_on=dt.date.today())
    page = page_of(window)
    index = find_index(page, "no_mentor")
    key = index.data(KEY_ROLE)
    assert page.open_index(index)
    assert window.current_page_key == "mentoring"
    mentor = window.pages["mentoring"].detail.editor.mentor
    qtbot.waitUntil(lambda: mentor.isAncestorOf(QApplication.focusWidget())
                    or QApplication.focusWidget() is mentor)
    qtbot.mouseClick(window.back_bar.button, Qt.MouseButton.LeftButton)
    assert window.current_page_key == "checklist"
    assert page.tree.currentIndex().data(KEY_ROLE) == key


def test_a_feedback_gap_puts_the_cursor_in_the_missing_part(window, qtbot):
    journal = window.journal
    amara = journal.create("person", name="Amara Okafor")
    draft = journal.create("feedback_draft", recipient_id=amara.id,
                           situation="In Tuesday's review", behavior="You asked about rollback.")
    page = page_of(window)
    index = find_index(page, "feedback_missing", draft.id)
    assert index.data(FINDING_ROLE).field == "impact"
    qtbot.mouseClick(page.tree.viewport(), Qt.MouseButton.LeftButton,
                     pos=page.tree.visualRect(index).center())
    assert window.current_page_key == "feedback"
    editor = window.pages["feedback"].drafts.editor
    assert editor.record.id == draft.id
    qtbot.waitUntil(lambda: QApplication.focusWidget() is editor.parts["impact"])
    qtbot.keyClicks(editor.parts["impact"], "We caught the bad migration before it shipped.")
    qtbot.waitUntil(lambda: ("feedback_missing", draft.id) not in open_codes(page), timeout=3000)


def test_a_partner_team_gap_opens_the_team_with_its_contact_field_focused(window, qtbot):
    team = window.journal.create("partner_team", name="Network operations")
    page = page_of(window)
    index = find_index(page, "team_no_contact_person", team.id)
    assert index is not None
    assert page.open_index(index)
    assert window.current_page_key == "partners"
    assert window.page("partners").current_id() == team.id
    assert window.back_bar.isVisible()


def test_snooze_a_gap_with_a_reason_then_bring_it_back(window, qtbot, monkeypatch, mentee_goal):
    from journal.ui.checklist import snooze as snooze_ui

    def accept(dialog):
        dialog.reason.setText("Waiting for the planning offsite to set dates")
        dialog.set_days(14)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(snooze_ui.SnoozeDialog, "exec", accept)
    page = page_of(window)
    page.tree.setCurrentIndex(find_index(page, "goal_no_target"))
    assert page.snooze_button.isEnabled() and not page.wake_button.isEnabled()
    page.snooze_button.click()
    mentoring = page.checklist.result("mentoring")
    assert mentoring.holds
    (held,) = mentoring.snoozed
    assert held.reason == "Waiting for the planning offsite to set dates"
    assert held.until_on == dt.date.today() + dt.timedelta(days=14)
    assert "1 snoozed" in page.summary.text()
    assert window.sidebar.item(5).text() == "Checklist"

    index = find_index(page, "goal_no_target")
    assert index.data(SNOOZED_ROLE) is not None
    assert "back on" in index.data() and "planning offsite" in index.data()
    page.tree.setCurrentIndex(index)
    assert page.wake_button.isEnabled()
    page.wake_button.click()
    assert ("goal_no_target", mentee_goal.id) in open_codes(page)


def test_a_snooze_ends_on_its_day(window, mentee_goal):
    from journal.ops.checklist import snooze

    page = page_of(window)
    gap = page.checklist.result("mentoring").gaps[0]
    snooze(window.journal, gap, dt.date.today() + dt.timedelta(days=2), "offsite")
    assert page.checklist.result("mentoring").holds
    page.today = lambda: dt.date.today() + dt.timedelta(days=2)
    page.refresh()
    assert not page.checklist.result("mentoring").holds


def test_a_threshold_changed_in_preferences_updates_the_page_at_once(window, qtbot):
    from journal.ui.preferences import PreferencesDialog

    journal = window.journal
    lead = journal.create("person", name="Kwame Mensah")
    team = journal.create("partner_team", name="Storage", contact_id=lead.id)
    journal.create("partner_contact", team_id=team.id,
                   on_date=dt.date.today() - dt.timedelta(days=100))
    page = page_of(window)
    assert ("team_no_calm_contact", team.id) in open_codes(page)
    dialog = PreferencesDialog(window._context(), window)
    qtbot.addWidget(dialog)
    dialog.spins["partner_contact_days"].setValue(100)
    qtbot.waitUntil(lambda: ("team_no_calm_contact", team.id) not in open_codes(page),
                    timeout=3000)  # saved after the typing pause, then shown at once
    assert journal.setting("threshold.partner_contact_days") == 100
    dialog.spins["partner_contact_days"].setValue(99)
    window.saver.flush()  # as leaving the field or closing the dialog does
    assert ("team_no_calm_contact", team.id) in open_codes(page)


def test_vague_labels_edited_in_preferences(window, qtbot):
    from journal.ui.preferences import PreferencesDialog

    journal = window.journal
    amara = journal.create("person", name="Amara Okafor")
    draft = journal.create("feedback_draft", recipient_id=amara.id, situation="At the demo",
                           behavior="Ship it!", impact="The launch went out on time.")
    page = page_of(window)
    assert ("feedback_vague", draft.id) not in open_codes(page)
    dialog = PreferencesDialog(window._context(), window)
    qtbot.addWidget(dialog)
    dialog.vague.appendPlainText("ship it")
    window.saver.flush()
    assert ("feedback_vague", draft.id) in open_codes(page)
    dialog.reset_vague.click()
    assert journal.setting("checklist.vague_labels") is None
    assert ("feedback_vague", draft.id) not in open_codes(page)


def test_hints_are_listed_apart(window, mentee_goal):
    journal = window.journal
    mentorship_id = journal.get("goal", mentee_goal.id).mentorship_id
    for n in (2, 9):
        journal.create("mentoring_session", mentorship_id=mentorship_id, during_incident=True,
                       on_date=dt.date.today() - dt.timedelta(days=n))
    page = page_of(window)
    model = page.model
    last = model.index(model.rowCount() - 1)
    assert last.data(FINDING_ROLE).code == "hero_call"
    assert model.index(model.rowCount() - 2).data(KEY_ROLE) == ("hints",)
    assert page.checklist.open_gaps == 1  # hints never count


def test_the_sample_journal_opens_on_the_full_checklist(sample_window, qtbot):
    page = page_of(sample_window)
    assert not page.showing_welcome
    assert page.checklist.open_gaps >= 15
    assert sample_window.sidebar.item(5).text() == f"Checklist  ({page.checklist.open_gaps})"
    headings = [row.value.rule.id for row in page.model.rows if row.what == "rule"]
    assert headings == ["mentoring", "design-reviews", "feedback", "roadmap", "conflicts",
                        "partner-teams"]
    assert page.model.index(0).data().startswith(
        "▾ Every mentee has a named mentor and a concrete goal — ")


def test_the_checklist_is_computed_off_the_ui_thread(window, qtbot, monkeypatch, mentee_goal):
    import threading

    from journal.store import checklist_run
    from journal.ui.query_runner import QueryRunner

    monkeypatch.setattr(QueryRunner, "synchronous", False)
    threads = []
    real = checklist_run.recompute

    def spy(*args, **kwargs):
        threads.append(threading.current_thread())
        return real(*args, **kwargs)

    monkeypatch.setattr(checklist_run, "recompute", spy)
    page = page_of(window)
    with qtbot.waitSignal(page.updated, timeout=5000):
        window.journal.update("goal", mentee_goal.id, target_on=dt.date.today())
    assert threads and threads[-1] is not threading.main_thread()
    assert ("goal_no_target", mentee_goal.id) not in open_codes(page)


def test_welcome_on_an_empty_journal_and_the_checklist_once_it_has_data(window):
    page = page_of(window)
    assert page.showing_welcome
    window.journal.create("person", name="Ana")
    assert not page.showing_welcome
    assert page.checklist.all_hold
    assert "6 of 6 rules hold" in page.summary.text()


def test_headings_fold_and_unfold_from_the_keyboard(window, qtbot, mentee_goal):
    page = page_of(window)
    page.tree.setFocus()
    gap = find_index(page, "goal_no_target")
    page.tree.setCurrentIndex(gap)
    qtbot.keyClick(page.tree, Qt.Key.Key_Left)  # from a gap to its rule
    assert page.tree.currentIndex().row() == 0
    qtbot.keyClick(page.tree, Qt.Key.Key_Left)  # folds the rule
    assert find_index(page, "goal_no_target") is None
    assert page.model.index(0).data().startswith("▸ ")
    qtbot.keyClick(page.tree, Qt.Key.Key_Right)
    assert find_index(page, "goal_no_target") is not None
    qtbot.keyClick(page.tree, Qt.Key.Key_Return)  # Enter on a heading folds it too
    assert find_index(page, "goal_no_target") is None
    assert window.current_page_key == "checklist"


def test_the_model_passes_the_model_tester(window, qtmodeltester, mentee_goal):
    qtmodeltester.check(page_of(window).model)


def test_a_long_rule_lists_its_first_gaps_then_all_when_asked(window, qtbot, monkeypatch):
    from journal.ui.checklist import model as model_module

    monkeypatch.setattr(model_module, "SHOWN", 3)
    journal = window.journal
    teams = [journal.create("partner_team", name=f"Team {n}", contact_id=None) for n in range(3)]
    page = page_of(window)
    gaps = page.checklist.result("partner-teams").gaps
    assert len(gaps) == 6  # no contact person, never contacted: two each
    texts = [page.model.index(r).data() for r in range(page.model.rowCount())]
    assert "Show all 6 gaps…" in texts
    assert sum(1 for r in page.model.rows if r.what == "gap") == 3
    more = page.model.index(texts.index("Show all 6 gaps…"))
    page.tree.setFocus()
    page.tree.setCurrentIndex(more)
    qtbot.keyClick(page.tree, Qt.Key.Key_Return)
    assert sum(1 for r in page.model.rows if r.what == "gap") == 6
    assert page.tree.currentIndex().data(FINDING_ROLE) is not None
    assert window.current_page_key == "checklist" and len(teams) == 3


def test_the_checklist_is_the_opening_page_once_the_journal_has_data(journal, tmp_path):
    from PySide6.QtCore import QSettings

    from journal.ui.app import opening_page

    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    settings.setValue("window/page", "feedback")
    assert opening_page(settings, journal) == "feedback"  # empty: where it was left
    journal.create("person", name="Ana")
    assert opening_page(settings, journal) == "checklist"
    settings.setValue("window/page", "no-such-page")
    assert opening_page(settings, None) == "checklist"


def test_an_edit_runs_only_the_rules_that_read_what_changed(window, monkeypatch, mentee_goal):
    from journal.store import checklist_run

    page = page_of(window)
    ran: list[str] = []
    for rule, finder in list(checklist_run._FINDERS.items()):
        def spy(*args, _rule=rule, _finder=finder):
            ran.append(_rule)
            return _finder(*args)

        monkeypatch.setitem(checklist_run._FINDERS, rule, spy)
    window.journal.update("goal", mentee_goal.id, target_on=dt.date.today())
    assert sorted(ran) == ["mentoring"]
    assert page.checklist.all_hold
    ran.clear()
    window.journal.set_setting("threshold.feedback_stale_days", 30)
    assert sorted(ran) == sorted(checklist_run._FINDERS)  # a threshold can move any rule
    ran.clear()
    page.today = lambda: dt.date.today() + dt.timedelta(days=1)
    page.refresh()
    assert sorted(ran) == sorted(checklist_run._FINDERS)  # a new day moves every date
