"""`leadership-journal prep PERSON`: the 1:1 prep note, as in the app, in Markdown, HTML or PDF.

Reads only; the journal is opened read-only. Exit codes: 0 written, 1 no such person or a refused
file, 2 usage mistakes and a name that fits more than one person (the candidates are listed).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

EXTENSIONS = {"md": "md", "html": "html", "pdf": "pdf"}


@click.command("prep")
@click.argument("person")
@click.option("--format", "fmt", type=click.Choice(sorted(EXTENSIONS)), default="md",
              show_default=True, help="Markdown, one HTML file, or PDF.")
@click.option("--output", "-o", "output", metavar="FILE",
              help="Where to write it (a folder gets the usual file name). Default: Markdown "
                   "and HTML to the terminal, PDF to the usual file name here.")
@click.option("--since", "since", metavar="DATE", help="Start 'since' at this day (YYYY-MM-DD) "
              "instead of the last 1:1.")
@click.pass_context
def prep_command(ctx: click.Context, person: str, fmt: str, output: str | None,
                 since: str | None) -> None:
    """Prepare a 1:1 with PERSON (a name, the start of one, or an id)."""
    from journal.cli.main import Failure, journal_path
    from journal.store.journal import open_journal

    since_day = None
    if since is not None:
        try:
            since_day = dt.date.fromisoformat(since)
        except ValueError:
            raise click.UsageError(f"--since wants a day as YYYY-MM-DD, not {since!r}",
                                   ctx) from None
        if since_day > dt.date.today():
            raise click.UsageError(f"--since {since} is in the future: nothing has happened "
                                   "since then yet", ctx)
    path = journal_path(ctx)
    if not path.exists():
        raise Failure(f"{path} does not exist yet, so it knows nobody")
    from journal.export.prep_markdown import prep_markdown, title_of
    from journal.store.prep import people_matching, prep_facts

    with open_journal(path, read_only=True) as journal:
        found = people_matching(journal, person)
        if not found:
            raise Failure(f"nobody in the journal is called {person!r}")
        if len(found) > 1:
            names = "\n".join(f"  {pid}  {name}" for pid, name in found)
            click.echo(f"{person!r} fits {len(found)} people; name one of them (or give its "
                       f"id):\n{names}", err=True)
            ctx.exit(2)
        facts = prep_facts(journal, found[0][0], since=since_day)
    text = prep_markdown(facts)
    title = title_of(facts)
    target = _target(output, facts.person.name, facts.today, fmt)
    if target is None:
        click.echo(text if fmt == "md" else _html(text, title), nl=False)
        return
    if fmt == "pdf":
        from journal.export.pdf import write_pdf

        write_pdf(text, title, target)
    else:
        from journal.export.files import write_atomically

        write_atomically(target, text if fmt == "md" else _html(text, title))
    click.echo(f"Wrote {target}")


def _html(text: str, title: str) -> str:
    from journal.export.html import html_document

    return html_document(text, title)


def _target(output: str | None, name: str, day: dt.date, fmt: str) -> Path | None:
    """The file to write: the one named, or the usual name (never over an existing file, so a
    second note the same day, or a namesake's, is "… (2).pdf")."""
    from journal.export.files import prep_file_name, unused

    if output is None:
        return unused(Path(prep_file_name(name, day, EXTENSIONS[fmt]))) if fmt == "pdf" else None
    target = Path(output).expanduser()
    if target.is_dir():
        return unused(target / prep_file_name(name, day, EXTENSIONS[fmt]))
    return target
