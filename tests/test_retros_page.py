"""Continue / Start / Stop retros on the Feedback page, from the keyboard."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLineEdit

from journal.store.journal import open_journal
from journal.store.retros import bucket_items
from journal.ui.feedback import follow_up
from journal.ui.kit import deleting


@pytest.fixture
def retros(window):
    page = window.show_page("feedback")
    page.tabs.setCurrentIndex(1)
    return page.retros


def _type_items(qtbot, bucket_list, texts):
    bucket_list.setFocus()
    qtbot.keyClick(bucket_list, Qt.Key.Key_Return)
    for text in texts:
        editor = QApplication.focusWidget()
        assert isinstance(editor, QLineEdit)
        qtbot.keyClicks(editor, text)
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        # Enter stores the text, then opens the next item's editor.
        qtbot.waitUntil(lambda e=editor: isinstance(QApplication.focusWidget(), QLineEdit)
                        and QApplication.focusWidget() is not e)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    qtbot.wait(10)


def _stored(journal, retro_id, bucket):
    items = bucket_items(journal, retro_id, bucket)
    assert [i.position for i in items] == list(range(len(items)))
    return [i.text for i in items]


def _new_retro(window, qtbot, retros, subject="Q3 storage migration"):
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert retros.editor.subject.hasFocus()
    qtbot.keyClicks(retros.editor.subject, subject)
    return retros.editor


def test_empty_state_then_a_retro_typed_bucket_by_bucket(window, retros, qtbot):
    assert retros.stack.currentWidget() is retros.empty
    editor = _new_retro(window, qtbot, retros)
    retro_id = editor.record.id
    _type_items(qtbot, editor.buckets["continue"], ["pair on risky changes", "write it down"])
    _type_items(qtbot, editor.buckets["start"], ["rehearse the rollback"])
    _type_items(qtbot, editor.buckets["stop"], ["paging on warnings", "Friday deploys",
                                                "long standups"])
    journal = window.journal
    assert _stored(journal, retro_id, "continue") == ["pair on risky changes", "write it down"]
    assert _stored(journal, retro_id, "start") == ["rehearse the rollback"]
    assert _stored(journal, retro_id, "stop") == ["paging on warnings", "Friday deploys",
                                                  "long standups"]
    assert editor.buckets["stop"].count() == 3  # the blank left by the last Enter is gone
    window.saver.flush()
    assert journal.get("retro", retro_id).subject == "Q3 storage migration"
    assert retros.model.rows[retros.model.row_of(retro_id)].item_count == 6

    # Alt+Up / Alt+Down move the chosen item; positions stay 0, 1, 2.
    stop = editor.buckets["stop"]
    stop.setFocus()
    stop.setCurrentRow(2)
    qtbot.keyClick(stop, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(stop, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert _stored(journal, retro_id, "stop") == ["long standups", "paging on warnings",
                                                  "Friday deploys"]
    qtbot.keyClick(stop, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert _stored(journal, retro_id, "stop") == ["paging on warnings", "long standups",
                                                  "Friday deploys"]
    assert stop.currentItem().text() == "long standups"

    # Enter on a chosen item opens a new one right after it.
    _type_items(qtbot, stop, ["status pages by hand"])
    assert _stored(journal, retro_id, "stop") == ["paging on warnings", "long standups",
                                                  "status pages by hand", "Friday deploys"]


def test_editing_and_removing_items(window, retros, qtbot):
    editor = _new_retro(window, qtbot, retros)
    _type_items(qtbot, editor.buckets["start"], ["a", "b"])
    start = editor.buckets["start"]
    start.setCurrentRow(0)
    qtbot.keyClick(start, Qt.Key.Key_F2)
    line = QApplication.focusWidget()
    line.selectAll()
    qtbot.keyClicks(line, "write runbooks first")
    qtbot.keyClick(start, Qt.Key.Key_Tab)  # leaving the editor keeps the text
    qtbot.wait(10)
    assert _stored(window.journal, editor.record.id, "start")[0] == "write runbooks first"
    start.setFocus()
    start.setCurrentRow(1)
    qtbot.keyClick(start, Qt.Key.Key_Delete)
    assert _stored(window.journal, editor.record.id, "start") == ["write runbooks first"]
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _stored(window.journal, editor.record.id, "start") == ["write runbooks first", "b"]


def _answer_dialog(name):
    """Type a name into the person dialog as soon as it is open, then press OK."""
    def answer():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, follow_up.PersonDialog):
            QTimer.singleShot(10, answer)
            return
        dialog.picker.lineEdit().setText(name)
        dialog.picker.editTextChanged.emit(name)
        assert dialog.ok.isEnabled()
        dialog.ok.click()
    QTimer.singleShot(0, answer)


def test_an_item_becomes_a_feedback_draft(window, retros, qtbot):
    editor = _new_retro(window, qtbot, retros)
    _type_items(qtbot, editor.buckets["continue"], ["you wrote the runbook before launch"])
    editor.buckets["continue"].setCurrentRow(0)
    _answer_dialog("Dana")
    qtbot.mouseClick(editor.to_feedback, Qt.MouseButton.LeftButton)
    [draft] = window.journal.list("feedback_draft")
    assert window.journal.get("person", draft.recipient_id).name == "Dana"
    assert draft.behavior == "you wrote the runbook before launch"
    assert "Q3 storage migration" in draft.situation
    assert draft.polarity == "reinforcing"
    page = window.page("feedback")
    assert page.tabs.currentWidget() is page.drafts
    assert page.drafts.editor.record.id == draft.id


def test_an_item_becomes_a_goal_only_with_an_active_mentorship(window, retros, qtbot,
                                                               monkeypatch):
    explained, opened = [], []
    monkeypatch.setattr(follow_up, "explain_no_mentorship", lambda _p, n: explained.append(n))
    monkeypatch.setattr(follow_up, "offer_to_open", lambda _p, _t: True)
    monkeypatch.setattr(window, "show_record", lambda k, i: opened.append((k, i)))
    retros.ctx = retros.ctx._replace(show_record=window.show_record)
    journal = window.journal
    editor = _new_retro(window, qtbot, retros)
    _type_items(qtbot, editor.buckets["start"], ["lead one incident review"])
    editor.buckets["start"].setCurrentRow(0)
    _answer_dialog("Eli")
    qtbot.mouseClick(editor.to_goal, Qt.MouseButton.LeftButton)
    assert explained == ["Eli"] and journal.count("goal") == 0

    eli = journal.list("person", name="Eli")[0]
    journal.create("mentorship", mentee_id=eli.id, mentor_is_me=True,
                   started_on=dt.date.today() - dt.timedelta(days=30))
    _answer_dialog("Eli")
    qtbot.mouseClick(editor.to_goal, Qt.MouseButton.LeftButton)
    [goal] = journal.list("goal")
    assert goal.outcome == "lead one incident review"
    assert goal.started_on == dt.date.today()
    assert opened == [("goal", goal.id)]


def test_search_delete_and_show_record(window, retros, qtbot, monkeypatch):
    asked = []
    monkeypatch.setattr(deleting, "ask", lambda _p, _t, text: asked.append(text) or True)
    journal = window.journal
    one = journal.create("retro", subject="Payments on-call", retro_kind="rotation",
                         held_on=dt.date(2026, 10, 1))
    two = journal.create("retro", subject="Sprint 42", retro_kind="sprint",
                         held_on=dt.date(2026, 11, 1))
    item = journal.create("retro_item", retro_id=two.id, bucket="stop", text="late merges")
    qtbot.keyClicks(retros.search, "payments")
    assert retros.proxy.rowCount() == 1
    window.show_page("checklist")
    window.show_record("retro_item", item.id)
    assert retros.current_id() == two.id
    assert retros.editor.buckets["stop"].current_id() == item.id
    retros.table.setFocus()
    qtbot.keyClick(retros.table, Qt.Key.Key_Delete)
    assert "Sprint 42" in asked[0] and "its item" in asked[0]
    assert journal.count("retro_item") == 0
    window.undo_action.trigger()
    assert journal.get("retro_item", item.id).text == "late merges"
    assert one.id in [r.id for r in retros.model.rows]


def test_retro_model_passes_the_model_tester(window, retros, qtmodeltester):
    for n in range(3):
        window.journal.create("retro", subject=f"Sprint {n}", held_on=dt.date(2026, 1, n + 1))
    qtmodeltester.check(retros.model)
    qtmodeltester.check(retros.proxy)


def test_a_drag_keeps_the_new_order(window, retros, qtbot):
    editor = _new_retro(window, qtbot, retros)
    _type_items(qtbot, editor.buckets["continue"], ["a", "b", "c"])
    bucket = editor.buckets["continue"]
    # What a drop inside the list does to its model: move one row; the list stores the order.
    assert bucket.model().moveRow(bucket.rootIndex(), 2, bucket.rootIndex(), 0)
    assert _stored(window.journal, editor.record.id, "continue") == ["c", "a", "b"]


def test_read_only_retro_cannot_change(window, journal_path, qtbot):
    retro = window.journal.create("retro", subject="Sprint 7", held_on=dt.date(2026, 11, 1))
    window.journal.create("retro_item", retro_id=retro.id, bucket="start", text="demos")
    window.journal.close()
    window.journal = None
    window.set_journal(open_journal(journal_path, read_only=True))
    page = window.show_page("feedback")
    page.show_record("retro", retro.id)
    editor = page.retros.editor
    assert editor.record.id == retro.id and editor.subject.isReadOnly()
    start = editor.buckets["start"]
    assert start.count() == 1 and not start.item(0).flags() & Qt.ItemFlag.ItemIsEditable
    start.setFocus()
    start.setCurrentRow(0)
    qtbot.keyClick(start, Qt.Key.Key_Return)
    qtbot.keyClick(start, Qt.Key.Key_Delete)
    assert start.count() == 1
    assert not page.retros.new_button.isEnabled() and not editor.to_goal.isEnabled()


def test_where_an_items_words_go_in_a_draft():
    from journal.domain.records import Retro, RetroItem

    retro = Retro(subject="Sprint 42", held_on=dt.date(2026, 11, 5))
    kept = follow_up.draft_values(retro, RetroItem(bucket="stop", text="merging late"))
    assert kept["behavior"] == "merging late" and "Sprint 42" in kept["situation"]
    missing = follow_up.draft_values(retro, RetroItem(bucket="start", text="demo weekly"))
    assert "behavior" not in missing and "demo weekly" in missing["situation"]
    assert follow_up.default_polarity("continue") == "reinforcing"
    assert follow_up.default_polarity("stop") == "corrective"
