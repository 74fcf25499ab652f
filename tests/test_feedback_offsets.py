"""The coach counts characters; Qt counts UTF-16 units. Highlights must land on the same words."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtGui import QTextCursor, QTextDocument

from journal.ui.feedback.sbi_editor import utf16_offset

_TEXT = st.text(alphabet=st.sampled_from("ab é🦊محمد中\t"), max_size=40)


@settings(max_examples=200, deadline=None)
@given(_TEXT, st.data())
def test_a_character_span_selects_the_same_text_in_qt(text, data):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    document = QTextDocument(text)
    cursor = QTextCursor(document)
    cursor.setPosition(utf16_offset(text, start))
    cursor.setPosition(utf16_offset(text, end), QTextCursor.MoveMode.KeepAnchor)
    assert cursor.selectedText() == text[start:end]


def test_offsets_outside_the_text_are_clamped():
    assert utf16_offset("🦊a", 99) == 3
    assert utf16_offset("🦊a", -5) == 0
