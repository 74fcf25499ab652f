"""Render the main window to PNG files (offscreen), for the README and for looking at the UI.

    python docs/make_screenshots.py [--db FILE] [--sample] [--out DIR] [--dark] [--size WxH]

Each page is shown in turn and saved as <out>/<page>.png.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db")
    parser.add_argument("--sample", action="store_true")
    parser.add_argument("--out", default="screenshots")
    parser.add_argument("--dark", action="store_true")
    parser.add_argument("--size", default="1200x760")
    parser.add_argument("--pages", default="")
    args = parser.parse_args()

    home = Path(tempfile.mkdtemp(prefix="lj-shots-"))
    for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        os.environ[var] = str(home / var.lower())

    from PySide6.QtWidgets import QApplication

    from journal.paths import resolve_journal
    from journal.store.journal import open_journal
    from journal.ui import theme
    from journal.ui.app import create_app, settings_store
    from journal.ui.main_window import MainWindow
    from journal.ui.pages import PAGES

    app = create_app()
    theme.apply(app, "dark" if args.dark else "light")
    journal_path = resolve_journal(args.db or str(home / "j.sqlite3"))
    window = MainWindow(settings_store(), home_path=journal_path)
    if args.sample:
        window.open_sample()
    else:
        window.set_journal(open_journal(journal_path))
    width, height = (int(v) for v in args.size.split("x"))
    window.resize(width, height)
    window.show()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    wanted = [p for p in args.pages.split(",") if p] or [s.key for s in PAGES]
    suffix = "-dark" if args.dark else ""
    for key in wanted:
        window.show_page(key)
        for _ in range(5):
            app.processEvents()
        window.grab().save(str(out / f"{key}{suffix}.png"))
        print(out / f"{key}{suffix}.png")
    window.close()
    QApplication.processEvents()


if __name__ == "__main__":
    main()
