"""The Retros tab of the Feedback page: past retros, searchable by subject, beside the editor."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from journal.domain.kinds import PERSON, RETRO, RETRO_ITEM
from journal.ops.follow_ups import NoActiveMentorship, item_to_draft, item_to_goal
from journal.store.changes import Changes
from journal.store.errors import JournalError
from journal.store.retros import retro_row, retro_rows
from journal.ui.feedback import follow_up
from journal.ui.feedback.retro_editor import RetroEditor, kind_label
from journal.ui.feedback.shared import tr
from journal.ui.kit import Column, ListEditorPage, ListSpec, Query, Search, Texts


def _subject(row: object) -> str:
    return row.subject.strip() or tr("Untitled retro")


def _tooltip(row: object) -> str:
    count = tr("1 item") if row.item_count == 1 else tr("%1 items").replace(
        "%1", str(row.item_count))
    return f"{_subject(row)}\n{kind_label(row.retro_kind)} · {count}"


def _short_kind(row: object) -> str:
    # The list is narrow: "On-call rotation" in full lives in the editor and the tooltip.
    return tr("Rotation") if row.retro_kind == "rotation" else kind_label(row.retro_kind)


def _describe(row: object) -> str:
    subject = row.subject.strip()
    return tr("the retro “%1”").replace("%1", subject) if subject else tr("this untitled retro")


class RetrosTab(ListEditorPage):
    @classmethod
    def spec(cls) -> ListSpec:
        return ListSpec(
            kind=RETRO, name="retro", editor=RetroEditor, related=(RETRO_ITEM,),
            columns=[
                Column(tr("Held on"), lambda r: r.held_on.isoformat(),
                       sort=lambda r: r.held_on.isoformat(), tooltip=_tooltip),
                Column(tr("Subject"), _subject, sort=lambda r: _subject(r).casefold(),
                       tooltip=_tooltip),
                Column(tr("Kind"), _short_kind, tooltip=_tooltip)],
            query=Query.whole(retro_rows, retro_row), sort=(0, Qt.SortOrder.DescendingOrder),
            stretch=1, sizes=(300, 700),  # the subject takes the room
            new=lambda journal: journal.create(RETRO, held_on=dt.date.today()),
            new_field="subject", describe=_describe,
            search=Search(tr("Search by subject"), tr("Search retros")),
            texts=Texts(
                empty_heading=tr("Continue, start, stop"),
                empty_body=tr("After a project, a sprint or an on-call rotation, note what to "
                              "keep doing, what to begin and what to drop. Any item can become "
                              "feedback for someone or a goal for a person you mentor."),
                empty_button=tr("Record your &first retro"),
                nothing=tr("Choose a retro on the left, or press Ctrl+N to record one."),
                no_match=tr("No retro has that in its subject."),
                new_button=tr("&New retro"), new_tip=tr("Record a retro (Ctrl+N)"),
                new_action=tr("&New retro"), list_name=tr("Retros")))

    def __init__(self, parent=None):
        super().__init__(parent)
        self.layout().setContentsMargins(0, 0, 0, 0)  # inside the Feedback page's tab
        self.no_match.setWordWrap(False)  # one short line
        self.editor.follow_up_requested.connect(self.follow_up)

    def on_changes(self, changes: Changes) -> None:
        if self.ctx is None or not changes.touches(RETRO, RETRO_ITEM):
            return
        if changes.initiator in (self.editor, self.editor.form):
            # The editor's own writes (items too): the list needs fresh subjects and counts.
            record = self.editor.record
            self.md.refresh_rows(changes.ids(RETRO) | ({record.id} if record else set()))
            self.md.update_views()
            return
        super().on_changes(changes)  # an item's change may be the open retro's

    def show_record(self, kind: str, record_id: int, field: str | None = None) -> None:
        """A retro, or one of its items (selected in its bucket)."""
        if kind != RETRO_ITEM or self.ctx is None:
            super().show_record(kind, record_id, field)
            return
        try:
            item = self.ctx.journal.get(RETRO_ITEM, record_id)
        except JournalError:
            return
        if self.md.show(item.retro_id):
            self.editor.select_item(record_id)

    def show_retro(self, retro_id: int, item_id: int | None = None) -> bool:
        shown = self.md.show(retro_id)
        if shown and item_id is not None:
            self.editor.select_item(item_id)
        return shown

    # -- follow-ups ------------------------------------------------------------------------------
    def follow_up(self, what: str, item_id: int) -> None:
        """Ask who, then turn the item into a feedback draft or a goal (undone with Ctrl+Z)."""
        journal = self.ctx.journal
        item = journal.get(RETRO_ITEM, item_id)
        if what == "feedback":
            dialog = follow_up.PersonDialog(
                journal, tr("Feedback from a retro item"),
                tr("Who is the feedback for? The item becomes part of a new draft; you can "
                   "reword everything afterwards."),
                follow_up.default_polarity(item.bucket), self)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            person_id, polarity = dialog.chosen()
            if person_id is None:
                return
            done = item_to_draft(journal, item_id, person_id, polarity, follow_up.wording())
            self.ctx.undo.push(tr("feedback from a retro item"), done.undo)
            self.ctx.show_record(done.kind, done.record_id)
            return
        dialog = follow_up.PersonDialog(
            journal, tr("Goal from a retro item"),
            tr("Whose goal is it? Goals belong to someone you mentor; the item becomes the "
               "outcome they work towards."), None, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        person_id, _ = dialog.chosen()
        if person_id is None:
            return
        name = journal.get(PERSON, person_id).name
        try:
            done = item_to_goal(journal, item_id, person_id, follow_up.today())
        except NoActiveMentorship:
            follow_up.explain_no_mentorship(self, name)
            return
        self.ctx.undo.push(tr("goal from a retro item"), done.undo)
        if follow_up.offer_to_open(self, tr("%1 has a new goal: “%2”. Open it on the Mentoring "
                                            "page?").replace("%1", name).replace("%2", item.text)):
            self.ctx.show_record(done.kind, done.record_id)
