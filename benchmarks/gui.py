"""Driving the app's main window in this process, for the page measures and mentoring_bench.

One offscreen QApplication per process (Qt allows no more). Each run gets a fresh MainWindow on
the Checklist page, as after start-up, so what a measure times includes building the page it opens.
Settings go to a private folder, never the user's.
"""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

_XDG = ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME")


def use_private_settings(home: Path) -> None:
    """Point the app's data, config, log and cache folders into `home`."""
    for var in _XDG:
        os.environ[var] = str(home / var.lower())


def application() -> Any:
    """The process's QApplication (offscreen unless a platform was chosen), made on first use."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from journal.ui import theme
    from journal.ui.app import create_app

    if QApplication.instance() is not None:
        return QApplication.instance()
    app = create_app()
    theme.apply(app, "system")  # as `run` does: the style sheet costs time in every page
    return app


def process_events() -> None:
    from PySide6.QtWidgets import QApplication

    QApplication.processEvents()


def private_copy(journal: Path, folder: Path) -> Path:
    """A copy of `journal` in `folder`, for measures that write (the cached file stays as made)."""
    folder.mkdir(parents=True, exist_ok=True)
    copy = folder / journal.name
    if not copy.exists():
        shutil.copyfile(journal, copy)
    return copy


@contextmanager
def main_window(path: Path, first_page: str = "checklist") -> Iterator[Any]:
    """A fresh main window on the journal at `path`, showing `first_page` (the Checklist, as
    after start-up), shown and settled; closed (journal and lock released) afterwards."""
    from journal.store.journal import open_journal
    from journal.ui.app import settings_store
    from journal.ui.main_window import MainWindow

    application()
    window = MainWindow(settings_store(), home_path=path)
    window.set_journal(open_journal(path))
    window.show_page(first_page)
    window.show()
    process_events()
    settle_checklist(window)
    try:
        yield window
    finally:
        window.saver.flush()
        window.close()  # saves the layout, detaches the feed, closes the journal
        window.deleteLater()
        process_events()


def settle_checklist(window: Any) -> None:
    """Wait until the Checklist has judged the journal once (it does so on a worker right after
    the first paint), so no measure times that work by accident."""
    page = window.pages.get("checklist")
    if page is None or window.journal is None or window.journal.is_empty():
        return
    wait_until(lambda: page.checklist is not None and not page.pending)


def timed_ms(action: Callable[[], object]) -> float:
    """Wall time in ms of `action` plus the events it posted (layout, repaint requests)."""
    start = time.perf_counter()
    action()
    process_events()
    return (time.perf_counter() - start) * 1000


def timed_until_ms(action: Callable[[], object], condition: Callable[[], bool],
                   timeout_s: float = 10.0) -> float:
    """Wall time in ms from the start of `action` until the window shows `condition()`."""
    start = time.perf_counter()
    action()
    wait_until(condition, timeout_s)
    return (time.perf_counter() - start) * 1000


def wait_until(condition: Callable[[], bool], timeout_s: float = 10.0) -> None:
    """Process events until `condition()` holds; raises TimeoutError after `timeout_s`."""
    deadline = time.perf_counter() + timeout_s
    while not condition():
        if time.perf_counter() > deadline:
            raise TimeoutError("the window did not show the expected change in time")
        process_events()


# -- what several measures share -------------------------------------------------------------
def page_open_times(path: Path, key: str, runs: int,
                    then: Callable[[Any], list[float]] | None = None,
                    first_page: str = "checklist") -> tuple[list[float], list[float]]:
    """Open page `key` on a fresh window showing `first_page`, `runs` times: its open times in
    ms, and what `then` (called with the open page each run) timed after it."""
    opening: list[float] = []
    after: list[float] = []
    for _ in range(runs):
        with main_window(path, first_page) as window:
            start = time.perf_counter()
            page = window.show_page(key)
            process_events()
            opening.append((time.perf_counter() - start) * 1000)
            if then is not None:
                after.extend(then(page))
    return opening, after


def mentee_ids(page: Any) -> list[int]:
    """Mentorships to switch between on the Mentoring page: the current ones, or every one when
    fewer than two are current (a tiny journal); selecting an ended one shows the ended."""
    ids = [row.id for row in page.model.rows if not row.ended]
    if len(ids) < 2:
        page.choice.setChecked(True)  # the list reads the ended ones when shown
        ids = [row.id for row in page.model.rows]
    if len(ids) < 2:
        raise RuntimeError("the journal needs two mentees to switch between")
    return ids


def switch_mentees(page: Any, steps: int = 4) -> list[float]:
    """Select `steps` different mentees among those the Mentoring page lists; ms each."""
    ids = mentee_ids(page)
    times = []
    for step in range(steps):
        target = ids[(step * 37 + 11) % len(ids)]
        times.append(timed_ms(lambda t=target: page.md.show(t)))
        if page.detail.mentorship_id != target:
            raise RuntimeError(f"mentee {target} was selected but not shown")
    return times
