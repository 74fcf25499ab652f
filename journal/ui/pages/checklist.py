"""The Checklist page: the opening page. A new, empty journal is greeted here."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from journal.domain.kinds import KIND_LABELS
from journal.store.changes import Changes
from journal.ui import theme
from journal.ui.due.panel import DuePanel
from journal.ui.pages.base import Page
from journal.ui.widgets.intro import intro_box

# The kinds worth counting on the overview, in reading order.
_OVERVIEW = ("person", "mentorship", "goal", "check_in", "mentoring_session", "feedback_draft",
             "retro", "reflection", "partner_team", "design_review", "decision_record",
             "roadmap_proposal", "conflict")


class ChecklistPage(Page):
    kinds = ("snooze",)
    open_sample_requested = Signal()
    go_to_page_requested = Signal(str)
    greeting_shown = Signal(bool)  # whether the greeting (not the checklist) is what shows

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.stack = QStackedWidget(self)
        # Each view is built when first shown: start-up paints one of them, never both.
        self.welcome: QWidget | None = None
        self.overview: QWidget | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(DuePanel(self))
        layout.addWidget(self.stack)

    # -- building --------------------------------------------------------------------------------
    def _build_welcome(self) -> QWidget:
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

    def _build_overview(self) -> QWidget:
        box, layout = intro_box(self.tr("Checklist"), self.tr(
            "The checklist will show, from your own records, where your leadership work has "
            "gaps: a mentee without a goal, feedback left undelivered, a partner team you only "
            "talk to during incidents. It is being built; until then, here is what your journal "
            "holds."), self)
        self.counts_grid = QGridLayout()
        self.counts_grid.setHorizontalSpacing(24)
        self.counts_grid.setVerticalSpacing(6)
        self.count_labels: dict[str, QLabel] = {}
        for row, kind in enumerate(_OVERVIEW):
            number = QLabel("0")
            number.setObjectName(f"count_{kind}")
            theme.style(number, "count")  # right-aligned
            self.count_labels[kind] = number
            self.counts_grid.addWidget(number, row, 0)
            self.counts_grid.addWidget(QLabel(self.tr(KIND_LABELS[kind]).capitalize()), row, 1)
        self.counts_grid.setColumnStretch(2, 1)
        layout.addLayout(self.counts_grid)
        layout.addStretch(1)
        return box

    # -- data ------------------------------------------------------------------------------------
    def journal_changed(self) -> None:
        self.refresh()

    def on_changes(self, changes: Changes) -> None:
        self.refresh()

    def refresh(self) -> None:
        journal = self.ctx.journal if self.ctx else None
        counts = journal.counts() if journal is not None else {}
        if not any(counts.values()):  # no journal, or one with no records at all
            if self.welcome is None:
                self.welcome = self._build_welcome()
                self.stack.addWidget(self.welcome)
            self.stack.setCurrentWidget(self.welcome)
            self.greeting_shown.emit(True)
            return
        if self.overview is None:
            self.overview = self._build_overview()
            self.stack.addWidget(self.overview)
        for kind, label in self.count_labels.items():
            label.setText(f"{counts[kind]:,}")
        self.stack.setCurrentWidget(self.overview)
        self.greeting_shown.emit(False)

    @property
    def showing_welcome(self) -> bool:
        return self.welcome is not None and self.stack.currentWidget() is self.welcome
