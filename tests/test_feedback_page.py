"""The Feedback page's SBI drafts, driven as a user drives them."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from journal.domain import coach
from journal.store.journal import open_journal
from journal.ui.kit import deleting
from journal.ui.models.record_table import RECORD_ROLE


@pytest.fixture
def drafts(window):
    page = window.show_page("feedback")
    page.tabs.setCurrentWidget(page.drafts)
    return page.drafts


def _new_draft_for(window, qtbot, drafts, name="Ana"):
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert drafts.editor.pending_new
    qtbot.keyClicks(drafts.editor.picker.lineEdit(), name)
    qtbot.keyClick(drafts.editor.picker.lineEdit(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: drafts.editor.record is not None)
    return drafts.editor


def _hint_parts(drafts):
    return [h.part for h in drafts.editor.hints]


def test_empty_state_invites_the_first_draft(drafts, qtbot):
    assert drafts.stack.currentWidget() is drafts.empty
    qtbot.mouseClick(drafts.empty.button, Qt.MouseButton.LeftButton)
    assert drafts.stack.currentWidget() is drafts.splitter
    assert drafts.editor.pending_new


def test_typing_a_draft_shows_hints_then_clears_them(window, drafts, qtbot):
    editor = _new_draft_for(window, qtbot, drafts)
    assert window.journal.get("person", editor.record.recipient_id).name == "Ana"
    assert editor.parts["situation"].hasFocus()
    qtbot.keyClicks(editor.parts["situation"], "In Tuesday's incident review")
    qtbot.keyClicks(editor.parts["behavior"], "great job")
    qtbot.keyClicks(editor.parts["impact"], "which surfaced the retry bug before it shipped")
    qtbot.waitUntil(lambda: "behavior" in _hint_parts(drafts), timeout=2000)
    assert any(text.startswith("Behavior:") for text in drafts.coach_panel.messages())

    # The hint's words are highlighted in the Behavior editor, and clicking it selects them.
    [selection] = editor.parts["behavior"].extraSelections()
    assert selection.cursor.selectedText() == "great job"
    hints = drafts.coach_panel.hints
    item = hints.item(_hint_parts(drafts).index("behavior"))
    qtbot.mouseClick(hints.viewport(), Qt.MouseButton.LeftButton,
                     pos=hints.visualItemRect(item).center())
    assert editor.parts["behavior"].textCursor().selectedText() == "great job"

    # Replacing the label with what they did makes the hint go away.
    qtbot.keyClicks(editor.parts["behavior"], "you asked four questions about failure modes")
    qtbot.waitUntil(lambda: drafts.editor.hints == [], timeout=2000)
    assert editor.parts["behavior"].extraSelections() == []
    assert not drafts.coach_panel.hints.isVisible()

    window.saver.flush()
    stored = window.journal.get("feedback_draft", editor.record.id)
    assert stored.behavior == "you asked four questions about failure modes"
    assert stored.status == "draft"


def test_the_coach_never_blocks_saving(window, drafts, qtbot):
    editor = _new_draft_for(window, qtbot, drafts)
    qtbot.keyClicks(editor.parts["behavior"], "needs work")
    window.saver.flush()
    assert window.journal.get("feedback_draft", editor.record.id).behavior == "needs work"


def test_deliver_and_copy_as_message(window, drafts, qtbot):
    editor = _new_draft_for(window, qtbot, drafts, "Bo")
    texts = {"situation": "In the Monday deploy", "behavior": "you paused the rollout",
             "impact": "which kept the error budget intact"}
    for part, text in texts.items():
        qtbot.keyClicks(editor.parts[part], text)
    qtbot.mouseClick(editor.copy_button, Qt.MouseButton.LeftButton)
    expected = coach.as_message(texts["situation"], texts["behavior"], texts["impact"], "Bo",
                                "reinforcing")
    assert QGuiApplication.clipboard().text() == expected
    assert "Bo" in expected

    qtbot.mouseClick(editor.deliver_button, Qt.MouseButton.LeftButton)
    stored = window.journal.get("feedback_draft", editor.record.id)
    assert (stored.status, stored.delivered_on) == ("delivered", dt.date.today())
    assert stored.impact == texts["impact"]
    # Still shown while open, even though the list shows drafts waiting to be delivered.
    assert drafts.current_id() == stored.id
    assert drafts.editor.delivered_on.isVisible()

    editor.status.setCurrentIndex(editor.status.findData("dropped"))
    editor.status.activated.emit(editor.status.currentIndex())
    stored = window.journal.get("feedback_draft", stored.id)
    assert (stored.status, stored.delivered_on) == ("dropped", None)


def test_list_shows_age_and_stale_drafts_with_words(window, drafts, qtbot):
    journal = window.journal
    ana = journal.create("person", name="Ana")
    old = journal.create("feedback_draft", recipient_id=ana.id, behavior="you wrote the runbook")
    fresh = journal.create("feedback_draft", recipient_id=ana.id, behavior="you paired on it")
    stamp = (dt.date.today() - dt.timedelta(days=42)).isoformat() + "T12:00:00.000Z"
    journal.conn.execute("UPDATE feedback_drafts SET created_at = ? WHERE id = ?", (stamp, old.id))
    drafts.reload()
    model = drafts.model
    old_row = model.row_of(old.id)
    assert model.index(old_row, 1).data() == "6 weeks · stale"
    assert model.index(old_row, 1).data(Qt.ItemDataRole.DecorationRole) is not None
    assert model.index(old_row, 1).data(Qt.ItemDataRole.ForegroundRole) is not None
    fresh_age = model.index(model.row_of(fresh.id), 1)
    assert fresh_age.data() == "today"
    assert fresh_age.data(Qt.ItemDataRole.DecorationRole) is None


def test_filter_as_you_type_and_status_filter(window, drafts, qtbot):
    journal = window.journal
    ana, bo = (journal.create("person", name=n) for n in ("Ana", "Bo"))
    journal.create("feedback_draft", recipient_id=ana.id, impact="the outage ended sooner")
    done = journal.create("feedback_draft", recipient_id=bo.id, status="delivered",
                          delivered_on=dt.date(2026, 11, 2))
    assert drafts.proxy.rowCount() == 1
    qtbot.keyClicks(drafts.filter, "outage")
    assert drafts.proxy.rowCount() == 1
    qtbot.keyClicks(drafts.filter, " zzz")
    assert drafts.proxy.rowCount() == 0 and drafts.no_match.isVisible()
    drafts.filter.clear()
    drafts.status_filter.setCurrentIndex(drafts.status_filter.findData("delivered"))
    assert drafts.proxy.rowCount() == 1
    assert drafts.proxy.index(0, 0).data(RECORD_ROLE).id == done.id


def test_show_record_widens_filters_to_reveal_a_draft(window, drafts):
    bo = window.journal.create("person", name="Bo")
    done = window.journal.create("feedback_draft", recipient_id=bo.id, status="dropped")
    window.show_page("checklist")
    window.show_record("feedback_draft", done.id)
    assert window.current_page_key == "feedback"
    assert drafts.current_id() == done.id
    assert drafts.editor.record.id == done.id


def test_delete_asks_and_ctrl_z_brings_it_back(window, drafts, qtbot, monkeypatch):
    asked = []
    monkeypatch.setattr(deleting, "ask", lambda _p, _t, text: asked.append(text) or True)
    ana = window.journal.create("person", name="Ana")
    draft = window.journal.create("feedback_draft", recipient_id=ana.id, behavior="kept notes")
    drafts.show_draft(draft.id)
    drafts.table.setFocus()
    qtbot.keyClick(drafts.table, Qt.Key.Key_Delete)
    assert asked and "Ana" in asked[0]
    assert window.journal.count("feedback_draft") == 0
    assert drafts.editor.record is None
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.journal.get("feedback_draft", draft.id).behavior == "kept notes"
    assert drafts.current_id() == draft.id


def test_long_names_in_any_script_display(window, drafts, qtbot):
    name = ("Zoë 🦊 محمد العلي " * 12)[:200]
    person = window.journal.create("person", name=name)
    draft = window.journal.create("feedback_draft", recipient_id=person.id)
    drafts.show_draft(draft.id)
    row = drafts.model.row_of(draft.id)
    assert drafts.model.index(row, 0).data() == " ".join(name.split())
    assert drafts.model.index(row, 0).data(Qt.ItemDataRole.ToolTipRole)
    behavior = drafts.editor.parts["behavior"]
    behavior.setPlainText("قلت 🦊 great job")  # setText: keyClicks cannot type this script
    drafts.editor.run_coach()
    # The coach counts characters, Qt counts UTF-16 units: the fox must not shift the highlight.
    [selection] = behavior.extraSelections()
    assert selection.cursor.selectedText() == "great job"
    assert drafts.editor.picker.currentText().startswith("Zoë 🦊")


def test_read_only_journal_disables_editing(window, journal_path, qtbot):
    ana = window.journal.create("person", name="Ana")
    draft = window.journal.create("feedback_draft", recipient_id=ana.id)
    window.journal.close()
    window.journal = None
    window.set_journal(open_journal(journal_path, read_only=True))
    page = window.show_page("feedback")
    page.drafts.show_draft(draft.id)
    editor = page.drafts.editor
    assert editor.record.id == draft.id
    assert editor.parts["behavior"].isReadOnly()
    assert not editor.deliver_button.isEnabled()
    assert not page.drafts.new_button.isEnabled()
    assert editor.copy_button.isEnabled()


def test_draft_model_passes_the_model_tester(window, drafts, qtmodeltester):
    ana = window.journal.create("person", name="Ana")
    for text in ("a", "b", "c"):
        window.journal.create("feedback_draft", recipient_id=ana.id, behavior=text)
    qtmodeltester.check(drafts.model)
    qtmodeltester.check(drafts.proxy)
