"""Options every command shares."""

from __future__ import annotations

from collections.abc import Callable

import click

DB_HELP = ("Journal file to use (default: $LEADERSHIP_JOURNAL_DB, then the journal in your data "
           "folder).")


def checked_db(ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    """`--db` given before or after the command: an empty path is refused (it would otherwise
    read as "not given", and open the default journal instead of the one meant); the path
    given last is the one used."""
    if value is None:
        return None
    if not value.strip():
        raise click.BadParameter("needs the path of a journal file, and it was given an empty "
                                 "one", ctx=ctx, param_hint="'--db'")
    root = ctx.find_root()
    root.ensure_object(dict)
    root.obj["db"] = value
    return value


def db_option(command: Callable) -> Callable:
    """`--db PATH` on a command, so `leadership-journal info --db X` works as `--db X info`
    does, and the command's --help shows it."""
    return click.option("--db", "db", metavar="PATH", help=DB_HELP, expose_value=False,
                        callback=checked_db)(command)
