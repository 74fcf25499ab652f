"""One dataclass for every kind of record the journal keeps.

Field names are the column names in the schema and the words used in the UI. Dates are
`datetime.date`; timestamps stay ISO 8601 strings in UTC. Every record has a row id (`id`), a
stable `uid` that survives export and import, and `created_at` / `updated_at`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from typing import ClassVar

from journal.domain.kinds import KIND_LABELS as KIND_LABELS  # re-exported for callers
from journal.domain.kinds import TABLES

# Enumerations, as stored. Labels for people live in the UI.
STRUCTURES = ("goal_based", "shadowing", "reverse_shadowing", "pairing", "office_hours")
GOAL_STATUSES = ("active", "achieved", "dropped")
HEALTHS = ("on_track", "at_risk", "off_track")
DRIVERS = ("mentor", "mentee")
FEEDBACK_KINDS = ("reinforcing", "corrective")
FEEDBACK_STATUSES = ("draft", "delivered", "dropped")
RETRO_KINDS = ("project", "sprint", "rotation", "other")
RETRO_BUCKETS = ("continue", "start", "stop")
REFLECTION_STATUSES = ("open", "acting", "done")
ADR_STATUSES = ("proposed", "accepted", "rejected", "deprecated", "superseded")
FRAMES = ("", "risk", "slo", "toil", "compliance", "cost")
CONFLICT_STATUSES = ("open", "escalated", "decided")
CONTACT_KINDS = ("coffee_chat", "design_review", "joint_runbook", "incident", "other")
PROPOSAL_STATUSES = ("draft", "proposed", "accepted", "declined", "done")
DECISION_ROLES = ("decision_maker", "consulted", "informed")  # as MADR 4 names them


@dataclass(slots=True)
class Record:
    """Fields every record shares. Subclasses list their own fields after these."""

    kind: ClassVar[str] = ""
    table: ClassVar[str] = ""

    id: int | None = None
    uid: str = ""
    created_at: str = ""
    updated_at: str = ""

    @classmethod
    def own_fields(cls) -> tuple[str, ...]:
        """Names of the fields a caller may set (everything but the bookkeeping)."""
        return tuple(f.name for f in dataclasses.fields(cls) if f.name not in _BOOKKEEPING)


_BOOKKEEPING = frozenset({"id", "uid", "created_at", "updated_at"})


@dataclass(slots=True)
class Person(Record):
    kind: ClassVar[str] = "person"
    table: ClassVar[str] = "people"
    name: str = ""
    team: str = ""
    notes: str = ""


@dataclass(slots=True)
class Mentorship(Record):
    kind: ClassVar[str] = "mentorship"
    table: ClassVar[str] = "mentorships"
    mentee_id: int = 0
    mentor_id: int | None = None
    mentor_is_me: bool = False
    structure: str = "goal_based"
    started_on: dt.date | None = None
    ended_on: dt.date | None = None
    cadence_days: int = 7
    notes: str = ""


@dataclass(slots=True)
class Goal(Record):
    kind: ClassVar[str] = "goal"
    table: ClassVar[str] = "goals"
    mentorship_id: int = 0
    outcome: str = ""
    success_signal: str = ""
    started_on: dt.date | None = None
    target_on: dt.date | None = None
    status: str = "active"


@dataclass(slots=True)
class CheckIn(Record):
    kind: ClassVar[str] = "check_in"
    table: ClassVar[str] = "check_ins"
    goal_id: int = 0
    on_date: dt.date | None = None
    progress: str = ""
    health: str = "on_track"
    next_step: str = ""


@dataclass(slots=True)
class MentoringSession(Record):
    kind: ClassVar[str] = "mentoring_session"
    table: ClassVar[str] = "mentoring_sessions"
    mentorship_id: int = 0
    on_date: dt.date | None = None
    structure: str = "goal_based"
    during_incident: bool = False
    driver: str = "mentee"
    notes: str = ""
    what_changed: str = ""
    smallest_reproducer: str = ""
    evidence: str = ""
    hypothesis: str = ""
    test: str = ""


@dataclass(slots=True)
class FeedbackDraft(Record):
    kind: ClassVar[str] = "feedback_draft"
    table: ClassVar[str] = "feedback_drafts"
    recipient_id: int = 0
    polarity: str = "reinforcing"
    situation: str = ""
    behavior: str = ""
    impact: str = ""
    status: str = "draft"
    delivered_on: dt.date | None = None


@dataclass(slots=True)
class Retro(Record):
    kind: ClassVar[str] = "retro"
    table: ClassVar[str] = "retros"
    subject: str = ""
    retro_kind: str = "project"
    held_on: dt.date | None = None
    notes: str = ""


@dataclass(slots=True)
class RetroItem(Record):
    kind: ClassVar[str] = "retro_item"
    table: ClassVar[str] = "retro_items"
    retro_id: int = 0
    bucket: str = "continue"
    text: str = ""
    position: int = 0


@dataclass(slots=True)
class Reflection(Record):
    kind: ClassVar[str] = "reflection"
    table: ClassVar[str] = "reflections"
    giver_id: int | None = None
    received_on: dt.date | None = None
    what_was_said: str = ""
    paraphrase: str = ""
    example: str = ""
    useful: str = ""
    action: str = ""
    status: str = "open"
    step: int = 0


@dataclass(slots=True)
class PartnerTeam(Record):
    kind: ClassVar[str] = "partner_team"
    table: ClassVar[str] = "partner_teams"
    name: str = ""
    depends_for: str = ""
    contact_id: int | None = None
    dashboards: str = ""
    runbooks: str = ""
    notes: str = ""


@dataclass(slots=True)
class PartnerContact(Record):
    kind: ClassVar[str] = "partner_contact"
    table: ClassVar[str] = "partner_contacts"
    team_id: int = 0
    person_id: int | None = None
    on_date: dt.date | None = None
    during_incident: bool = False
    notes: str = ""
    contact_kind: str = "other"


@dataclass(slots=True)
class DesignReview(Record):
    kind: ClassVar[str] = "design_review"
    table: ClassVar[str] = "design_reviews"
    title: str = ""
    reviewed_on: dt.date | None = None
    problem: str = ""
    alternatives: str = ""
    failure_modes: str = ""
    reversibility: str = ""
    operational_cost: str = ""
    compliance_security: str = ""
    decision: str = ""
    decision_record_id: int | None = None
    author_id: int | None = None


@dataclass(slots=True)
class DecisionRecord(Record):
    kind: ClassVar[str] = "decision_record"
    table: ClassVar[str] = "decision_records"
    title: str = ""
    context: str = ""
    decision: str = ""
    consequences: str = ""
    status: str = "proposed"
    superseded_by_id: int | None = None
    decided_on: dt.date | None = None
    adr_number: int | None = None  # given once (schema 4) and kept: exported files keep names
    imported_from: str = ""  # the file name an import read it from, so a re-import finds it


@dataclass(slots=True)
class DecisionPerson(Record):
    """A person involved in a decision record, in one of MADR's roles (`DECISION_ROLES`)."""

    kind: ClassVar[str] = "decision_person"
    table: ClassVar[str] = "decision_people"
    decision_record_id: int = 0
    person_id: int = 0
    role: str = "decision_maker"


@dataclass(slots=True)
class RoadmapProposal(Record):
    kind: ClassVar[str] = "roadmap_proposal"
    table: ClassVar[str] = "roadmap_proposals"
    title: str = ""
    frame: str = ""
    numbers: str = ""
    one_sentence: str = ""
    details: str = ""
    proposed_on: dt.date | None = None
    status: str = "draft"


@dataclass(slots=True)
class Conflict(Record):
    kind: ClassVar[str] = "conflict"
    table: ClassVar[str] = "conflicts"
    title: str = ""
    proposal_a: str = ""
    proposal_b: str = ""
    cost_of_delay_a: str = ""
    cost_of_delay_b: str = ""
    decision_maker_id: int | None = None
    decision: str = ""
    tradeoff: str = ""
    status: str = "open"
    decided_on: dt.date | None = None


@dataclass(slots=True)
class ConflictOwner(Record):
    kind: ClassVar[str] = "conflict_owner"
    table: ClassVar[str] = "conflict_owners"
    conflict_id: int = 0
    person_id: int = 0
    responsibility: str = ""


@dataclass(slots=True)
class Snooze(Record):
    kind: ClassVar[str] = "snooze"
    table: ClassVar[str] = "snoozes"
    rule: str = ""
    record_kind: str = ""
    record_uid: str = ""
    until_on: dt.date | None = None  # the day the gap comes back
    reason: str = ""


@dataclass(slots=True)
class OneOnOne(Record):
    """A 1:1 held with a person: the day and the notes kept from it."""

    kind: ClassVar[str] = "one_on_one"
    table: ClassVar[str] = "one_on_ones"
    person_id: int = 0
    held_on: dt.date | None = None
    notes: str = ""


RECORD_TYPES: tuple[type[Record], ...] = (
    Person,
    Mentorship,
    Goal,
    CheckIn,
    MentoringSession,
    FeedbackDraft,
    Retro,
    RetroItem,
    Reflection,
    PartnerTeam,
    PartnerContact,
    DesignReview,
    DecisionRecord,
    DecisionPerson,
    RoadmapProposal,
    Conflict,
    ConflictOwner,
    Snooze,
    OneOnOne,
)
BY_KIND: dict[str, type[Record]] = {t.kind: t for t in RECORD_TYPES}

# The store finds tables through `kinds.TABLES` without importing this module; both must agree.
if {t.kind: t.table for t in RECORD_TYPES} != TABLES:
    raise ImportError("journal.domain.kinds.TABLES disagrees with the record dataclasses")
