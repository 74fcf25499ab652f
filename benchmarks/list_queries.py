"""UI-thread time of the Feedback list's slowest queries, synchronous and on the worker.

    python -m benchmarks.list_queries benchmarks/out/10x-....sqlite3

With "All feedback" shown: sorting by recipient, and typing a word that matches nothing. The
UI-thread time of the worker's run is the call's return plus putting the rows in the model when
they arrive; "rows in" is when they are there. The rows of both runs are compared.
"""

from __future__ import annotations

import os
import statistics
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, Qt  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from journal.store.journal import open_journal  # noqa: E402
from journal.store.paging import ListQuery  # noqa: E402
from journal.ui.feedback.draft_list import draft_model  # noqa: E402
from journal.ui.query_runner import QueryRunner  # noqa: E402


def _wait(model) -> float:
    start = time.perf_counter()
    if model.pending:  # an idle event loop, as the app's, until the rows come
        loop = QEventLoop()
        model.requeried.connect(loop.quit)
        loop.exec()
        model.requeried.disconnect(loop.quit)
    return time.perf_counter() - start


def _run(journal, synchronous: bool, action: str) -> tuple[float, float, list[int]]:
    QueryRunner.synchronous = synchronous
    model = draft_model()
    model.sort_rows(1, Qt.SortOrder.AscendingOrder)
    model.load(journal)
    model.set_query(ListQuery(statuses=None))  # "All feedback"
    _wait(model)
    shown: list[float] = []
    real_show = model._show

    def timed_show(*args) -> None:
        start = time.perf_counter()
        real_show(*args)
        shown.append(time.perf_counter() - start)

    model._show = timed_show
    start = time.perf_counter()
    if action == "sort by recipient":
        model.sort_rows(0, Qt.SortOrder.AscendingOrder)
    else:
        model.set_query(ListQuery(statuses=None, words=("qqzxnothing",)))
    ui = time.perf_counter() - start
    total = ui + _wait(model)
    if not synchronous:
        ui += sum(shown)
    return ui * 1000, total * 1000, [row.id for row in model.rows]


def main(path: str, repeats: int = 5) -> None:
    QApplication.instance() or QApplication([])
    journal = open_journal(path)
    try:
        for action in ("sort by recipient", "type a word matching nothing"):
            rows_of: dict[bool, list[int]] = {}
            for synchronous in (True, False):
                runs = [_run(journal, synchronous, action) for _ in range(repeats)]
                rows_of[synchronous] = runs[0][2]
                print(f"{action:30} {'before (in place)' if synchronous else 'after (worker)':18}"
                      f" UI thread {statistics.median(r[0] for r in runs):7.1f} ms,"
                      f" rows in {statistics.median(r[1] for r in runs):7.1f} ms")
            assert rows_of[True] == rows_of[False], "the worker's rows differ"
    finally:
        journal.close()


if __name__ == "__main__":
    main(sys.argv[1])
