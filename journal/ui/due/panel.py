"""The "Due soon" panel: what is due or slipping now, one line per item, each opening its record.

Self-contained, for the top of the opening page: it takes the page's `PageContext` (given with
`set_context`, or read from the page it is placed on), refreshes itself on the change feed (a
moment after a burst of changes) and when the day changes, and asks nothing of the page.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QLocale, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from journal.store.changes import Changes
from journal.ui import theme
from journal.ui.context import PageContext

if TYPE_CHECKING:
    from journal.domain import due



class DueList(QListWidget):
    """The panel's list, whose keyboard focus shows clearly in light and dark.

    The focus ring is drawn 2 px wide inside the frame; with a 1 px frame the list's viewport
    covered all but its outer pixel, and in dark mode one pixel of blue beside the grey frame
    was easy to miss. A 1 px margin around the viewport leaves the ring whole. When the keys
    arrive and no line is chosen, the first is: the highlighted line is the one Enter opens.
    """

    FOCUS_MARGIN = 1

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        m = self.FOCUS_MARGIN
        self.setViewportMargins(m, m, m, m)

    def focusInEvent(self, event) -> None:
        if self.currentRow() < 0 and self.count():
            self.setCurrentRow(0)
        super().focusInEvent(event)


def item_role() -> int:
    from PySide6.QtCore import Qt

    return Qt.ItemDataRole.UserRole

VISIBLE_ROWS = 8  # more than this scroll inside the panel
REFRESH_DELAY_MS = 200  # a burst of saves refreshes once
DAYS = 7  # domain.due.DEFAULT_DAYS, which start-up does not import (it needs dataclasses)


class DuePanel(QWidget):
    def __init__(self, page: QWidget | None = None, days: int = DAYS):
        """`page`: where the panel sits; when it has a `ctx` (as every Page does), the panel
        follows it, so placing the panel takes no other wiring."""
        super().__init__(page)
        self.setObjectName("duePanel")
        self.page = page
        self.days = days
        self.ctx: PageContext | None = None
        self.items: list[due.DueItem] = []
        self._window_hooked = False
        self._painted = False
        self._stale = True

        self.list: DueList | None = None  # built on first use, after the first paint
        # As tall as its lines, never stretched by the page below it.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)

        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(REFRESH_DELAY_MS)
        self._refresh_timer.timeout.connect(self.refresh)
        self._day = dt.date.today()
        self._day_timer = QTimer(self)  # the day turns: what is due changes with it
        self._day_timer.setInterval(10 * 60 * 1000)
        self._day_timer.timeout.connect(self._check_day)
        self._day_timer.start()
        self.hide()
        if page is not None:
            page.installEventFilter(self)

    def _build(self) -> DueList:
        # Qt's namespace (Qt.ItemDataRole and the like) costs about 10 ms on first use: start-up
        # never builds this.
        from PySide6.QtCore import Qt

        self.heading = QLabel(self.tr("Due soon"))
        theme.style(self.heading, "sectionHeading")
        self.empty = QLabel()
        theme.style(self.empty, "hint")
        self.list = DueList()
        self.list.setObjectName("dueList")
        self.list.setAccessibleName(self.tr("Due soon"))
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setWordWrap(False)
        # A line too long for the panel loses its middle, not its end: who and when stay.
        self.list.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.list.setMaximumWidth(760)
        self.list.itemActivated.connect(self._open)
        self.list.itemClicked.connect(self._open)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._context_menu)
        layout = QVBoxLayout(self)
        # The checklist's own margins: the panel's left edge lines up with the list below it.
        layout.setContentsMargins(24, 16, 24, 0)
        layout.setSpacing(6)
        layout.addWidget(self.heading)
        layout.addWidget(self.empty)
        layout.addWidget(self.list)
        return self.list

    # -- context ---------------------------------------------------------------------------------
    def set_context(self, ctx: PageContext | None) -> None:
        if self.ctx is not None and (ctx is None or ctx.feed is not self.ctx.feed):
            self.ctx.feed.changed.disconnect(self._changed)
        if ctx is not None and (self.ctx is None or ctx.feed is not self.ctx.feed):
            ctx.feed.changed.connect(self._changed)
        self.ctx = ctx
        self.refresh()

    def _follow_page(self) -> None:
        ctx = getattr(self.page, "ctx", None)
        if ctx is not self.ctx:
            self.set_context(ctx)
        elif self._stale:
            self.refresh()

    def eventFilter(self, watched, event) -> bool:
        # The panel hides itself when there is nothing to show, so it watches its page being
        # shown rather than itself.
        if watched is self.page:
            if event.type() == QEvent.Type.Show and self._painted:
                self._page_shown()
            elif event.type() == QEvent.Type.Paint and not self._painted:
                # The first time, after the page's first paint: what start-up paints first
                # does not wait for these rules and their imports.
                self._painted = True
                QTimer.singleShot(0, self._page_shown)
        return False

    def _page_shown(self) -> None:
        if not self._window_hooked:
            opened = getattr(self.window(), "journal_opened", None)
            if opened is not None:
                opened.connect(lambda _journal: self._follow_page())
                self._window_hooked = True
        self._follow_page()

    def _changed(self, _changes: Changes) -> None:
        self._stale = True
        self._refresh_timer.start()

    def _check_day(self) -> None:
        if dt.date.today() != self._day:
            self._day = dt.date.today()
            self.refresh()

    # -- showing ---------------------------------------------------------------------------------
    def refresh(self) -> None:
        self._refresh_timer.stop()
        journal = self.ctx.journal if self.ctx is not None else None
        if journal is None or journal.conn is None or journal.is_empty():
            self.items = []
            self.setVisible(False)
            self._stale = False
            return
        from journal.store.due import due_items

        today = dt.date.today()
        self.items = due_items(journal, today, self.days)
        self._stale = False
        listing = self.list if self.list is not None else self._build()
        listing.clear()
        for item in self.items:
            row = QListWidgetItem(self.line(item, today))
            row.setData(item_role(), item)
            row.setToolTip(self.tr("Open it (Enter)"))
            listing.addItem(row)
        self.empty.setText(self.tr("Nothing due in the next %1 days.").replace("%1",
                                                                              str(self.days)))
        self.empty.setVisible(not self.items)
        listing.setVisible(bool(self.items))
        if self.items:
            rows = min(len(self.items), VISIBLE_ROWS)
            height = (listing.sizeHintForRow(0) * rows
                      + 2 * (listing.frameWidth() + DueList.FOCUS_MARGIN) + 2)
            listing.setFixedHeight(height)
        self.setVisible(True)

    def line(self, item: due.DueItem, today: dt.date) -> str:
        return f"{item_text(item)}  —  {when_text(item, today)}"

    def _context_menu(self, point) -> None:
        """Open the item, or the page of the person it names (issue 14)."""
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QMenu

        from journal.ui.widgets.person_link import add_record_person

        row = self.list.itemAt(point) if self.list is not None else None
        item = row.data(item_role()) if row is not None else None
        if item is None or self.ctx is None:
            return
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.addAction(self.tr("Open it"), lambda: self._open(row))
        if item.person:
            add_record_person(menu, self, item.kind, item.record_id, item.person)
        menu.popup(self.list.viewport().mapToGlobal(point))

    def _open(self, row: QListWidgetItem) -> None:
        item: due.DueItem = row.data(item_role())
        if self.ctx is not None and item is not None:
            self.ctx.show_record(item.kind, item.record_id)


def _tr(text: str, n: int = -1) -> str:
    return QCoreApplication.translate("DuePanel", text, None, n)


def when_text(item: due.DueItem, today: dt.date) -> str:
    """When it is due, in words: "today", "tomorrow", "in 3 days, 04/12/2026", "overdue since…"."""
    from journal.domain import due

    days = (item.due_on - today).days
    date = short_date(item.due_on, today)
    if item.state == due.OVERDUE:
        return _tr("overdue since %1").replace("%1", date)
    if item.state == due.LATE:
        return _tr("was due %1").replace("%1", date)
    if days == 0:
        return _tr("today")
    if days == 1:
        return _tr("tomorrow")
    return _tr("in %1 days, %2").replace("%1", str(days)).replace("%2", date)


def short_date(day: dt.date, today: dt.date) -> str:
    """"4 Dec" (the year too when it is not this year's), in the user's language."""
    pattern = "d MMM" if day.year == today.year else "d MMM yyyy"
    return QLocale().toString(QDate(day.year, day.month, day.day), pattern)


def item_text(item: due.DueItem) -> str:
    """What is due, in words: names and titles from the journal, never notes."""
    from journal.domain import due

    if item.what == due.CHECK_IN:
        goal = " ".join(item.title.split())
        goal = goal if len(goal) <= 60 else goal[:59] + "…"
        text = _tr("Check in with %1").replace("%1", item.person)
        return f"{text}: {goal}" if goal else text
    if item.what == due.FEEDBACK:
        return _tr("Give your feedback to %1 before it goes stale").replace("%1", item.person)
    if item.what == due.PARTNER:
        if item.person:
            return _tr("Talk to %1 (%2) outside an incident").replace(
                "%1", item.title).replace("%2", item.person)
        return _tr("Talk to %1 outside an incident").replace("%1", item.title)
    if item.what == due.REVIEW:
        return _tr("Write down the decision of “%1”").replace("%1", item.title or _tr("a review"))
    if item.what == due.ONE_ON_ONE:
        return _tr("1:1 with %1").replace("%1", item.person)
    return item.title
