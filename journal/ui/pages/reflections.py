"""The Reflections page."""

from __future__ import annotations

from journal.ui.pages.base import AboutToComePage


class ReflectionsPage(AboutToComePage):
    def heading(self) -> str:
        return self.tr("Reflections")

    def body(self) -> str:
        return self.tr(
            "Feedback you received, worked through step by step: what was said, your paraphrase, "
            "the example you asked for, what is useful in it and what you will do. "
            "This part of the app is being built; nothing here is stored yet."
        )
