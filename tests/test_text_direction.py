"""Right-to-left paragraphs in multi-line fields start at the right, each paragraph in its own
direction (issue 10, #13)."""

from __future__ import annotations

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QPlainTextEdit

from journal.ui.mentoring.goals import text_box
from journal.ui.widgets.text_direction import follow_text_direction

ARABIC = "سألت أربعة أسئلة عن حالات الفشل"
HEBREW = "בפגישה ביום שלישי"


def _starts(edit: QPlainTextEdit, qtbot) -> list[int]:
    """Where each paragraph's first character sits, from the field's left edge."""
    edit.show()
    qtbot.waitExposed(edit)
    qtbot.wait(20)
    edit.viewport().repaint()
    out = []
    for number in range(edit.document().blockCount()):
        edit.setTextCursor(QTextCursor(edit.document().findBlockByNumber(number)))
        out.append(edit.cursorRect().x())
    return out


def test_each_paragraph_starts_on_its_own_side(qtbot):
    edit = follow_text_direction(QPlainTextEdit())
    qtbot.addWidget(edit)
    edit.resize(420, 200)
    edit.setPlainText(f"In the Tuesday review\n{ARABIC}\n{HEBREW}\nback to English")
    english, arabic, hebrew, english_again = _starts(edit, qtbot)
    width = edit.viewport().width()
    assert english < 12 and english_again < 12
    assert arabic > width - 12 and hebrew > width - 12


def test_typing_a_new_right_to_left_paragraph_aligns_it_right(qtbot):
    edit = follow_text_direction(QPlainTextEdit())
    qtbot.addWidget(edit)
    edit.resize(420, 200)
    edit.setPlainText("Notes")
    _starts(edit, qtbot)
    cursor = edit.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    cursor.insertText("\n" + ARABIC)
    assert _starts(edit, qtbot)[1] > edit.viewport().width() - 12


def test_mentoring_text_boxes_follow_the_direction_too(qtbot):
    box = text_box(3)
    qtbot.addWidget(box)
    box.resize(420, 120)
    box.setPlainText(ARABIC)
    assert _starts(box, qtbot)[0] > box.viewport().width() - 12
