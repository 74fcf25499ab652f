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


@measure("store.partner_rows", target="< 20 ms")
def store_partner_rows(ctx: Context) -> Sample:
    """Every team with its standing and twelve-month strip (what the Partner teams list reads)."""
    from journal.store.partners import team_rows

    with open_journal(ctx.journal(), read_only=True) as journal:
        team_rows(journal)
        return Sample(median(timings_ms(lambda: team_rows(journal), ctx.repeat)))


@measure("store.decision_rows", target="< 20 ms")
def store_decision_rows(ctx: Context) -> Sample:
    """The rows of the four Decisions lists, all of them."""
    from journal.store.decisions import conflict_rows, proposal_rows, record_rows, review_rows

    def all_rows() -> None:
        review_rows(journal)
        record_rows(journal)
        proposal_rows(journal)
        conflict_rows(journal)

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
