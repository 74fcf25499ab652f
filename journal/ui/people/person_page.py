"""A person's page: who they are to the user, their name (renamed everywhere at once, as
records point at people by id), merge and delete, and a timeline of everything that mentions
them, newest first, filterable by kind. Enter or a double click opens a record on its page."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from journal.domain.kinds import PERSON
from journal.ops.people import PersonInUse, delete_person, merge_people
from journal.store.changes import Changes
from journal.store.errors import JournalError
from journal.store.person_links import TimelineEntry, role_counts, timeline, timeline_kinds
from journal.ui import theme
from journal.ui.forms import FormEditor, RecordForm
from journal.ui.people.labels import kind_label, role_label, tr
from journal.ui.widgets.text import follow_text_direction

RECORD_ROLE = Qt.ItemDataRole.UserRole


def ask(parent: QWidget, title: str, text: str) -> bool:
    """A yes/no question, No by default (one place, so tests can answer it)."""
    answer = QMessageBox.question(parent, title, text,
                                  QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                  QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


def choose_other(parent: QWidget, people: list[tuple[int, str, str]], name: str) -> int | None:
    """Which person to merge into `name` (None: cancelled). A function so tests can answer."""
    labels = [f"{n} · {team} (#{pid})" if team else f"{n} (#{pid})" for pid, n, team in people]
    text, ok = QInputDialog.getItem(parent, tr("Merge two people"), tr(
        "Who is the same person as %1? Everything that names them will name %1 instead, and "
        "they will be removed.").replace("%1", name), labels, 0, True)
    # Editable: typing the start of a name completes it (a long journal names thousands).
    return people[labels.index(text)][0] if ok and text in labels else None


class PersonEditor(FormEditor):
    record_kind = PERSON
    prepare_requested = Signal()  # "Prepare 1:1…" with the person shown

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.name = QLineEdit()
        self.name.setAccessibleName(tr("Name"))
        self.team = QLineEdit()
        self.team.setAccessibleName(tr("Team"))
        self.notes = QPlainTextEdit()
        self.notes.setAccessibleName(tr("Notes"))
        self.notes.setMaximumHeight(80)
        self.notes.setTabChangesFocus(True)  # Tab moves on, as in every other text box
        follow_text_direction(self.notes)  # Arabic or Hebrew notes start at the right
        self.notes.setPlaceholderText(tr("Anything worth remembering about them"))
        self.roles = QLabel()
        self.roles.setWordWrap(True)
        self.roles.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form = QFormLayout()
        form.addRow(tr("&Name"), self.name)
        form.addRow(tr("&Team"), self.team)
        form.addRow(tr("N&otes"), self.notes)
        form.addRow(tr("Who they are"), self.roles)
        self.merge_button = QPushButton(tr("&Merge with…"))
        self.merge_button.setToolTip(tr("The same person entered twice? Make them one."))
        self.merge_button.clicked.connect(self.merge)
        self.delete_button = QPushButton(tr("&Delete…"))
        self.delete_button.clicked.connect(self.delete)
        self.prep_button = QPushButton(tr("Prepare &1:1…"))
        self.prep_button.setToolTip(tr("What happened since your last 1:1 with them, and an "
                                       "agenda"))
        self.prep_button.clicked.connect(self.prepare_requested)
        buttons = QHBoxLayout()
        buttons.addWidget(self.prep_button)
        buttons.addWidget(self.merge_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)

        heading = QLabel(tr("Timeline"))
        theme.style(heading, "sectionHeading")
        self.kind_filter = QComboBox()
        self.kind_filter.setAccessibleName(tr("Show records of"))
        self.kind_filter.currentIndexChanged.connect(lambda _i: self.show_timeline())
        top = QHBoxLayout()
        top.addWidget(heading, 1)
        top.addWidget(QLabel(tr("S&how:")))
        top.itemAt(1).widget().setBuddy(self.kind_filter)
        top.addWidget(self.kind_filter)
        self.timeline = QTreeWidget()
        self.timeline.setObjectName("personTimeline")
        self.timeline.setAccessibleName(tr("Everything that mentions them, newest first"))
        self.timeline.setHeaderLabels([tr("Date"), tr("What"), tr("Text")])
        self.timeline.setRootIsDecorated(False)
        self.timeline.setUniformRowHeights(True)
        self.timeline.setAlternatingRowColors(True)
        self.timeline.itemActivated.connect(self._open)
        self.empty_timeline = QLabel(tr("Nothing in the journal mentions them yet."))
        theme.style(self.empty_timeline, "hint")

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addLayout(top)
        layout.addWidget(self.timeline, 1)
        # In the timeline's place when nothing names them yet, taking the room it leaves (the
        # form gave it to "Who they are", pushing the buttons to the window's foot).
        self.empty_timeline.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.empty_timeline, 1)
        self.entries: list[TimelineEntry] = []
        self.setEnabled(False)

    # -- the kit's editor ------------------------------------------------------------------------
    def bind_fields(self, form: RecordForm) -> None:
        # Spaces around and inside a name are not kept (as `ops.people.rename_person` does).
        form.bind("name", self.name, reader=lambda: " ".join(self.name.text().split()))
        form.bind("team", self.team)
        form.bind("notes", self.notes)
        # After the form's own slot: an empty name is never sent to the store.
        self.name.textEdited.connect(self._name_edited)
        self.name.editingFinished.connect(self._name_finished)

    def _name_edited(self, text: str) -> None:
        record = self.record
        if record is None or self.ctx is None or text.strip():
            return
        self.ctx.saver.discard((PERSON, record.id, "name"))
        self.ctx.saver.failed.emit(tr("A person needs a name: they keep “%1” until you type "
                                      "another.").replace("%1", record.name))

    def _name_finished(self) -> None:
        """Leaving the field shows the name that is kept (the old one, when it was emptied)."""
        record = self.record
        if record is None or self.name.text() == record.name:
            return
        if not self.name.text().strip() or self.name.text().split() == record.name.split():
            self.name.setText(record.name)

    def journal_set(self, ctx) -> None:
        pass

    def first_widget(self) -> QWidget:
        return self.name

    def load(self, record: object) -> None:
        self.form.load(record)
        self.setEnabled(record is not None)
        self.refresh_links()

    def refresh_from_store(self) -> None:
        self.reload_record()
        self.refresh_links()

    def related_changed(self, changes: Changes) -> None:
        if self.record is not None:
            self.refresh_links()

    # -- what points at them -----------------------------------------------------------------------
    def refresh_links(self) -> None:
        """Read their roles and timeline again (after a load, or a change elsewhere)."""
        record = self.record
        if record is None or self.ctx is None:
            self.entries = []
            self.roles.setText("")
            self.show_timeline()
            return
        journal = self.ctx.journal
        counts = role_counts(journal, record.id)
        self.roles.setText(", ".join(f"{role_label(role)} ({n})" for role, n in counts.items())
                           or tr("Nobody yet: no record names them."))
        writable = self.writable
        self.merge_button.setEnabled(writable)
        self.delete_button.setEnabled(writable and not counts)
        self.delete_button.setToolTip(
            tr("Delete this person (nothing names them).") if not counts else
            tr("Records name this person, so deleting them would delete those records too. "
               "Merge them into someone instead."))
        self.entries = timeline(journal, record.id)
        chosen = self.kind_filter.currentData()
        self.kind_filter.blockSignals(True)
        self.kind_filter.clear()
        self.kind_filter.addItem(tr("Everything"), None)
        for kind in timeline_kinds(self.entries):
            self.kind_filter.addItem(kind_label(kind), kind)
        self.kind_filter.setCurrentIndex(max(self.kind_filter.findData(chosen), 0))
        self.kind_filter.blockSignals(False)
        self.show_timeline()

    def show_timeline(self) -> None:
        kind = self.kind_filter.currentData()
        shown = [e for e in self.entries if kind is None or e.kind == kind]
        self.timeline.clear()
        # Each label once (a label function builds every label it knows through tr()).
        kinds_shown = {entry.kind for entry in shown}
        labels = {kind: kind_label(kind) for kind in kinds_shown}
        hows = {how: role_label(how) for how in {entry.how for entry in shown}}
        items = []
        for entry in shown:
            text = (f"{entry.title} — {entry.excerpt}" if entry.title and entry.excerpt
                    else entry.title or entry.excerpt)
            item = QTreeWidgetItem([entry.day, labels[entry.kind], text])
            item.setData(0, RECORD_ROLE, (entry.kind, entry.id))
            item.setToolTip(1, hows[entry.how])
            item.setToolTip(2, text)
            items.append(item)
        self.timeline.addTopLevelItems(items)
        # Widths from the font, not resizeColumnToContents: that measures every row (a busy
        # person has a thousand), which took most of the time of opening their page.
        metrics = self.timeline.fontMetrics()
        pad = 2 * metrics.horizontalAdvance("M")
        self.timeline.setColumnWidth(0, metrics.horizontalAdvance("0000-00-00") + pad)
        self.timeline.setColumnWidth(1, max((metrics.horizontalAdvance(label)
                                             for label in labels.values()), default=0) + pad)
        self.timeline.setVisible(bool(shown))
        self.empty_timeline.setVisible(not shown)

    def choose_entry(self, kind: str, record_id: int) -> bool:
        """Show everything, choose the timeline's entry for this record and put the cursor on
        it. False when the timeline does not hold it."""
        if self.kind_filter.currentData() is not None:
            self.kind_filter.setCurrentIndex(0)
        for row in range(self.timeline.topLevelItemCount()):
            item = self.timeline.topLevelItem(row)
            if item.data(0, RECORD_ROLE) == (kind, record_id):
                self.timeline.setCurrentItem(item)
                self.timeline.scrollToItem(item)
                self.timeline.setFocus(Qt.FocusReason.OtherFocusReason)
                return True
        return False

    def _open(self, item: QTreeWidgetItem) -> None:
        kind, record_id = item.data(0, RECORD_ROLE)
        if self.ctx is not None:
            self.ctx.show_record(kind, record_id)

    # -- merge and delete --------------------------------------------------------------------------
    def merge(self) -> None:
        record = self.record
        if record is None or not self.writable:
            return
        self.ctx.saver.flush()
        journal = self.ctx.journal
        others = [p for p in journal.rows("SELECT id, name, team FROM people "
                                          "ORDER BY name COLLATE NOCASE, id")
                  if p[0] != record.id]
        if not others:
            self.ctx.status(tr("There is nobody else to merge with."))
            return
        other_id = choose_other(self, others, record.name)
        if other_id is None:
            return
        other = journal.get(PERSON, other_id)
        if not ask(self, tr("Merge two people"), tr(
                "Make %2 and %1 one person, named %1? Every record that names %2 will name %1, "
                "and %2 will be removed.\n\nYou can take it back with Edit ▸ Undo (Ctrl+Z).")
                .replace("%1", record.name).replace("%2", other.name)):
            return
        try:
            done = merge_people(journal, record.id, other_id)
        except JournalError as error:
            QMessageBox.warning(self, tr("Cannot merge"), str(error))
            return
        ctx = self.ctx
        ctx.undo.push(tr("merge of %1").replace("%1", other.name), lambda: (
            done.undo(), ctx.show_record(PERSON, other_id)))
        ctx.status(tr("Merged %1 into %2.").replace("%1", other.name).replace("%2", record.name))

    def delete(self) -> None:
        delete_person_with_undo(self, self.ctx, self.record.id if self.record else None)


def delete_person_with_undo(parent: QWidget, ctx, person_id: int | None) -> bool:
    """Delete a person nothing names (asking first), with undo; explain when records name
    them. True when deleted."""
    if ctx is None or person_id is None or ctx.journal.read_only:
        return False
    journal = ctx.journal
    person = journal.get(PERSON, person_id)
    ctx.saver.flush()
    if role_counts(journal, person_id):
        QMessageBox.information(parent, tr("Delete"), tr(
            "%1 is named in records of the journal, so they stay. If they are the same person "
            "as someone else, use Merge with… instead.").replace("%1", person.name))
        return False
    if not ask(parent, tr("Delete"), tr("Delete %1? Nothing in the journal names them.\n\n"
                                        "You can bring them back with Edit ▸ Undo (Ctrl+Z).")
               .replace("%1", person.name)):
        return False
    try:
        done = delete_person(journal, person_id)
    except (PersonInUse, JournalError) as error:
        QMessageBox.warning(parent, tr("Cannot delete"), str(error))
        return False
    ctx.undo.push(tr("delete of %1").replace("%1", person.name),
                  lambda: (done.undo(), ctx.show_record(PERSON, person_id)))
    return True
