"""Due soon and snapshots: computing what is due, taking a snapshot, and how long the UI thread
goes without running while a snapshot is written on the worker."""

from __future__ import annotations

import time

from benchmarks import gui
from benchmarks.registry import Context, Sample, measure, median, timings_ms


@measure("due.compute", target="< 30 ms")
def due_compute(ctx: Context) -> Sample:
    """Everything "Due soon" lists (check-ins, feedback, partner teams, reviews, 1:1s)."""
    from journal.store.due import due_items
    from journal.store.journal import open_journal

    with open_journal(ctx.journal(), read_only=True) as journal:
        due_items(journal)  # the first call pays for reading the pages from disk
        return Sample(median(timings_ms(lambda: due_items(journal), ctx.repeat)))


def _snapshot_home(ctx: Context):
    gui.use_private_settings(ctx.workdir / "home")
    return gui.private_copy(ctx.journal(), ctx.workdir / "snapshots")


@measure("snapshot.take", target="< 1000 ms")
def snapshot_take(ctx: Context) -> Sample:
    """A snapshot through the backup API into the snapshot folder: copy, check, flush to disk,
    name; the rotation keeps the folder from growing."""
    from journal.store import snapshots

    path = _snapshot_home(ctx)
    runs = max(3, min(ctx.repeat, 7))
    times = timings_ms(lambda: snapshots.snapshot_file(path, snapshots.MANUAL, keep=2), runs)
    return Sample(median(times))


@measure("snapshot.ui_gap", target="< 50 ms", gui=True)
def snapshot_ui_gap(ctx: Context) -> Sample:
    """The longest the UI thread waits between two ticks of a 5 ms timer while the daily
    snapshot runs on its worker (median over runs); the floor is the same without a snapshot."""
    from PySide6.QtCore import QTimer

    from journal.ui.due.daily import DailyJobs

    path = _snapshot_home(ctx)
    gaps, floors = [], []
    with gui.main_window(path) as window:
        for _ in range(max(3, min(ctx.repeat, 5))):
            for taking in (False, True):
                ticks: list[float] = []
                timer = QTimer()
                timer.setInterval(5)
                timer.timeout.connect(lambda t=ticks: t.append(time.perf_counter()))
                timer.start()
                worker = None
                if taking:
                    from journal.store import snapshots

                    for old in snapshots.list_snapshots(path):
                        old.path.unlink()
                    worker = DailyJobs(window).snapshot_if_due()
                end = time.perf_counter() + 0.4
                while (worker is not None and worker.is_alive()) or time.perf_counter() < end:
                    gui.process_events()
                    time.sleep(0.001)
                timer.stop()
                widest = max(b - a for a, b in zip(ticks, ticks[1:], strict=False)) * 1000
                (gaps if taking else floors).append(widest)
    return Sample(median(gaps), median(floors))
