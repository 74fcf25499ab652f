"""A retro item's follow-ups: it becomes a feedback draft for someone, or a goal for a person
you mentor. The app's retro editor and the CLI take the same steps through here; each returns
the `Undo` of what it created."""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from journal.domain.kinds import FEEDBACK_DRAFT, GOAL, RETRO, RETRO_ITEM
from journal.domain.records import Retro, RetroItem
from journal.ops.deleting import Undo
from journal.store.journal import Journal
from journal.store.retros import active_mentorship


class NoActiveMentorship(LookupError):
    """Goals belong to a mentorship, and the person has no current one."""


class DraftWording(NamedTuple):
    """The sentences a draft from a retro item starts with (the app passes them translated).
    %1 is the retro's subject (or `occasion` when it has none), %2 the day it was held, %3 the
    item's text."""

    occasion: str = "the last retro"
    start: str = "In the retro for %1 (%2) we agreed to start: %3"
    done: str = "During %1 (retro on %2)"


ENGLISH = DraftWording()


def draft_values(retro: Retro, item: RetroItem, wording: DraftWording = ENGLISH
                 ) -> dict[str, str]:
    """Where a retro item's words go in a feedback draft.

    Continue and Stop items name something that was done: that is Behavior, and the retro gives
    the Situation. A Start item names something missing, which is not yet a behavior of theirs,
    so it goes into the Situation as context and Behavior is left for what they actually did.
    """
    occasion = retro.subject.strip() or wording.occasion
    held = retro.held_on.isoformat()
    if item.bucket == "start":
        return {"situation": wording.start.replace("%1", occasion).replace("%2", held).replace(
            "%3", item.text)}
    return {"situation": wording.done.replace("%1", occasion).replace("%2", held),
            "behavior": item.text}


def default_polarity(bucket: str) -> str:
    """Keep doing it: reinforcing. Start or stop doing something: corrective."""
    return "reinforcing" if bucket == "continue" else "corrective"


def _undo_create(journal: Journal, kind: str, record_id: int, initiator: object) -> Undo:
    def undo() -> None:
        journal.delete(kind, record_id, initiator=initiator)

    return Undo(kind, record_id, frozenset({(kind, record_id)}), undo)


def item_to_draft(journal: Journal, item_id: int, recipient_id: int,
                  polarity: str | None = None, wording: DraftWording = ENGLISH,
                  initiator: object = None) -> Undo:
    """A new feedback draft for `recipient_id` from the retro item (its words placed by
    `draft_values`; `polarity` defaults to the item's bucket's). Its `undo` deletes it."""
    item = journal.get(RETRO_ITEM, item_id)
    retro = journal.get(RETRO, item.retro_id)
    draft = journal.create(FEEDBACK_DRAFT, initiator=initiator, recipient_id=recipient_id,
                           polarity=polarity or default_polarity(item.bucket),
                           **draft_values(retro, item, wording))
    return _undo_create(journal, FEEDBACK_DRAFT, draft.id, initiator)


def item_to_goal(journal: Journal, item_id: int, mentee_id: int,
                 today: dt.date | None = None, initiator: object = None) -> Undo:
    """A new goal, the item's text its outcome, in the person's current mentorship, starting
    `today`. Raises `NoActiveMentorship` when they have none. Its `undo` deletes it."""
    day = today or dt.date.today()
    item = journal.get(RETRO_ITEM, item_id)
    mentorship = active_mentorship(journal, mentee_id, day)
    if mentorship is None:
        raise NoActiveMentorship(mentee_id)
    goal = journal.create(GOAL, initiator=initiator, mentorship_id=mentorship.id,
                          outcome=item.text, started_on=day)
    return _undo_create(journal, GOAL, goal.id, initiator)
