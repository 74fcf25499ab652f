"""The editor of one partner team: who they are to you, the contact log with its strip, and the
links you share with them."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from journal.domain.kinds import PARTNER_CONTACT, PARTNER_TEAM
from journal.domain.records import PartnerTeam
from journal.store.errors import JournalError
from journal.store.partners import ContactRow, contact_days, contact_rows, team_row
from journal.ui import theme
from journal.ui.context import PageContext
from journal.ui.forms import FormEditor, RecordForm, scrolled, text_edit, wrapping_form
from journal.ui.kit import delete_with_undo
from journal.ui.partners.links import LinkList
from journal.ui.partners.log_contact import LogContactDialog, log_contact
from journal.ui.partners.strip import INCIDENT, StripView
from journal.ui.partners.words import kind_label, standing_detail, standing_text, tr
from journal.ui.widgets.person_picker import PersonPicker
from journal.ui.widgets.text import one_line

LOG_CONTACT_KEYS = "Ctrl+L"


class TeamEditor(FormEditor):
    record_kind = PARTNER_TEAM

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.today = dt.date.today()
        self._build()

    def _build(self) -> None:
        self.name = QLineEdit()
        self.name.setObjectName("teamName")
        self.name.setPlaceholderText(tr("The team's name"))
        self.depends_for = text_edit("dependsFor", tr("What you rely on them for"), 48)
        self.contact = PersonPicker(allow_none=True, none_text=tr("No one named yet"))
        self.contact.setObjectName("pointOfContact")
        self.contact.person_chosen.connect(self._contact_chosen)
        self.contact.lineEdit().editingFinished.connect(self._contact_edited)

        self.standing = QLabel()
        theme.style(self.standing, "sectionHeading")
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.strip = StripView()
        self.strip.setAccessibleName(tr("Contacts over the last twelve months"))
        self.legend = QLabel()
        theme.style(self.legend, "hint")
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.legend.setWordWrap(True)

        self.log_button = QPushButton(tr("&Log contact…"))
        self.log_button.setToolTip(tr("Log a contact with this team (%1)").replace(
            "%1", QKeySequence(LOG_CONTACT_KEYS).toString(
                QKeySequence.SequenceFormat.NativeText)))
        self.log_button.clicked.connect(self.log_contact)
        self.log_action = QAction(tr("Log contact"), self)
        self.log_action.setShortcut(QKeySequence(LOG_CONTACT_KEYS))
        self.log_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.log_action.triggered.connect(self.log_contact)
        self.addAction(self.log_action)
        self.delete_contact_button = QPushButton(tr("&Delete contact"))
        self.delete_contact_button.clicked.connect(self.delete_contact)

        self.contacts = QTableWidget(0, 4)
        self.contacts.setObjectName("contactLog")
        self.contacts.setAccessibleName(tr("Contact log"))
        self.contacts.setHorizontalHeaderLabels([tr("Date"), tr("Kind"), tr("With"), tr("Notes")])
        self.contacts.verticalHeader().hide()
        self.contacts.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.contacts.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.contacts.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.contacts.horizontalHeader()
        # Set widths, not fitted ones: fitting measures every row of the log each time a team
        # is chosen.
        for column, width in enumerate((84, 100, 100)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.contacts.setColumnWidth(column, width)
        header.setStretchLastSection(True)
        self.contacts.setMinimumHeight(140)
        self.contacts.itemSelectionChanged.connect(self._update_buttons)

        self.dashboards = text_edit("dashboards", tr("Shared dashboards, one link a line"), 54)
        self.dashboard_links = LinkList()
        self.dashboard_links.setObjectName("dashboardLinks")
        self.runbooks = text_edit("runbooks", tr("Joint runbooks, one link a line"), 54)
        self.runbook_links = LinkList()
        self.runbook_links.setObjectName("runbookLinks")
        self.notes = text_edit("teamNotes", tr("Anything worth remembering about them"))
        self.dashboards.textChanged.connect(
            lambda: self.dashboard_links.set_text(self.dashboards.toPlainText()))
        self.runbooks.textChanged.connect(
            lambda: self.runbook_links.set_text(self.runbooks.toPlainText()))

        form = wrapping_form()
        form.addRow(tr("&Team:"), self.name)
        form.addRow(tr("They &give us:"), self.depends_for)
        form.addRow(tr("Point of &contact:"), self.contact)
        log_row = QHBoxLayout()
        log_row.addWidget(self.log_button)
        log_row.addWidget(self.delete_contact_button)
        log_row.addStretch(1)
        links = wrapping_form()
        links.addRow(tr("Dash&boards:"), self.dashboards)
        links.addRow("", self.dashboard_links)
        links.addRow(tr("&Runbooks:"), self.runbooks)
        links.addRow("", self.runbook_links)
        links.addRow(tr("N&otes:"), self.notes)

        body = QWidget()
        column = QVBoxLayout(body)
        column.addLayout(form)
        column.addWidget(self.standing)
        column.addWidget(self.detail)
        column.addWidget(self.strip)
        column.addWidget(self.legend)
        column.addLayout(log_row)
        column.addWidget(self.contacts, 1)
        column.addLayout(links)
        self.scroll = scrolled(self, body, stretch=False)

    # -- journal and record ----------------------------------------------------------------------
    def bind_fields(self, form: RecordForm) -> None:
        form.bind("name", self.name)
        form.bind("depends_for", self.depends_for)
        form.bind("dashboards", self.dashboards)
        form.bind("runbooks", self.runbooks)
        form.bind("notes", self.notes)

    def journal_set(self, ctx: PageContext | None) -> None:
        self.contact.set_journal(ctx.journal if ctx else None)

    def load(self, record: PartnerTeam | None) -> None:
        if self.form is not None:
            self.form.load(record)
        self.contact.set_person(record.contact_id if record else None)
        self.contact.setEnabled(record is not None and self.writable)
        self.dashboard_links.set_text(record.dashboards if record else "")
        self.runbook_links.set_text(record.runbooks if record else "")
        self.show_contacts()

    def refresh_from_store(self) -> None:
        record = self.reload_record()
        if record is not None:
            self.contact.set_person(record.contact_id)
        self.show_contacts()

    def related_changed(self, changes) -> None:
        if changes.touches("person"):
            self.contact.reload()
        if changes.touches(PARTNER_CONTACT):
            self.show_contacts()

    def focus_field(self, name: str | None) -> None:
        if name == "contact_id":
            self.contact.setFocus(Qt.FocusReason.ShortcutFocusReason)
        elif name in ("partner_contact", "contacts"):
            self.log_button.setFocus(Qt.FocusReason.ShortcutFocusReason)
        else:
            super().focus_field(name)
            if name == "name":
                self.name.selectAll()  # a new team's placeholder name is typed over

    # -- the contact log -------------------------------------------------------------------------
    def show_contacts(self) -> None:
        record = self.record
        ctx = self.ctx
        rows: list[ContactRow] = []
        if record is not None and ctx is not None:
            threshold = contact_days(ctx.journal)
            row = team_row(ctx.journal, record.id, self.today, threshold)
            rows = contact_rows(ctx.journal, record.id)
            if row is not None:
                self.standing.setText(standing_text(row.standing))
                self.detail.setText(standing_detail(row.standing, threshold))
                self.strip.set_marks(row.strip, self.today, threshold, row.standing.stale)
                self.legend.setText(tr("● a contact outside an incident &nbsp; "
                                       "<span style='color:%1'>◇</span> one during an incident "
                                       "&nbsp; ┆ %2 days ago: older calm contacts no longer "
                                       "count").replace("%1", INCIDENT.name()).replace(
                                           "%2", str(threshold)))
        for widget in (self.standing, self.detail, self.strip, self.legend):
            widget.setVisible(record is not None)
        self.contacts.setUpdatesEnabled(False)
        self.contacts.setRowCount(len(rows))
        for i, contact in enumerate(rows):
            kind = kind_label(contact.contact_kind)
            if contact.during_incident and contact.contact_kind != "incident":
                kind = tr("%1, during an incident").replace("%1", kind)
            cells = [contact.on_date.isoformat(), kind, contact.person_name,
                     one_line(contact.notes, 200)]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, contact.id)
                if column == 3:
                    item.setToolTip(contact.notes)
                self.contacts.setItem(i, column, item)
        self.contacts.setUpdatesEnabled(True)
        self._update_buttons()
        focused = self.focusWidget()
        if focused is not None and self.scroll.isAncestorOf(focused):
            self.scroll.ensureWidgetVisible(focused)

    def _update_buttons(self) -> None:
        writable = self.record is not None and self.writable
        self.log_button.setEnabled(writable)
        self.log_action.setEnabled(writable)
        self.delete_contact_button.setEnabled(writable and self.selected_contact() is not None)

    def selected_contact(self) -> int | None:
        items = self.contacts.selectedItems()
        return items[0].data(Qt.ItemDataRole.UserRole) if items else None

    def log_contact(self) -> None:
        """Ask for the contact's details, then log it (Ctrl+L)."""
        if self.record is None or not self.writable or not self.isVisible():
            return
        dialog = LogContactDialog(self.ctx.journal, self.record.name or tr("this team"),
                                  self.record.contact_id, self)
        if dialog.exec() != LogContactDialog.DialogCode.Accepted:
            return
        self.ctx.saver.flush()
        try:
            log_contact(self.ctx.journal, self.record.id, dialog.values())
        except JournalError as error:
            self.ctx.status(str(error))
            return
        self.ctx.status(tr("Contact logged."))

    def delete_contact(self) -> None:
        contact_id = self.selected_contact()
        if contact_id is None or self.ctx is None:
            return
        delete_with_undo(self, self.ctx, PARTNER_CONTACT, contact_id, tr("this contact"))

    # -- the point of contact --------------------------------------------------------------------
    def _contact_chosen(self, person_id: int | None) -> None:
        if self.record is None or not self.writable or person_id == self.record.contact_id:
            return
        self.ctx.saver.flush()
        try:
            self.form.record = self.ctx.journal.update(PARTNER_TEAM, self.record.id,
                                                       initiator=self.form, contact_id=person_id)
        except JournalError as error:
            self.ctx.status(str(error))

    def _contact_edited(self) -> None:
        if self.record is not None and self.contact.isEnabled():
            self._contact_chosen(self.contact.person_id())
