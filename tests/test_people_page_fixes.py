"""QA's People-page fixes: the list re-sorts after a rename, the merge list tells same-named
people apart without ids, a 1:1 on its person's own timeline, and where Ctrl+K leaves the cursor."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from journal.domain import kinds
from journal.store.person_links import timeline
from journal.ui.people import person_page
from journal.ui.people.labels import merge_labels


def listed(page) -> list[str]:
    proxy = page.proxy
    return [proxy.index(row, 0).data() for row in range(proxy.rowCount())]


def test_the_list_resorts_when_a_rename_is_done(window, qtbot):
    ana = window.journal.create(kinds.PERSON, name="Ana Able")
    for name in ("Bob Bell", "Cy Cole"):
        window.journal.create(kinds.PERSON, name=name)
    assert window.show_record(kinds.PERSON, ana.id)
    page = window.pages["people"]
    assert listed(page) == ["Ana Able", "Bob Bell", "Cy Cole"]
    page.editor.name.setFocus()
    page.editor.name.selectAll()
    qtbot.keyClicks(page.editor.name, "Zed Zulu")
    qtbot.keyClick(page.editor.name, Qt.Key.Key_Return)
    assert listed(page) == ["Bob Bell", "Cy Cole", "Zed Zulu"]
    assert page.current_id() == ana.id  # still chosen, on its new row
    assert window.journal.get(kinds.PERSON, ana.id).name == "Zed Zulu"


def row(name, team="", roles=()):
    return SimpleNamespace(name=name, team=team, roles=roles)


def test_merge_labels_tell_people_apart_without_ids():
    labels = merge_labels([row("Sam Lee", "Storage"), row("Sam Lee", "Payments"),
                           row("Jo Park"), row("Jo Park", roles=("mentee",)),
                           row("Al Ng"), row("Al Ng")])
    assert labels[:2] == ["Sam Lee · Storage", "Sam Lee · Payments"]
    assert labels[2] == "Jo Park · named by no record" and labels[3] == "Jo Park · Mentee"
    assert labels[4] != labels[5] and all("#" not in label for label in labels)
    assert len(set(labels)) == len(labels)


def test_the_merge_dialog_offers_those_labels(window, monkeypatch):
    me = window.journal.create(kinds.PERSON, name="Zoë Girard", team="Storage")
    other = window.journal.create(kinds.PERSON, name="Zoe Girard")
    window.journal.create(kinds.PERSON, name="Zoe Girard", team="Payments")
    offered = []

    def fake_get_item(parent, title, text, labels, current, editable):
        offered.extend(labels)
        return "Zoe Girard", True

    monkeypatch.setattr(person_page.QInputDialog, "getItem", fake_get_item)
    monkeypatch.setattr(person_page, "ask", lambda *a: False)
    assert window.show_record(kinds.PERSON, me.id)
    window.pages["people"].editor.merge()
    assert offered == ["Zoe Girard", "Zoe Girard · Payments"]
    assert window.journal.get(kinds.PERSON, other.id).name == "Zoe Girard"  # not merged: No


def test_a_one_on_one_on_its_persons_timeline_says_1_1(journal):
    ana = journal.create(kinds.PERSON, name="Ana Ruiz")
    journal.create(kinds.ONE_ON_ONE, person_id=ana.id, held_on=dt.date(2026, 11, 2),
                   notes="talked about the on-call rota")
    [entry] = [e for e in timeline(journal, ana.id) if e.kind == kinds.ONE_ON_ONE]
    assert entry.title == "1:1"


def test_enter_in_ctrl_k_leaves_the_cursor_on_the_opened_person(window, qtbot):
    ana = window.journal.create(kinds.PERSON, name="Ana Ruiz")
    window.journal.create(kinds.PERSON, name="Bob Bell")
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    box = window.search_box()
    qtbot.waitUntil(box.isVisible)
    qtbot.keyClicks(box.query, "Ana Ruiz")
    qtbot.keyClick(box.query, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.current_page_key == "people")
    page = window.pages["people"]
    assert page.current_id() == ana.id
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    assert QApplication.focusWidget() is page.table
    assert not page.search.hasFocus()
