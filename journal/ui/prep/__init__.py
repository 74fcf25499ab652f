"""Before a 1:1: the prep window, the name prompt behind Ctrl+Shift+P, and File > Export
journal… / Import… (added to the menus by `install_actions`)."""

from journal.ui.prep.actions import install_actions
from journal.ui.prep.dialog import open_prep

__all__ = ["install_actions", "open_prep"]
