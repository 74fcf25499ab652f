"""Before a 1:1 and export/import (issue 13): the prep note for the busiest person, and the whole
journal out to JSON and back in, each timed as a whole `leadership-journal` process."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.registry import Context, Sample, measure, median, timings_ms
from journal.store.journal import open_journal

REPO_ROOT = Path(__file__).resolve().parents[2]
PROCESS_RUNS = 5  # each run is a whole process; a few are enough for a median


def busiest_person(journal) -> int:
    """The person the most records point at: the heaviest prep note in the journal."""
    return journal.rows("""
        SELECT p.id FROM people p ORDER BY
          (SELECT count(*) FROM check_ins c JOIN goals g ON g.id = c.goal_id
             JOIN mentorships m ON m.id = g.mentorship_id WHERE m.mentee_id = p.id)
        + (SELECT count(*) FROM feedback_drafts f WHERE f.recipient_id = p.id)
        + (SELECT count(*) FROM partner_contacts pc WHERE pc.person_id = p.id) DESC, p.id
        LIMIT 1""")[0][0]


@measure("prep.render", target="< 100 ms")
def prep_render(ctx: Context) -> Sample:
    """The prep note for the busiest person: every query, the agenda, Markdown and sanitised
    HTML (what the prep window shows)."""
    from journal.export.html import markdown_to_html
    from journal.export.prep_markdown import prep_markdown
    from journal.store.prep import prep_facts

    with open_journal(ctx.journal(), read_only=True) as journal:
        person = busiest_person(journal)

        def render() -> None:
            markdown_to_html(prep_markdown(prep_facts(journal, person)))

        render()  # the first run pays for imports and reading pages from disk
        return Sample(median(timings_ms(render, ctx.repeat)))


def _process_ms(args: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "journal", *args], cwd=REPO_ROOT, check=True,
                   capture_output=True, env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"})
    return (time.perf_counter() - start) * 1000


def _exported(ctx: Context) -> Path:
    def make() -> Path:
        target = ctx.workdir / "export-once.json"
        _process_ms(["--db", str(ctx.journal()), "export", "--format", "json", "--output",
                     str(target)])
        return target

    return ctx.once("exported_json", make)


@measure("export.json", target="< 1000 ms")
def export_json(ctx: Context) -> Sample:
    """`leadership-journal export --format json` of the whole journal, as a whole process."""
    target = ctx.workdir / "export.json"
    times = [_process_ms(["--db", str(ctx.journal()), "export", "--format", "json", "--output",
                          str(target)]) for _ in range(max(1, min(ctx.repeat, PROCESS_RUNS)))]
    return Sample(median(times))


@measure("import.json", target="< 3000 ms")
def import_json(ctx: Context) -> Sample:
    """`leadership-journal import` of that export into a new journal, as a whole process:
    reading, the full check, the snapshot and the one transaction."""
    source = _exported(ctx)
    times = []
    for i in range(max(1, min(ctx.repeat, PROCESS_RUNS))):
        folder = ctx.workdir / f"import-{i}"
        folder.mkdir()
        times.append(_process_ms(["--db", str(folder / "j.sqlite3"), "import", str(source)]))
    return Sample(median(times))


@measure("export.markdown", target="< 3000 ms")
def export_markdown(ctx: Context) -> Sample:
    """`leadership-journal export --format markdown` (the Obsidian vault), as a whole process."""
    times = [_process_ms(["--db", str(ctx.journal()), "export", "--format", "markdown",
                          "--output", str(ctx.workdir / f"vault-{i}")])
             for i in range(max(1, min(ctx.repeat, 3)))]
    return Sample(median(times))
