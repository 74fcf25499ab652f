"""The People page: everyone the journal names, what they are to the user, and each person's
page (who they are, rename, merge, delete, timeline) beside the list. Built on the page kit."""

from __future__ import annotations

from PySide6.QtCore import Signal

from journal.domain.kinds import (
    CONFLICT,
    CONFLICT_OWNER,
    DECISION_PERSON,
    FEEDBACK_DRAFT,
    MENTORSHIP,
    ONE_ON_ONE,
    PARTNER_CONTACT,
    PARTNER_TEAM,
    PERSON,
    REFLECTION,
)
from journal.domain.names import name_order
from journal.store.people import unused_name
from journal.store.person_links import person_row, person_rows
from journal.ui.kit import Choice, Column, ListEditorPage, ListSpec, Query, Search, Texts
from journal.ui.people.labels import roles_text, tr
from journal.ui.people.person_page import PersonEditor, delete_person_with_undo

# Kinds whose records name people: a change to one may change someone's roles or timeline.
NAMING_KINDS = (MENTORSHIP, FEEDBACK_DRAFT, REFLECTION, PARTNER_TEAM, PARTNER_CONTACT, CONFLICT,
                CONFLICT_OWNER, ONE_ON_ONE, DECISION_PERSON)


def _new_person(journal):
    return journal.create(PERSON, name=unused_name(journal, tr("New person")))


class PeoplePage(ListEditorPage):
    prepare_requested = Signal(int)  # Prepare 1:1 with a person (the main window opens it)

    @classmethod
    def spec(cls) -> ListSpec:
        return ListSpec(
            kind=PERSON, name="person", editor=PersonEditor, related=NAMING_KINDS,
            columns=[
                Column(tr("Name"), lambda r: r.name, sort=lambda r: name_order(r.name),
                       tooltip=lambda r: f"{r.name} · {r.team}" if r.team else r.name),
                Column(tr("Who they are"), lambda r: roles_text(r.roles),
                       tooltip=lambda r: roles_text(r.roles)),
                Column(tr("Team"), lambda r: r.team, sort=lambda r: r.team.casefold()),
                Column(tr("Records"), lambda r: str(r.references), sort=lambda r: r.references)],
            query=Query.whole(person_rows, person_row),
            widths={0: 160, 2: 120}, stretch=1, sizes=(460, 640),
            new=_new_person, new_field="name",
            describe=lambda row: row.name,
            search=Search(tr("Filter by name or team"), tr("Filter people")),
            choice=Choice([("all", None), ("alone", {"alone"})], lambda key: {
                "all": tr("Everyone"), "alone": tr("Named by no record")}[key],
                tr("S&how:"), default="all"),
            texts=Texts(
                empty_heading=tr("People"),
                empty_body=tr("Everyone your journal mentions: the people you mentor, your "
                              "mentors, who gave or will get feedback, your contacts on partner "
                              "teams. They appear here as you name them anywhere; you can also "
                              "add someone now."),
                empty_button=tr("&Add a person"),
                nothing=tr("Choose someone on the left to see who they are to you and "
                           "everything that mentions them."),
                no_match=tr("Nobody matches. Clear the filter to see everyone."),
                new_button=tr("New &person"), new_tip=tr("Add a person (Ctrl+N)"),
                new_action=tr("&New person"), list_name=tr("People")))

    _stale = False  # records naming people changed while the page was hidden

    def on_changes(self, changes) -> None:
        # Reading everyone's roles takes 30 ms at 10x: while the page is hidden, an edit
        # elsewhere (a feedback draft saving as it is typed) only marks it for a reload when it
        # is shown again.
        if (self.ctx is not None and not self.isVisible() and not changes.touches(PERSON)
                and changes.touches(*NAMING_KINDS)):
            self._stale = True
            return
        super().on_changes(changes)

    def showEvent(self, event) -> None:
        if self._stale and self.ctx is not None:
            self._stale = False
            self.md.reload_from_store(None)
            self.editor.refresh_links()
        super().showEvent(event)

    def journal_changed(self) -> None:
        self._stale = False
        super().journal_changed()

    def show_record(self, kind: str, record_id: int, field: str | None = None) -> None:
        """A person; or a 1:1, shown as its entry in its person's timeline."""
        if kind == ONE_ON_ONE and self.ctx is not None:
            try:
                person_id = self.ctx.journal.get(ONE_ON_ONE, record_id).person_id
            except LookupError:
                return
            super().show_record(PERSON, person_id)
            self.editor.choose_entry(ONE_ON_ONE, record_id)
            return
        super().show_record(kind, record_id, field)

    def _build(self, spec) -> None:
        # Delete on the list deletes only a person nothing names (the kit's delete would take
        # their records with them), and says why not otherwise.
        self.md.delete_selected = self._delete_selected
        super()._build(spec)
        self.editor.prepare_requested.connect(self._prepare)
        # A rename moves the person to their new place in the list once the name is done (not
        # at each saved keystroke, which would make the row jump while they type).
        self.editor.name.editingFinished.connect(self._resort)

    def _resort(self) -> None:
        if self.ctx is None:
            return
        self.ctx.saver.flush()  # the row shows the name kept
        header = self.table.horizontalHeader()
        self.model.sort_rows(header.sortIndicatorSection(), header.sortIndicatorOrder())
        current = self.table.currentIndex()
        if current.isValid():
            self.table.scrollTo(current)

    def _prepare(self) -> None:
        person_id = self.current_id()
        if person_id is not None:
            self.prepare_requested.emit(person_id)

    def _delete_selected(self) -> None:
        person_id = self.current_id()
        if delete_person_with_undo(self, self.ctx, person_id):
            self.editor.load(None)
            self.md.update_views()

