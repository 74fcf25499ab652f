"""Choosing a mentor: the user ("Me"), another person, or nobody yet."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from journal.ui.mentoring.labels import mentor_text, tr
from journal.ui.widgets.person_picker import PersonPicker

ME = -1  # the picker's value for "the user is the mentor"


class MentorPicker(PersonPicker):
    """A PersonPicker whose first entries are "Me" and "No mentor yet" (worded as the mentee's
    summary words it, by `mentor_text`). `mentor()` returns the
    fields to store: (mentor_id, mentor_is_me)."""

    def __init__(self, parent: QWidget | None = None, *, create_new: bool = True):
        super().__init__(parent, allow_none=True, none_text=mentor_text(False, ""),
                         create_new=create_new)
        self.setToolTip(tr("Pick Me, someone from your journal, or type a new name"))

    def leading_entries(self) -> list[tuple[str, object, bool]]:
        return [(tr("Me"), ME, True), *super().leading_entries()]  # "Me" can be typed too

    def set_mentor(self, mentor_id: int | None, mentor_is_me: bool) -> None:
        self.set_person(ME if mentor_is_me else mentor_id)

    def mentor(self) -> tuple[int | None, bool]:
        """(mentor_id, mentor_is_me) for what is chosen; a new typed name becomes a person."""
        chosen = self.person_id()
        if chosen == ME:
            return None, True
        return chosen, False

    def mentor_choice(self) -> tuple[int | str | None, bool]:
        """(mentor, mentor_is_me) creating nothing: the mentor is an id, a new typed name or
        None (see PersonPicker.choice)."""
        chosen = self.choice()
        if chosen == ME:
            return None, True
        return chosen, False
