"""The prep note in the dark look: links in the note stay readable (WCAG contrast of at least
4.5:1 against the view's background)."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from journal.ui import theme
from tests.test_prep_ui import _open_from_mentoring


def _luminance(color: QColor) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    return (0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF())
            + 0.0722 * channel(color.blueF()))


def _contrast(a: QColor, b: QColor) -> float:
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def _link_color(prep) -> QColor:
    doc = prep.view.document()
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.charFormat().isAnchor():
                return fragment.charFormat().foreground().color()
            it += 1
        block = block.next()
    raise AssertionError("no link in the note")


def test_links_are_readable_in_light_and_dark(sample_window, qtbot):
    app = QApplication.instance()
    try:
        for mode in ("dark", "light"):
            theme.apply(app, mode)
            prep = _open_from_mentoring(sample_window, qtbot)
            qtbot.keyClicks(prep.notes, "See [the runbook](https://example.org/runbook)")
            prep.render()
            base = prep.view.palette().color(QPalette.ColorRole.Base)
            assert _contrast(_link_color(prep), base) >= 4.5, mode
            prep.notes.clear()
            prep.close()
    finally:
        theme.apply(app, "light")
