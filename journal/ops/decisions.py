"""Use cases of the Decisions page that take more than one store call: recording a review's
decision, setting the people of a decision record or the owners of a conflict, superseding one
record by another."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from journal.domain.kinds import CONFLICT_OWNER, DECISION_PERSON, DECISION_RECORD, DESIGN_REVIEW
from journal.domain.records import DecisionRecord, DesignReview
from journal.store.journal import Journal


def _joined(*parts: tuple[str, str]) -> str:
    """Non-blank parts as Markdown paragraphs, each led by its label in bold."""
    return "\n\n".join(f"**{label}** {text.strip()}" for label, text in parts if text.strip())


def record_decision(journal: Journal, review_id: int, initiator: object = None,
                    today: dt.date | None = None) -> DecisionRecord:
    """Create a decision record filled from a design review and link the review to it.

    The record's context is the problem and the alternatives; its decision is what the review
    decided; its consequences are the failure modes, reversibility, operational cost and
    compliance answers. Accepted when the review wrote a decision, proposed otherwise. The
    review's author is named as consulted. A review already linked keeps its record (returned).
    """
    review: DesignReview = journal.get(DESIGN_REVIEW, review_id)
    if review.decision_record_id is not None:
        return journal.get(DECISION_RECORD, review.decision_record_id)
    with journal.batch(initiator):
        record = journal.create(
            DECISION_RECORD, initiator,
            title=review.title.strip() or "Decision from a design review",
            context=_joined(("Problem.", review.problem),
                            ("Alternatives considered.", review.alternatives)),
            decision=review.decision.strip(),
            consequences=_joined(("Failure modes and blast radius.", review.failure_modes),
                                 ("Reversibility.", review.reversibility),
                                 ("Operational cost.", review.operational_cost),
                                 ("Compliance and security.", review.compliance_security)),
            status="accepted" if review.decision.strip() else "proposed",
            decided_on=review.reviewed_on or today or dt.date.today())
        if review.author_id is not None:
            journal.create(DECISION_PERSON, initiator, decision_record_id=record.id,
                           person_id=review.author_id, role="consulted")
        journal.update(DESIGN_REVIEW, review_id, initiator, decision_record_id=record.id)
    return journal.get(DECISION_RECORD, record.id)


def set_people(journal: Journal, record_id: int, role: str, person_ids: Iterable[int],
               initiator: object = None) -> None:
    """Make the people of `role` in a record exactly `person_ids` (one transaction)."""
    _link_exactly(journal, DECISION_PERSON, person_ids, initiator,
                  decision_record_id=record_id, role=role)


def _link_exactly(journal: Journal, kind: str, person_ids: Iterable[int], initiator: object,
                  **parent: object) -> None:
    """Make the `kind` links of `parent` (its columns and values) name exactly `person_ids`,
    in one transaction: links to people who stay are kept, the others deleted, new ones made."""
    wanted = list(dict.fromkeys(person_ids))
    current = {link.person_id: link.id for link in journal.list(kind, **parent)}
    with journal.batch(initiator):
        for person_id, link_id in current.items():
            if person_id not in wanted:
                journal.delete(kind, link_id, initiator)
        for person_id in wanted:
            if person_id not in current:
                journal.create(kind, initiator, person_id=person_id, **parent)


def supersede(journal: Journal, old_id: int, new_id: int | None,
              initiator: object = None) -> None:
    """Say `old_id` is superseded by `new_id` (its status follows), or by nothing any more
    (a superseded record goes back to accepted)."""
    old: DecisionRecord = journal.get(DECISION_RECORD, old_id)
    if new_id is None:
        status = "accepted" if old.status == "superseded" else old.status
        journal.update(DECISION_RECORD, old_id, initiator, superseded_by_id=None, status=status)
        return
    if new_id == old_id:
        raise ValueError("a decision record cannot supersede itself")
    journal.update(DECISION_RECORD, old_id, initiator, superseded_by_id=new_id,
                   status="superseded")


def set_owners(journal: Journal, conflict_id: int, person_ids: Iterable[int],
               initiator: object = None) -> None:
    """Make the named owners of a conflict exactly `person_ids` (one transaction); an owner who
    stays keeps what they were responsible for."""
    _link_exactly(journal, CONFLICT_OWNER, person_ids, initiator, conflict_id=conflict_id)
