"""The draft editor shows the id `coach --draft ID` asks for, where it can be copied
(issue 10, #20)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from journal.cli.main import main


def test_the_editor_shows_a_copyable_draft_id_that_the_cli_accepts(window, qtbot, capsys):
    page = window.show_page("feedback")
    page.tabs.setCurrentWidget(page.drafts)
    drafts = page.drafts
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert not drafts.editor.id_label.isVisible()  # no draft yet, no id
    qtbot.keyClicks(drafts.editor.picker.lineEdit(), "Ana")
    qtbot.keyClick(drafts.editor.picker.lineEdit(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: drafts.editor.record is not None)
    qtbot.keyClicks(drafts.editor.parts["behavior"], "Great job")
    window.saver.flush()

    label = drafts.editor.id_label
    draft_id = drafts.editor.record.id
    assert label.isVisible() and label.text() == f"Draft #{draft_id}"
    flags = label.textInteractionFlags()
    assert flags & Qt.TextInteractionFlag.TextSelectableByMouse
    assert flags & Qt.TextInteractionFlag.TextSelectableByKeyboard

    code = main(["coach", "--draft", label.text().split("#")[1], "--db", str(window.journal.path)])
    out = capsys.readouterr()
    assert code == 1 and "behavior:" in out.out and "no feedback draft" not in out.err
