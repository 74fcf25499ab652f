"""The Checklist page: the opening page. The six rules over the journal, each with whether it
holds and its gaps; a gap opens its record where the fix goes. A new, empty journal is greeted
here instead.

The checklist is computed again after every change anywhere in the app (the change feed), on a
worker with its own read-only connection, so a big journal never blocks typing elsewhere.
"""

from __future__ import annotations

import datetime as dt
import time
from typing import TYPE_CHECKING, Any

# Only what the first paint needs is imported here: PySide6 creates each class the first time it
# is named (0.4 to 1.5 ms apiece) and the `Qt` namespace's enums on first use (about 10 ms), and
# the Checklist is the opening page. The list, its buttons and the rules come after the paint.
from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QStackedWidget, QVBoxLayout, QWidget

from journal.store.changes import Changes
from journal.ui import theme
from journal.ui.due.panel import DuePanel
from journal.ui.pages.base import Page
from journal.ui.widgets.intro import intro_box
from journal.ui.widgets.person_link import add_record_person

if TYPE_CHECKING:
    from PySide6.QtCore import QModelIndex, QObject, QPoint, QSettings

    from journal.domain.checklist import Checklist, Finding


class ChecklistPage(Page):
    kinds = ("snooze",)
    open_sample_requested = Signal()
    go_to_page_requested = Signal(str)
    open_gaps_changed = Signal(int)  # how many gaps are open; -1 when nothing is counted
    updated = Signal()  # a new checklist is on screen (tests and benchmarks wait for it)
    greeting_shown = Signal(bool)  # whether the greeting (not the checklist) is what shows

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.today = dt.date.today  # replaceable, so the rules can be seen on any day
        self.stack = QStackedWidget(self)
        # Each view is built when first shown: start-up paints one of them, never both.
        self.welcome: QWidget | None = None
        self.board: QWidget | None = None
        self.checklist: Checklist | None = None
        self.compute_ms = 0.0  # how long the last computation took, worker included
        self._runner: Any = None
        self._found: Any = None  # what each rule found last, and on which day
        self._found_on: dt.date | None = None
        self._stale: set[str] = set()  # rules to run again (none: only the snoozes moved)
        self._folded: set[tuple] = set()  # headings folded in an earlier session
        self._painted = False  # the rules wait for the first paint (the start-up budget)
        self.loading: QLabel | None = None
        self._day = QTimer(self)  # past midnight the dates move: judge again
        self._day.setSingleShot(True)
        self._day.timeout.connect(self.refresh)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(DuePanel(self))
        layout.addWidget(self.stack)

    # -- building --------------------------------------------------------------------------------
    def _build_welcome(self) -> QWidget:
        from PySide6.QtWidgets import QPushButton

        box, layout = intro_box(self.tr("Welcome to your leadership journal"), self.tr(
            "A private place for the leadership side of engineering work: the people you mentor "
            "and the goals you set together, feedback you owe and feedback you received, the "
            "partner teams you depend on, and the design reviews and decisions you take part in."
            "\n\nEverything stays in one file on this computer. Nothing is sent anywhere unless "
            "you export it yourself."
            "\n\nNot sure where to start? Look around a sample journal first: it is a separate "
            "file, so nothing in it mixes with yours."), self)
        box.setObjectName("welcome")
        self.sample_button = QPushButton(self.tr("Open the sample journal"))
        self.sample_button.setDefault(True)
        self.sample_button.clicked.connect(self.open_sample_requested)
        self.start_button = QPushButton(self.tr("Start with a mentee"))
        self.start_button.clicked.connect(lambda: self.go_to_page_requested.emit("mentoring"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.sample_button)
        buttons.addWidget(self.start_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addStretch(1)
        return box

    def _build_board(self) -> QWidget:
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QAbstractItemView, QListView, QPushButton, QStyle

        from journal.ui.checklist.model import ChecklistModel, Indent

        box = QWidget(self)
        box.setObjectName("checklistBoard")
        heading = QLabel(self.tr("Checklist"))
        theme.style(heading, "pageHeading")
        self.summary = QLabel(self.tr("Checking your journal…"))
        self.summary.setObjectName("checklistSummary")
        self.summary.setWordWrap(True)
        self.model = ChecklistModel(self)
        self.model.expanded.update({key: False for key in self._folded})
        self.tree = QListView()
        self.tree.setObjectName("checklistTree")
        self.tree.setAccessibleName(self.tr("Checklist rules and their gaps"))
        self.tree.setModel(self.model)
        self.tree.setItemDelegate(Indent(self.tree))
        self.tree.setUniformItemSizes(True)  # only the rows on screen are asked for
        self.tree.setWordWrap(False)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._context_menu)
        self.tree.activated.connect(self._activated)  # Enter (and double-click)
        if not self.style().styleHint(QStyle.StyleHint.SH_ItemView_ActivateItemOnSingleClick):
            self.tree.clicked.connect(self._activated)
        self.tree.installEventFilter(self)  # Left and Right fold and unfold
        # As wide as its longest lines (a snoozed gap with its reason), not the whole screen.
        self.tree.setMaximumWidth(self.tree.fontMetrics().averageCharWidth() * 150)
        self.tree.selectionModel().currentChanged.connect(self._update_buttons)

        self.open_button = QPushButton(self.tr("&Open"))
        self.open_button.setToolTip(self.tr("Open the record where the gap is fixed (Enter)"))
        self.open_button.clicked.connect(lambda: self.open_index(self.tree.currentIndex()))
        self.snooze_button = QPushButton(self.tr("&Snooze…"))
        self.snooze_button.setToolTip(self.tr("Set this gap aside until a day you choose, with "
                                              "a reason"))
        self.snooze_button.clicked.connect(self.snooze_current)
        self.wake_button = QPushButton(self.tr("&Bring back"))
        self.wake_button.setToolTip(self.tr("End the snooze now: the gap is open again"))
        self.wake_button.clicked.connect(self.wake_current)
        self.note = QLabel(self.tr("Click a gap, or press Enter, to open it where it is fixed. "
                                   "The list follows your changes as you make them."))
        theme.style(self.note, "hint")
        self.note.setWordWrap(True)
        buttons = QHBoxLayout()
        for button in (self.open_button, self.snooze_button, self.wake_button):
            buttons.addWidget(button)
        buttons.addSpacing(12)
        buttons.addWidget(self.note, 1)

        layout = QVBoxLayout(box)
        layout.setContentsMargins(24, 16, 24, 12)
        layout.setSpacing(8)
        layout.addWidget(heading)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)
        self.setFocusProxy(self.tree)
        self._update_buttons()
        return box

    # -- data ------------------------------------------------------------------------------------
    def journal_changed(self) -> None:
        if self._runner is not None:
            self._runner.cancel()
        self.checklist = self._found = None
        if self.board is not None:
            self.model.set_checklist(None)
        self.refresh()

    def on_changes(self, changes: Changes) -> None:
        from journal.domain.checklist import rules_touched

        self._stale |= rules_touched(changes.kinds)
        self.refresh()

    def refresh(self) -> None:
        """Judge the journal again (on a worker when it is a file) and show the result."""
        journal = self.ctx.journal if self.ctx else None
        if journal is not None and journal.conn is None:
            return  # closed while this waited (the window is closing)
        if journal is None or journal.is_empty():
            arriving = self.welcome is None or self.stack.currentWidget() is not self.welcome
            if self.welcome is None:
                self.welcome = self._build_welcome()
                self.stack.addWidget(self.welcome)
            if arriving:
                self.stack.setCurrentWidget(self.welcome)
                if self.isVisible() or not self.window().isVisible():
                    # Enter opens the sample; no focus frame on a sidebar row under a welcome.
                    self.sample_button.setFocus()
            self.open_gaps_changed.emit(-1 if journal is None else 0)
            self.greeting_shown.emit(True)
            return
        if not self._painted and not self.window().isVisible():
            # Start-up: the window paints first; the rules' modules, the tree and the worker
            # follow at once, but not on the way to the first paint.
            self.window().installEventFilter(self)
            if self.loading is None:
                self.loading = QLabel(self.tr("Checking your journal…"))
                self.loading.setContentsMargins(24, 16, 24, 12)
                self.stack.addWidget(self.loading)
            self.stack.setCurrentWidget(self.loading)
            self.greeting_shown.emit(False)
            return
        if self.board is None:
            self.board = self._build_board()
            self.stack.addWidget(self.board)
            self.stack.setCurrentWidget(self.board)
            if self.isVisible():
                self.tree.setFocus()  # at start the arrows and Enter work on the list at once
        self.stack.setCurrentWidget(self.board)
        self.greeting_shown.emit(False)
        self._compute(journal)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is getattr(self, "tree", None) and event.type() == QEvent.Type.KeyPress:
            return self._fold_key(event)
        if event.type() == QEvent.Type.Paint and watched is self.window():
            watched.removeEventFilter(self)
            self._painted = True
            # Posted twice, so that what start-up runs right after the first paint (the menus,
            # the log, the icon; each posted while this paint is delivered) goes first.
            QTimer.singleShot(0, lambda: QTimer.singleShot(0, self.refresh))
        return False

    def _compute(self, journal: Any) -> None:
        """Run the rules an edit can have moved (all of them on a new journal or a new day),
        keeping what the others found."""
        from journal.store.checklist_run import recompute
        from journal.ui.query_runner import QueryRunner

        if self._runner is None:
            self._runner = QueryRunner(self)
        today = self.today()
        previous = self._found if self._found_on == today else None
        rules = frozenset(self._stale)
        started = time.perf_counter()

        def done(result: tuple[Checklist, Any]) -> None:
            self.compute_ms = (time.perf_counter() - started) * 1000
            self._found, self._found_on = result[1], today
            self._stale -= rules
            self.show_checklist(result[0])

        self._runner.run(journal, lambda j: recompute(j, today, previous, rules), done)

    @property
    def pending(self) -> bool:
        return self._runner is not None and self._runner.pending

    def show_checklist(self, checklist: Checklist) -> None:
        self.checklist = checklist
        state = self._view_state()
        if self.model.set_checklist(checklist):
            self._restore_view(state)
        self._show_summary(checklist)
        self._update_buttons()
        self._wake_at_midnight()
        self.open_gaps_changed.emit(checklist.open_gaps)
        self.updated.emit()

    def _show_summary(self, checklist: Checklist) -> None:
        held = sum(r.holds for r in checklist.rules)
        snoozed = sum(len(r.snoozed) for r in checklist.rules)
        parts = [self.tr("%1 of %2 rules hold").replace("%1", str(held)).replace(
            "%2", str(len(checklist.rules)))]
        gaps = checklist.open_gaps
        parts.append(self.tr("1 open gap") if gaps == 1 else
                     self.tr("%1 open gaps").replace("%1", f"{gaps:,}"))
        if snoozed:
            parts.append(self.tr("%1 snoozed").replace("%1", str(snoozed)))
        if checklist.today != dt.date.today():
            parts.append(self.tr("judged on %1").replace("%1", checklist.today.isoformat()))
        self.summary.setText(" · ".join(parts))

    def _wake_at_midnight(self) -> None:
        now = dt.datetime.now()
        tomorrow = dt.datetime.combine(now.date() + dt.timedelta(days=1), dt.time(0, 0, 5))
        self._day.start(int((tomorrow - now).total_seconds() * 1000))

    # -- keeping the place across updates --------------------------------------------------------
    def _view_state(self) -> tuple[Any, int, int]:
        from journal.ui.checklist.model import KEY_ROLE

        current = self.tree.currentIndex()
        key = current.data(KEY_ROLE) if current.isValid() else None
        return key, current.row() if current.isValid() else -1, \
            self.tree.verticalScrollBar().value()

    def _restore_view(self, state: tuple[Any, int, int]) -> None:
        key, row, scroll = state
        found = self.model.row_of(key) if key is not None else -1
        if found < 0 and row >= 0:
            found = min(row, self.model.rowCount() - 1)  # it was fixed: the row that took its place
        if found < 0:  # the first look: the cursor on the first gap, ready for Enter
            found = next((i for i, r in enumerate(self.model.rows) if r.what == "gap"), 0)
        if found >= 0:
            self.tree.selectionModel().setCurrentIndex(
                self.model.index(found), self.tree.selectionModel().SelectionFlag.ClearAndSelect)
        self.tree.verticalScrollBar().setValue(scroll)

    def fold(self, row: int, unfold: bool | None = None) -> None:
        """Fold or unfold the heading at `row`, keeping the cursor on it."""
        from journal.ui.checklist.model import KEY_ROLE

        key = self.model.index(row).data(KEY_ROLE)
        state = (key, row, self.tree.verticalScrollBar().value())
        if self.model.toggle(row, unfold):
            self._restore_view(state)

    # -- acting on a gap -------------------------------------------------------------------------
    def current_finding(self) -> Finding | None:
        from journal.ui.checklist.model import FINDING_ROLE

        if self.board is None:
            return None
        index = self.tree.currentIndex()
        return index.data(FINDING_ROLE) if index.isValid() else None

    def _current_snoozed(self) -> Any:
        from journal.ui.checklist.model import SNOOZED_ROLE

        index = self.tree.currentIndex()
        return index.data(SNOOZED_ROLE) if index.isValid() else None

    def _activated(self, index: QModelIndex) -> None:
        """A click or Enter: a gap opens, a heading folds or unfolds."""
        from journal.ui.checklist.model import FINDING_ROLE

        if not index.isValid():
            return
        if index.data(FINDING_ROLE) is not None:
            self.open_index(index)
        elif self.model.rows[index.row()].what == "more":
            row = index.row()
            self.model.show_all(row)
            self.tree.setCurrentIndex(self.model.index(row))  # the first of the rest
        else:
            self.fold(index.row())

    def _fold_key(self, event: Any) -> bool:
        """Right unfolds a heading; Left folds it, or from a gap goes to its heading."""
        from PySide6.QtCore import Qt

        from journal.ui.checklist.model import HEADINGS

        row = self.tree.currentIndex().row()
        if row < 0 or event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return False
        heading = self.model.rows[row].what in HEADINGS
        if event.key() == Qt.Key.Key_Right and heading:
            self.fold(row, unfold=True)
            return True
        if event.key() == Qt.Key.Key_Left:
            if heading and self.model.is_open(self.model.rows[row].key):
                self.fold(row, unfold=False)
            else:
                self.tree.setCurrentIndex(self.model.index(self.model.heading_of(row)))
            return True
        return False

    def open_index(self, index: QModelIndex) -> bool:
        """Open the gap (or hint) at `index` on its record's page, the cursor on what fixes it."""
        from journal.ui.checklist.model import FINDING_ROLE

        finding = index.data(FINDING_ROLE) if index.isValid() else None
        if finding is None or self.ctx is None:
            return False
        self.tree.setCurrentIndex(index)
        if self.ctx.show_record(finding.kind, finding.id, finding.field):
            return True
        self.ctx.status(self.tr("No page shows this kind of record, so it cannot be opened "
                                "from here. The gap stays listed."))
        return False

    def came_back(self) -> None:
        """Back from a record opened here: the cursor returns to the gap it left."""
        if self.board is not None:
            self.tree.setFocus()

    def snooze_current(self) -> None:
        from journal.ui.checklist.snooze import SnoozeDialog

        finding = self.current_finding()
        if finding is None or finding.rule == "hints" or not self._writable():
            return
        snoozed = self._current_snoozed()
        dialog = SnoozeDialog(finding, self.today(), self,
                              until=snoozed.until_on if snoozed else None,
                              reason=snoozed.reason if snoozed else "")
        if dialog.exec() != dialog.DialogCode.Accepted:
            return
        from journal.ops.checklist import snooze

        until, reason = dialog.values()
        snooze(self.ctx.journal, finding, until, reason, initiator=self)
        self.ctx.status(self.tr("Snoozed until %1.").replace("%1", until.isoformat()))

    def wake_current(self) -> None:
        snoozed = self._current_snoozed()
        if snoozed is None or not self._writable():
            return
        from journal.ops.checklist import wake

        wake(self.ctx.journal, snoozed.snooze_id, initiator=self)
        self.ctx.status(self.tr("The gap is open again."))

    def _writable(self) -> bool:
        return self.ctx is not None and not self.ctx.journal.read_only

    def _update_buttons(self, *_args: object) -> None:
        if self.board is None:
            return
        finding = self.current_finding()
        snoozed = self._current_snoozed()
        self.open_button.setEnabled(finding is not None)
        self.snooze_button.setEnabled(finding is not None and finding.rule != "hints"
                                      and self._writable())
        self.snooze_button.setText(self.tr("Change &snooze…") if snoozed else
                                   self.tr("&Snooze…"))
        self.wake_button.setEnabled(snoozed is not None and self._writable())

    def _context_menu(self, point: QPoint) -> None:
        from PySide6.QtWidgets import QMenu

        index = self.tree.indexAt(point)
        if not index.isValid():
            return
        self.tree.setCurrentIndex(index)
        self._update_buttons()
        menu = QMenu(self)
        for button in (self.open_button, self.snooze_button, self.wake_button):
            if button.isEnabled():
                menu.addAction(button.text(), button.click)
        if (gap := self.current_finding()) is not None and gap.name:  # who it names: their page
            add_record_person(menu, self, gap.kind, gap.id, gap.name)
        if not menu.isEmpty():
            menu.exec(self.tree.viewport().mapToGlobal(point))

    # -- state -----------------------------------------------------------------------------------
    def save_state(self, settings: QSettings) -> None:
        expanded = self.model.expanded if self.board is not None else {}
        settings.setValue("foldedRules", [key[1] for key, open_ in expanded.items()
                                          if not open_ and key[0] == "rule"])

    def restore_state(self, settings: QSettings) -> None:
        folded = settings.value("foldedRules", []) or []
        if isinstance(folded, str):
            folded = [folded]
        self._folded = {("rule", str(rule_id)) for rule_id in folded}

    @property
    def showing_welcome(self) -> bool:
        return self.welcome is not None and self.stack.currentWidget() is self.welcome
