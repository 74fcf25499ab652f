"""Slow work runs off the UI thread; older journals are migrated that way, then shown."""

from __future__ import annotations

import threading

import pytest

from journal.store.opening import needs_migration
from journal.store.schema import SCHEMA_VERSION
from journal.ui.background import run_with_progress
from tests.test_store_file import _v1_journal


def test_work_runs_on_another_thread_and_returns(qtbot):
    main = threading.get_ident()
    assert run_with_progress(None, "Working…", threading.get_ident) != main


def test_errors_come_back_to_the_caller(qtbot):
    def fail():
        raise ValueError("nope")

    with pytest.raises(ValueError, match="nope"):
        run_with_progress(None, "Working…", fail)


def test_needs_migration_reads_only_the_header(tmp_path, journal_path, journal):
    old = tmp_path / "old.sqlite3"
    _v1_journal(old)
    assert needs_migration(old)
    assert not needs_migration(journal_path)
    assert not needs_migration(tmp_path / "missing.sqlite3")
    garbage = tmp_path / "garbage"
    garbage.write_bytes(b"not sqlite")
    assert not needs_migration(garbage)


def test_window_opens_an_older_journal_after_migrating_it(window, tmp_path):
    old = tmp_path / "old.sqlite3"
    _v1_journal(old)
    assert window.try_open(old)
    assert window.journal.schema_version == SCHEMA_VERSION
    assert [p.name for p in window.journal.list("person")] == ["Old Friend"]
    # The connection opened on the worker is usable here, on the UI thread.
    window.journal.create("person", name="New Friend")
    assert window.journal.count("person") == 2
