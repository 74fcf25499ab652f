"""The pages of the main window, in sidebar order. Each is imported when first shown."""

from __future__ import annotations

import importlib
from typing import NamedTuple

from PySide6.QtCore import QCoreApplication


class PageSpec(NamedTuple):
    key: str
    module: str
    cls: str
    kinds: tuple[str, ...]  # record kinds this page can open
    label: str = ""  # the sidebar's name for it (translated); "" for the pages in _TITLES

    def title(self) -> str:
        return QCoreApplication.translate("Pages", self.label or _TITLES[self.key])

    def load(self) -> type:
        return getattr(importlib.import_module(self.module), self.cls)


_TITLES = {
    "mentoring": "Mentoring",
    "feedback": "Feedback",
    "reflections": "Reflections",
    "partners": "Partner teams",
    "decisions": "Decisions",
    "checklist": "Checklist",
}

PAGES: tuple[PageSpec, ...] = (
    PageSpec("mentoring", "journal.ui.pages.mentoring", "MentoringPage",
             ("mentorship", "goal", "check_in", "mentoring_session")),
    PageSpec("feedback", "journal.ui.pages.feedback", "FeedbackPage",
             ("feedback_draft", "retro", "retro_item")),
    PageSpec("reflections", "journal.ui.pages.reflections", "ReflectionsPage", ("reflection",)),
    PageSpec("partners", "journal.ui.pages.partners", "PartnersPage",
             ("partner_team", "partner_contact")),
    PageSpec("decisions", "journal.ui.pages.decisions", "DecisionsPage",
             ("design_review", "decision_record", "roadmap_proposal", "conflict",
              "conflict_owner", "decision_person")),
    PageSpec("checklist", "journal.ui.pages.checklist", "ChecklistPage", ("snooze",)),
    # A 1:1 has no page of its own: it opens in its person's timeline.
    PageSpec("people", "journal.ui.pages.people", "PeoplePage", ("person", "one_on_one"),
             "People"),
)
DEFAULT_PAGE = "checklist"


def spec_for_kind(kind: str) -> PageSpec | None:
    return next((spec for spec in PAGES if kind in spec.kinds), None)
