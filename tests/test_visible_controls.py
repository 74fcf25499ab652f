"""Fields, check boxes and keyboard focus show clearly in the light and the dark look
(issue 10, #7 and #10)."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDateEdit,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from journal.ui import theme


@pytest.fixture(params=["light", "dark"])
def look(request, qtbot):
    app = QApplication.instance()
    theme.apply(app, request.param)
    yield request.param
    theme.apply(app, "system")


def _luma(color: QColor) -> float:
    return 0.2126 * color.red() + 0.7152 * color.green() + 0.0722 * color.blue()


def _edge_contrast(widget: QWidget, columns: range) -> float:
    """The strongest difference in brightness between the window and the pixels of the given
    columns at the widget's middle row: how well its left edge stands out."""
    image = widget.grab().toImage()
    window = widget.palette().color(QPalette.ColorRole.Window)
    y = image.height() // 2
    return max(abs(_luma(image.pixelColor(x, y)) - _luma(window)) for x in columns)


def _panel(qtbot, *widgets: QWidget) -> QWidget:
    panel = QWidget()
    layout = QVBoxLayout(panel)
    for widget in widgets:
        layout.addWidget(widget)
    qtbot.addWidget(panel)
    panel.resize(300, 200)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def test_text_fields_have_a_visible_border(look, qtbot):
    line, area = QLineEdit(), QPlainTextEdit()
    panel = _panel(qtbot, line, area, QPushButton("take the focus"))
    assert _edge_contrast(line, range(0, 3)) >= 45, look
    assert _edge_contrast(area, range(0, 3)) >= 45, look
    panel.close()


def test_number_and_date_fields_have_a_visible_border(look, qtbot):
    number, day = QSpinBox(), QDateEdit()
    panel = _panel(qtbot, number, day, QPushButton("take the focus"))
    assert _edge_contrast(number, range(0, 3)) >= 45, look
    assert _edge_contrast(day, range(0, 3)) >= 45, look
    panel.close()


def test_a_check_box_is_clearly_visible(look, qtbot):
    box = QCheckBox("Show ended")
    panel = _panel(qtbot, box)
    assert _edge_contrast(box, range(0, 6)) >= 45, look
    panel.close()


def test_focus_rings_in_the_highlight(look, qtbot):
    line, area, button = QLineEdit(), QPlainTextEdit(), QPushButton("Add")
    panel = _panel(qtbot, line, area, button)
    panel.activateWindow()
    ring = QApplication.palette().color(QPalette.ColorRole.Highlight)
    for widget in (line, area, button):
        widget.setFocus()
        qtbot.waitUntil(widget.hasFocus)
        widget.repaint()
        image = widget.grab().toImage()
        y = image.height() // 2
        edge = [image.pixelColor(x, y) for x in range(0, 3)]
        # The ring is the highlight (lightened on a dark window): blue, and strongly so.
        assert any(c.blue() - max(c.red(), c.green()) > 40 for c in edge), (look, widget, edge)
        assert ring.blue() > ring.red()
