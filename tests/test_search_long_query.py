"""A long paste into the search box (a link, a log line) finds nothing without the box growing
to fit the pasted text: the footer quotes the start of it only."""

from __future__ import annotations

from tests.test_search_ui import open_box


def test_a_long_query_leaves_the_box_its_size(window, qtbot):
    box = open_box(window, qtbot)
    before = box.size()
    text = "https://example.org/" + "zq" * 3000
    box.query.setText(text)
    qtbot.waitUntil(lambda: box.searched == text, timeout=5000)
    qtbot.wait(50)
    assert box.status.text().startswith("Nothing in the journal holds")
    assert len(box.status.text()) < 200
    assert box.width() <= max(before.width(), 1000)
