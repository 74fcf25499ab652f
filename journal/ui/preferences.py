"""Preferences: your own name, the thresholds the checklist judges by and its list of vague
labels. Kept in the journal (an exported journal keeps them) and saved as you change them; the
Checklist follows each change at once."""

from __future__ import annotations

from dataclasses import fields

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from journal.domain.checklist import VAGUE_LABELS, default_vague_labels, vague_labels_of
from journal.domain.thresholds import OWNER_NAME, Thresholds
from journal.ui import theme
from journal.ui.context import PageContext
from journal.ui.due.preferences import add_rows


class PreferencesDialog(QDialog):
    def __init__(self, ctx: PageContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Preferences"))
        journal = ctx.journal
        form = QFormLayout()
        # Numbers keep the width of a number; the name and the word list take the rest.
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.owner = QLineEdit(journal.setting(OWNER_NAME, "") or "")
        self.owner.setPlaceholderText(self.tr("How prep notes and mentorships name you"))
        self.owner.textEdited.connect(self._owner_edited)
        form.addRow(self.tr("Your &name:"), self.owner)

        labels = {
            "check_in_grace_days": (self.tr("Check-in &grace period:"), self.tr(" days")),
            "max_active_goals": (self.tr("Active goals per &mentee, at most:"), ""),
            "feedback_stale_days": (self.tr("Feedback goes &stale after:"), self.tr(" days")),
            "review_decision_days": (self.tr("Design review needs a &decision within:"),
                                     self.tr(" days")),
            "partner_contact_days": (self.tr("Talk to each &partner team every:"),
                                     self.tr(" days")),
            "hero_call_weeks": (self.tr("Look for hero-call mentoring over the last:"),
                                self.tr(" weeks")),
        }
        current = Thresholds.from_settings(journal.settings())
        self.spins: dict[str, QSpinBox] = {}
        for f in fields(Thresholds):
            label, suffix = labels[f.name]
            spin = QSpinBox()
            spin.setRange(1, 3650)
            spin.setSuffix(suffix)
            spin.setValue(getattr(current, f.name))
            spin.valueChanged.connect(lambda v, name=f.name: self._threshold_edited(name, v))
            self.spins[f.name] = spin
            form.addRow(label, spin)
        self.vague = QPlainTextEdit()
        self.vague.setObjectName("vagueLabels")
        self.vague.setTabChangesFocus(True)
        self.vague.setToolTip(self.tr(
            "One label a line. Feedback whose behavior or impact is nothing but these is a "
            "checklist gap. “a|b” matches either word, “*” any one word, and a word ending in "
            "“?” may be left out."))
        self.vague.setFixedHeight(self.vague.fontMetrics().lineSpacing() * 6 + 12)
        # One phrase a line, as stored: wrapped lines would read as two phrases.
        self.vague.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.vague.setMinimumWidth(self.vague.fontMetrics().horizontalAdvance("x" * 44))
        self._fill_vague(vague_labels_of(journal.setting(VAGUE_LABELS)))
        self.vague.textChanged.connect(self._vague_edited)
        self.reset_vague = QPushButton(self.tr("Use the &built-in list"))
        self.reset_vague.clicked.connect(self._reset_vague)
        vague_label = QLabel(self.tr("&Vague labels:"))
        vague_label.setBuddy(self.vague)
        vague_box = QVBoxLayout()
        vague_box.addWidget(self.vague)
        reset_row = QHBoxLayout()
        reset_row.addWidget(self.reset_vague)
        reset_row.addStretch(1)
        vague_box.addLayout(reset_row)
        form.addRow(vague_label, vague_box)
        added = add_rows(self, form, ctx)
        for widget in (self.owner, *self.spins.values(), self.vague, self.reset_vague,
                       *added):
            widget.setEnabled(not journal.read_only)

        note = QLabel(self.tr("Changes are saved as you make them."))
        theme.style(note, "hint")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def _owner_edited(self, text: str) -> None:
        self.ctx.saver.schedule(("setting", OWNER_NAME),
                                lambda: self.ctx.journal.set_setting(OWNER_NAME, text.strip(),
                                                                     initiator=self))

    def _threshold_edited(self, name: str, value: int) -> None:
        # Saved after the typing pause (typing "120" is not first 1, then 12); the Checklist
        # behind follows as soon as it is saved.
        self.ctx.saver.schedule(("setting", name),
                                lambda: self.ctx.journal.set_setting(f"threshold.{name}", value,
                                                                     initiator=self))

    def _fill_vague(self, phrases: tuple[str, ...]) -> None:
        self.vague.blockSignals(True)
        self.vague.setPlainText("\n".join(phrases or default_vague_labels()))
        self.vague.blockSignals(False)

    def vague_phrases(self) -> list[str]:
        return list(vague_labels_of(self.vague.toPlainText().splitlines()))

    def _vague_edited(self) -> None:
        from journal.ops.checklist import set_vague_labels

        phrases = self.vague_phrases()
        # The built-in list, word for word, is stored as "the built-in list" (it may grow later).
        stored = None if tuple(phrases) == default_vague_labels() else phrases
        self.ctx.saver.schedule(("setting", VAGUE_LABELS),
                                lambda: set_vague_labels(self.ctx.journal, stored,
                                                         initiator=self))

    def _reset_vague(self) -> None:
        from journal.ops.checklist import set_vague_labels

        self.ctx.saver.discard(("setting", VAGUE_LABELS))
        set_vague_labels(self.ctx.journal, None, initiator=self)
        self._fill_vague(())

    def done(self, result: int) -> None:
        self.ctx.saver.flush()
        super().done(result)
