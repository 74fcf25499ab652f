"""Tab never reaches "Back to my journal", so no Space leaves the sample unasked; focus stays
where the user is when the coaching frame opens or closes (issue 10, #7)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication


def _sessions(window):
    page = window.show_page("mentoring")
    page.detail.tabs.setCurrentIndex(1)
    return page.detail.sessions


def test_tab_from_the_last_coaching_field_never_reaches_the_banner(sample_window, qtbot):
    window = sample_window
    sessions = _sessions(window)
    sessions.coach.set_open(True)
    last = sessions.coaching["test"]
    last.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is last)
    seen = []
    for _ in range(60):  # round the whole window and back
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    assert window.banner_button not in seen
    assert window.banner_button.isVisible()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)
    assert window.is_sample
    assert window.back_action.isEnabled()  # File > Back to my journal still leads home


def test_focus_stays_on_the_toggle_when_the_coaching_frame_closes(sample_window, qtbot):
    sessions = _sessions(sample_window)
    sessions.coach.set_open(True)
    field = sessions.coaching["hypothesis"]
    field.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is field)
    sessions.coach.set_open(False)
    assert QApplication.focusWidget() is sessions.coach.button
    qtbot.keyClick(sessions.coach.button, Qt.Key.Key_Space)  # and Space opens it again
    assert sessions.coach.is_open()
    assert QApplication.focusWidget() is sessions.coach.button
