"""One journal reached by two paths (a symlinked Documents folder, a link on the desktop) is
still one journal: one writer at a time, and one set of snapshots."""

from __future__ import annotations

import pytest

from journal.domain.kinds import PERSON
from journal.ops.snapshots import snapshot_now
from journal.store import snapshots
from journal.store.errors import JournalLocked
from journal.store.journal import open_journal


@pytest.fixture
def link(journal_path, tmp_path):
    with open_journal(journal_path) as journal:
        journal.create(PERSON, name="Ana")
    other = tmp_path / "elsewhere"
    other.mkdir()
    link = other / "journal.sqlite3"
    link.symlink_to(journal_path)
    return link


def test_a_second_writer_through_a_link_is_refused(journal_path, link):
    journal = open_journal(journal_path)
    try:
        with pytest.raises(JournalLocked):
            open_journal(link)
    finally:
        journal.close()
    open_journal(link).close()  # free again once the first is closed


def test_snapshots_are_the_same_through_a_link(journal_path, link):
    taken = snapshot_now(journal_path)
    assert [s.path for s in snapshots.list_snapshots(link)] == [taken]
    assert snapshots.folder_for(link) == snapshots.folder_for(journal_path)


def test_opening_the_open_journal_through_a_link_keeps_it(window, tmp_path, monkeypatch):
    from PySide6 import QtWidgets

    warnings: list[str] = []
    monkeypatch.setattr(QtWidgets.QMessageBox, "warning",
                        lambda *args, **kwargs: warnings.append(str(args[2:])))
    link = tmp_path / "link-to-journal.sqlite3"
    link.symlink_to(window.journal.path)
    shown = window.journal
    assert window.try_open(link)
    assert warnings == [] and window.journal is shown


def test_a_link_to_nowhere_becomes_a_new_journal_as_before(tmp_path):
    link = tmp_path / "journal.sqlite3"
    link.symlink_to(tmp_path / "gone" / "journal.sqlite3")
    with open_journal(link) as journal:
        journal.create(PERSON, name="Ana")
    with open_journal(link) as journal:
        assert journal.count(PERSON) == 1
