"""Preferences: your own name and the thresholds the checklist judges by. Saved as you type."""

from __future__ import annotations

from dataclasses import fields

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

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
        added = add_rows(self, form, ctx)
        for widget in (self.owner, *self.spins.values(), *added):
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
        self.ctx.saver.schedule(("setting", name),
                                lambda: self.ctx.journal.set_setting(f"threshold.{name}", value,
                                                                     initiator=self))

    def done(self, result: int) -> None:
        self.ctx.saver.flush()
        super().done(result)
