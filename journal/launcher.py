"""Entry point of the console script and `python -m journal`: the CLI, which starts the app
when no command is given."""

from __future__ import annotations

import gc
import sys


def start_app(db: str | None) -> int:
    # The cyclic garbage collector pauses while the app starts: importing Qt and building the
    # window make many objects and no garbage, and the collections that would run meanwhile cost
    # 2 to 5 ms. `run` turns it back on once the window has painted.
    gc.disable()
    from journal.ui.app import run

    return run(db)


def _plain_start(argv: list[str]) -> tuple[bool, str | None]:
    """Is this just "start the app" (optionally with --db)? Then the CLI need not be loaded:
    click costs start-up time that a user opening the window should not pay."""
    if not argv:
        return True, None
    if len(argv) == 2 and argv[0] == "--db" and argv[1] and not argv[1].startswith("-"):
        return True, argv[1]
    if len(argv) == 1 and argv[0].startswith("--db=") and len(argv[0]) > 5:
        return True, argv[0][5:]
    return False, None


def main() -> None:
    argv = sys.argv[1:]
    plain, db = _plain_start(argv)
    if plain:
        sys.exit(start_app(db))
    from journal.cli.main import main as cli_main

    sys.exit(cli_main(argv, start_app=start_app))
