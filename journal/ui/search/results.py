"""The search box's result list: hits grouped under their kind, each drawn as a title, a date
and a snippet with the matching words marked, in the palette's colours (light or dark)."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QAbstractTextDocumentLayout, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QApplication,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from journal.domain import kinds
from journal.store.search import Hit, grouped

HIT_ROLE = Qt.ItemDataRole.UserRole  # (kind, id) of a result; None on a group's heading
SHOWN_ROLE = Qt.ItemDataRole.UserRole + 1  # the Hit, or the heading's text

_GROUPS = {
    kinds.PERSON: "People",
    kinds.MENTORSHIP: "Mentorships",
    kinds.GOAL: "Goals",
    kinds.CHECK_IN: "Check-ins",
    kinds.MENTORING_SESSION: "Mentoring sessions",
    kinds.FEEDBACK_DRAFT: "Feedback drafts",
    kinds.RETRO: "Retros",
    kinds.RETRO_ITEM: "Retro items",
    kinds.REFLECTION: "Feedback I received",
    kinds.PARTNER_TEAM: "Partner teams",
    kinds.PARTNER_CONTACT: "Partner contacts",
    kinds.DESIGN_REVIEW: "Design reviews",
    kinds.DECISION_RECORD: "Decision records",
    kinds.ROADMAP_PROPOSAL: "Roadmap proposals",
    kinds.CONFLICT: "Cross-team conflicts",
    kinds.CONFLICT_OWNER: "Conflict owners",
    kinds.ONE_ON_ONE: "1:1s",
}


def group_title(kind: str) -> str:
    if kind in _GROUPS:
        return QCoreApplication.translate("Search", _GROUPS[kind])
    # A kind a later release adds: its plural from kinds, until it is named here.
    label = kinds.KIND_LABELS.get(kind, kind.replace("_", " "))
    return label[:1].upper() + label[1:]


def marked_html(text: str, marks: tuple[tuple[int, int], ...], color: str) -> str:
    """`text` as HTML with the marked stretches in bold and the accent colour."""
    out, at = [], 0
    for start, end in marks:
        out.append(html.escape(text[at:start]))
        out.append(f'<b style="color:{color}">{html.escape(text[start:end])}</b>')
        at = end
    out.append(html.escape(text[at:]))
    return "".join(out)


def hit_html(hit: Hit, accent: str, dim: str) -> str:
    """A result as HTML: the title (its matching words marked when it is a name that matched),
    the date dimmed, and the snippet with its matching words marked on the next line."""
    title = html.escape(hit.title) or html.escape(QCoreApplication.translate("Search",
                                                                            "(untitled)"))
    if hit.snippet == hit.title:  # a name: the title itself is what matched
        title = marked_html(hit.title, hit.marks, accent)
    typo = QCoreApplication.translate("Search", " · close to what you typed") if hit.fuzzy else ""
    day = "" if hit.kind == kinds.PERSON else hit.day  # when they were first named: noise
    head = (f'<span style="font-weight:600">{title}</span>&nbsp;&nbsp;'
            f'<span style="color:{dim}">{html.escape(day)}{typo}</span>')
    if hit.snippet and hit.snippet != hit.title:
        head += f"<br>{marked_html(hit.snippet, hit.marks, accent)}"
    return head


def item_html(shown: object, palette: QPalette, selected: bool) -> str:
    """The HTML of a list item (a Hit, or a heading's text) in the palette's colours; on the
    selection every colour is the selection's text colour, so nothing is lost on it."""
    if selected:
        accent = dim = palette.color(QPalette.ColorRole.HighlightedText).name()
    else:
        accent = palette.color(QPalette.ColorRole.Link).name()
        dim = palette.color(QPalette.ColorRole.PlaceholderText).name()
    if isinstance(shown, Hit):
        return hit_html(shown, accent, dim)
    return f'<span style="color:{dim}; font-weight:600">{html.escape(str(shown or ""))}</span>'


class HitDelegate(QStyledItemDelegate):
    """Draws an item's HTML (HTML_ROLE) over the usual item background, wrapped to the width."""

    def _document(self, option: QStyleOptionViewItem, index: QModelIndex) -> QTextDocument:
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        doc.setDocumentMargin(6)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        doc.setHtml(item_html(index.data(SHOWN_ROLE), option.palette, selected))
        doc.setTextWidth(max(option.rect.width(), 200))
        return doc

    def paint(self, painter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        self.initStyleOption(option, index)
        doc = self._document(option, index)
        option.text = ""
        style = option.widget.style() if option.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = (QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        context.palette.setColor(QPalette.ColorRole.Text, option.palette.color(role))
        painter.save()
        painter.translate(option.rect.topLeft())
        painter.setClipRect(option.rect.translated(-option.rect.topLeft()))
        doc.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        self.initStyleOption(option, index)
        doc = self._document(option, index)
        return QSize(int(doc.idealWidth()), int(doc.size().height()))


class ResultList(QListWidget):
    """Results grouped by kind. Headings cannot be selected; `move(step)` walks the results
    only, so the arrow keys in the search field skip the headings."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setItemDelegate(HitDelegate(self))
        self.setWordWrap(True)
        self.setUniformItemSizes(False)
        self.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        self.setAccessibleName(self.tr("Search results"))
        self.hits: list[Hit] = []

    def show_hits(self, hits: list[Hit]) -> None:
        self.clear()
        self.hits = list(hits)
        for kind, group in grouped(hits):
            heading = QListWidgetItem()
            heading.setFlags(Qt.ItemFlag.NoItemFlags)
            heading.setData(HIT_ROLE, None)
            heading.setData(SHOWN_ROLE, group_title(kind))
            heading.setData(Qt.ItemDataRole.AccessibleTextRole, group_title(kind))
            self.addItem(heading)
            for hit in group:
                item = QListWidgetItem()
                item.setData(HIT_ROLE, (hit.kind, hit.id))
                item.setData(SHOWN_ROLE, hit)
                item.setData(Qt.ItemDataRole.AccessibleTextRole,
                             f"{group_title(kind)}: {hit.title}. {hit.snippet}")
                self.addItem(item)
        self.move(1)

    def result_rows(self) -> list[int]:
        return [row for row in range(self.count()) if self.item(row).data(HIT_ROLE) is not None]

    def move(self, step: int) -> None:
        """Select the result `step` results after the current one (clamped to the ends)."""
        rows = self.result_rows()
        if not rows:
            return
        current = self.currentRow()
        if current not in rows:
            target = rows[0] if step > 0 else rows[-1]
        else:
            at = rows.index(current) + step
            target = rows[min(max(at, 0), len(rows) - 1)]
        self.setCurrentRow(target)
        self.scrollToItem(self.item(target))

    def current_hit(self) -> tuple[str, int] | None:
        item = self.currentItem()
        return item.data(HIT_ROLE) if item is not None else None
