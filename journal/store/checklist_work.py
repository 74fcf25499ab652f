"""The checklist's queries about cross-team work: design reviews, roadmap proposals, conflicts and
partner teams.

The WHERE clauses that name a record with something missing repeat, word for word, the partial
indexes of schema 5 (`reviews_unanswered`, `proposals_unframed`), which is what lets SQLite read
only those records; tests/test_checklist_store.py checks the query plans.
"""

from __future__ import annotations

import datetime as dt
from functools import partial

from journal.domain import kinds
from journal.domain.checklist import ChecklistSettings, Finding, cutoff, days_between
from journal.store.journal import Journal

RUBRIC = ("problem", "alternatives", "failure_modes", "reversibility", "operational_cost",
          "compliance_security")
UNANSWERED = """trim(problem) = '' OR trim(alternatives) = '' OR trim(failure_modes) = ''
           OR trim(reversibility) = '' OR trim(operational_cost) = ''
           OR trim(compliance_security) = ''"""
UNFRAMED = "frame = '' OR numbers NOT GLOB '*[0-9]*' OR trim(one_sentence) = ''"

_REVIEWS_UNANSWERED = f"""
    SELECT id, uid, title, {', '.join(f"trim({c}) = ''" for c in RUBRIC)}
    FROM design_reviews
    WHERE ({UNANSWERED})
      AND reviewed_on <= :today
    ORDER BY reviewed_on, id"""
_REVIEWS_WITHOUT_RECORD = """
    SELECT id, uid, title, reviewed_on FROM design_reviews
    WHERE decision_record_id IS NULL AND reviewed_on < :cutoff
    ORDER BY reviewed_on, id"""


def review_gaps(journal: Journal, today: dt.date, settings: ChecklistSettings
                ) -> list[Finding]:
    gaps: list[Finding] = []
    for rid, uid, title, *empty in journal.rows(_REVIEWS_UNANSWERED,
                                                {"today": today.isoformat()}):
        missing = tuple(q for q, e in zip(RUBRIC, empty, strict=True) if e)
        gaps.append(Finding("design-reviews", "review_unanswered", kinds.DESIGN_REVIEW, rid, uid,
                            title.strip(), field=missing[0], parts=missing, n=len(missing)))
    days = settings.thresholds.review_decision_days
    limit = cutoff(today, days)
    for rid, uid, title, reviewed_on in journal.rows(_REVIEWS_WITHOUT_RECORD,
                                                     {"cutoff": limit.isoformat()}):
        gaps.append(Finding("design-reviews", "review_no_record", kinds.DESIGN_REVIEW, rid, uid,
                            title.strip(), field="decision_record_id", limit=days,
                            n=days_between(dt.date.fromisoformat(reviewed_on), today)))
    return gaps


_PROPOSALS = f"""
    SELECT id, uid, title, frame = '', numbers NOT GLOB '*[0-9]*', trim(one_sentence) = ''
    FROM roadmap_proposals
    WHERE ({UNFRAMED})
      AND (proposed_on IS NULL OR proposed_on <= :today)"""  # in the index's order: by date


def roadmap_gaps(journal: Journal, today: dt.date, settings: ChecklistSettings
                 ) -> list[Finding]:
    gaps: list[Finding] = []
    for pid, uid, title, no_frame, no_number, no_sentence in journal.rows(
            _PROPOSALS, {"today": today.isoformat()}):
        for code, field, missing in (("proposal_no_frame", "frame", no_frame),
                                     ("proposal_no_number", "numbers", no_number),
                                     ("proposal_no_sentence", "one_sentence", no_sentence)):
            if missing:
                gaps.append(Finding("roadmap", code, kinds.ROADMAP_PROPOSAL, pid, uid,
                                    title.strip(), field=field))
    return gaps


# An owner row is one seek in conflict_owners' UNIQUE (conflict_id, person_id) index.
_CONFLICTS = """
    SELECT c.id, c.uid, c.title, c.decision_maker_id IS NULL, c.status = 'decided',
           trim(c.decision) = '', trim(c.tradeoff) = '',
           NOT EXISTS (SELECT 1 FROM conflict_owners o WHERE o.conflict_id = c.id)
    FROM conflicts c
    WHERE c.decision_maker_id IS NULL
       OR (c.status = 'decided' AND (trim(c.decision) = '' OR trim(c.tradeoff) = ''
           OR NOT EXISTS (SELECT 1 FROM conflict_owners o WHERE o.conflict_id = c.id)))
    ORDER BY c.id"""


def conflict_gaps(journal: Journal, today: dt.date, settings: ChecklistSettings
                  ) -> list[Finding]:
    gaps: list[Finding] = []
    for cid, uid, title, no_maker, decided, no_decision, no_tradeoff, no_owners in journal.rows(
            _CONFLICTS):
        if no_maker:
            gaps.append(Finding("conflicts", "conflict_no_maker", kinds.CONFLICT, cid, uid,
                                title.strip(), field="decision_maker_id"))
        if decided:
            missing = tuple(part for part, empty in (("decision", no_decision),
                                                     ("tradeoff", no_tradeoff),
                                                     ("owners", no_owners)) if empty)
            if missing:
                gaps.append(Finding("conflicts", "conflict_decided_without", kinds.CONFLICT,
                                    cid, uid, title.strip(), field=missing[0], parts=missing))
    return gaps


# Per team, the last contact outside an incident and whether any contact was logged: one seek
# each in partner_contacts_by_team_incident (team_id, during_incident, on_date).
_TEAMS = """
    SELECT t.id, t.uid, t.name, t.contact_id IS NULL,
           (SELECT max(c.on_date) FROM partner_contacts c
            WHERE c.team_id = t.id AND c.during_incident = 0 AND c.on_date <= :today),
           EXISTS (SELECT 1 FROM partner_contacts c
                   WHERE c.team_id = t.id AND c.during_incident = 1 AND c.on_date <= :today)
    FROM partner_teams t
    ORDER BY t.name COLLATE NOCASE, t.id"""


def partner_gaps(journal: Journal, today: dt.date, settings: ChecklistSettings
                 ) -> list[Finding]:
    days = settings.thresholds.partner_contact_days
    limit = cutoff(today, days)
    gaps: list[Finding] = []
    for tid, uid, name, no_person, last_calm, any_incident in journal.rows(
            _TEAMS, {"today": today.isoformat()}):
        gap = partial(Finding, "partner-teams", kind=kinds.PARTNER_TEAM, id=tid, uid=uid,
                      name=name.strip(), limit=days)
        if no_person:
            gaps.append(gap("team_no_contact_person", field="contact_id"))
        if last_calm is None:
            gaps.append(gap("team_only_incidents" if any_incident else "team_never_contacted",
                            field="contacts"))
        elif dt.date.fromisoformat(last_calm) < limit:
            gaps.append(gap("team_no_calm_contact", field="contacts",
                            n=days_between(dt.date.fromisoformat(last_calm), today)))
    return gaps
