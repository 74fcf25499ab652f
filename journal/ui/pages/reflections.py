"""The Reflections page: feedback I received, worked through one step at a time."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from journal.domain.kinds import PERSON, REFLECTION
from journal.domain.names import name_order
from journal.store.journal import Journal
from journal.store.paging import ListQuery
from journal.store.reflections import (
    ReflectionRow,
    any_reflections,
    reflection_page,
    reflection_row,
)
from journal.ui.kit import Choice, Column, ListEditorPage, ListSpec, Query, Search, Texts
from journal.ui.reflections.steps import status_label, tr
from journal.ui.reflections.wizard import ReflectionWizard
from journal.ui.widgets.text import one_line

STATUS_FILTERS = (("all", None), ("open", frozenset({"open", "acting"})),
                  ("done", frozenset({"done"})))


def giver_text(row: ReflectionRow) -> str:
    return row.giver_name or tr("Not named")


def _page(journal: Journal, query: ListQuery, offset: int, limit: int) -> list[ReflectionRow]:
    # The SQL sorts by what the columns show: the words for nobody named, the statuses in the
    # order of their labels in this language.
    labels = sorted(("open", "acting", "done"), key=lambda s: status_label(s).casefold())
    return reflection_page(journal, query, offset, limit, unnamed=tr("Not named").casefold(),
                           status_ranks={status: rank for rank, status in enumerate(labels)})


class ReflectionsPage(ListEditorPage):
    @classmethod
    def spec(cls) -> ListSpec:
        return ListSpec(
            kind=REFLECTION, name="reflection", editor=ReflectionWizard, related=(PERSON,),
            columns=[
                Column(tr("Received"), lambda r: r.received_on.isoformat(),
                       sort=lambda r: r.received_on.isoformat()),
                Column(tr("From"), giver_text, sort=lambda r: name_order(giver_text(r)),
                       tooltip=giver_text),
                Column(tr("Status"), lambda r: status_label(r.status)),
                Column(tr("What was said"), lambda r: one_line(r.what_was_said),
                       tooltip=lambda r: one_line(r.what_was_said, 600))],
            query=Query(_page, reflection_row, any_reflections,
                        orders={0: "received", 1: "giver", 2: "status", 3: "said"}),
            sort=(0, Qt.SortOrder.DescendingOrder), widths={1: 120},
            new=lambda journal: journal.create(REFLECTION, received_on=dt.date.today()),
            new_field="giver_id",
            describe=lambda row: (tr("the reflection on feedback from %1").replace(
                "%1", row.giver_name) if row.giver_name else tr("this reflection")),
            search=Search(tr("Filter by name or words"), tr("Filter reflections")),
            choice=Choice(STATUS_FILTERS, lambda key: {
                "all": tr("All reflections"), "open": tr("Not done yet"), "done": tr("Done")}[key],
                tr("S&how:"), default="all"),
            texts=Texts(
                empty_heading=tr("Feedback you received"),
                empty_body=tr("Hard feedback is easier to use once it is written down calmly: "
                              "what was said, what you understood, one concrete example, what "
                              "is useful in it whoever said it, and what you will do. Take it "
                              "one step at a time; you can stop and come back whenever you "
                              "like."),
                empty_button=tr("&Reflect on feedback"),
                nothing=tr("Choose a reflection on the left, or press Ctrl+N to work through "
                           "feedback you received."),
                no_match=tr("Nothing matches. Clear the filter to see everything."),
                new_button=tr("New &reflection"),
                new_tip=tr("Work through feedback you received (Ctrl+N)"),
                new_action=tr("&New reflection"), list_name=tr("Reflections")))
