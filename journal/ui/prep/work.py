"""Running an export or an import off the UI thread, with a progress bar that counts records.

The window is disabled meanwhile, so nothing else uses the journal while the worker does; the
progress dialog appears only when the work takes longer than a moment, as elsewhere in the app.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QProgressDialog, QWidget

from journal.ui.background import PROGRESS_AFTER_MS

T = TypeVar("T")
Report = Callable[[int, int], None]


def run_counted(parent: QWidget, label: str, work: Callable[[Report], T]) -> T:
    """Run `work(report)` on a worker thread; `report(done, total)` moves the progress bar.
    Returns the work's result or raises its exception. `work` must not touch widgets."""
    state = {"done": 0, "total": 0}
    outcome: dict[str, object] = {}

    def report(done: int, total: int) -> None:
        state["done"], state["total"] = done, total

    def run() -> None:
        try:
            outcome["value"] = work(report)
        except BaseException as error:  # handed back to the UI thread below
            outcome["error"] = error

    window = parent.window()
    window.setEnabled(False)
    dialog = QProgressDialog(label, "", 0, 0, window)
    dialog.setCancelButton(None)  # a write must finish: it is one transaction
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(PROGRESS_AFTER_MS)
    dialog.setAutoClose(False)
    worker = threading.Thread(target=run, name="journal-interchange", daemon=True)
    worker.start()
    loop = QEventLoop()

    def poll() -> None:
        if state["total"]:
            dialog.setMaximum(state["total"])
            dialog.setValue(min(state["done"], state["total"]))
        if not worker.is_alive():
            loop.quit()

    timer = QTimer()
    timer.setInterval(30)
    timer.timeout.connect(poll)
    timer.start()
    try:
        if worker.is_alive():
            loop.exec()
        worker.join()
    finally:
        timer.stop()
        dialog.reset()
        dialog.deleteLater()
        window.setEnabled(True)
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome["value"]  # type: ignore[return-value]
