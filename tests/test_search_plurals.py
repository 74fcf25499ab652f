"""The search box's footer counts in words: "1 result", "2 results", never "result(s)"."""

from __future__ import annotations

from journal.domain import kinds
from tests.test_search_ui import open_box, type_and_wait


def test_the_footer_counts_in_real_plurals(window, qtbot):
    journal = window.journal
    journal.create(kinds.PERSON, name="Quilla Unique")
    journal.create(kinds.PERSON, name="Ana", notes="paired with Bo")
    journal.create(kinds.PERSON, name="Bo", notes="paired with Ana")
    box = open_box(window, qtbot)
    type_and_wait(box, qtbot, "quilla")
    assert box.status.text().startswith("1 result. "), box.status.text()
    type_and_wait(box, qtbot, "paired")
    assert box.status.text().startswith("2 results. "), box.status.text()
    assert "(s)" not in box.status.text()
