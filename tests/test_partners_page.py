"""The Partner teams page, driven as a user drives it."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from journal.domain.kinds import PARTNER_CONTACT, PARTNER_TEAM
from journal.ui.partners import links
from journal.ui.partners.log_contact import LogContactDialog
from journal.ui.partners.team_editor import TeamEditor


@pytest.fixture
def page(window):
    return window.show_page("partners")


def _answer_dialog(qtbot, fill) -> list:
    """Fill the Log contact dialog as soon as it opens (it is modal), then accept it."""
    seen = []

    def answer():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, LogContactDialog):
            QTimer.singleShot(20, answer)
            return
        seen.append(dialog)
        fill(dialog)
        dialog.accept()

    QTimer.singleShot(0, answer)
    return seen


def test_add_a_team_then_log_a_contact_with_the_shortcut(window, page, qtbot):
    assert page.stack.currentWidget() is page.empty
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    editor: TeamEditor = page.editor
    assert editor.name.hasFocus()
    qtbot.keyClicks(editor.name, "Storage")
    editor.contact.lineEdit().selectAll()  # "No one named yet" is typed over
    qtbot.keyClicks(editor.contact.lineEdit(), "Kwame")
    qtbot.keyClick(editor.contact.lineEdit(), Qt.Key.Key_Return)
    window.saver.flush()
    team = window.journal.get(PARTNER_TEAM, editor.record.id)
    assert team.name == "Storage" and team.contact_id is not None
    assert editor.standing.text() == "Never contacted"

    def fill(dialog):
        dialog.kind.setCurrentIndex(dialog.kind.findData("joint_runbook"))
        qtbot.keyClicks(dialog.notes, "Walked through the bucket restore runbook.")

    seen = _answer_dialog(qtbot, fill)
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert seen, "Ctrl+L opened the Log contact dialog"
    contacts = window.journal.list(PARTNER_CONTACT)
    assert len(contacts) == 1
    contact = contacts[0]
    assert (contact.team_id, contact.contact_kind, contact.during_incident) == (
        team.id, "joint_runbook", False)
    assert contact.person_id == team.contact_id and contact.on_date == dt.date.today()
    assert editor.contacts.rowCount() == 1
    assert editor.standing.text() == "Last calm contact today"
    row = page.model.rows[page.model.row_of(team.id)]
    assert len(row.strip) == 1 and not row.standing.stale


def test_an_incident_contact_is_set_apart_and_marks_the_team(window, page, qtbot):
    team = window.journal.create(PARTNER_TEAM, name="Identity")
    page.show_record(PARTNER_TEAM, team.id)

    def fill(dialog):
        dialog.kind.setCurrentIndex(dialog.kind.findData("incident"))
        assert dialog.incident.isChecked()

    seen = _answer_dialog(qtbot, fill)
    qtbot.mouseClick(page.editor.log_button, Qt.MouseButton.LeftButton)
    assert seen
    row = page.model.rows[page.model.row_of(team.id)]
    assert row.standing.incident_only and row.standing.stale
    assert [m.during_incident for m in row.strip] == [True]
    assert page.editor.standing.text() == "Only ever during incidents"


def test_most_neglected_first_in_one_click(sample_window, qtbot):
    page = sample_window.show_page("partners")
    qtbot.mouseClick(page.neglected_button, Qt.MouseButton.LeftButton)
    names = [page.proxy.index(r, 0).data() for r in range(page.proxy.rowCount())]
    # Met only during incidents first, then the longest without a calm contact.
    assert names[0] == "Identity" and names[1] == "Storage"
    assert names[-1] in ("Release engineering", "Payments infrastructure")
    page.choice.choose("needs_contact")
    shown = {page.proxy.index(r, 0).data() for r in range(page.proxy.rowCount())}
    assert shown == {"Identity", "Storage"}


def test_only_web_and_file_links_open(window, page, qtbot, monkeypatch):
    opened = []
    monkeypatch.setattr(links.QDesktopServices, "openUrl", lambda url: opened.append(
        url.toString()) or True)
    team = window.journal.create(PARTNER_TEAM, name="Edge", dashboards=(
        "https://grafana.example.internal/d/edge\njavascript:alert(1)\nfile:///srv/runbook.md"))
    page.show_record(PARTNER_TEAM, team.id)
    shown = page.editor.dashboard_links
    assert shown.openable() == ["https://grafana.example.internal/d/edge",
                                "file:///srv/runbook.md"]
    assert 'href="javascript' not in shown.text()
    for link in shown.links:
        shown.linkActivated.emit(link)
    assert opened == ["https://grafana.example.internal/d/edge", "file:///srv/runbook.md"]


def test_deleting_a_team_is_undone(window, page, qtbot, monkeypatch):
    from journal.ui.kit import deleting

    monkeypatch.setattr(deleting, "ask", lambda *a: True)
    team = window.journal.create(PARTNER_TEAM, name="Release")
    window.journal.create(PARTNER_CONTACT, team_id=team.id, on_date=dt.date.today())
    page.show_record(PARTNER_TEAM, team.id)
    page.md.delete_selected()
    assert window.journal.count(PARTNER_TEAM) == 0 and window.journal.count(PARTNER_CONTACT) == 0
    window.undo()
    assert window.journal.count(PARTNER_TEAM) == 1 and window.journal.count(PARTNER_CONTACT) == 1
    assert page.current_id() == team.id


def test_the_checklist_can_point_at_the_missing_contact(window, page, qtbot):
    team = window.journal.create(PARTNER_TEAM, name="Netops")
    window.show_record(PARTNER_TEAM, team.id, field="contact_id")
    assert page.editor.contact.hasFocus()
