"""The list of feedback drafts: who it is for, how old it is, and whether it went stale."""

from __future__ import annotations

import functools

from PySide6.QtCore import QObject
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPalette
from PySide6.QtWidgets import QApplication, QStyle

from journal.domain.names import name_order
from journal.store.feedback import DraftRow, any_drafts, draft_page, draft_row
from journal.store.paging import ListQuery
from journal.ui.feedback.shared import age_text, polarity_label, status_label, tr
from journal.ui.kit import Query
from journal.ui.models.paged_table import PagedTableModel
from journal.ui.models.record_table import Column
from journal.ui.widgets.text import one_line

# Status filter choices, in the order the combo box offers them.
STATUS_FILTERS: tuple[tuple[str, frozenset[str] | None], ...] = (
    ("draft", frozenset({"draft"})),
    ("delivered", frozenset({"delivered"})),
    ("dropped", frozenset({"dropped"})),
    ("all", None),
)


def status_filter_label(key: str) -> str:
    return {"draft": tr("Waiting to be delivered"), "delivered": tr("Delivered"),
            "dropped": tr("Dropped"), "all": tr("All feedback")}[key]


def attention_color() -> QColor:
    """A warm colour that stays readable on the current palette (light or dark)."""
    dark = QGuiApplication.palette().color(QPalette.ColorRole.Base).lightness() < 128
    return QColor("#f0a35e") if dark else QColor("#a04c00")


def _age_text(row: DraftRow) -> str:
    """How long a draft has waited; a stale one says so in words as well as colour and icon.
    Delivered and dropped feedback no longer waits, so it shows its status instead."""
    if row.status == "draft":
        age = age_text(row.age_days)
        return tr("%1 · stale").replace("%1", age) if row.stale else age
    return status_label(row.status)


def _warning_icon() -> QIcon:
    return _style_warning_icon(QApplication.style().name())


@functools.cache
def _style_warning_icon(style_name: str) -> QIcon:
    # Asked for once per stale row each time the list paints or sizes its columns; the style
    # builds a new icon on every call, so keep one per style (the theme can change the style).
    return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)


def _tooltip(row: DraftRow) -> str:
    parts = [(tr("Situation"), row.situation), (tr("Behavior"), row.behavior),
             (tr("Impact"), row.impact)]
    lines = [f"{label}: {one_line(text, 400)}" for label, text in parts if text.strip()]
    return "\n".join([f"{row.recipient_name} · {polarity_label(row.polarity)}", *lines])


def _age_tooltip(row: DraftRow) -> str:
    text = tr("Written %1").replace("%1", row.created_on.isoformat())
    if row.status == "delivered" and row.delivered_on:
        text += "\n" + tr("Delivered %1").replace("%1", row.delivered_on.isoformat())
    if row.stale:
        text += "\n" + tr("Feedback lands best while the moment is fresh; deliver or drop it.")
    return text


def columns() -> list[Column]:
    return [
        Column(tr("For"), lambda r: r.recipient_name, sort=lambda r: name_order(r.recipient_name),
               tooltip=lambda r: r.recipient_name),
        Column(tr("Age"), _age_text, sort=lambda r: r.age_days if r.status == "draft"
               else 100000 + r.age_days,
               decoration=lambda r: _warning_icon() if r.stale else None,
               foreground=lambda r: attention_color() if r.stale else None,
               tooltip=_age_tooltip),
        Column(tr("Feedback"), lambda r: one_line(r.gist), tooltip=_tooltip),
    ]


def draft_query() -> Query:
    """The drafts a batch at a time, filtered and sorted in SQL until all of them are loaded."""
    return Query(page=draft_page, one=draft_row, exists=any_drafts,
                 orders={0: "name", 1: "age", 2: "gist"})


def draft_model(parent: QObject | None = None) -> PagedTableModel:
    """The list's model on its own, opening on the drafts waiting to be delivered (the default
    status filter), youngest first."""
    query = draft_query()
    return PagedTableModel(columns(), page=query.page, one=query.one, exists=query.exists,
                           orders=query.orders, parent=parent,
                           query=ListQuery(statuses=frozenset({"draft"})))
