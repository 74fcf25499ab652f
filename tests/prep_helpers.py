"""A journal where one person has a record of every kind the prep note reads, and one has none."""

from __future__ import annotations

import datetime as dt

from journal.domain.kinds import (
    CHECK_IN,
    CONFLICT,
    CONFLICT_OWNER,
    DECISION_PERSON,
    DECISION_RECORD,
    DESIGN_REVIEW,
    FEEDBACK_DRAFT,
    GOAL,
    MENTORING_SESSION,
    MENTORSHIP,
    ONE_ON_ONE,
    PARTNER_CONTACT,
    PARTNER_TEAM,
    PERSON,
    REFLECTION,
)

TODAY = dt.date(2026, 6, 15)
HELD = dt.date(2026, 6, 1)  # the last 1:1 with Zoë


def stamp(day: dt.date, hour: int = 10) -> str:
    return f"{day.isoformat()}T{hour:02d}:00:00.000Z"


def add(journal, kind, day, hour=10, updated=None, **values):
    values.update(created_at=stamp(day, hour), updated_at=updated or stamp(day, hour))
    return journal.create_many(kind, [values])[0]


def everything(journal) -> dict[str, int]:
    """Zoë Lefèvre has a record of every kind; Nobody Yet has none."""
    d = dt.date
    zoe = add(journal, PERSON, d(2025, 1, 1), name="Zoë Lefèvre", team="Edge")
    nobody = add(journal, PERSON, d(2025, 1, 1), name="Nobody Yet")
    mentor = add(journal, PERSON, d(2025, 1, 1), name="Omar Haddad")
    ship = add(journal, MENTORSHIP, d(2026, 1, 5), mentee_id=zoe, mentor_id=mentor,
               started_on=d(2026, 1, 5), cadence_days=7)
    goal = add(journal, GOAL, d(2026, 4, 1), mentorship_id=ship, started_on=d(2026, 4, 1),
               target_on=d(2026, 6, 30), outcome="Write the certificate rotation runbook and "
               "run it in staging")
    add(journal, CHECK_IN, d(2026, 5, 20), goal_id=goal, on_date=d(2026, 5, 20),
        health="on_track", progress="Old progress before the 1:1")
    add(journal, CHECK_IN, d(2026, 6, 3), goal_id=goal, on_date=d(2026, 6, 3),
        health="at_risk", progress="Blocked on the staging slot", next_step="Ask Hana")
    add(journal, MENTORING_SESSION, d(2026, 6, 4), mentorship_id=ship, on_date=d(2026, 6, 4),
        structure="pairing", notes="Paired on the rollback section",
        hypothesis="The proxy caches the old chain")
    add(journal, FEEDBACK_DRAFT, d(2026, 6, 5), recipient_id=zoe, polarity="reinforcing",
        situation="At the edge review", behavior="You named the rollback owner",
        impact="Nobody asked twice")
    add(journal, REFLECTION, d(2026, 6, 6), giver_id=zoe, received_on=d(2026, 6, 6),
        what_was_said="Your reviews move fast", action="Pause after each question")
    team = add(journal, PARTNER_TEAM, d(2025, 6, 1), name="Edge platform", contact_id=zoe)
    add(journal, PARTNER_CONTACT, d(2026, 6, 7), team_id=team, person_id=zoe,
        on_date=d(2026, 6, 7), during_incident=True, notes="Bridge call about TLS errors")
    decide = add(journal, CONFLICT, d(2026, 6, 8), title="Who owns the edge certificates",
                 decision_maker_id=zoe)
    owned = add(journal, CONFLICT, d(2026, 6, 8), title="Freeze exceptions")
    add(journal, CONFLICT_OWNER, d(2026, 6, 8), conflict_id=owned, person_id=zoe,
        responsibility="Write the exception form")
    record = add(journal, DECISION_RECORD, d(2026, 6, 9), title="Short-lived certificates",
                 context="Seven-day certificates for the edge.", status="proposed")
    add(journal, DECISION_PERSON, d(2026, 6, 9), decision_record_id=record, person_id=zoe,
        role="decision_maker")
    add(journal, DESIGN_REVIEW, d(2026, 6, 10), title="Edge certificate renewal",
        reviewed_on=d(2026, 6, 10), author_id=zoe)
    add(journal, ONE_ON_ONE, HELD, hour=10, person_id=zoe, held_on=HELD,
        notes="Agreed to *book* the staging slot")
    return {"zoe": zoe, "nobody": nobody, "goal": goal, "ship": ship, "decide": decide}
