"""The Due soon list shows where the keys are, in dark mode as in light: the whole 2 px focus
ring (not one pixel of it) and a chosen line as soon as the list has the focus."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from journal.ui import theme
from journal.ui.due.panel import DuePanel
from journal.ui.style import focus_color


@pytest.fixture
def dark():
    app = QApplication.instance()
    theme.apply(app, "dark")
    yield app
    theme.apply(app, "system")


def _distance(a: QColor, b: QColor) -> int:
    return abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue())


def test_a_focused_due_list_is_ringed_and_has_a_chosen_line_in_dark(sample_window, dark, qtbot):
    sample_window.show_page("checklist")
    listing = sample_window.pages["checklist"].findChild(DuePanel).list
    qtbot.waitUntil(listing.isVisible)
    assert listing.currentRow() < 0
    listing.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(listing.hasFocus)
    assert listing.currentRow() == 0 and listing.item(0).isSelected()
    ring = focus_color(listing.palette())
    image = listing.grab().toImage()
    y = image.height() // 2
    for x in (0, 1):  # both pixels of the ring, at the left edge
        assert _distance(QColor(image.pixel(x, y)), ring) < 40, x
    listing.clearFocus()
    qtbot.waitUntil(lambda: not listing.hasFocus())
    image = listing.grab().toImage()
    assert _distance(QColor(image.pixel(1, y)), ring) > 100  # no ring without the focus


def test_a_due_line_naming_someone_opens_their_page(sample_window, qtbot):
    from PySide6.QtWidgets import QMenu

    from journal.domain.kinds import PERSON

    sample_window.show_page("checklist")
    panel = sample_window.pages["checklist"].findChild(DuePanel)
    listing = panel.list
    qtbot.waitUntil(listing.isVisible)
    row = next(i for i in range(listing.count()) if panel.items[i].person)
    name = panel.items[row].person
    panel._context_menu(listing.visualItemRect(listing.item(row)).center())
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    menu = QApplication.activePopupWidget()
    texts = [a.text() for a in menu.actions()]
    assert texts == ["Open it", f"Open {name}’s page"]
    menu.actions()[1].trigger()
    menu.close()
    assert sample_window.current_page_key == "people"
    person = sample_window.journal.get(PERSON, sample_window.pages["people"].current_id())
    assert person.name == name
