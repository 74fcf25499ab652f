"""The coach panel: every hint shows whole, wrapped at the panel's width, with no gap under it,
and a missing part reads as a sentence after its name (issue 10, #6)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt

from journal.domain.coach import PARTS, coach
from journal.ui.feedback.coach_panel import CoachPanel, part_label

MANY = ("", "he was great and really amazing, always the best at everything we needed, never "
        "wrong, nice", "good")


def _fits(panel: CoachPanel) -> list[tuple[int, int]]:
    """(height shown, height the wrapped text needs) of every hint."""
    hints = panel.hints
    metrics = hints.fontMetrics()
    out = []
    for i in range(hints.count()):
        item = hints.item(i)
        rect = hints.visualItemRect(item)
        need = metrics.boundingRect(QRect(0, 0, rect.width() - 6, 100000),
                                    Qt.TextFlag.TextWordWrap, item.text()).height()
        out.append((rect.height(), need))
    return out


def _assert_whole(panel: CoachPanel, qtbot) -> None:
    qtbot.wait(10)
    fits = _fits(panel)
    assert fits
    for shown, need in fits:
        assert need <= shown <= need + 10, fits  # never cut ("…"), never a gap below


@pytest.mark.parametrize("width", [180, 260, 420])
def test_hints_filled_while_showing_the_intro_wrap_whole(qtbot, width):
    panel = CoachPanel()
    qtbot.addWidget(panel)
    panel.resize(width, 500)
    panel.show()
    qtbot.waitExposed(panel)
    panel.show_intro()
    panel.show_hints(coach(*MANY))
    _assert_whole(panel, qtbot)


def test_hints_stay_whole_as_the_panel_narrows_widens_and_scrolls(qtbot):
    panel = CoachPanel()
    qtbot.addWidget(panel)
    panel.resize(400, 500)
    panel.show()
    qtbot.waitExposed(panel)
    panel.show_hints(coach(*MANY))
    for width, height in ((200, 500), (200, 160), (330, 500), (190, 500)):
        panel.resize(width, height)
        _assert_whole(panel, qtbot)


def test_hints_shown_again_after_the_panel_changed_width_fit(qtbot):
    panel = CoachPanel()
    qtbot.addWidget(panel)
    panel.resize(400, 300)
    panel.show()
    qtbot.waitExposed(panel)
    panel.show_hints(coach(*MANY))
    for width, height in ((200, 300), (200, 200)):
        panel.resize(width, height)
        qtbot.wait(10)
    panel.show_intro()  # another draft, with nothing to say: the list hides
    panel.resize(300, 300)
    qtbot.wait(10)
    panel.show_hints(coach(*MANY))
    _assert_whole(panel, qtbot)


def test_hints_filled_while_hidden_fit_once_shown(qtbot):
    panel = CoachPanel()
    qtbot.addWidget(panel)
    panel.resize(400, 500)
    panel.show()
    qtbot.waitExposed(panel)
    panel.hide()
    panel.show_hints(coach("x", "", ""))
    panel.resize(180, 400)
    panel.show()
    _assert_whole(panel, qtbot)


def test_the_list_is_no_taller_than_its_hints(qtbot):
    panel = CoachPanel()
    qtbot.addWidget(panel)
    panel.resize(300, 700)
    panel.show()
    qtbot.waitExposed(panel)
    panel.show_hints(coach("", "Good", "x"))
    qtbot.wait(10)
    rows = sum(h for h, _n in _fits(panel))
    assert panel.hints.height() <= rows + 40


def test_a_missing_part_does_not_repeat_its_name():
    for part in PARTS:
        [hint] = [h for h in coach(*("written here" if p != part else "" for p in PARTS))
                  if h.rule == "missing"]
        shown = f"{part_label(part)}: {hint.message}"
        assert hint.part == part
        assert part not in hint.message.casefold(), shown
        assert hint.message[0].isupper() and hint.message.endswith("."), shown
