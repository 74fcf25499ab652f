"""The Mentoring page: mentees on the left, the chosen one's goals, check-ins, sessions and
mentorship on the right. Ctrl+N adds a mentee."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal

from journal.domain.kinds import MENTORSHIP, PERSON
from journal.ops.add_mentee import add_mentee_undoable
from journal.store.changes import Changes
from journal.store.mentoring import mentorship_id_of, mentorship_of_person
from journal.ui.kit import Choice, ListEditorPage, ListSpec, Search, SortBy, Texts
from journal.ui.mentoring.add_mentee import AddMenteeDialog
from journal.ui.mentoring.detail import GOALS_TAB, MENTORING_KINDS, MenteeDetail
from journal.ui.mentoring.labels import tr
from journal.ui.mentoring.mentee_list import (
    LAST_CONTACT,
    NAME,
    NEXT_DUE,
    STATUS_CHOICES,
    columns,
    date_column_width,
    mentee_query,
    today,
)


class MentoringPage(ListEditorPage):
    prepare_requested = Signal(int)  # Prepare 1:1 with a person (the main window opens it)
    kinds = (PERSON, MENTORSHIP, "goal", "check_in", "mentoring_session")

    @classmethod
    def spec(cls) -> ListSpec:
        width = date_column_width()
        return ListSpec(
            kind=MENTORSHIP, name="mentee", editor=lambda: MenteeDetail(today),
            columns=columns(), query=mentee_query(), widths={NEXT_DUE: width,
                                                             LAST_CONTACT: width},
            stretch=NAME, sizes=(360, 700),
            new=lambda _journal: None,  # new_record asks first (the Add a mentee dialog)
            describe=lambda row: tr("the mentorship of %1").replace("%1", row.mentee_name),
            search=Search(tr("Name, team or mentor"), tr("Filter mentees"), tr("F&ind:")),
            sort_by=SortBy(tr("Sort &by:"), ((tr("Name"), NAME),
                                             (tr("Next check-in due"), NEXT_DUE),
                                             (tr("Last contact"), LAST_CONTACT))),
            choice=Choice(STATUS_CHOICES, lambda key: key, tr("Sho&w ended"),
                          default="current", check_box=True),
            texts=Texts(
                empty_heading=tr("Mentoring"),
                empty_body=tr("Keep each person you mentor in one place: who mentors them "
                              "and how, one or two concrete goals for the next few months, a "
                              "short check-in each week, and notes from your sessions, "
                              "including how they worked through a problem.\n\nStart with "
                              "one person. You can add their first goal right after."),
                empty_button=tr("&Add a mentee…"),
                nothing=tr("Choose a mentee on the left, or press Ctrl+N to add one."),
                no_match=tr("No mentee matches. Clear the search or tick “Show ended”."),
                new_button=tr("&Add mentee…"), new_tip=tr("Add a mentee (Ctrl+N)"),
                new_action=tr("New mentee"), list_name=tr("Mentees")))

    def __init__(self, parent=None):
        super().__init__(parent)
        self.detail = self.editor
        self.detail.known_row = self._row_in_list
        self.detail.prepare_requested.connect(self.prepare_requested)
        self.add_dialog: AddMenteeDialog | None = None
        self.empty.button.setDefault(True)

    def _row_in_list(self, mentorship_id: int):
        """The list's row of a mentorship (saves the detail a query), or None."""
        i = self.model.row_of(mentorship_id)
        return self.model.rows[i] if i >= 0 else None

    # -- data ------------------------------------------------------------------------------------
    def on_changes(self, changes: Changes) -> None:
        # Every mentoring kind shows in the list (due dates, last contact, names) and in the
        # open mentee's header, so any of them reloads both; the parts skip their own saves.
        if self.ctx is None or not changes.touches(*MENTORING_KINDS):
            return
        self.md.reload()
        self.detail.refresh(changes)

    def show_record(self, kind: str, record_id: int, field: str | None = None) -> None:
        """Open a person's mentorship, a mentorship, or a goal, check-in or session on its
        tab, with the cursor in `field` when it is given."""
        if self.ctx is None:
            return
        journal = self.ctx.journal
        if kind == PERSON:
            mentorship = mentorship_of_person(journal, record_id)
            if mentorship is None:
                self.ctx.status(tr("This person is not a mentee yet."))
                return
            mentorship_id = mentorship.id
        else:
            mentorship_id = mentorship_id_of(journal, kind, record_id)
        if mentorship_id is None or not self.md.show(mentorship_id):
            self.ctx.status(tr("That record no longer exists."))
            return
        self.detail.show_part(kind, record_id, field)

    # -- adding ----------------------------------------------------------------------------------
    def new_record(self) -> None:
        """Ask who (the Add a mentee dialog); nothing is stored until it is accepted."""
        if not self.md.writable():
            return
        self.ctx.saver.flush()
        dialog = AddMenteeDialog(self.ctx.journal, today(), self)
        dialog.accepted.connect(lambda: self._add_mentee(dialog))
        dialog.finished.connect(dialog.deleteLater)
        self.add_dialog = dialog
        dialog.open()

    add_mentee = new_record

    def _add_mentee(self, dialog: AddMenteeDialog) -> None:
        values = dialog.values()
        self.add_dialog = None
        if values is None or self.ctx is None:
            return
        try:
            done = add_mentee_undoable(self.ctx.journal, **values)
        except ValueError as error:  # (the dialog asks again before it gets here)
            self.ctx.status(str(error))
            return
        name = self.detail.row.mentee_name if self.md.show(done.record_id) else ""
        self.ctx.undo.push(tr("add %1").replace("%1", name or tr("the mentee")), done.undo)
        self.detail.tabs.setCurrentIndex(GOALS_TAB)
        self.detail.goals.new_button.setFocus(Qt.FocusReason.OtherFocusReason)
        self.ctx.status(tr("Mentee added. Next: give them a concrete goal."))
