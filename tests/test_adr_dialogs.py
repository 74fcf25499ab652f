"""Export ADRs / Import ADRs as a user meets them: the preview says file by file what will
happen before anything is written, other people's files are shown as left alone, Enter and Esc
do what the buttons say, and the tab order follows the form."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from journal.domain.kinds import DECISION_RECORD
from journal.store.journal import open_journal
from journal.ui.decisions.adr_dialogs import ExportDialog, ImportDialog

DATA = Path(__file__).parent / "data" / "adr"


@pytest.fixture
def journal(tmp_path):
    with open_journal(tmp_path / "j.sqlite3") as j:
        j.create(DECISION_RECORD, None, title="Use WAL mode", status="accepted")
        j.create(DECISION_RECORD, None, title="Keep backups for 30 days")
        yield j


def test_export_preview_shows_what_happens_to_each_file_before_writing(journal, qtbot,
                                                                        tmp_path):
    folder = tmp_path / "docs" / "adr"
    folder.mkdir(parents=True)
    (folder / "0001-use-wal-mode.md").write_text("a colleague's file\n")
    dialog = ExportDialog(journal)
    qtbot.addWidget(dialog)
    dialog.folder.setText(str(folder))
    qtbot.waitUntil(lambda: "Left as it is" in dialog.preview.toPlainText(), timeout=3000)
    text = dialog.preview.toPlainText()
    assert "Left as it is  0001-use-wal-mode.md" in text
    assert "New  0002-keep-backups-for-30-days.md" in text
    assert "1 new" in dialog.summary.text() and "1 left as they are" in dialog.summary.text()
    assert sorted(p.name for p in folder.iterdir()) == ["0001-use-wal-mode.md"]  # nothing yet
    # Enter exports; what was left alone keeps the dialog open, saying so
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.keyClick(dialog.folder, Qt.Key.Key_Return)
    assert (folder / "0002-keep-backups-for-30-days.md").exists()
    assert (folder / "0001-use-wal-mode.md").read_text() == "a colleague's file\n"
    assert dialog.isVisible() or dialog.result() == 0
    assert "not every file was written" in dialog.summary.text()
    close = dialog.buttons.button(dialog.buttons.StandardButton.Cancel)
    assert close.text().replace("&", "") == "Close"
    close.click()
    assert dialog.result() == ExportDialog.DialogCode.Accepted
    assert "1 left as they are" in dialog.result_text


def test_export_preview_follows_the_style_and_says_a_file_is_not_a_folder(journal, qtbot,
                                                                         tmp_path):
    folder = tmp_path / "adr"
    dialog = ExportDialog(journal)
    qtbot.addWidget(dialog)
    dialog.folder.setText(str(folder))
    dialog.buttons.accepted.emit()
    assert dialog.result() == ExportDialog.DialogCode.Accepted
    dialog = ExportDialog(journal, str(folder))
    qtbot.addWidget(dialog)
    assert "2 unchanged" in dialog.summary.text()
    dialog.style_box.setCurrentIndex(dialog.style_box.findData("madr"))
    assert "2 updated" in dialog.summary.text()
    a_file = tmp_path / "plain.txt"
    a_file.write_text("x")
    dialog.folder.setText(str(a_file))
    qtbot.waitUntil(lambda: "not a folder" in dialog.summary.text(), timeout=3000)
    assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()


def test_escape_closes_either_dialog_without_writing(journal, qtbot, tmp_path):
    folder = tmp_path / "adr"
    dialog = ExportDialog(journal, str(folder))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClick(dialog.folder, Qt.Key.Key_Escape)
    assert dialog.result() == ExportDialog.DialogCode.Rejected and not folder.exists()
    shutil.copytree(DATA / "nygard", tmp_path / "nygard")
    dialog = ImportDialog(journal, str(tmp_path / "nygard"))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClick(dialog.folder, Qt.Key.Key_Escape)
    assert dialog.result() == ImportDialog.DialogCode.Rejected
    assert journal.count(DECISION_RECORD) == 2


def test_import_preview_lists_creations_skips_and_ignored_files(journal, qtbot, tmp_path):
    folder = tmp_path / "nygard"
    shutil.copytree(DATA / "nygard", folder)
    (folder / "0009-broken.md").write_bytes(b"\x00\x01junk")
    dialog = ImportDialog(journal, str(folder))
    qtbot.addWidget(dialog)
    text = dialog.preview.toPlainText()
    assert text.startswith("Skipped  0009-broken.md: it is not a text file")
    assert "README.md" not in text and "template.md" not in text
    assert "ADR 0003: Log in JSON" in text
    # numbers the journal holds already are shown as the numbers they will get
    assert "next free number" not in text
    assert "ADR 0006: Use Go for the ingest service\n    (its number 0001 is taken" in text
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.keyClick(dialog.folder, Qt.Key.Key_Return)
    assert dialog.result() == ImportDialog.DialogCode.Accepted
    assert journal.count(DECISION_RECORD) == 8


@pytest.mark.parametrize("kind", [ExportDialog, ImportDialog])
def test_tab_order_follows_the_form(journal, qtbot, kind):
    dialog = kind(journal)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.folder.setFocus()
    seen = [dialog.folder]
    widget = dialog.folder
    for _ in range(6):
        widget = widget.nextInFocusChain()
        while not (widget.focusPolicy() & Qt.FocusPolicy.TabFocus) or not widget.isVisible() \
                or not widget.isEnabled():
            widget = widget.nextInFocusChain()
        seen.append(widget)
    names = [type(w).__name__ + ":" + (getattr(w, "text", lambda: "")() or "") for w in seen]
    assert names[1].startswith("QPushButton:") and "Browse" in names[1]
    if kind is ExportDialog:
        assert names[2].startswith("QComboBox")
