"""The People page and a person's page, driven as a user would: roles in the list, the timeline
filtered by kind and opening records, rename, merge with undo, delete only when nobody is named."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from journal.domain import kinds
from journal.ui.people import person_page
from journal.ui.people.person_page import RECORD_ROLE

D = dt.date(2026, 11, 1)


def fill(journal) -> dict[str, int]:
    zoe = journal.create(kinds.PERSON, name="Zoë Girard", team="Storage")
    zoe2 = journal.create(kinds.PERSON, name="Zoe Girard")
    lone = journal.create(kinds.PERSON, name="Typo Persn")
    m = journal.create(kinds.MENTORSHIP, mentee_id=zoe.id, mentor_is_me=True, started_on=D)
    journal.create(kinds.MENTORING_SESSION, mentorship_id=m.id, on_date=D, notes="paired on it")
    draft = journal.create(kinds.FEEDBACK_DRAFT, recipient_id=zoe.id, behavior="fixed the pager")
    other = journal.create(kinds.FEEDBACK_DRAFT, recipient_id=zoe2.id, behavior="wrote a runbook")
    return {"zoe": zoe.id, "zoe2": zoe2.id, "lone": lone.id, "draft": draft.id,
            "other": other.id, "mentorship": m.id}


def open_person(window, person_id):
    window.show_record(kinds.PERSON, person_id)
    page = window.pages["people"]
    assert window.current_page_key == "people" and page.current_id() == person_id
    return page


def test_the_list_says_who_they_are_and_the_page_shows_their_timeline(window, qtbot):
    ids = fill(window.journal)
    page = open_person(window, ids["zoe"])
    rows = {r.id: r for r in page.model.rows}
    assert rows[ids["zoe"]].roles == ("mentee", "feedback_recipient")
    editor = page.editor
    assert "Mentee (1)" in editor.roles.text() and "Feedback recipient (1)" in editor.roles.text()
    shown = [editor.timeline.topLevelItem(i).data(0, RECORD_ROLE)
             for i in range(editor.timeline.topLevelItemCount())]
    assert set(shown) == {(kinds.MENTORSHIP, ids["mentorship"]),
                          (kinds.FEEDBACK_DRAFT, ids["draft"]),
                          (kinds.MENTORING_SESSION, 1)}
    editor.kind_filter.setCurrentIndex(editor.kind_filter.findData(kinds.FEEDBACK_DRAFT))
    assert editor.timeline.topLevelItemCount() == 1
    item = editor.timeline.topLevelItem(0)
    editor.timeline.setCurrentItem(item)
    editor.timeline.itemActivated.emit(item, 0)  # Enter or a double click
    assert window.current_page_key == "feedback"
    assert window.pages["feedback"].drafts.current_id() == ids["draft"]
    assert not editor.delete_button.isEnabled()


def test_rename_shows_everywhere_at_once(window, qtbot):
    ids = fill(window.journal)
    page = open_person(window, ids["zoe"])
    page.editor.name.setText("Zoë Girard-Ng")
    page.editor.name.textEdited.emit("Zoë Girard-Ng")
    window.saver.flush()
    assert window.journal.get(kinds.PERSON, ids["zoe"]).name == "Zoë Girard-Ng"
    assert window.journal.count(kinds.PERSON) == 3
    window.show_record(kinds.FEEDBACK_DRAFT, ids["draft"])
    drafts = window.pages["feedback"].drafts
    assert drafts.model.rows[drafts.model.row_of(ids["draft"])].recipient_name == "Zoë Girard-Ng"


def test_merge_then_undo(window, qtbot, monkeypatch):
    ids = fill(window.journal)
    page = open_person(window, ids["zoe"])
    monkeypatch.setattr(person_page, "choose_other", lambda parent, people, name: ids["zoe2"])
    monkeypatch.setattr(person_page, "ask", lambda *a: True)
    page.editor.merge_button.click()
    journal = window.journal
    assert journal.count(kinds.PERSON) == 2
    assert journal.get(kinds.FEEDBACK_DRAFT, ids["other"]).recipient_id == ids["zoe"]
    assert ids["zoe2"] not in {r.id for r in page.model.rows}
    assert page.editor.timeline.topLevelItemCount() == 4  # the other's draft joined
    window.add_menu_actions()
    window.undo_action.trigger()
    assert journal.count(kinds.PERSON) == 3
    assert journal.get(kinds.FEEDBACK_DRAFT, ids["other"]).recipient_id == ids["zoe2"]
    assert page.current_id() == ids["zoe2"]


def test_delete_only_someone_nobody_names(window, qtbot, monkeypatch):
    ids = fill(window.journal)
    monkeypatch.setattr(person_page, "ask", lambda *a: True)
    told: list[str] = []
    monkeypatch.setattr(person_page.QMessageBox, "information",
                        lambda parent, title, text: told.append(text))
    page = open_person(window, ids["zoe"])
    page.table.setFocus()
    page.delete_action.trigger()
    assert told and window.journal.count(kinds.PERSON) == 3
    page = open_person(window, ids["lone"])
    assert page.editor.delete_button.isEnabled()
    page.editor.delete_button.click()
    assert window.journal.count(kinds.PERSON) == 2
    window.add_menu_actions()
    window.undo_action.trigger()
    assert window.journal.get(kinds.PERSON, ids["lone"]).name == "Typo Persn"


def test_search_opens_a_person_on_their_page(window, qtbot):
    ids = fill(window.journal)
    window.add_menu_actions()
    window.search_action.trigger()
    box = window.search_box()
    qtbot.keyClicks(box.query, "persn")
    qtbot.waitUntil(lambda: box.searched == "persn")
    qtbot.keyClick(box.query, Qt.Key.Key_Return)
    assert window.current_page_key == "people"
    assert window.pages["people"].current_id() == ids["lone"]


def test_a_hidden_people_page_catches_up_when_shown(window, qtbot):
    ids = fill(window.journal)
    page = open_person(window, ids["lone"])
    window.show_page("feedback")
    loads: list[int] = []
    real = page.md.reload_from_store
    page.md.reload_from_store = lambda *a: (loads.append(1), real(*a))
    window.journal.create(kinds.FEEDBACK_DRAFT, recipient_id=ids["lone"], behavior="late one")
    assert loads == []  # hidden: nothing read yet
    window.show_page("people")
    assert loads == [1]
    rows = {r.id: r for r in page.model.rows}
    assert rows[ids["lone"]].roles == ("feedback_recipient",)
    assert page.editor.timeline.topLevelItemCount() == 1
