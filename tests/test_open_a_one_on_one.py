"""A 1:1 found by Ctrl+K (or listed in Due soon) opens where 1:1s are seen: on the person's page,
the 1:1 chosen in their timeline. Enter on it used to close the box and show nothing."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from journal.domain import kinds
from journal.ui.people.person_page import RECORD_ROLE
from tests.test_search_ui import open_box, type_and_wait


def test_enter_on_a_one_on_one_opens_it_on_the_persons_page(window, qtbot):
    journal = window.journal
    ana = journal.create(kinds.PERSON, name="Ana Silva")
    journal.create(kinds.PERSON, name="Bo Berg")
    for day in (1, 8, 15):
        journal.create(kinds.ONE_ON_ONE, person_id=ana.id, held_on=dt.date(2026, 11, day),
                       notes=f"Talked about the rota, week {day}")
    wanted = journal.create(kinds.ONE_ON_ONE, person_id=ana.id, held_on=dt.date(2026, 11, 22),
                            notes="She asked how to call an abort without sounding unsure")
    box = open_box(window, qtbot)
    type_and_wait(box, qtbot, "abort unsure")
    assert box.results.current_hit() == (kinds.ONE_ON_ONE, wanted.id)
    qtbot.keyClick(box.query, Qt.Key.Key_Return)
    assert window.current_page_key == "people"
    page = window.pages["people"]
    assert page.current_id() == ana.id
    item = page.editor.timeline.currentItem()
    assert item is not None and item.data(0, RECORD_ROLE) == (kinds.ONE_ON_ONE, wanted.id)


def test_a_one_on_one_marked_held_shows_on_the_open_persons_page(window, qtbot):
    journal = window.journal
    ana = journal.create(kinds.PERSON, name="Ana Silva")
    decision = journal.create(kinds.DECISION_RECORD, title="Keep runbooks in the repo")
    window.show_record(kinds.PERSON, ana.id)
    editor = window.pages["people"].editor
    held = journal.create(kinds.ONE_ON_ONE, person_id=ana.id, held_on=dt.date(2026, 11, 22),
                          notes="Rota")
    journal.create(kinds.DECISION_PERSON, decision_record_id=decision.id, person_id=ana.id,
                   role="consulted")

    def shown() -> set:
        return {editor.timeline.topLevelItem(i).data(0, RECORD_ROLE)
                for i in range(editor.timeline.topLevelItemCount())}

    qtbot.waitUntil(lambda: {(kinds.ONE_ON_ONE, held.id),
                             (kinds.DECISION_RECORD, decision.id)} <= shown(), timeout=3000)
    assert "1:1" in editor.roles.text()


def test_every_kind_searched_has_a_group_heading_in_words():
    from journal.domain.kinds import KIND_LABELS
    from journal.store.search_index import BY_KIND
    from journal.ui.search.results import group_title

    assert group_title(kinds.ONE_ON_ONE) == "1:1s"
    for kind in BY_KIND:
        title = group_title(kind)
        assert "_" not in title and title[:1] == title[:1].upper(), (kind, title)
        assert title != kind.replace("_", " "), (kind, title, KIND_LABELS.get(kind))
