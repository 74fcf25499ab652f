"""The twelve-month strip: one mark per contact, incident contacts set apart below the calm ones,
the threshold drawn as a line with the recent side shaded. Drawn with the palette, so it follows
light and dark; shapes differ as well as colours (a dot for a calm contact, a hollow diamond for
one during an incident), so it reads without colour too."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import QDate, QLocale, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QPen, QPolygonF
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from journal.domain.partners import StripMark, threshold_position
from journal.ui.models.record_table import RECORD_ROLE

INCIDENT = QColor("#d1495b")  # reads on both the light and the dark base


def paint_strip(painter: QPainter, rect: QRectF, marks: Sequence[StripMark], threshold: float,
                palette: QPalette, *, stale: bool, selected: bool = False) -> None:
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    text = palette.color(QPalette.ColorRole.HighlightedText if selected
                         else QPalette.ColorRole.Text)
    faint = QColor(text)
    faint.setAlpha(40)
    # The track, and the recent side of the threshold (where a calm contact counts) shaded.
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(faint)
    painter.drawRoundedRect(rect, 3, 3)
    recent = QRectF(rect.left() + rect.width() * threshold, rect.top(),
                    rect.width() * (1 - threshold), rect.height())
    shade = QColor(palette.color(QPalette.ColorRole.Highlight))
    shade.setAlpha(70 if not stale else 35)
    painter.setBrush(shade)
    painter.drawRoundedRect(recent, 3, 3)
    line = QPen(text, 1, Qt.PenStyle.DashLine)
    painter.setPen(line)
    painter.drawLine(QPointF(recent.left(), rect.top()), QPointF(recent.left(), rect.bottom()))
    # Calm contacts in the upper half, incident contacts in the lower half.
    mid = rect.center().y()
    r = max(2.0, min(rect.height() / 5, 4.0))
    for mark in marks:
        x = rect.left() + r + (rect.width() - 2 * r) * mark.position
        if mark.during_incident:
            y = mid + rect.height() / 4
            painter.setPen(QPen(INCIDENT, 1.5))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPolygon(QPolygonF([QPointF(x, y - r), QPointF(x + r, y),
                                           QPointF(x, y + r), QPointF(x - r, y)]))
        else:
            y = mid - rect.height() / 4
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(text)
            painter.drawEllipse(QPointF(x, y), r * 0.85, r * 0.85)
    painter.restore()


class StripDelegate(QStyledItemDelegate):
    """Paints a team row's strip in its cell (the row comes from RECORD_ROLE)."""

    def __init__(self, threshold_days: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.threshold_days = threshold_days
        self.today = dt.date.today()

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index) -> None:
        row = index.data(RECORD_ROLE)
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget = option.widget
        style = widget.style() if widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        if row is None:
            return
        rect = QRectF(option.rect).adjusted(4, 3, -4, -3)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        paint_strip(painter, rect, row.strip, threshold_position(self.today,
                                                                 self.threshold_days),
                    option.palette, stale=row.standing.stale, selected=selected)

    def sizeHint(self, option: QStyleOptionViewItem, index) -> QSize:
        return QSize(160, 22)


class StripView(QWidget):
    """The strip as a widget, larger, for the editor (with month ticks under it)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.marks: Sequence[StripMark] = ()
        self.threshold = 0.75
        self.stale = False
        self.today = dt.date.today()
        self.setMinimumHeight(46)

    def set_marks(self, marks: Sequence[StripMark], today: dt.date, threshold_days: int,
                  stale: bool) -> None:
        self.marks, self.today, self.stale = marks, today, stale
        self.threshold = threshold_position(today, threshold_days)
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(360, 46)

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        rect = QRectF(self.rect()).adjusted(1, 1, -1, -16)
        paint_strip(painter, rect, self.marks, self.threshold, self.palette(), stale=self.stale)
        painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
        font = painter.font()
        font.setPointSizeF(max(6.0, font.pointSizeF() * 0.8))
        painter.setFont(font)
        start = self.today - dt.timedelta(days=365)
        for months_back in range(12, -1, -3):
            day = _months_before(self.today, months_back)
            x = rect.left() + rect.width() * max(0, (day - start).days) / 365
            label = QLocale().toString(QDate(day.year, day.month, day.day), "MMM")
            x = min(max(x, rect.left() + 14), rect.right() - 14)
            painter.drawText(QRectF(x - 30, rect.bottom() + 1, 60, 14),
                             Qt.AlignmentFlag.AlignCenter, label)
        painter.end()


def _months_before(day: dt.date, months: int) -> dt.date:
    year, month = divmod(day.month - 1 - months, 12)
    return dt.date(day.year + year, month + 1, 1) if months else day
