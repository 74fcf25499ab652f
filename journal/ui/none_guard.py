"""A guard against a reference-counting bug of PySide6 6.12 under Python 3.11.

Measured here (PySide6-Essentials 6.12.0, CPython 3.11.7): every call of a Qt method that
returns nothing (`QWidget.setEnabled`, `QComboBox.addItem`, ...) hands back `None` without
taking a reference to it, so each such call lowers None's reference count by one for good.
Python 3.11 aborts ("deallocating None") when that count reaches zero: 50,000 calls of
`setEnabled` in a bare script are enough. A session survives only as long as enough objects
happen to hold None (rows with empty fields did, before the long lists loaded in pages); filling
a person picker of the 10x journal's 3,000 people was the call too many.

From Python 3.12 None is immortal and the bug is harmless. Until the app can require 3.12 or a
PySide6 that takes its reference, give None a count no session can wear down. `run` starts on a
plain list of references and raises the count after the first paint; a start-up benchmark run
(LEADERSHIP_JOURNAL_EXIT_AFTER_PAINT) quits before that, and may still abort on the way out when
its first page was a long one, as it did before this guard.
"""

from __future__ import annotations

import sys

_RESERVE = 1 << 40  # a trillion calls; the count is a Py_ssize_t, so this cannot overflow
_AFFECTED = sys.version_info < (3, 12)
_protected = not _AFFECTED
_start_up_reserve: list[None] = []


def protect_none() -> None:
    """Raise None's reference count by a trillion, once per process (Python < 3.12 only)."""
    global _protected, _start_up_reserve
    if _protected:
        return
    import ctypes  # here, not at the top: only the affected Pythons pay for importing it

    # ob_refcnt is the first field of every CPython object, at the address id() gives.
    ctypes.c_ssize_t.from_address(id(None)).value += _RESERVE
    _protected = True
    _start_up_reserve = []


def protect_none_for_start_up() -> None:
    """Enough references to None for start-up, without importing ctypes (1.5 ms of a cold
    start): 100,000 of them, 800 kB, where opening the biggest page of the 10x journal costs a
    few thousand. Call `protect_none` once the window has painted."""
    global _start_up_reserve
    if not _protected and not _start_up_reserve:
        _start_up_reserve = [None] * 100_000
