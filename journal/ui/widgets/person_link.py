"""From a name to the person's page: wherever a widget shows a person, one action opens their
page on the People page (issue 14: a person's page is reached from any place their name appears).

Generic: it knows no feature. It finds the page it sits in with `context_of` and asks the page
context to show the person, so every page that shows a person picker or a list of names gets it
without wiring of its own.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QAction, QIcon, QKeySequence, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QMenu, QWidget

from journal.domain.kinds import PERSON
from journal.ui.context import context_of

OPEN_PERSON_KEYS = "Ctrl+Shift+O"


def tr(text: str) -> str:
    return QCoreApplication.translate("PersonLink", text)


def can_open_person(widget: QWidget) -> bool:
    """Whether `widget` sits where a person's page can be opened (on a page, not in a dialog)."""
    return context_of(widget) is not None


def open_person_page(widget: QWidget, person_id: int | None) -> bool:
    """Open the person's page from the page holding `widget`. False, and nothing changes, when
    there is no person or the widget is not on a page."""
    ctx = context_of(widget)
    if ctx is None or person_id is None:
        return False
    return bool(ctx.show_record(PERSON, person_id))


def add_person_action(menu: QMenu, widget: QWidget, person_id: int | None, name: str) -> None:
    """Add "Open <name>’s page" to a context menu shown by `widget`, when there is a person and
    `widget` is on a page."""
    if person_id is not None and can_open_person(widget):
        menu.addAction(tr("Open %1’s page").replace("%1", name),
                       lambda: open_person_page(widget, person_id))


def add_record_person(menu: QMenu, widget: QWidget, kind: str, record_id: int,
                      name: str) -> None:
    """Add "Open <name>’s page" for the person called `name` whom a record refers to (a line
    about the record names them: a checklist gap, a due item), when there is one."""
    from journal.store.person_links import person_named_by  # only when a menu asks

    ctx = context_of(widget)
    if ctx is not None and name:
        add_person_action(menu, widget, person_named_by(ctx.journal, kind, record_id, name), name)


def person_icon(palette: QPalette, size: int = 16) -> QIcon:
    """A small head-and-shoulders in the palette's text colour (so it reads in light and dark)."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(palette.color(QPalette.ColorRole.Text))
    s = size / 16
    painter.drawEllipse(QPointF(8 * s, 5 * s), 3.2 * s, 3.2 * s)
    painter.drawChord(QRectF(2 * s, 9.5 * s, 12 * s, 11 * s), 0, 180 * 16)
    painter.end()
    return QIcon(pixmap)


class PersonLinkAction(QAction):
    """"Open person page" (Ctrl+Shift+O while `owner` or a child of it has the focus), for a
    widget that shows one person at a time. `person` says which person is shown (None: nobody,
    and the action is disabled); call `refresh` when that changes. The action is visible only
    where a page can be opened (see `can_open_person`)."""

    def __init__(self, owner: QWidget, person: Callable[[], tuple[int, str] | None]):
        super().__init__(person_icon(owner.palette()), tr("Open person page"), owner)
        self.owner = owner
        self.person = person
        self.setShortcut(QKeySequence(OPEN_PERSON_KEYS))
        self.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.triggered.connect(self.open)
        self.refresh()

    def refresh(self) -> None:
        shown = self.person()
        self.setVisible(can_open_person(self.owner))
        self.setEnabled(shown is not None)
        keys = QKeySequence(OPEN_PERSON_KEYS).toString(QKeySequence.SequenceFormat.NativeText)
        tip = (tr("Open %1’s page (%2)").replace("%1", shown[1]) if shown is not None
               else tr("Choose someone to open their page (%2)"))
        self.setToolTip(tip.replace("%2", keys))

    def repaint_icon(self) -> None:
        """The palette changed (light or dark): draw the icon in its text colour again."""
        self.setIcon(person_icon(self.owner.palette()))

    def open(self) -> bool:
        shown = self.person()
        return shown is not None and open_person_page(self.owner, shown[0])

    def add_to_menu(self, menu: QMenu) -> None:
        """Put the action first in a context menu, when it can be used here."""
        if not self.isVisible():
            return
        first = menu.actions()[0] if menu.actions() else None
        menu.insertAction(first, self)
        if first is not None:
            menu.insertSeparator(first)
