"""Small widgets the mentoring parts share: an eliding label, health dots, a collapsible
section and a sortable table."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRectF, QSize, QSortFilterProxyModel, Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDateEdit,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from journal.ui.mentoring.labels import health_color
from journal.ui.models.record_table import RECORD_ROLE, SORT_ROLE, RecordTableModel


class ElidedLabel(QLabel):
    """A one-line label that shortens its text with "…" instead of widening the layout, and shows
    the whole text as a tooltip. Names of any length can sit in a heading."""

    def __init__(self, text: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self._full = ""
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.set_full_text(text)

    def set_full_text(self, text: str) -> None:
        self._full = text
        self.setToolTip(text)
        self.setAccessibleName(text)
        self.update()
        self.updateGeometry()

    def full_text(self) -> str:
        return self._full

    def shown_text(self) -> str:
        """The text as painted: elided to the label's width."""
        return self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight,
                                             max(0, self.contentsRect().width()))

    def minimumSizeHint(self) -> QSize:
        return QSize(40, self.fontMetrics().height())

    def sizeHint(self) -> QSize:
        return QSize(min(self.fontMetrics().horizontalAdvance(self._full) + 4, 600),
                     self.fontMetrics().height() + 4)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setFont(self.font())
        painter.setPen(self.palette().color(self.foregroundRole()))
        # Qt lays out right-to-left runs inside the string itself; the label stays left-aligned
        # like the rest of the form.
        flags = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft
        painter.drawText(self.contentsRect(), int(flags), self.shown_text())


_ITEM_VIEW_ITEM = QStyle.ControlElement.CE_ItemViewItem


class HealthDotsDelegate(QStyledItemDelegate):
    """Paints a goal's recent check-in healths (HEALTHS_ROLE: health values, oldest first) as a
    row of coloured dots, newest on the right, so a trend shows at a glance."""

    DOT = 9
    GAP = 4

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index) -> None:
        self.initStyleOption(option, index)
        healths = index.data(HEALTHS_ROLE) or ()
        option.text = ""
        style = option.widget.style() if option.widget else QApplication.style()
        style.drawControl(_ITEM_VIEW_ITEM, option, painter, option.widget)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        y = option.rect.center().y() - self.DOT / 2
        x = option.rect.left() + 6
        for health in healths:
            painter.setBrush(health_color(health))
            painter.drawEllipse(QRectF(x, y, self.DOT, self.DOT))
            x += self.DOT + self.GAP
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index) -> QSize:
        n = len(index.data(HEALTHS_ROLE) or ())
        return QSize(12 + max(n, 1) * (self.DOT + self.GAP), self.DOT + 8)


HEALTHS_ROLE = Qt.ItemDataRole.UserRole + 10


class Collapsible(QWidget):
    """A titled section that opens and closes with its header button (Space or a click)."""

    def __init__(self, title: str, body: QWidget, parent: QWidget | None = None):
        super().__init__(parent)
        self.button = QToolButton()
        self.button.setText(title)
        self.button.setCheckable(True)
        self.button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.button.setArrowType(Qt.ArrowType.RightArrow)
        self.button.setAutoRaise(True)
        self.button.toggled.connect(self.set_open)
        self.body = body
        body.setVisible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.button)
        layout.addWidget(body)

    def set_open(self, open_: bool) -> None:
        if self.button.isChecked() != open_:
            self.button.setChecked(open_)
            return
        self.button.setArrowType(Qt.ArrowType.DownArrow if open_ else Qt.ArrowType.RightArrow)
        focus = QApplication.focusWidget()
        inside = focus is not None and self.body.isAncestorOf(focus)
        if not open_ and inside:
            # Hiding the field that has the focus would send it to the window's first widget.
            self.button.setFocus(Qt.FocusReason.OtherFocusReason)
        self.body.setVisible(open_)

    def is_open(self) -> bool:
        return self.button.isChecked()


class _TabLeavesDateEdit(QObject):
    """Makes Tab leave a date editor instead of stepping through its day, month and year (the
    arrow keys still do that), so Tab walks the form and never gets stuck on "not set"."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Tab,
                                                                     Qt.Key.Key_Backtab):
            # QWidget's own focus step: the date editor's override walks its sections.
            QWidget.focusNextPrevChild(watched, event.key() == Qt.Key.Key_Tab)
            return True
        return False


_tab_leaves = None


def tab_leaves(edit: QDateEdit) -> QDateEdit:
    global _tab_leaves
    if _tab_leaves is None:
        _tab_leaves = _TabLeavesDateEdit()
    edit.installEventFilter(_tab_leaves)
    return edit


def date_edit() -> QDateEdit:
    """A yyyy-MM-dd date editor with a calendar popup that Tab leaves in one press."""
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return tab_leaves(edit)


class RecordTable(QTableView):
    """A compact, sortable table over a RecordTableModel, behind a QSortFilterProxyModel. Rows
    (and what RECORD_ROLE returns) have an `id`."""

    def __init__(self, model: RecordTableModel, parent: QWidget | None = None,
                 proxy: QSortFilterProxyModel | None = None):
        super().__init__(parent)
        self.source = model
        self.proxy = proxy or QSortFilterProxyModel(self)
        self.proxy.setSourceModel(model)
        self.proxy.setSortRole(SORT_ROLE)
        self.setModel(self.proxy)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setWordWrap(False)
        self.setAlternatingRowColors(True)
        self.setShowGrid(False)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.setTabKeyNavigation(False)  # Tab leaves the table, arrows move inside it
        # Long cells elide (their tooltip has all of it): sideways scrolling only hides things.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def current_record(self):
        index = self.currentIndex()
        return index.data(RECORD_ROLE) if index.isValid() else None

    def select_id(self, record_id: int | None) -> bool:
        """Select the row of `record_id` (and scroll to it); False when it is not shown."""
        row = self.source.row_of(record_id) if record_id is not None else -1
        if row < 0:
            return False
        index = self.proxy.mapFromSource(self.source.index(row, 0))
        if not index.isValid():
            return False
        self.setCurrentIndex(index)
        self.scrollTo(index)
        return True

    def set_rows_keeping_selection(self, rows: list) -> None:
        """Show new rows; when the same records are shown, update them in place so the
        selection and scroll position stay where the user left them."""
        old_ids = [r.id for r in self.source.rows]
        new_ids = [r.id for r in rows]
        if old_ids == new_ids:
            # Only rows that really changed are announced: after one edit that is one row, not
            # the whole list re-sorted row by row.
            for i, (old, new) in enumerate(zip(self.source.rows, rows, strict=True)):
                if old != new:
                    self.source.rows[i] = new
                    self.source.dataChanged.emit(self.source.index(i, 0), self.source.index(
                        i, self.source.columnCount() - 1))
            return
        current = self.current_record()
        self.source.set_rows(rows)
        if current is not None:
            self.select_id(current.id)


def hint_label(object_name: str) -> QLabel:
    """A gentle inline hint: a soft band with an amber edge, readable in light and dark, that
    suggests without blocking anything."""
    label = QLabel()
    label.setObjectName(object_name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setStyleSheet(
        f"QLabel#{object_name} {{ background: palette(alternate-base); "
        "border-left: 3px solid #d4a72c; padding: 4px 8px; }")
    label.hide()
    return label
