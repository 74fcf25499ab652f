"""Issue 10's defects on the Mentoring and Feedback pages: empty editors, a window that keeps
its size, lines that show their start, editors that are not cramped, the retro buckets, the
mentee column, the check-in stored on its first edit."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication, QLineEdit

from journal.ui.pages import PAGES

TODAY = dt.date.today()
LONG = "Run the next failover game day for the payments cluster as incident commander, " * 3


def settle(qtbot, ms=30):
    qtbot.wait(ms)
    QApplication.processEvents()


def mentee(journal, name="Ana Lima", team=""):
    person = journal.create("person", name=name, team=team)
    return journal.create("mentorship", mentee_id=person.id, mentor_is_me=True,
                          started_on=TODAY - dt.timedelta(days=30))


# -- 2: an empty or disabled editor never shows the previous record ------------------------------
def test_a_new_draft_shows_nothing_of_the_previous_one(window, qtbot):
    dana = window.journal.create("person", name="Dana")
    window.journal.create("feedback_draft", recipient_id=dana.id, situation="At the demo",
                          behavior="You cut the agenda to two items", impact="We ended early")
    drafts = window.show_page("feedback").drafts
    assert drafts.editor.parts["behavior"].toPlainText() == "You cut the agenda to two items"
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert drafts.editor.pending_new
    assert [edit.toPlainText() for edit in drafts.editor.parts.values()] == ["", "", ""]
    assert drafts.editor.picker.currentText() == ""


def test_a_new_mentees_empty_panels_show_nothing_of_another(window, qtbot):
    journal = window.journal
    ana = mentee(journal)
    goal = journal.create("goal", mentorship_id=ana.id, started_on=TODAY, outcome="Lead a drill",
                          success_signal="Calm room")
    journal.create("check_in", goal_id=goal.id, on_date=TODAY, progress="Booked the slot",
                   next_step="Write the runbook")
    page = window.show_page("mentoring")
    detail = page.detail
    assert detail.check_ins.progress.toPlainText() == "Booked the slot"
    bo = mentee(journal, "Bo Chen")
    page.md.show(bo.id)
    check_ins, goals = detail.check_ins, detail.goals
    assert not check_ins.progress.isEnabled()
    assert (check_ins.progress.toPlainText(), check_ins.next_step.text()) == ("", "")
    assert (goals.outcome.toPlainText(), goals.success_signal.toPlainText()) == ("", "")
    page.md.show(ana.id)
    detail.editor.load(None)  # the mentorship editor emptied: no name, team or mentor left
    assert (detail.editor.name.text(), detail.editor.mentor.currentText()) == ("", "")


# -- 3: no action resizes the window -------------------------------------------------------------
def test_no_action_resizes_the_window(window, qtbot):
    journal = window.journal
    dana = journal.create("person", name="Dana Whitfield-Oyelaran", team="Observability")
    journal.create("feedback_draft", recipient_id=dana.id, behavior="You wrote it down")
    ana = mentee(journal)
    goal = journal.create("goal", mentorship_id=ana.id, started_on=TODAY)
    journal.create("retro", subject="Sprint 42", held_on=TODAY)
    for key in ("mentoring", "feedback", "reflections"):
        window.show_page(key)
    settle(qtbot)
    window.resize(window.minimumSizeHint().width(), 700)  # any widening would show now
    settle(qtbot)
    width = window.width()

    feedback = window.show_page("feedback")
    settle(qtbot)
    qtbot.mouseClick(feedback.drafts.editor.deliver_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert journal.list("feedback_draft")[0].status == "delivered"
    assert feedback.drafts.editor.delivered_on.isVisible()
    assert window.width() == width
    feedback.drafts.new_record()
    feedback.tabs.setCurrentIndex(1)
    settle(qtbot)
    assert window.width() == width
    mentoring = window.show_page("mentoring")
    mentoring.choice.setChecked(True)
    mentoring.detail.goals.select(goal.id)
    qtbot.mouseClick(mentoring.detail.check_ins.new_button, Qt.MouseButton.LeftButton)
    for tab in range(3):
        mentoring.detail.tabs.setCurrentIndex(tab)
        settle(qtbot)
    window.show_page("reflections").new_record()
    settle(qtbot)
    assert window.width() == width


# -- 4: a long single line shows its start -------------------------------------------------------
def test_long_single_lines_show_their_start(window, qtbot):
    journal = window.journal
    long_name = "Mateus Oliveira de Albuquerque Cavalcanti"
    person = journal.create("person", name=long_name, team="Observability and Reliability")
    journal.create("feedback_draft", recipient_id=person.id)
    journal.create("retro", subject="Q3 storage migration: " + LONG, held_on=TODAY)
    feedback = window.show_page("feedback")
    picker = feedback.drafts.editor.picker.lineEdit()
    assert picker.text().startswith(long_name) and picker.cursorPosition() == 0
    feedback.tabs.setCurrentIndex(1)
    subject = feedback.retros.editor.subject
    assert subject.text().startswith("Q3 storage") and subject.cursorPosition() == 0
    mentorship = journal.create("mentorship", mentee_id=person.id, mentor_is_me=True,
                                started_on=TODAY)
    mentoring = window.show_page("mentoring")
    window.show_record("mentorship", mentorship.id)
    for line in (mentoring.detail.editor.name, mentoring.detail.editor.team):
        assert isinstance(line, QLineEdit) and line.cursorPosition() == 0


# -- 5: editors that are not cramped, from an 800-pixel window -----------------------------------
def test_the_window_can_be_about_800_pixels_wide_with_every_page(sample_window, qtbot):
    for spec in PAGES:
        sample_window.show_page(spec.key)
    sample_window.page("feedback").tabs.setCurrentIndex(1)
    settle(qtbot)
    assert sample_window.minimumSizeHint().width() <= 800


def test_the_goal_never_scrolls_sideways_and_its_fields_never_scroll_in_it(window, qtbot):
    journal = window.journal
    ana = mentee(journal)
    journal.create("goal", mentorship_id=ana.id, started_on=TODAY, outcome=LONG,
                   success_signal=LONG)
    page = window.show_page("mentoring")
    detail = page.detail
    for size in ((1100, 720), (1100, 600), (800, 600)):  # the default size, 600 tall, narrow
        window.resize(*size)
        settle(qtbot, 60)
        area = detail.goal_area
        assert detail.goal_box.minimumSizeHint().width() <= area.viewport().width(), size
        assert area.horizontalScrollBar().maximum() == 0
        for box in (detail.goals.outcome, detail.goals.success_signal):
            assert box.verticalScrollBar().maximum() == 0, size  # only the form scrolls


def test_text_fields_show_whole_lines_and_take_the_room(window, qtbot):
    journal = window.journal
    ana = mentee(journal)
    goal = journal.create("goal", mentorship_id=ana.id, started_on=TODAY)
    journal.create("check_in", goal_id=goal.id, on_date=TODAY, progress=LONG)
    page = window.show_page("mentoring")
    window.resize(1100, 720)
    settle(qtbot, 60)
    progress = page.detail.check_ins.progress
    margins = progress.contentsMargins()
    shown = (progress.viewport().height() - round(progress.document().documentMargin()))
    assert progress.verticalScrollBar().maximum() > 0  # more text than fits: then...
    assert shown % QFontMetrics(progress.font()).lineSpacing() == 0  # ...no line shows cut
    assert margins.top() >= 0
    page.detail.tabs.setCurrentIndex(2)
    settle(qtbot, 60)
    notes = page.detail.editor.notes
    assert notes.height() > notes.height_for(4) + 60  # not four lines above empty space


# -- 9: the retro buckets --------------------------------------------------------------------------
def test_only_the_chosen_bucket_marks_its_item_and_the_item_editor_is_framed(window, qtbot):
    from journal.store.retros import insert_item

    journal = window.journal
    retro = journal.create("retro", subject="Sprint 42", held_on=TODAY)
    for position, bucket in enumerate(("continue", "start", "stop")):
        insert_item(journal, retro.id, bucket, 0, f"{bucket} {position}")
    feedback = window.show_page("feedback")
    feedback.tabs.setCurrentIndex(1)
    editor = feedback.retros.editor
    for bucket_list in editor.buckets.values():
        bucket_list.setCurrentRow(0)
    editor.buckets["stop"].setFocus()
    settle(qtbot)
    marked = [b for b, bucket_list in editor.buckets.items() if bucket_list.selectedItems()]
    assert marked == ["stop"] and editor.chosen_item_id() == editor.buckets["stop"].current_id()
    start = editor.buckets["start"]
    start.setFocus()
    start.editItem(start.item(0))
    line = QApplication.focusWidget()
    assert isinstance(line, QLineEdit) and line.hasFrame()
    assert [b for b, bucket_list in editor.buckets.items() if bucket_list.selectedItems()] == [
        "start"]


# -- 13: smaller things ----------------------------------------------------------------------------
def test_the_mentee_column_is_not_cut_in_a_wide_window(sample_window, qtbot):
    page = sample_window.show_page("mentoring")
    sample_window.resize(1400, 900)
    settle(qtbot, 60)
    names = [row.mentee_name for row in page.model.rows]
    widest = max(QFontMetrics(page.table.font()).horizontalAdvance(n) for n in names)
    assert page.table.columnWidth(0) >= widest + 8


def test_log_check_in_stores_nothing_until_something_is_typed(window, qtbot):
    journal = window.journal
    ana = mentee(journal)
    journal.create("goal", mentorship_id=ana.id, started_on=TODAY)
    page = window.show_page("mentoring")
    check_ins = page.detail.check_ins
    qtbot.mouseClick(check_ins.new_button, Qt.MouseButton.LeftButton)
    assert check_ins.progress.isEnabled() and check_ins.progress.toPlainText() == ""
    window.saver.flush()
    assert journal.list("check_in") == []  # untouched: nothing stored
    page.detail.tabs.setCurrentIndex(1)  # and leaving it keeps nothing
    page.detail.tabs.setCurrentIndex(0)
    window.saver.flush()
    assert journal.list("check_in") == []

    qtbot.mouseClick(check_ins.new_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(check_ins.progress, "Booked the slot")
    window.saver.flush()
    [stored] = journal.list("check_in")
    assert (stored.progress, stored.on_date) == ("Booked the slot", TODAY)
    assert check_ins.current().id == stored.id and check_ins.progress.hasFocus()
    assert check_ins.progress.toPlainText() == "Booked the slot"


def test_a_narrow_window_keeps_the_mentees_name_in_sight(sample_window, qtbot):
    page = sample_window.show_page("mentoring")
    for width in (800, 1400):
        sample_window.resize(width, 600)
        settle(qtbot, 60)
        heading = page.detail.heading
        assert heading.full_text() and heading.shown_text() == heading.full_text(), width
