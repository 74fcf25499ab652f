"""Ctrl+K: the search box finds a word in any kind of record as it is typed, walks the results
with the arrow keys, and Enter opens the record on its page."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from journal.domain import kinds
from journal.ui.search import SHORTCUT
from journal.ui.search.results import HIT_ROLE, SHOWN_ROLE
from tests.test_search_store import make_everything


def open_box(window, qtbot):
    window.add_menu_actions()
    assert window.search_action.shortcut() == QKeySequence(SHORTCUT)
    window.search_action.trigger()
    box = window.search_box()
    qtbot.waitUntil(box.isVisible)
    return box


def type_and_wait(box, qtbot, text: str) -> None:
    box.query.selectAll()
    qtbot.keyClicks(box.query, text)
    qtbot.waitUntil(lambda: box.searched == text, timeout=3000)


def test_each_kind_is_found_and_enter_opens_it(window, qtbot, monkeypatch):
    made = make_everything(window.journal)
    opened: list[tuple[str, int]] = []
    real = window.show_record
    monkeypatch.setattr(window, "show_record",
                        lambda kind, rid: (opened.append((kind, rid)), real(kind, rid)))
    for kind, (record_id, word) in made.items():
        box = open_box(window, qtbot)
        type_and_wait(box, qtbot, word[:8])  # typing: a prefix is enough
        assert box.results.current_hit() == (kind, record_id), kind
        qtbot.keyClick(box.query, Qt.Key.Key_Return)
        assert not box.isVisible()
        assert opened[-1] == (kind, record_id)
    feedback = window.pages["feedback"]
    draft_id = made[kinds.FEEDBACK_DRAFT][0]
    window.show_record(kinds.FEEDBACK_DRAFT, draft_id)
    assert feedback.drafts.current_id() == draft_id


def test_results_are_grouped_and_arrow_keys_walk_them(window, qtbot):
    journal = window.journal
    ana = journal.create(kinds.PERSON, name="Zoë Girard")
    journal.create(kinds.FEEDBACK_DRAFT, recipient_id=ana.id, behavior="zoe fixed the pager")
    journal.create(kinds.FEEDBACK_DRAFT, recipient_id=ana.id, behavior="zoe wrote it down")
    box = open_box(window, qtbot)
    type_and_wait(box, qtbot, "zoe")
    headings = [box.results.item(r).data(Qt.ItemDataRole.AccessibleTextRole)
                for r in range(box.results.count())
                if box.results.item(r).data(HIT_ROLE) is None]
    assert headings == ["People", "Feedback drafts"]
    assert box.results.current_hit() == (kinds.PERSON, ana.id)
    qtbot.keyClick(box.query, Qt.Key.Key_Down)  # over the heading, to the first draft
    assert box.results.current_hit()[0] == kinds.FEEDBACK_DRAFT
    qtbot.keyClick(box.query, Qt.Key.Key_Down)
    qtbot.keyClick(box.query, Qt.Key.Key_Down)  # stays on the last
    last = box.results.current_hit()
    qtbot.keyClick(box.query, Qt.Key.Key_Up)
    assert box.results.current_hit() not in (last, (kinds.PERSON, ana.id))
    assert "zoe" in box.results.item(box.results.currentRow()).data(SHOWN_ROLE).snippet


def test_nothing_found_and_syntax_typed(window, qtbot):
    window.journal.create(kinds.PERSON, name="Ana")
    box = open_box(window, qtbot)
    for typed in ['"(', "ana*", "NEAR(ana", "-ana", "qqzx"]:
        type_and_wait(box, qtbot, typed)
    assert box.results.result_rows() == [] and "qqzx" in box.status.text()
    qtbot.keyClick(box.query, Qt.Key.Key_Return)  # nothing to open: the box stays
    assert box.isVisible()
    qtbot.keyClick(box.query, Qt.Key.Key_Escape)
    assert not box.isVisible()


def test_the_box_searches_on_a_worker_and_drops_stale_results(window, qtbot, monkeypatch):
    from journal.ui.query_runner import QueryRunner

    monkeypatch.setattr(QueryRunner, "synchronous", False)
    for n in range(30):
        window.journal.create(kinds.PERSON, name=f"Person{n} Lindqvist")
    box = open_box(window, qtbot)
    qtbot.keyClicks(box.query, "lindq")
    qtbot.waitUntil(lambda: box.searched == "lindq" and not box.runner.pending, timeout=5000)
    assert len(box.results.result_rows()) == 30
    qtbot.keyClicks(box.query, "zzz")
    qtbot.keyClick(box.query, Qt.Key.Key_Return)  # before the debounce: searches in place
    assert box.isVisible() and box.results.result_rows() == []


def test_ctrl_k_opens_the_box_even_from_a_text_field(window, qtbot):
    # Text fields take Ctrl+K themselves on Linux and macOS (delete to the end of the line).
    window.journal.create(kinds.PERSON, name="Ana")
    window.add_menu_actions()
    page = window.show_page("people")
    window.show_record(kinds.PERSON, 1)
    field = page.editor.name
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    field.setCursorPosition(0)
    qtbot.keyClick(field, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.search_box() is not None and window.search_box().isVisible())
    assert field.text() == "Ana"  # the field kept its text
