"""A journal refused at start-up: the reason on stderr as well as in the dialog, and the sample
offered only when it is not itself the refused file (issue 10, #11 and #18)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from journal.paths import sample_journal
from journal.store.journal import open_journal
from journal.ui.app import create_app, open_first_journal, settings_store
from journal.ui.main_window import MainWindow


@pytest.fixture
def boxes(monkeypatch):
    """Every message box shown: its title and button texts; each is answered with Quit."""
    shown: list[tuple[str, list[str]]] = []

    def fake_exec(box):
        shown.append((box.windowTitle(), [b.text() for b in box.buttons()]))
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    return shown


def _window(qtbot, path):
    create_app()
    win = MainWindow(settings_store(), home_path=path)
    qtbot.addWidget(win)
    return win


def test_a_refused_journal_is_told_on_stderr_in_one_line(qtbot, tmp_path, boxes, capfd):
    path = tmp_path / "notes.sqlite3"
    path.write_text("not a journal at all\n" * 20)
    assert open_first_journal(_window(qtbot, path), path) is False
    err = capfd.readouterr().err
    assert err.count("\n") == 1
    assert err.startswith("leadership-journal: ") and str(path) in err
    assert "not a Leadership Journal" in err
    [(title, buttons)] = boxes
    assert "Open the sample journal" in buttons


def test_a_locked_sample_is_not_offered_again(qtbot, boxes, capfd):
    holder = open_journal(sample_journal())  # the sample, open in another window
    try:
        window = _window(qtbot, sample_journal())
        assert open_first_journal(window, sample_journal()) is False
    finally:
        holder.close()
    [(title, buttons)] = boxes
    assert "Open the sample journal" not in buttons
    assert "your journal" not in title and "sample" in title
    assert "already open" in capfd.readouterr().err
