"""The Decisions page, driven as a user drives it: a review filled and its decision recorded,
supersession followed both ways, people picked, ADRs exported and read back, deletes undone."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from journal.domain.decisions import RUBRIC
from journal.domain.kinds import (
    CONFLICT,
    CONFLICT_OWNER,
    DECISION_PERSON,
    DECISION_RECORD,
    DESIGN_REVIEW,
    PERSON,
    ROADMAP_PROPOSAL,
)
from journal.export.adr.reading import parse
from journal.ops.decisions import supersede
from journal.ui.decisions.adr_dialogs import ExportDialog, ImportDialog


@pytest.fixture
def page(window):
    return window.show_page("decisions")


def _modal(kind, act):
    """Run `act(dialog)` on the modal dialog of `kind` as soon as it opens."""
    seen = []

    def answer():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, kind):
            QTimer.singleShot(20, answer)
            return
        seen.append(dialog)
        act(dialog)

    QTimer.singleShot(0, answer)
    return seen


def test_fill_a_review_then_record_its_decision(window, page, qtbot):
    reviews = page.current_list()
    assert page.kind_shown() == DESIGN_REVIEW and reviews.stack.currentWidget() is reviews.empty
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    editor = reviews.editor
    assert editor.title.hasFocus()
    qtbot.keyClicks(editor.title, "Shard the metrics store")
    assert editor.count.text() == "0 of 6 answered"
    for i, name in enumerate(RUBRIC, start=1):
        qtbot.keyClicks(editor.rubric[name], f"Answer {i}.")
        assert editor.count.text() == f"{i} of 6 answered"
    qtbot.keyClicks(editor.decision, "Shard by tenant.")
    editor.author.lineEdit().selectAll()  # "Not named" is typed over
    qtbot.keyClicks(editor.author.lineEdit(), "Lin Wei")
    qtbot.keyClick(editor.author.lineEdit(), Qt.Key.Key_Return)
    assert editor.record_button.isVisible()
    qtbot.mouseClick(editor.record_button, Qt.MouseButton.LeftButton)
    # The new record opens on its own tab, filled from the review, linked both ways.
    assert page.kind_shown() == DECISION_RECORD
    records = page.current_list()
    record = records.editor.record
    assert record.title == "Shard the metrics store" and record.status == "accepted"
    assert record.decision == "Shard by tenant." and "Answer 1." in record.context
    review = window.journal.list(DESIGN_REVIEW)[0]
    assert review.decision_record_id == record.id
    assert [t[1] for t in records.editor.reviews.targets] == [review.id]
    consulted = records.editor.people["consulted"].ids()
    assert window.journal.get(PERSON, consulted[0]).name == "Lin Wei"
    records.editor.reviews.activate()  # the link back to the review
    assert page.kind_shown() == DESIGN_REVIEW and reviews.editor.record.id == review.id
    assert not editor.record_button.isVisible()
    assert editor.record_link.targets[0][1] == record.id


def test_supersession_is_linked_both_ways_and_follows_a_rename(window, page, qtbot):
    old = window.journal.create(DECISION_RECORD, title="Keep Redis", status="accepted")
    new = window.journal.create(DECISION_RECORD, title="Move to Postgres", status="accepted")
    page.show_record(DECISION_RECORD, old.id)
    records = page.current_list()
    editor = records.editor
    editor.superseded_by.showPopup()
    editor.superseded_by.hidePopup()
    index = editor.superseded_by.findData(new.id)
    editor.superseded_by.setCurrentIndex(index)
    editor.superseded_by.activated.emit(index)
    stored = window.journal.get(DECISION_RECORD, old.id)
    assert stored.superseded_by_id == new.id and stored.status == "superseded"
    assert editor.status.currentData() == "superseded"
    window.journal.update(DECISION_RECORD, new.id, title="Move sessions to Postgres")
    assert "Move sessions to Postgres" in editor.superseded_link.text()
    editor.superseded_link.activate()
    assert editor.record.id == new.id
    assert [t[1] for t in editor.supersedes.targets] == [old.id]
    editor.supersedes.activate()
    assert editor.record.id == old.id


def test_people_pickers_write_roles_and_the_person_finds_them(window, page, qtbot):
    from journal.store.decisions import decisions_of_person

    record = window.journal.create(DECISION_RECORD, title="Use WAL")
    page.show_record(DECISION_RECORD, record.id)
    editor = page.current_list().editor
    field = editor.people["decision_maker"]
    qtbot.keyClicks(field.picker.lineEdit(), "Meera Pillai")
    qtbot.keyClick(field.picker.lineEdit(), Qt.Key.Key_Return)
    assert window.journal.count(DECISION_PERSON) == 1
    meera = window.journal.list(PERSON, name="Meera Pillai")[0]
    assert field.ids() == [meera.id]
    assert [(r.title, role) for r, role in decisions_of_person(window.journal, meera.id)] == [
        ("Use WAL", "decision_maker")]
    field.names.setCurrentRow(0)
    qtbot.mouseClick(field.remove, Qt.MouseButton.LeftButton)
    assert window.journal.count(DECISION_PERSON) == 0 and field.ids() == []


def test_export_adrs_then_read_them_back(sample_window, qtbot, tmp_path):
    page = sample_window.show_page("decisions")
    page.show_record(DECISION_RECORD, sample_window.journal.list(DECISION_RECORD)[0].id)
    records = page.current_list()
    folder = tmp_path / "repo" / "docs" / "adr"

    def export(dialog: ExportDialog):
        assert "0001-run-our-own-stratum-1-time-servers.md" in dialog.preview.toPlainText()
        dialog.folder.setText(str(folder))
        dialog.style_box.setCurrentIndex(dialog.style_box.findData("madr"))
        dialog.buttons.accepted.emit()

    seen = _modal(ExportDialog, export)
    records.export_adrs()
    assert seen
    files = sorted(p.name for p in folder.glob("*.md"))
    assert len(files) == 5 and files[0] == "0001-run-our-own-stratum-1-time-servers.md"
    doc = parse((folder / files[3]).read_text(encoding="utf-8"), files[3])
    assert doc.title == "Store user sessions in the regional Postgres clusters"
    assert doc.people["decision-makers"] == ["Meera Pillai"]
    # Read back: everything is already there, so the import offers nothing to create.

    def preview(dialog: ImportDialog):
        dialog.folder.setText(str(tmp_path / "repo"))
        dialog.read_plan()  # (the dialog reads the folder after a pause in typing)
        assert "0 to create, 5 already in the journal" in dialog.summary.text()
        assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
        dialog.reject()

    seen = _modal(ImportDialog, preview)
    records.import_adrs()
    assert seen


def test_import_adrs_shows_the_plan_then_writes(window, page, qtbot, tmp_path):
    folder = tmp_path / "adr"
    folder.mkdir()
    (folder / "0001-use-wal.md").write_text("# 1. Use WAL\n\nDate: 2024-01-02\n\n## Status\n\n"
                                            "Accepted\n\n## Context\n\nReaders block.\n")
    (folder / "0002-broken.md").write_text("nothing here")
    page.tabs.setCurrentIndex(1)
    records = page.current_list()

    def run(dialog: ImportDialog):
        dialog.folder.setText(str(folder))
        dialog.read_plan()
        text = dialog.preview.toPlainText()
        assert "Create  0001-use-wal.md → ADR 0001: Use WAL" in text
        assert "Skipped  0002-broken.md" in text
        dialog.buttons.accepted.emit()

    seen = _modal(ImportDialog, run)
    records.import_adrs()
    assert seen
    assert [r.title for r in window.journal.list(DECISION_RECORD)] == ["Use WAL"]
    assert records.editor.record.title == "Use WAL"


def test_proposal_hints_and_conflict_owners(window, page, qtbot):
    proposal = window.journal.create(ROADMAP_PROPOSAL, title="Expire snapshots", frame="cost")
    page.show_record(ROADMAP_PROPOSAL, proposal.id)
    editor = page.current_list().editor
    assert editor.number_hint.text().startswith("No number yet")
    qtbot.keyClicks(editor.numbers, "Snapshots cost 4,000 a month.")
    assert editor.number_hint.text() == "The framing states a number."
    qtbot.keyClicks(editor.one_sentence, " ".join(["word"] * 31))
    assert editor.sentence_hint.text().startswith("31 words")

    conflict = window.journal.create(CONFLICT, title="Staging capacity")
    page.show_record(CONFLICT, conflict.id, field="decision_maker_id")
    conflicts = page.current_list()
    assert conflicts.editor.maker.hasFocus()
    owners = conflicts.editor.owners
    qtbot.keyClicks(owners.picker.lineEdit(), "Sofia Castillo")
    qtbot.keyClick(owners.picker.lineEdit(), Qt.Key.Key_Return)
    assert window.journal.count(CONFLICT_OWNER) == 1
    row = conflicts.model.rows[conflicts.model.row_of(conflict.id)]
    assert row.owners == 1
    conflicts.editor.status.setCurrentIndex(conflicts.editor.status.findData("escalated"))
    window.saver.flush()
    assert window.journal.get(CONFLICT, conflict.id).status == "escalated"


def test_deleting_a_record_is_undone_with_its_links(window, page, qtbot, monkeypatch):
    from journal.ui.kit import deleting

    monkeypatch.setattr(deleting, "ask", lambda *a: True)
    old = window.journal.create(DECISION_RECORD, title="Old")
    new = window.journal.create(DECISION_RECORD, title="New")
    supersede(window.journal, old.id, new.id)
    page.show_record(DECISION_RECORD, new.id)
    records = page.current_list()
    records.md.delete_selected()
    assert window.journal.count(DECISION_RECORD) == 1
    assert window.journal.get(DECISION_RECORD, old.id).superseded_by_id is None
    window.undo()
    assert window.journal.get(DECISION_RECORD, old.id).superseded_by_id == new.id
    assert window.journal.get(DECISION_RECORD, new.id).adr_number == new.adr_number


def test_the_tab_and_each_lists_state_are_remembered(window, page, qtbot):
    page.tabs.setCurrentIndex(3)
    window.close()  # saves the state of every page built
    from journal.ui.app import settings_store

    settings = settings_store()
    assert settings.value("pages/decisions/tab") in (3, "3")


def test_the_checklist_can_point_at_a_missing_rubric_answer(window, page, qtbot):
    review = window.journal.create(DESIGN_REVIEW, title="Flow logs", problem="Storms.",
                                   reviewed_on=dt.date.today())
    window.resize(900, 520)
    window.show_record(DESIGN_REVIEW, review.id, field="compliance_security")
    editor = page.current_list().editor
    field = editor.rubric["compliance_security"]
    qtbot.waitUntil(lambda: field.hasFocus())
    assert not field.visibleRegion().isEmpty()  # scrolled into view, far down the form
    window.show_record(CONFLICT, window.journal.create(CONFLICT, title="X").id, field="tradeoff")
    assert page.current_list().editor.tradeoff.hasFocus()


def test_a_name_among_a_decisions_people_opens_that_person(window, page, qtbot):
    from journal.ops.decisions import set_people

    record = window.journal.create(DECISION_RECORD, title="Use WAL")
    ana = window.journal.create(PERSON, name="Ana")
    set_people(window.journal, record.id, "informed", [ana.id])
    page.show_record(DECISION_RECORD, record.id)
    names = page.current_list().editor.people["informed"].names
    names.itemActivated.emit(names.item(0))
    assert window.current_page_key == "people"
