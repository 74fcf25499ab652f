"""The checklist: computing every rule, how that grows with the journal, opening a journal on
the Checklist, and the time from an edit anywhere to the Checklist showing it."""

from __future__ import annotations

import datetime as dt
import time
from typing import Any

from benchmarks import fixtures, gui
from benchmarks.registry import Context, Sample, measure, median
from journal.store.journal import open_journal


def _compute_times(path: Any, repeat: int, *, forget: bool = False) -> list[float]:
    """Each run on a fresh read-only connection, as the page's worker opens one per run (so
    SQLite's own page cache starts empty; the system's file cache is warm, as in the app).
    `forget`: also forget which feedback texts are only vague labels, as after a start."""
    from journal.domain.checklist import only_vague_label
    from journal.store.checklist_run import compute

    with open_journal(path, read_only=True) as journal:
        compute(journal)  # compiles the word lists and warms the system's file cache
    times = []
    for _ in range(repeat):
        if forget:
            only_vague_label.cache_clear()
        with open_journal(path, read_only=True) as journal:
            start = time.perf_counter()
            compute(journal)
            times.append((time.perf_counter() - start) * 1000)
    return times


@measure("checklist.compute", target="< 30 ms")
def checklist_compute(ctx: Context) -> Sample:
    """All six rules, the snoozes and the hints on the journal (store.checklist_run.compute),
    each run on a new read-only connection as the page's worker opens."""
    return Sample(median(_compute_times(ctx.journal(), ctx.repeat)))


@measure("checklist.compute.cold", target="< 30 ms")
def checklist_compute_cold(ctx: Context) -> Sample:
    """As checklist.compute, and forgetting before each run which feedback texts are only vague
    labels (the app remembers them from one run to the next): the first run after a start."""
    return Sample(median(_compute_times(ctx.journal(), ctx.repeat, forget=True)))


@measure("checklist.compute.vs_1x", target="<= 10x floor")
def checklist_scaling(ctx: Context) -> Sample:
    """The same computation on this size's journal, against the 1x journal as the floor: at 10x
    the rules must take no more than ten times as long (at 1x the ratio is about 1)."""
    one_x = ctx.once("checklist.1x", lambda: fixtures.journal_file("1x", ctx.seed,
                                                                   ctx.cache_dir))
    here = median(_compute_times(ctx.journal(), ctx.repeat))
    floor = median(_compute_times(one_x, ctx.repeat))
    return Sample(here, floor)


def _idle_until(condition: Any, timeout_s: float = 10.0) -> None:
    """Run the event loop as the app does, idle between events (the page's worker gets the
    interpreter to itself meanwhile), until `condition()` holds."""
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    wake = QTimer()  # a heartbeat, so a missed event cannot block forever
    wake.start(20)
    deadline = time.perf_counter() + timeout_s
    try:
        while not condition():
            if time.perf_counter() > deadline:
                raise TimeoutError("the Checklist did not show the change in time")
            QApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
    finally:
        wake.stop()


def _until_ms(action: Any, condition: Any) -> float:
    start = time.perf_counter()
    action()
    _idle_until(condition)
    return (time.perf_counter() - start) * 1000


def _journal(ctx: Context) -> Any:
    def prepare() -> Any:
        gui.use_private_settings(ctx.workdir / "home")
        return gui.private_copy(ctx.journal(), ctx.workdir / "checklist")

    return ctx.once("checklist.journal", prepare)


@measure("page.checklist.open", target="< 100 ms", gui=True)
def checklist_open(ctx: Context) -> Sample:
    """A shown window opening the journal until the Checklist shows every rule: opening the
    file, the first paint, then the rules computed on the worker and put on screen."""
    from journal.ui.app import settings_store
    from journal.ui.main_window import MainWindow

    gui.application()
    path = _journal(ctx)
    times = []
    for _ in range(max(3, min(ctx.repeat, 10))):
        window = MainWindow(settings_store(), home_path=path)
        window.show()
        gui.process_events()
        try:
            start = time.perf_counter()
            window.set_journal(open_journal(path))
            window.show_page("checklist")
            page = window.pages["checklist"]
            _idle_until(lambda p=page: p.model.checklist is not None and not p.pending)
            times.append((time.perf_counter() - start) * 1000)
        finally:
            window.close()
            window.deleteLater()
            gui.process_events()
    return Sample(median(times))


@measure("edit.checklist.updated", target="< 100 ms", gui=True)
def checklist_updated(ctx: Context) -> Sample:
    """A goal's target date cleared and set again through the journal store, as the Mentoring
    page writes it: from the write to the Checklist's list showing the gap come and go (the
    mentoring rule and the hints run again; the others keep what they found). The
    rules run on the page's worker, as in the app, while the event loop waits for events (a
    waiting loop that spins would take the interpreter from the worker)."""

    def edit(page: Any) -> list[float]:
        journal = page.ctx.journal
        rows = journal.rows("SELECT g.id, g.target_on FROM goals g JOIN mentorships m "
                            "ON m.id = g.mentorship_id WHERE g.status = 'active' "
                            "AND g.target_on IS NOT NULL AND m.ended_on IS NULL "
                            "AND trim(g.outcome) != '' ORDER BY g.id LIMIT 3")
        if not rows:  # a tiny journal may have none: add one to edit
            person = journal.create("person", name="Benchmark mentee")
            mentorship = journal.create("mentorship", mentee_id=person.id, mentor_is_me=True,
                                        started_on=dt.date.today())
            goal = journal.create("goal", mentorship_id=mentorship.id,
                                  outcome="Run the failover drill as incident commander",
                                  started_on=dt.date.today(),
                                  target_on=dt.date.today() + dt.timedelta(days=60))
            rows = [(goal.id, goal.target_on.isoformat())]
            _idle_until(lambda: not page.pending)

        def shows(goal_id: int, present: bool) -> bool:
            current = page.model.checklist
            if current is None or page.pending:
                return False
            found = any(g.code == "goal_no_target" and g.id == goal_id
                        for g in current.result("mentoring").gaps)
            return found is present

        times = []
        for goal_id, target in rows:
            times.append(_until_ms(lambda g=goal_id: journal.update("goal", g, target_on=None),
                                   lambda g=goal_id: shows(g, True)))
            times.append(_until_ms(
                lambda g=goal_id, t=target: journal.update("goal", g,
                                                           target_on=dt.date.fromisoformat(t)),
                lambda g=goal_id: shows(g, False)))
        return times

    _, times = gui.page_open_times(_journal(ctx), "checklist", max(3, min(ctx.repeat, 5)),
                                   then=edit)
    return Sample(median(times))


@measure("edit.checklist.feedback_updated", target="< 100 ms", gui=True)
def checklist_feedback_updated(ctx: Context) -> Sample:
    """As edit.checklist.updated, for the heaviest rule: an undelivered draft's impact cleared
    and written again, so the feedback rule (every undelivered draft) runs again each time."""

    def edit(page: Any) -> list[float]:
        journal = page.ctx.journal
        rows = journal.rows("SELECT id, impact FROM feedback_drafts WHERE status = 'draft' "
                            "AND trim(impact) != '' AND trim(situation) != '' "
                            "AND trim(behavior) != '' ORDER BY id LIMIT 3")
        if not rows:
            person = journal.rows("SELECT id FROM people LIMIT 1")[0][0]
            draft = journal.create("feedback_draft", recipient_id=person, situation="At standup",
                                   behavior="You named the flaky test.", impact="It got fixed.")
            rows = [(draft.id, draft.impact)]
            _idle_until(lambda: not page.pending)

        def shows(draft_id: int, present: bool) -> bool:
            current = page.model.checklist
            if current is None or page.pending:
                return False
            found = any(g.code == "feedback_missing" and g.id == draft_id
                        for g in current.result("feedback").gaps)
            return found is present

        times = []
        for draft_id, impact in rows:
            times.append(_until_ms(lambda d=draft_id: journal.update("feedback_draft", d,
                                                                     impact=""),
                                   lambda d=draft_id: shows(d, True)))
            times.append(_until_ms(lambda d=draft_id, i=impact: journal.update(
                "feedback_draft", d, impact=i), lambda d=draft_id: shows(d, False)))
        return times

    _, times = gui.page_open_times(_journal(ctx), "checklist", max(3, min(ctx.repeat, 5)),
                                   then=edit)
    return Sample(median(times))
