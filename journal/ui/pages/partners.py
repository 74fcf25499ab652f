"""The Partner teams page."""

from __future__ import annotations

from journal.ui.pages.base import AboutToComePage


class PartnersPage(AboutToComePage):
    def heading(self) -> str:
        return self.tr("Partner teams")

    def body(self) -> str:
        return self.tr(
            "The teams you depend on: who your contact is, the dashboards and runbooks you share, "
            "and a log of when you last talked outside an incident. "
            "This page is being built. Records of this kind already in the journal are kept safe "
            "and will show here."
        )
