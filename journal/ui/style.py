"""The app's own touches on the Fusion style: fields and check boxes with a border that shows
on a dark background, and keyboard focus drawn clearly in light and dark.

Fusion draws field borders and check box frames a shade darker than the window, which on a
dark window is next to invisible, and marks focus with a thin line of the highlight colour. A
proxy style changes only those few primitives (a style sheet on the whole app would send every
widget through Qt's slower style-sheet style; see theme.py).
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QApplication,
    QProxyStyle,
    QStyle,
    QStyleFactory,
    QStyleOption,
    QWidget,
)

FOCUS_WIDTH = 2.0  # px: a focused field, button or box is ringed this thick in the highlight


def border_color(palette: QPalette) -> QColor:
    """A border that shows on both the window and a field: partway from the field's background
    towards its text (about 3:1 contrast in the light and the dark palette)."""
    text, base = palette.color(QPalette.ColorRole.Text), palette.color(QPalette.ColorRole.Base)
    mix = 0.45
    return QColor.fromRgbF(base.redF() + (text.redF() - base.redF()) * mix,
                           base.greenF() + (text.greenF() - base.greenF()) * mix,
                           base.blueF() + (text.blueF() - base.blueF()) * mix)


def focus_color(palette: QPalette) -> QColor:
    """The highlight, lightened on a dark window so the ring stands out from it."""
    color = palette.color(QPalette.ColorRole.Highlight)
    if palette.color(QPalette.ColorRole.Window).lightness() < 128:
        return color.lighter(140)
    return color


def _ring(painter: QPainter, rect, color: QColor, width: float, radius: float = 3.0) -> None:
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    pen = QPen(color, width)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    half = width / 2
    painter.drawRoundedRect(QRectF(rect).adjusted(half, half, -half, -half), radius, radius)
    painter.restore()


class JournalStyle(QProxyStyle):
    """Fusion, with visible field borders and check boxes, and a clear focus ring."""

    def drawPrimitive(self, element: QStyle.PrimitiveElement, option: QStyleOption,
                      painter: QPainter, widget: QWidget | None = None) -> None:
        pe = QStyle.PrimitiveElement
        if element == pe.PE_FrameLineEdit:
            focused = bool(option.state & QStyle.StateFlag.State_HasFocus)
            if focused:
                _ring(painter, option.rect, focus_color(option.palette), FOCUS_WIDTH)
            else:
                _ring(painter, option.rect, border_color(option.palette), 1.0)
            return
        if element == pe.PE_Frame and isinstance(widget, QAbstractScrollArea):
            # A focused list or text area is ringed as a focused field is: its rows or text
            # alone do not tell that the keys go there.
            if widget.hasFocus():
                _ring(painter, option.rect, focus_color(option.palette), FOCUS_WIDTH, 2.0)
            else:
                _ring(painter, option.rect, border_color(option.palette), 1.0, 2.0)
            return
        if element == pe.PE_FrameFocusRect:
            if isinstance(widget, QAbstractItemView):
                # The current cell of a focused list: a thin line, as the row is highlighted too.
                _ring(painter, option.rect, option.palette.color(QPalette.ColorRole.Text), 1.0,
                      1.0)
            else:
                _ring(painter, option.rect.adjusted(-1, -1, 1, 1), focus_color(option.palette),
                      FOCUS_WIDTH)
            return
        super().drawPrimitive(element, option, painter, widget)
        if element in (pe.PE_IndicatorCheckBox, pe.PE_IndicatorRadioButton):
            # Fusion's frame is a shade darker than the window: draw one that shows.
            rect = QRectF(option.rect).adjusted(0.5, 0.5, -0.5, -0.5)
            painter.save()
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            painter.setPen(QPen(border_color(option.palette), 1.2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            if element == pe.PE_IndicatorRadioButton:
                painter.drawEllipse(rect)
            else:
                painter.drawRoundedRect(rect, 2, 2)
            painter.restore()
        elif element == pe.PE_PanelButtonCommand and option.state & QStyle.StateFlag.State_HasFocus:
            _ring(painter, option.rect, focus_color(option.palette), FOCUS_WIDTH)


    def drawComplexControl(self, control: QStyle.ComplexControl, option: QStyleOption,
                           painter: QPainter, widget: QWidget | None = None) -> None:
        super().drawComplexControl(control, option, painter, widget)
        if control == QStyle.ComplexControl.CC_SpinBox and getattr(option, "frame", True):
            # Fusion frames a number or date field a shade off the window, like a text field.
            if option.state & QStyle.StateFlag.State_HasFocus:
                _ring(painter, option.rect, focus_color(option.palette), FOCUS_WIDTH)
            else:
                _ring(painter, option.rect, border_color(option.palette), 1.0)


def journal_style(base: str = "Fusion") -> JournalStyle:
    return JournalStyle(QStyleFactory.create(base))


def _repaint_frames(old: QWidget | None, new: QWidget | None) -> None:
    """A list or text area paints its frame outside the part Qt repaints on a focus change."""
    for widget in (old, new):
        if isinstance(widget, QAbstractScrollArea):
            widget.update()


_watching = False


def watch_focus(app: QApplication) -> None:
    """Repaint lists' and text areas' frames as focus comes and goes (once per app)."""
    global _watching
    if not _watching:
        app.focusChanged.connect(_repaint_frames)
        _watching = True
