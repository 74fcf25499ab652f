"""A person's page is reached from wherever their name appears: the shared person picker offers
"Open person page" (its icon, its context menu, Ctrl+Shift+O) on every page that shows one."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QDialog, QMenu, QVBoxLayout

from journal.domain import kinds
from journal.ui.context import context_of
from journal.ui.widgets.person_picker import PersonPicker

D = dt.date(2026, 11, 1)


def press_open(qtbot, picker) -> None:
    picker.lineEdit().setFocus()
    qtbot.waitUntil(picker.lineEdit().hasFocus)
    qtbot.keyClick(picker.lineEdit(), Qt.Key.Key_O,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)


def test_a_drafts_recipient_picker_opens_their_page(window, qtbot):
    ana = window.journal.create(kinds.PERSON, name="Ana Ruiz", team="Storage")
    draft = window.journal.create(kinds.FEEDBACK_DRAFT, recipient_id=ana.id,
                                  behavior="fixed the pager")
    assert window.show_record(kinds.FEEDBACK_DRAFT, draft.id)
    picker = window.pages["feedback"].drafts.editor.picker
    qtbot.waitUntil(lambda: picker.currentData() == ana.id)
    action = picker.open_action
    assert action.isVisible() and action.isEnabled()
    assert "Ana Ruiz" in action.toolTip() and "Ctrl+Shift+O" in action.toolTip()

    press_open(qtbot, picker)
    qtbot.waitUntil(lambda: window.current_page_key == "people")
    assert window.pages["people"].current_id() == ana.id
    assert window.pages["people"].editor.name.text() == "Ana Ruiz"
    # Back returns to the draft, as from any other link.
    assert window.go_back()
    assert window.current_page_key == "feedback"


def test_a_reflections_giver_picker_opens_their_page(window, qtbot):
    dana = window.journal.create(kinds.PERSON, name="Dana Ng")
    reflection = window.journal.create(kinds.REFLECTION, giver_id=dana.id, received_on=D,
                                       what_was_said="slow down in reviews")
    assert window.show_record(kinds.REFLECTION, reflection.id)
    giver = window.pages["reflections"].editor.giver
    qtbot.waitUntil(lambda: giver.currentData() == dana.id)
    assert giver.open_action.isEnabled()
    giver.open_action.trigger()  # the icon at the end of the box
    qtbot.waitUntil(lambda: window.current_page_key == "people")
    assert window.pages["people"].current_id() == dana.id


def test_nobody_a_new_name_or_a_dialog_opens_nothing(window, qtbot):
    dana = window.journal.create(kinds.PERSON, name="Dana Ng")
    reflection = window.journal.create(kinds.REFLECTION, received_on=D)
    assert window.show_record(kinds.REFLECTION, reflection.id)
    giver = window.pages["reflections"].editor.giver
    assert giver.currentData() is None  # "Not named"
    assert giver.open_action.isVisible() and not giver.open_action.isEnabled()
    # A name typed but not yet confirmed is nobody stored: nothing to open yet.
    giver.set_person(dana.id)
    assert giver.open_action.isEnabled()
    giver.lineEdit().setFocus()
    giver.lineEdit().selectAll()
    qtbot.keyClicks(giver.lineEdit(), "Dana N")
    assert not giver.open_action.isEnabled() and not giver.open_person()
    assert window.current_page_key == "reflections"

    # In a dialog the picker is for choosing: no way out to another page.
    dialog = QDialog(window)
    qtbot.addWidget(dialog)
    picker = PersonPicker(dialog)
    QVBoxLayout(dialog).addWidget(picker)
    picker.set_journal(window.journal)
    picker.set_person(dana.id)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert context_of(picker) is None
    assert not picker.open_action.isVisible() and not picker.open_person()
    assert window.current_page_key == "reflections"


def test_the_context_menu_offers_it_first(window, qtbot):
    ana = window.journal.create(kinds.PERSON, name="Ana Ruiz")
    draft = window.journal.create(kinds.FEEDBACK_DRAFT, recipient_id=ana.id)
    assert window.show_record(kinds.FEEDBACK_DRAFT, draft.id)
    picker = window.pages["feedback"].drafts.editor.picker
    edit = picker.lineEdit()
    QApplication.sendEvent(edit, QContextMenuEvent(QContextMenuEvent.Reason.Mouse, QPoint(5, 5),
                                                   edit.mapToGlobal(QPoint(5, 5))))
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    menu = QApplication.activePopupWidget()
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert texts[0] == "Open person page" and len(texts) > 1  # Cut, Copy, Paste stay
    menu.actions()[0].trigger()
    menu.close()
    qtbot.waitUntil(lambda: window.current_page_key == "people")
    assert window.pages["people"].current_id() == ana.id


def test_a_checklist_gap_naming_someone_opens_their_page(window, qtbot):
    from journal.store.person_links import person_named_by

    priya = window.journal.create(kinds.PERSON, name="Priya Natarajan")
    window.journal.create(kinds.PERSON, name="Priya Natarajan", team="Elsewhere")  # same name
    mentorship = window.journal.create(kinds.MENTORSHIP, mentee_id=priya.id, mentor_is_me=True,
                                       started_on=D)
    goal = window.journal.create(kinds.GOAL, mentorship_id=mentorship.id, started_on=D,
                                 outcome="Lead the next failover drill", target_on=None)
    assert person_named_by(window.journal, kinds.GOAL, goal.id, "Priya Natarajan") == priya.id
    assert person_named_by(window.journal, kinds.GOAL, goal.id, "Someone Else") is None

    page = window.show_page("checklist")
    qtbot.waitUntil(lambda: any(g.code == "goal_no_target" for r in page.checklist.rules
                                for g in r.gaps))
    from journal.ui.checklist.model import FINDING_ROLE

    index = next(page.model.index(row) for row in range(page.model.rowCount())
                 if getattr(page.model.index(row).data(FINDING_ROLE), "code", "")
                 == "goal_no_target")
    chosen = []

    def choose() -> None:  # in the menu's own event loop
        menu = QApplication.activePopupWidget()
        if not isinstance(menu, QMenu):
            QTimer.singleShot(10, choose)
            return
        chosen.extend(a for a in menu.actions() if a.text() == "Open Priya Natarajan’s page")
        menu.close()

    QTimer.singleShot(0, choose)
    page._context_menu(page.tree.visualRect(index).center())
    [action] = chosen
    action.trigger()
    assert window.current_page_key == "people"
    assert window.pages["people"].current_id() == priya.id
