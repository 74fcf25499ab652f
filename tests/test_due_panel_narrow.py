"""The "Due soon" panel in a small window (800x600): each line still says when it is due."""

from __future__ import annotations

import datetime as dt

from PySide6.QtGui import QFontMetrics

from journal.ui.due.panel import DuePanel, when_text


def test_in_a_small_window_every_line_still_shows_when_it_is_due(sample_window, qtbot):
    sample_window.resize(800, 600)
    sample_window.show_page("checklist")
    panel = sample_window.page("checklist").findChild(DuePanel)
    qtbot.waitUntil(lambda: panel.isVisible() and panel.list.count() > 0, timeout=3000)
    listing = panel.list
    qtbot.wait(50)
    width = listing.viewport().width() - 2 * listing.style().pixelMetric(
        listing.style().PixelMetric.PM_FocusFrameHMargin) - 4
    metrics = QFontMetrics(listing.font())
    today = dt.date.today()
    cut = 0
    for row, item in enumerate(panel.items):
        text = listing.item(row).text()
        shown = metrics.elidedText(text, listing.textElideMode(), width)
        cut += shown != text
        assert shown.endswith(when_text(item, today)), (shown, when_text(item, today))
    assert cut, "no line was too long for the panel: the test shows nothing"


def test_the_panel_lines_up_with_the_checklist_below_it(sample_window, qtbot):
    from PySide6.QtCore import QPoint

    sample_window.resize(1400, 900)
    sample_window.show_page("checklist")
    page = sample_window.page("checklist")
    panel = page.findChild(DuePanel)
    qtbot.waitUntil(lambda: panel.isVisible() and panel.list.count() > 0, timeout=3000)
    qtbot.waitUntil(lambda: getattr(page, "tree", None) is not None
                    and page.tree.isVisible(), timeout=5000)
    qtbot.wait(50)
    left = panel.list.mapTo(page, QPoint(0, 0)).x()
    assert left == page.tree.mapTo(page, QPoint(0, 0)).x()
    assert panel.heading.mapTo(page, QPoint(0, 0)).x() == left
