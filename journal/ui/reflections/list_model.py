"""The list of received-feedback reflections: when, from whom, and where each one stands."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject

from journal.domain.names import name_order
from journal.store.journal import Journal
from journal.store.paging import ListQuery
from journal.store.reflections import (
    ReflectionRow,
    any_reflections,
    reflection_page,
    reflection_row,
)
from journal.ui.feedback.shared import one_line, status_label
from journal.ui.models.paged_table import PagedTableModel
from journal.ui.models.record_table import Column

STATUS_FILTERS: tuple[tuple[str, frozenset[str] | None], ...] = (
    ("all", None),
    ("open", frozenset({"open", "acting"})),
    ("done", frozenset({"done"})),
)


def tr(text: str) -> str:
    return QCoreApplication.translate("Reflections", text)


def status_filter_label(key: str) -> str:
    return {"all": tr("All reflections"), "open": tr("Not done yet"), "done": tr("Done")}[key]


def giver_text(row: ReflectionRow) -> str:
    return row.giver_name or tr("Not named")


def _page(journal: Journal, query: ListQuery, offset: int, limit: int) -> list[ReflectionRow]:
    # The SQL sorts by what the columns show: the words for nobody named, the statuses in the
    # order of their labels in this language.
    labels = sorted(("open", "acting", "done"), key=lambda s: status_label(s).casefold())
    return reflection_page(journal, query, offset, limit, unnamed=tr("Not named").casefold(),
                           status_ranks={status: rank for rank, status in enumerate(labels)})


def reflection_model(parent: QObject | None = None) -> PagedTableModel:
    """Reflections a batch at a time, most recently received first."""
    return PagedTableModel([
        Column(tr("Received"), lambda r: r.received_on.isoformat(),
               sort=lambda r: r.received_on.isoformat()),
        Column(tr("From"), giver_text, sort=lambda r: name_order(giver_text(r)),
               tooltip=giver_text),
        Column(tr("Status"), lambda r: status_label(r.status)),
        Column(tr("What was said"), lambda r: one_line(r.what_was_said),
               tooltip=lambda r: one_line(r.what_was_said, 600)),
    ], page=_page, one=reflection_row, exists=any_reflections,
        orders={0: "received", 1: "giver", 2: "status", 3: "said"}, parent=parent)
