"""The Decisions page."""

from __future__ import annotations

from journal.ui.pages.base import AboutToComePage


class DecisionsPage(AboutToComePage):
    def heading(self) -> str:
        return self.tr("Decisions")

    def body(self) -> str:
        return self.tr(
            "Design reviews against the six rubric questions, decision records, roadmap proposals "
            "framed by risk, SLO, toil, compliance or cost, and cross-team conflicts settled in "
            "writing. "
            "This page is being built. Records of this kind already in the journal are kept safe "
            "and will show here."
        )
