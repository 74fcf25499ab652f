"""Snapshots and the daily note in the app: the daily job, File > Restore from snapshot…, the
Preferences rows."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QMessageBox

from journal.domain.kinds import PERSON
from journal.ops.snapshots import snapshot_now
from journal.store import snapshots
from journal.ui.due.daily import NOTIFIED_ON, NOTIFY_SETTING, DailyJobs
from journal.ui.due.restore import RestoreDialog


def test_daily_snapshot_runs_off_the_ui_thread_once_a_day(window):
    jobs = DailyJobs(window)
    worker = jobs.snapshot_if_due()
    assert worker is not None and worker.name == "journal-snapshot"
    worker.join(10)
    assert [s.reason for s in snapshots.list_snapshots(window.journal.path)] == [snapshots.DAILY]
    jobs.snapshot_if_due().join(10)
    assert len(snapshots.list_snapshots(window.journal.path)) == 1


def test_no_daily_snapshot_of_the_sample(sample_window):
    assert DailyJobs(sample_window).snapshot_if_due() is None


def test_tray_note_once_a_day_and_only_when_switched_on(sample_window, monkeypatch):
    from PySide6.QtWidgets import QSystemTrayIcon

    window = sample_window
    window.back_to_my_journal()
    window.journal.create(PERSON, name="Ana")
    from journal.domain.kinds import FEEDBACK_DRAFT

    made = (dt.datetime.now(dt.UTC) - dt.timedelta(days=13)).isoformat().replace("+00:00", "Z")
    window.journal.create_many(FEEDBACK_DRAFT, [{"recipient_id": 1, "created_at": made}])
    shown = []
    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: True))
    monkeypatch.setattr(DailyJobs, "_show_note", lambda self, items: shown.append(items))
    jobs = DailyJobs(window)
    window.settings.remove(NOTIFIED_ON)
    window.journal.set_setting(NOTIFY_SETTING, False)
    assert not jobs.notify_if_due()
    window.journal.set_setting(NOTIFY_SETTING, True)
    assert jobs.notify_if_due()
    assert not jobs.notify_if_due()  # once a day
    assert len(shown) == 1 and shown[0][0].person == "Ana"


def test_restore_dialog_lists_and_restores(window, qtbot, monkeypatch):
    journal = window.journal
    journal.create(PERSON, name="Ana")
    snapshot_now(journal.path)
    journal.create(PERSON, name="Ben")
    dialog = RestoreDialog(window)
    qtbot.addWidget(dialog)
    assert dialog.tree.topLevelItemCount() == 1
    assert dialog.tree.topLevelItem(0).text(2) == "1"
    assert dialog.restore_button.isEnabled()
    monkeypatch.setattr(QMessageBox, "question",
                        staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes))
    dialog.restore_selected()
    assert dialog.restored
    assert [p.name for p in window.journal.list(PERSON)] == ["Ana"]
    assert window.journal is not journal
    reasons = [s.reason for s in snapshots.list_snapshots(window.journal.path)]
    assert reasons == [snapshots.BEFORE_RESTORE, snapshots.MANUAL]


def test_restore_menu_action_and_preferences_rows(window, qtbot, monkeypatch):
    assert window.restore_action.text().startswith("&Restore")
    from journal.ui.preferences import PreferencesDialog

    dialog = PreferencesDialog(window._context(), window)
    qtbot.addWidget(dialog)
    keep = dialog.findChild(type(dialog.spins["max_active_goals"]), "snapshotsKeep")
    keep.setValue(5)
    dialog.done(0)
    assert window.journal.setting(snapshots.KEEP_SETTING) == 5
