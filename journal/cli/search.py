"""`leadership-journal search QUERY`: the Ctrl+K search in a terminal. Reads only.

Results come grouped by kind, best kind first, each with its title, date and a snippet. Exit
codes: 0 with results, 1 with none (or no journal), 2 for usage mistakes.
"""

from __future__ import annotations

import json
import sys

import click

from journal.cli.options import db_option
from journal.domain.kinds import KIND_LABELS
from journal.store.search_index import BY_KIND as INDEXED_KINDS


@click.command("search")
@db_option
@click.argument("query", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="Print the results as JSON.")
@click.option("--kind", "kinds", multiple=True, type=click.Choice(sorted(INDEXED_KINDS)),
              help="Only records of this kind (repeat for more kinds).")
@click.option("--limit", type=click.IntRange(min=1), default=50, show_default=True,
              help="At most this many results.")
@click.pass_context
def search_command(ctx: click.Context, query: tuple[str, ...], as_json: bool,
                   kinds: tuple[str, ...], limit: int) -> None:
    """Find records holding every word of QUERY (each word may be the start of a word; case
    and accents do not matter; a person's name may have a typo). Exits 1 when nothing is
    found."""
    from journal.cli.main import Failure, journal_path
    from journal.domain.search_text import query_words
    from journal.store.journal import open_journal
    from journal.store.opening import needs_migration
    from journal.store.search import grouped, search

    text = " ".join(query)
    if not query_words(text):
        raise click.UsageError(f"{text!r} holds no word to search for", ctx)
    path = journal_path(ctx)
    if not path.exists():
        raise Failure(f"{path} does not exist yet, so there is nothing to search")
    # An older journal gets its index the first time it is opened for writing.
    with open_journal(path, read_only=not needs_migration(path)) as journal:
        hits = search(journal, text, kinds=list(kinds) or None, limit=limit)
    if as_json:
        click.echo(json.dumps([{
            "kind": hit.kind, "id": hit.id, "title": hit.title, "date": hit.day,
            "snippet": hit.snippet, "marks": [list(mark) for mark in hit.marks],
            "typo": hit.fuzzy} for hit in hits], indent=2, ensure_ascii=False))
    else:
        bold = sys.stdout.isatty()
        for number, (kind, group) in enumerate(grouped(hits)):
            if number:
                click.echo()
            click.echo(f"{KIND_LABELS[kind].capitalize()} ({len(group)})")
            for hit in group:
                title = hit.title or "(untitled)"
                click.echo(f"  {title}  {hit.day}  [{kind} {hit.id}]")
                if hit.snippet and hit.snippet != hit.title:
                    click.echo(f"    {_marked(hit.snippet, hit.marks, bold)}")
    if not hits:
        raise click.exceptions.Exit(1)


def _marked(snippet: str, marks: tuple[tuple[int, int], ...], bold: bool) -> str:
    """The snippet with its matching words in bold on a terminal (plain in a pipe)."""
    if not bold:
        return snippet
    out, at = [], 0
    for start, end in marks:
        out += [snippet[at:start], click.style(snippet[start:end], bold=True)]
        at = end
    return "".join([*out, snippet[at:]])
