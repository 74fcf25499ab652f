"""The person picker lists everyone only once it is needed, and then holds every choice."""

from __future__ import annotations

from PySide6.QtCore import Qt

from journal.store.people import person_choices
from journal.ui.mentoring.people import ME, MentorPicker
from journal.ui.widgets.person_picker import PersonPicker


def _items(picker):
    return [(picker.itemText(i), picker.itemData(i)) for i in range(picker.count())]


def _people(journal, *names):
    return [journal.create("person", name=n, team="Core" if n == "Bo" else "").id for n in names]


def test_a_closed_picker_holds_its_choice_then_every_person_when_asked(journal, qtbot):
    _people(journal, "Cy", "Ana", "Bo")
    ids = {name: pid for pid, name, _t in person_choices(journal)}
    ana, bo, cy = ids["Ana"], ids["Bo"], ids["Cy"]
    picker = PersonPicker(allow_none=True, none_text="nobody")
    qtbot.addWidget(picker)
    picker.set_journal(journal)
    picker.set_person(bo)
    assert not picker.filled
    assert picker.currentData() == bo and picker.currentText() == "Bo · Core"
    picker.set_person(cy)  # another choice while closed: looked up on its own
    assert picker.currentData() == cy and picker.currentText() == "Cy"

    picker.ensure_filled()
    assert _items(picker) == [("nobody", None), ("Ana", ana), ("Bo · Core", bo), ("Cy", cy)]
    assert picker.completer().model().stringList() == ["Ana", "Bo", "Cy"]
    assert picker.currentData() == cy and picker.currentText() == "Cy"
    picker.set_person(None)
    assert picker.currentText() == "nobody"


def test_typing_fills_the_list_first_and_keeps_the_selection(journal, qtbot):
    _people(journal, "Ana", "Kim Park")
    picker = MentorPicker()
    qtbot.addWidget(picker)
    picker.set_journal(journal)
    picker.set_mentor(None, True)
    assert not picker.filled and picker.currentText() == "Me"
    picker.lineEdit().selectAll()
    qtbot.keyClicks(picker.lineEdit(), "Kim")
    assert picker.filled
    assert picker.lineEdit().text() == "Kim"
    assert [text for text, _d in _items(picker)] == ["Me", "No mentor yet", "Ana", "Kim Park"]
    assert picker.completer().model().stringList() == ["Me", "Ana", "Kim Park"]
    qtbot.keyClicks(picker.lineEdit(), " Park")
    qtbot.keyClick(picker.lineEdit(), Qt.Key.Key_Return)
    assert picker.mentor()[0] == next(p for p, n, _t in person_choices(journal) if n == "Kim Park")


def test_a_picker_fills_on_focus_and_on_its_list(journal, qtbot):
    _people(journal, "Ana", "Bo")
    picker = MentorPicker()
    qtbot.addWidget(picker)
    picker.set_journal(journal)
    picker.set_person(ME)
    picker.showPopup()
    assert picker.filled and picker.count() == 4 and picker.currentData() == ME
    picker.hidePopup()
    picker.reload()  # a refill starts closed again, keeping the choice
    assert not picker.filled and picker.currentData() == ME
    picker.show()
    picker.setFocus()
    qtbot.waitUntil(lambda: picker.filled)
    assert picker.count() == 4 and picker.currentData() == ME


def test_no_mentor_reads_the_same_in_the_picker_and_the_summary(journal, qtbot):
    from journal.ui.mentoring.labels import mentor_text

    picker = MentorPicker()
    qtbot.addWidget(picker)
    picker.set_journal(journal)
    picker.set_mentor(None, False)
    assert picker.currentText() == mentor_text(False, "") == "No mentor yet"
