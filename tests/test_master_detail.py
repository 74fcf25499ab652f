"""MasterDetail on its own: selecting, widening hidden rows, reloading, with a fake journal."""

from __future__ import annotations

from dataclasses import dataclass
from types import SimpleNamespace

import pytest
from PySide6.QtWidgets import QLabel, QWidget

from journal.domain.search_text import folded
from journal.store.errors import JournalError
from journal.ui.kit.master_detail import MasterDetail
from journal.ui.kit.parts import EmptyState
from journal.ui.models.record_table import Column, RecordTableModel


@dataclass(frozen=True)
class Row:
    id: int
    title: str
    status: str = "open"

    @property
    def search_text(self) -> str:
        return folded(self.title)


class FakeJournal:
    read_only = False

    def __init__(self, rows: list[Row]):
        self.rows = rows

    def get(self, kind: str, record_id: int) -> Row:
        for row in self.rows:
            if row.id == record_id:
                return row
        raise JournalError("gone")


class FakeEditor(QLabel):
    """Shows the title of the record it was given."""

    def __init__(self):
        super().__init__()
        self.record: Row | None = None

    def set_context(self, ctx: object) -> None:
        pass

    def load(self, record: Row | None) -> None:
        self.record = record
        self.setText(record.title if record else "")


class Owner(QWidget):
    def __init__(self, rows: list[Row], widen_to_keep: bool = True):
        super().__init__()
        self.ctx = SimpleNamespace(journal=FakeJournal(rows))
        self.widened: list[int] = []
        self.editor = FakeEditor()
        self.md = MasterDetail(self, kind="thing",
                               model=RecordTableModel([Column("Title", lambda r: r.title)]),
                               rows=lambda journal: list(journal.rows),
                               row=lambda journal, rid: next(
                                   (r for r in journal.rows if r.id == rid), None),
                               editor=self.editor, describe=lambda row: row.title,
                               widen=self._widen, widen_to_keep=widen_to_keep)
        self.md.build(filters=[], no_match="no match", new_button="New", new_tip="",
                      new_action="New", new=lambda: None, nothing="nothing",
                      detail=self.editor, splitter="split", sizes=[100, 200],
                      empty=EmptyState("Empty", "Nothing yet", "Start"))

    def _widen(self, row: Row) -> None:
        self.widened.append(row.id)
        self.md.proxy.set_text("")
        self.md.proxy.set_statuses(None)


@pytest.fixture
def owner(qtbot):
    widget = Owner([Row(1, "alpha"), Row(2, "beta", "done"), Row(3, "gamma")])
    qtbot.addWidget(widget)
    return widget


def test_reload_opens_the_first_record_and_shows_the_editor(owner):
    owner.md.journal_changed()
    assert owner.md.current_id() is not None
    assert owner.editor.record.id == owner.md.current_id()
    assert owner.md.stack.currentWidget() is owner.md.splitter
    assert owner.md.right.currentWidget() is owner.editor


def test_an_empty_journal_shows_the_empty_state(qtbot):
    widget = Owner([])
    qtbot.addWidget(widget)
    widget.md.journal_changed()
    assert widget.md.stack.currentWidget() is widget.md.empty
    assert widget.md.right.currentWidget() is widget.md.nothing


def test_select_does_not_widen_but_reveal_does(owner):
    owner.md.journal_changed()
    owner.md.select(1)
    owner.md.proxy.set_statuses({"open"})
    assert not owner.md.select(2)
    assert owner.widened == []
    assert owner.md.reveal(2)
    assert owner.widened == [2]
    assert owner.md.current_id() == 2
    assert owner.editor.record.id == 2


def test_show_reloads_to_find_a_new_record(owner):
    owner.md.journal_changed()
    owner.ctx.journal.rows.append(Row(4, "delta"))
    assert owner.md.show(4)
    assert owner.editor.record.id == 4
    assert not owner.md.show(99)


def test_reload_keeps_the_selection_and_clears_a_deleted_record(owner):
    owner.md.journal_changed()
    owner.md.select(3)
    owner.md.reload()
    assert owner.md.current_id() == 3
    owner.ctx.journal.rows[:] = [r for r in owner.ctx.journal.rows if r.id != 3]
    owner.md.reload()
    # The deleted record left the editor; the first one shown took its place.
    assert owner.editor.record is not None and owner.editor.record.id != 3


@pytest.mark.parametrize("widen_to_keep", [True, False])
def test_reload_widens_to_keep_the_current_record_only_when_asked(qtbot, widen_to_keep):
    widget = Owner([Row(1, "alpha"), Row(2, "beta")], widen_to_keep)
    qtbot.addWidget(widget)
    widget.md.journal_changed()
    widget.md.select(2)
    widget.md.proxy.set_text("beta")
    # Renamed elsewhere: the words typed no longer find it (a status would not hide it: the
    # record open in the editor is pinned).
    widget.ctx.journal.rows[1] = Row(2, "renamed")
    widget.md.reload()
    assert (widget.widened == [2]) is widen_to_keep
    assert (widget.md.current_id() == 2) is widen_to_keep
    assert widget.editor.record.id == 2  # the editor keeps it either way


def test_no_match_hint_shows_when_the_filter_hides_everything(owner):
    owner.md.journal_changed()
    owner.md.proxy.set_text("zzz")
    owner.md.update_views()
    assert not owner.md.no_match.isHidden()
    owner.md.proxy.set_text("")
    owner.md.update_views()
    assert owner.md.no_match.isHidden()


def test_refresh_rows_updates_in_place(owner):
    owner.md.journal_changed()
    owner.ctx.journal.rows[0] = Row(1, "alpha, renamed")
    owner.md.refresh_rows([1, 99])
    assert owner.md.model.rows[owner.md.model.row_of(1)].title == "alpha, renamed"
