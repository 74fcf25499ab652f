"""The sample journal, generated in code so that it always looks current.

`populate` writes a small but lived-in journal of a senior SRE, "Alex Rivera": mentees, goals,
check-ins, feedback, retros, partner teams, design reviews, decision records, roadmap proposals,
cross-team conflicts and a few 1:1s. Every date is counted back from `today`, so the sample never
goes stale.

Some records are deliberately wrong in the ways the checklist looks for, so a new user sees what it
catches. Each one says which rule it trips in a comment starting with "Gap:"; the anti-patterns the
coach points out say "Anti-pattern:".

Writes go through the Journal API only (no SQL). Records are written with `create_many` because it
lets each record carry the time it was written (`created_at`): a draft that has waited six weeks
must look six weeks old.
"""

from __future__ import annotations

import datetime as dt

from journal.sample import decisions, feedback, mentoring, one_on_ones, partners
from journal.sample.people import OWNER_NAME, PEOPLE
from journal.sample.writer import Writer
from journal.store.journal import Journal

__all__ = ["OWNER_NAME", "populate"]


def populate(journal: Journal, today: dt.date | None = None) -> None:
    """Write the sample journal into `journal` (meant for a new, empty one) in one transaction."""
    today = today or dt.date.today()
    w = Writer(journal, today)
    with journal.batch():
        journal.set_setting("owner_name", OWNER_NAME)
        people = {name: w.add("person", 400, name=name, team=team, notes=notes)
                  for name, team, notes in PEOPLE}
        mentoring.write(w, people)
        feedback.write_drafts(w, people)
        feedback.write_reflections(w, people)
        feedback.write_retros(w)
        partners.write(w, people)
        decisions.write_decisions(w, people)
        decisions.write_roadmap(w)
        decisions.write_conflicts(w, people)
        one_on_ones.write(w, people)

