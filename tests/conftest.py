"""Shared fixtures. Every test gets private data/config/log folders and never touches the
user's real journal."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def private_dirs(tmp_path_factory, monkeypatch):
    home = tmp_path_factory.mktemp("home")
    for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        monkeypatch.setenv(var, str(home / var.lower()))
    monkeypatch.delenv("LEADERSHIP_JOURNAL_DB", raising=False)
    monkeypatch.delenv("LEADERSHIP_JOURNAL_EXIT_AFTER_PAINT", raising=False)
    return home


@pytest.fixture
def journal_path(tmp_path) -> Path:
    return tmp_path / "journal.sqlite3"


@pytest.fixture
def journal(journal_path):
    from journal.store.journal import open_journal

    j = open_journal(journal_path)
    yield j
    j.close()


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def window(qtbot, journal_path):
    """The main window on a fresh, empty journal, as a new user sees it."""
    from journal.store.journal import open_journal
    from journal.ui.app import create_app, settings_store
    from journal.ui.main_window import MainWindow

    create_app()
    win = MainWindow(settings_store(), home_path=journal_path)
    qtbot.addWidget(win)
    win.set_journal(open_journal(journal_path))
    win.show_page("checklist")
    win.show()
    qtbot.waitExposed(win)
    yield win
    if win.journal is not None:
        win.saver.flush()
        win.journal.close()
        win.journal = None


@pytest.fixture
def sample_window(window):
    """The main window showing the sample journal."""
    assert window.open_sample()
    return window


@pytest.fixture(autouse=True)
def synchronous_queries(monkeypatch):
    """Lists query in place in tests, so assertions see the rows at once; a test of the
    worker itself sets `QueryRunner.synchronous` back to False."""
    from journal.ui.query_runner import QueryRunner

    monkeypatch.setattr(QueryRunner, "synchronous", True)


@pytest.fixture(autouse=True)
def clipboard_left_empty():
    """Empty the clipboard after each test that used Qt. Under the offscreen platform, data left
    on the clipboard when the process exits crashes Python's shutdown (a segmentation fault after
    every test passed: PySide6 6.11, reproduced with four lines); xcb is not affected."""
    yield
    import sys

    if "PySide6.QtGui" not in sys.modules:
        return
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is not None:
        QGuiApplication.clipboard().clear()
