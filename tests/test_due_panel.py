"""The "Due soon" panel on the opening page: its lines, opening a record, following changes."""

from __future__ import annotations

import datetime as dt

from journal.domain import due
from journal.domain.kinds import CHECK_IN, GOAL
from journal.ui.due.panel import DuePanel


def _panel(window) -> DuePanel:
    # The sample opens on Mentoring (issue 10, #8): the panel is on the opening page.
    return window.show_page("checklist").findChild(DuePanel)


def test_empty_journal_shows_no_panel(window):
    assert not _panel(window).isVisible()


def test_sample_journal_lists_what_is_due_and_opens_it(sample_window, qtbot):
    panel = _panel(sample_window)
    assert panel.isVisible() and panel.items
    assert panel.list.count() == len(panel.items)
    assert all(" — " in panel.list.item(i).text() for i in range(panel.list.count()))
    first = panel.items[0]
    panel.list.setCurrentRow(0)
    panel.list.itemActivated.emit(panel.list.item(0))
    spec_page = {GOAL: "mentoring"}.get(first.kind)
    if spec_page:
        assert sample_window.current_page_key == spec_page
    else:
        assert sample_window.current_page_key != "checklist"


def test_a_new_check_in_moves_the_item_on(sample_window, qtbot):
    panel = _panel(sample_window)
    journal = sample_window.journal
    check_ins = [i for i in panel.items if i.what == due.CHECK_IN]
    assert check_ins
    goal_id = check_ins[0].record_id
    before = check_ins[0].due_on
    journal.create(CHECK_IN, goal_id=goal_id, on_date=dt.date.today().isoformat())

    def moved() -> bool:
        now = [i.due_on for i in panel.items if i.what == due.CHECK_IN
               and i.record_id == goal_id]
        return now != [before]

    qtbot.waitUntil(moved, timeout=2000)
    assert panel.list.count() == len(panel.items)


def test_the_panel_follows_a_new_journal(sample_window, qtbot):
    panel = _panel(sample_window)
    assert panel.isVisible()
    sample_window.back_to_my_journal()  # the empty journal
    qtbot.waitUntil(lambda: not panel.isVisible(), timeout=2000)
