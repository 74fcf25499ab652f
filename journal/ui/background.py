"""Running slow work off the UI thread while the window stays responsive."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QProgressDialog, QWidget

T = TypeVar("T")

PROGRESS_AFTER_MS = 600  # fast work never flashes a dialog


def run_with_progress(parent: QWidget | None, label: str, work: Callable[[], T]) -> T:
    """Run `work` on a worker thread and return its result (or raise its exception).

    Qt keeps processing events meanwhile; if the work takes longer than a moment, a busy
    progress dialog with `label` appears. `work` must not touch widgets.
    """
    outcome: dict[str, object] = {}

    def run() -> None:
        try:
            outcome["value"] = work()
        except BaseException as error:  # handed back to the caller's thread below
            outcome["error"] = error

    worker = threading.Thread(target=run, name="journal-worker", daemon=True)
    worker.start()
    dialog = QProgressDialog(label, "", 0, 0, parent)
    dialog.setCancelButton(None)  # migrations and copies must finish; there is nothing to stop
    dialog.setMinimumDuration(PROGRESS_AFTER_MS)
    dialog.setAutoClose(False)
    loop = QEventLoop()
    poll = QTimer()
    poll.setInterval(15)
    poll.timeout.connect(lambda: None if worker.is_alive() else loop.quit())
    poll.start()
    if worker.is_alive():
        loop.exec()
    poll.stop()
    worker.join()
    dialog.reset()
    dialog.deleteLater()
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome["value"]  # type: ignore[return-value]
