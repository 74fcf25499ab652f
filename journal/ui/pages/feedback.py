"""The Feedback page."""

from __future__ import annotations

from journal.ui.pages.base import AboutToComePage


class FeedbackPage(AboutToComePage):
    def heading(self) -> str:
        return self.tr("Feedback")

    def body(self) -> str:
        return self.tr(
            "Feedback you are preparing for others in Situation, Behavior, Impact form, with a "
            "coach that points out vague wording while you write, and Continue / Start / Stop "
            "retros after projects, sprints and rotations. "
            "This part of the app is being built; nothing here is stored yet."
        )
