"""Running a list's query on a worker thread, with a read-only connection of its own.

A sqlite3 connection is used only by the thread that opened it, so each query opens the journal
read-only (a second connection to the same WAL file, which sees what the UI's connection has
committed) on a worker thread and closes it there. The result comes back to the UI thread by a
queued signal; a result whose query has since been overtaken by a newer one is dropped.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from journal.store.journal import Journal, open_journal

Work = Callable[[Journal], Any]
Done = Callable[[Any], None]


class QueryRunner(QObject):
    """Runs `work(journal)` and hands its result to `done` on the UI thread, dropping stale
    results. `synchronous` (the class default is for tests) runs the work at once, in place."""

    synchronous = False
    _arrived = Signal(int, object, object)  # generation, result, error

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._generation = 0
        self._done: Done | None = None
        self._arrived.connect(self._deliver)  # queued: emitted from the worker thread

    @property
    def pending(self) -> bool:
        """A query is running whose result has not been handed over yet."""
        return self._done is not None

    def run(self, journal: Journal, work: Work, done: Done) -> bool:
        """Start `work`; True when it runs on a worker (its result comes later), False when it
        ran at once (an in-memory journal, or a synchronous runner)."""
        self.cancel()
        if self.synchronous or not journal.path.is_file():
            done(work(journal))
            return False
        self._generation += 1
        self._done = done
        generation, path = self._generation, journal.path

        def run() -> None:
            try:
                reader = open_journal(path, read_only=True)
                try:
                    result = work(reader)
                finally:
                    reader.close()
            except Exception as error:  # handed back to the UI thread
                self._arrived.emit(generation, None, error)
                return
            self._arrived.emit(generation, result, None)

        threading.Thread(target=run, name="journal-query", daemon=True).start()
        return True

    def cancel(self) -> None:
        """Drop the result of the query running, if any."""
        self._generation += 1
        self._done = None

    def _deliver(self, generation: int, result: Any, error: BaseException | None) -> None:
        if generation != self._generation or self._done is None:
            return  # a newer query was issued (or the work was cancelled) meanwhile
        done, self._done = self._done, None
        if error is not None:
            raise error
        done(result)
