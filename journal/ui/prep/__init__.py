"""Before a 1:1: the prep window, the name prompt behind Ctrl+Shift+P, and File > Export
journal… / Import… (added to the menus by `install_actions`).

Only `actions` is imported with the menus (right after the first paint); the prep window and
everything it renders with load when it is first opened.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from journal.ui.prep.actions import install_actions

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from journal.ui.context import PageContext
    from journal.ui.prep.dialog import PrepDialog


def open_prep(parent: QWidget, ctx: PageContext, person_id: int) -> PrepDialog:
    """Show the prep window for a person (see journal.ui.prep.dialog.open_prep)."""
    from journal.ui.prep.dialog import open_prep as show

    return show(parent, ctx, person_id)


__all__ = ["install_actions", "open_prep"]
