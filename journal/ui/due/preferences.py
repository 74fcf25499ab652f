"""The rows this package adds to Preferences: the daily note and how many snapshots to keep."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QFormLayout, QSpinBox, QWidget

from journal.ui.context import PageContext


def add_rows(dialog: QWidget, form: QFormLayout, ctx: PageContext) -> list[QWidget]:
    """Add the rows to `form`; they save as they change, through the window's saver. Returns the
    new widgets (the dialog disables them on a read-only journal)."""
    from journal.store.snapshots import DEFAULT_KEEP, KEEP_SETTING
    from journal.ui.due.daily import NOTIFY_SETTING

    journal = ctx.journal
    notify = QCheckBox(dialog.tr("Once a day, a &note of what is due (where the desktop has a "
                                 "tray)"))
    notify.setObjectName("notifyDaily")
    notify.setChecked(journal.setting(NOTIFY_SETTING, True) is not False)
    notify.toggled.connect(lambda on: ctx.saver.schedule(
        ("setting", NOTIFY_SETTING),
        lambda: journal.set_setting(NOTIFY_SETTING, bool(on), initiator=dialog)))
    form.addRow("", notify)

    keep = QSpinBox()
    keep.setObjectName("snapshotsKeep")
    keep.setRange(1, 1000)
    keep.setValue(int(journal.setting(KEEP_SETTING, DEFAULT_KEEP) or DEFAULT_KEEP))
    keep.valueChanged.connect(lambda value: ctx.saver.schedule(
        ("setting", KEEP_SETTING),
        lambda: journal.set_setting(KEEP_SETTING, int(value), initiator=dialog)))
    form.addRow(dialog.tr("S&napshots to keep:"), keep)
    return [notify, keep]
