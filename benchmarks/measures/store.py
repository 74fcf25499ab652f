"""The store: opening a journal, migrating an old one, counting records."""

from __future__ import annotations

import os
import shutil
import time

from benchmarks.registry import Context, Sample, measure, median, timings_ms
from journal.store.journal import open_journal
from journal.store.schema import SCHEMA_VERSION


@measure("migration", target="< 2000 ms")
def migration(ctx: Context) -> Sample:
    """Open a journal written by schema 1: checks, backup copy and every later migration."""
    v1 = ctx.v1_journal()
    # The copy taken before migrating goes to the snapshot folder: keep it in the scratch folder.
    os.environ["XDG_DATA_HOME"] = str(ctx.workdir / "home" / "xdg_data_home")
    runs = max(1, min(ctx.repeat, 5))  # each run copies the whole file; a few are enough
    times = []
    for i in range(runs):
        folder = ctx.workdir / f"migration-{i}"
        folder.mkdir()
        copy = folder / "journal.sqlite3"
        shutil.copyfile(v1, copy)
        start = time.perf_counter()
        journal = open_journal(copy)
        elapsed = (time.perf_counter() - start) * 1000
        try:
            if journal.schema_version != SCHEMA_VERSION:
                raise RuntimeError(f"migrated to {journal.schema_version}, not {SCHEMA_VERSION}")
        finally:
            journal.close()
        times.append(elapsed)
        shutil.rmtree(folder)
    return Sample(median(times))


@measure("store.open", target="< 50 ms")
def store_open(ctx: Context) -> Sample:
    """open_journal on an up-to-date journal: header and content checks, lock, connection."""
    path = ctx.journal()
    opened = []
    times = timings_ms(lambda: opened.append(open_journal(path)), ctx.repeat,
                       setup=lambda: opened and opened.pop().close())
    opened.pop().close()
    return Sample(median(times))


@measure("store.counts", target="< 50 ms")
def store_counts(ctx: Context) -> Sample:
    """Counting every kind of record, as the sidebar and `info` do."""
    with open_journal(ctx.journal(), read_only=True) as journal:
        journal.counts()  # the first call pays for reading the pages from disk
        return Sample(median(timings_ms(journal.counts, ctx.repeat)))
