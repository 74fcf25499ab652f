"""The search box left open while another journal is opened shows that journal's results, never
the previous one's (whose Enter would open a record of the same number in the new journal)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from journal.domain import kinds
from tests.test_search_ui import open_box, type_and_wait


def test_results_follow_the_journal_opened(window, qtbot):
    assert window.open_sample()
    box = open_box(window, qtbot)
    type_and_wait(box, qtbot, "kenji")
    assert box.results.current_hit() is not None
    window.back_to_my_journal()  # the user's own journal: nobody called Kenji in it
    ana = window.journal.create(kinds.PERSON, name="Ana")
    qtbot.waitUntil(lambda: box.results.current_hit() is None, timeout=3000)
    assert "Nothing" in box.status.text()
    qtbot.keyClick(box.query, Qt.Key.Key_Return)
    assert window.current_page_key != "people" or window.pages["people"].current_id() in (
        None, ana.id)
