"""What the checklist says about one person: its gaps and hints on records that concern them.

The prep note for a 1:1 lists these. A gap concerns a person when its record names them: as the
mentee or mentor, the feedback's recipient, a team's point of contact, a review's author, one of a
decision's people, or a conflict's decision-maker or owner.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from journal.domain import kinds
from journal.domain.checklist import Finding
from journal.store.checklist_run import compute
from journal.store.journal import Journal

# kind -> SQL giving (record id, person id) pairs for the record ids in `{ids}`.
_PEOPLE_OF = {
    kinds.PERSON: "SELECT id, id FROM people WHERE id IN ({ids})",
    kinds.MENTORSHIP: """SELECT id, mentee_id FROM mentorships WHERE id IN ({ids})
                         UNION ALL SELECT id, mentor_id FROM mentorships
                         WHERE id IN ({ids}) AND mentor_id IS NOT NULL""",
    kinds.GOAL: """SELECT g.id, m.mentee_id FROM goals g
                   JOIN mentorships m ON m.id = g.mentorship_id WHERE g.id IN ({ids})""",
    kinds.FEEDBACK_DRAFT: "SELECT id, recipient_id FROM feedback_drafts WHERE id IN ({ids})",
    kinds.PARTNER_TEAM: """SELECT id, contact_id FROM partner_teams
                           WHERE id IN ({ids}) AND contact_id IS NOT NULL""",
    kinds.DESIGN_REVIEW: """SELECT id, author_id FROM design_reviews
                            WHERE id IN ({ids}) AND author_id IS NOT NULL""",
    kinds.DECISION_RECORD: """SELECT decision_record_id, person_id FROM decision_people
                              WHERE decision_record_id IN ({ids})""",
    kinds.CONFLICT: """SELECT id, decision_maker_id FROM conflicts
                       WHERE id IN ({ids}) AND decision_maker_id IS NOT NULL
                       UNION ALL SELECT conflict_id, person_id FROM conflict_owners
                       WHERE conflict_id IN ({ids})""",
}


def findings_about(journal: Journal, person_id: int, today: dt.date | None = None
                   ) -> list[Finding]:
    """The open gaps, then the hints, whose record concerns `person_id` (snoozed gaps left out:
    the user set them aside)."""
    checklist = compute(journal, today)
    findings = [g for rule in checklist.rules for g in rule.gaps] + list(checklist.hints)
    by_kind: dict[str, set[int]] = defaultdict(set)
    for finding in findings:
        by_kind[finding.kind].add(finding.id)
    theirs: set[tuple[str, int]] = set()
    for kind, ids in by_kind.items():
        sql = _PEOPLE_OF.get(kind)
        if sql is None:
            continue
        marks = ", ".join("?" for _ in ids)
        rows = journal.rows(sql.format(ids=marks), tuple(ids) * sql.count("{ids}"))
        theirs |= {(kind, record_id) for record_id, who in rows if who == person_id}
    return [f for f in findings if (f.kind, f.id) in theirs]
