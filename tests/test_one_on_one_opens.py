"""A 1:1 found by Ctrl+K (or opened from anywhere by kind and id) opens its person's page with
that 1:1 chosen in their timeline."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from journal.domain import kinds
from journal.ui.people.person_page import RECORD_ROLE
from tests.test_search_ui import open_box, type_and_wait


def _make(journal):
    amara = journal.create(kinds.PERSON, name="Amara Okafor")
    other = journal.create(kinds.PERSON, name="Kenji Watanabe")
    journal.create(kinds.ONE_ON_ONE, person_id=other.id, held_on=dt.date(2026, 5, 1),
                   notes="Talked about reviews")
    one = journal.create(kinds.ONE_ON_ONE, person_id=amara.id, held_on=dt.date(2026, 6, 1),
                         notes="Agreed on the zebracorn rollout plan")
    journal.create(kinds.FEEDBACK_DRAFT, recipient_id=amara.id, behavior="ran the review")
    return amara.id, one.id


def _chosen(editor):
    item = editor.timeline.currentItem()
    return None if item is None else item.data(0, RECORD_ROLE)


def test_ctrl_k_on_a_one_on_one_opens_the_person_with_it_chosen(window, qtbot):
    person_id, one_id = _make(window.journal)
    box = open_box(window, qtbot)
    type_and_wait(box, qtbot, "zebracorn")
    assert box.results.current_hit() == (kinds.ONE_ON_ONE, one_id)
    qtbot.keyClick(box.query, Qt.Key.Key_Return)
    assert not box.isVisible()
    assert window.current_page_key == "people"
    page = window.pages["people"]
    assert page.current_id() == person_id
    assert _chosen(page.editor) == (kinds.ONE_ON_ONE, one_id)
    assert page.editor.timeline.isVisible()


def test_a_one_on_one_hidden_by_the_kind_filter_is_shown_anyway(window, qtbot):
    person_id, one_id = _make(window.journal)
    window.show_record(kinds.PERSON, person_id)
    editor = window.pages["people"].editor
    editor.kind_filter.setCurrentIndex(editor.kind_filter.findData(kinds.FEEDBACK_DRAFT))
    assert editor.timeline.topLevelItemCount() == 1
    window.show_record(kinds.ONE_ON_ONE, one_id)
    assert _chosen(editor) == (kinds.ONE_ON_ONE, one_id)
