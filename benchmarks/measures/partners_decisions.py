"""Partner teams and Decisions (issue 11): selecting in their lists, the tabs of Decisions, the
store queries behind them, and an ADR folder written and read. Opening the two pages is measured
with the other pages (page.partners.open, page.decisions.open in pages.py)."""

from __future__ import annotations

import shutil
from typing import Any

from benchmarks import gui
from benchmarks.measures.pages import SELECT_TARGET, _journal, _runs, _select_in
from benchmarks.registry import Context, Sample, measure, median, timings_ms
from journal.store.journal import open_journal


@measure("page.partners.select", target=SELECT_TARGET, gui=True)
def partners_select(ctx: Context) -> Sample:
    """Selecting a team: its editor, standing, strip and contact log (about 80 contacts)."""
    _, times = gui.page_open_times(_journal(ctx), "partners", _runs(ctx),
                                   then=lambda page: _select_in(page.md))
    return Sample(median(times))


def _tab(index: int):
    def select(page: Any) -> list[float]:
        page.tabs.setCurrentIndex(index)
        gui.process_events()
        return _select_in(page.current_list().md)

    return select


@measure("page.decisions.select_review", target=SELECT_TARGET, gui=True)
def decisions_select_review(ctx: Context) -> Sample:
    _, times = gui.page_open_times(_journal(ctx), "decisions", _runs(ctx), then=_tab(0))
    return Sample(median(times))


@measure("page.decisions.select_record", target=SELECT_TARGET, gui=True)
def decisions_select_record(ctx: Context) -> Sample:
    """Selecting an ADR: its links both ways, the reviews that led to it, its people."""
    _, times = gui.page_open_times(_journal(ctx), "decisions", _runs(ctx), then=_tab(1))
    return Sample(median(times))


@measure("page.decisions.select_conflict", target=SELECT_TARGET, gui=True)
def decisions_select_conflict(ctx: Context) -> Sample:
    _, times = gui.page_open_times(_journal(ctx), "decisions", _runs(ctx), then=_tab(3))
    return Sample(median(times))


@measure("page.decisions.open_records_tab", target="< 50 ms", gui=True)
def decisions_records_tab(ctx: Context) -> Sample:
    """Switching to the Decision records tab the first time (built and filled then)."""

    def switch(page: Any) -> list[float]:
        return [gui.timed_ms(lambda: (page.tabs.setCurrentIndex(1), gui.process_events()))]

    _, times = gui.page_open_times(_journal(ctx), "decisions", _runs(ctx), then=switch)
    return Sample(median(times))


@measure("store.partner_page", target="< 20 ms")
def store_partner_page(ctx: Context) -> Sample:
    """The first batch of the Partner teams list, most neglected first: standings and strips."""
    from journal.store.paging import ListQuery
    from journal.store.partners import team_page

    query = ListQuery(order="neglect")
    with open_journal(ctx.journal(), read_only=True) as journal:
        team_page(journal, query, 0, 200)
        return Sample(median(timings_ms(lambda: team_page(journal, query, 0, 200),
                                        ctx.repeat)))


@measure("store.decision_pages", target="< 20 ms")
def store_decision_pages(ctx: Context) -> Sample:
    """The first batch of each of the four Decisions lists, in their default order."""
    from journal.store.decisions import conflict_page, proposal_page, record_page, review_page
    from journal.store.paging import ListQuery

    def all_rows() -> None:
        review_page(journal, ListQuery(order="reviewed", descending=True), 0, 200)
        record_page(journal, ListQuery(order="number", descending=True), 0, 200)
        proposal_page(journal, ListQuery(order="proposed", descending=True), 0, 200)
        conflict_page(journal, ListQuery(), 0, 200)

    with open_journal(ctx.journal(), read_only=True) as journal:
        all_rows()
        return Sample(median(timings_ms(all_rows, ctx.repeat)))


@measure("adr.export", target="< 1000 ms")
def adr_export(ctx: Context) -> Sample:
    """Every decision record written as MADR files into an empty folder."""
    from journal.export.adr.folder import export_folder

    folder = ctx.workdir / "adr-export"
    runs = max(1, min(ctx.repeat, 5))
    with open_journal(ctx.journal(), read_only=True) as journal:
        times = timings_ms(lambda: export_folder(journal, folder, "madr"), runs,
                           setup=lambda: shutil.rmtree(folder, ignore_errors=True))
    return Sample(median(times))


@measure("adr.import", target="< 2000 ms")
def adr_import(ctx: Context) -> Sample:
    """Reading that folder into an empty journal: the plan, then the write (one transaction)."""
    from journal.export.adr.folder import apply_import, export_folder, plan_import

    folder = ctx.workdir / "adr-import"
    with open_journal(ctx.journal(), read_only=True) as journal:
        export_folder(journal, folder, "madr")
    runs = max(1, min(ctx.repeat, 3))
    times = []
    for i in range(runs):
        target = ctx.workdir / f"adr-import-{i}.sqlite3"
        with open_journal(target) as empty:
            times += timings_ms(lambda e=empty: apply_import(e, plan_import(e, folder)), 1)
    return Sample(median(times))
