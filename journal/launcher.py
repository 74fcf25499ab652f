"""Entry point of the console script and `python -m journal`: the CLI, which starts the app
when no command is given."""

from __future__ import annotations

import sys


def start_app(db: str | None) -> int:
    from journal.ui.app import run

    return run(db)


def main() -> None:
    from journal.cli.main import main as cli_main

    sys.exit(cli_main(sys.argv[1:], start_app=start_app))
