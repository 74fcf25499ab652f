"""The Mentoring page."""

from __future__ import annotations

from journal.ui.pages.base import AboutToComePage


class MentoringPage(AboutToComePage):
    def heading(self) -> str:
        return self.tr("Mentoring")

    def body(self) -> str:
        return self.tr(
            "Mentees, the mentor each one has, one or two concrete goals per mentee with weekly "
            "check-ins, and notes from the time you spend together, including how you coached "
            "their debugging. "
            "This part of the app is being built; nothing here is stored yet."
        )
