"""Seeded journals of a chosen size, written through the app's own store.

`1x` is about ten years of heavy use; `10x` is ten times that; `tiny` is a hundredth (for CI).
Everything random comes from one `random.Random(seed)`, and dates count back from `today`, so the
same seed and day give the same journal. Rows go in with `Journal.create_many`, one chunk per
transaction, which is what makes `10x` practical.
"""

from __future__ import annotations

import datetime as dt
import random
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from benchmarks.text import Prose
from journal.domain.records import (
    CONTACT_KINDS,
    DECISION_ROLES,
    FEEDBACK_KINDS,
    FRAMES,
    PROPOSAL_STATUSES,
    RETRO_BUCKETS,
    RETRO_KINDS,
    STRUCTURES,
)
from journal.store.journal import Journal, open_journal

# Records per kind at 1x. Conflict owners follow from conflicts (one to three each).
BASE_COUNTS: dict[str, int] = {
    "person": 300,
    "mentorship": 120,
    "goal": 400,
    "check_in": 20_000,
    "mentoring_session": 10_000,
    "feedback_draft": 8_000,
    "reflection": 2_000,
    "partner_team": 60,
    "partner_contact": 5_000,
    "decision_record": 500,
    "design_review": 500,
    "roadmap_proposal": 300,
    "conflict": 200,
    "retro": 400,
    "retro_item": 4_000,
}
SCALES = {"tiny": 0.01, "1x": 1.0, "10x": 10.0}
SPAN_DAYS = 3650  # ten years, ending today
GENERATOR_VERSION = 4  # bump when the generated content changes, to refresh cached journals
CHUNK = 5_000  # rows per transaction: big enough to be fast, small enough to show progress

Progress = Callable[[str], None]


def planned_counts(size: str) -> dict[str, int]:
    """How many records of each kind `generate` writes at `size` (conflict owners excepted)."""
    scale = SCALES[size]
    # Four people at least: a mentorship needs two, a conflict up to three distinct owners. Two
    # mentorships and two partner teams, so that the page measures can switch between mentees
    # and between teams even at size tiny.
    minimum = {"person": 4, "mentorship": 2, "partner_team": 2}
    return {kind: max(minimum.get(kind, 1), round(n * scale)) for kind, n in BASE_COUNTS.items()}


def _stderr(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def generate(path: Path | str, size: str = "1x", seed: int = 0, today: dt.date | None = None,
             progress: Progress | None = _stderr) -> dict[str, int]:
    """Write a journal of `size` to `path` (a new or empty file). Returns the record counts."""
    started = time.perf_counter()
    with open_journal(path) as journal:
        if not journal.is_empty():
            raise ValueError(f"{path} already holds records; generate into a new file")
        _Generator(journal, size, seed, today or dt.date.today(), progress).run()
        counts = journal.counts()
    if progress:
        total = sum(counts.values())
        progress(f"{size}: {total:,} records in {time.perf_counter() - started:.1f} s -> {path}")
    return counts


class _Generator:
    def __init__(self, journal: Journal, size: str, seed: int, today: dt.date,
                 progress: Progress | None):
        self.journal = journal
        self.counts = planned_counts(size)
        self.rng = random.Random(seed)
        self.text = Prose(self.rng)
        self.today = today
        self.progress = progress

    # -- helpers -----------------------------------------------------------------------------
    def day(self, low: int = 0, high: int = SPAN_DAYS) -> dt.date:
        """A day between `high` and `low` days ago."""
        return self.today - dt.timedelta(days=self.rng.randint(low, high))

    def clip(self, day: dt.date) -> dt.date:
        return min(day, self.today)

    def stamp(self, day: dt.date) -> str:
        r = self.rng
        hour, minute, second = r.randint(7, 21), r.randrange(60), r.randrange(60)
        return f"{day.isoformat()}T{hour:02d}:{minute:02d}:{second:02d}.000Z"

    def insert(self, kind: str, rows: Iterable[dict[str, Any]]) -> list[int]:
        started = time.perf_counter()
        ids: list[int] = []
        chunk: list[dict[str, Any]] = []
        for row in rows:
            chunk.append(row)
            if len(chunk) == CHUNK:
                ids += self.journal.create_many(kind, chunk)
                chunk = []
        if chunk:
            ids += self.journal.create_many(kind, chunk)
        if self.progress:
            self.progress(f"  {kind:<18} {len(ids):>8,} in {time.perf_counter() - started:5.2f} s")
        return ids

    def n(self, kind: str) -> range:
        return range(self.counts[kind])

    # -- the journal, kind by kind -----------------------------------------------------------
    def run(self) -> None:
        t, r = self.text, self.rng
        self.journal.set_setting("owner_name", "Alex Rivera")
        people = self.insert("person", (
            dict(name=t.name(), team=t.team(), notes=t.sentences(0, 2),
                 created_at=self.stamp(self.day(SPAN_DAYS - 60)))
            for _ in self.n("person")))
        mentorships = self._mentorships(people)
        goals = self._goals(mentorships)
        self.insert("check_in", self._check_ins(goals))
        self.insert("mentoring_session", self._sessions(mentorships))
        self.insert("feedback_draft", self._feedback(people))
        self.insert("reflection", self._reflections(people))
        teams = self._partner_teams(people)
        self.insert("partner_contact", (
            self._contact(r.choice(teams), people) for _ in self.n("partner_contact")))
        self._decisions(people)
        self.insert("roadmap_proposal", self._proposals())
        self._conflicts(people)
        self._retros()

    def _mentorships(self, people: list[int]) -> list[tuple[int, dt.date, dt.date]]:
        """Returns (id, started, last day) per mentorship."""
        r, t = self.rng, self.text
        rows, spans = [], []
        for _ in self.n("mentorship"):
            mentee = r.choice(people)
            arrangement = r.random()
            mentor_is_me = arrangement < 0.45
            mentor = None
            if 0.45 <= arrangement < 0.9:
                mentor = r.choice([p for p in people if p != mentee])
            started = self.day(14, SPAN_DAYS - 30)
            ended = None
            if (self.today - started).days > 365 and r.random() < 0.8:
                ended = self.clip(started + dt.timedelta(days=r.randint(60, 330)))
            spans.append((started, ended or self.today))
            rows.append(dict(mentee_id=mentee, mentor_id=mentor, mentor_is_me=mentor_is_me,
                             structure=r.choice(STRUCTURES), started_on=started, ended_on=ended,
                             cadence_days=r.choice((7, 7, 7, 14, 30)), notes=t.sentences(1, 4),
                             created_at=self.stamp(started)))
        ids = self.insert("mentorship", rows)
        return [(i, s, e) for i, (s, e) in zip(ids, spans, strict=True)]

    def _goals(self, mentorships: list[tuple[int, dt.date, dt.date]]) -> list[tuple]:
        """Returns (id, started, target) per goal."""
        r, t = self.rng, self.text
        rows, spans = [], []
        for _ in self.n("goal"):
            mentorship, first, last = r.choice(mentorships)
            started = first + dt.timedelta(days=r.randint(0, max(0, (last - first).days - 7)))
            target = started + dt.timedelta(days=r.randint(30, 92))
            if target < self.today - dt.timedelta(days=30):
                status = "achieved" if r.random() < 0.7 else "dropped"
            else:
                status = "active" if r.random() < 0.9 else "achieved"
            no_target = r.random() < 0.03
            spans.append((started, target))
            rows.append(dict(mentorship_id=mentorship, outcome=t.title() + ". " + t.sentence(),
                             success_signal=t.sentences(1, 2), started_on=started,
                             target_on=None if no_target else target, status=status,
                             created_at=self.stamp(started)))
        ids = self.insert("goal", rows)
        return [(i, s, e) for i, (s, e) in zip(ids, spans, strict=True)]

    def _check_ins(self, goals: list[tuple]) -> Iterable[dict[str, Any]]:
        r, t = self.rng, self.text
        for _ in self.n("check_in"):
            goal, started, target = r.choice(goals)
            span = max(1, (target - started).days + 14)
            on = self.clip(started + dt.timedelta(days=r.randint(0, span)))
            yield dict(goal_id=goal, on_date=on, progress=t.sentences(1, 6),
                       health=r.choices(("on_track", "at_risk", "off_track"), (7, 2, 1))[0],
                       next_step=t.next_step(), created_at=self.stamp(on))

    def _sessions(self, mentorships: list[tuple]) -> Iterable[dict[str, Any]]:
        r, t = self.rng, self.text
        for _ in self.n("mentoring_session"):
            mentorship, first, last = r.choice(mentorships)
            on = first + dt.timedelta(days=r.randint(0, max(0, (last - first).days)))
            row: dict[str, Any] = dict(
                mentorship_id=mentorship, on_date=on, structure=r.choice(STRUCTURES),
                during_incident=r.random() < 0.15, driver=r.choice(("mentor", "mentee")),
                notes=t.paragraphs(1, 3), created_at=self.stamp(on))
            if r.random() < 0.3:  # about a third of sessions use the debugging frame
                row.update(what_changed=t.sentences(1, 2), smallest_reproducer=t.sentences(1, 2),
                           evidence=t.sentences(1, 3), hypothesis=t.sentence(),
                           test=t.sentences(1, 2))
            yield row

    def _feedback(self, people: list[int]) -> Iterable[dict[str, Any]]:
        r, t = self.rng, self.text
        for _ in self.n("feedback_draft"):
            written = self.day()
            status = r.choices(("delivered", "dropped", "draft"), (7, 1, 2))[0]
            delivered = (self.clip(written + dt.timedelta(days=r.randint(0, 14)))
                         if status == "delivered" else None)
            vague = r.random() < 0.03
            yield dict(recipient_id=r.choice(people), polarity=r.choice(FEEDBACK_KINDS),
                       situation="" if vague else t.sentence(),
                       behavior=t.vague() if vague else t.sentences(1, 3),
                       impact="" if vague or r.random() < 0.05 else t.sentences(1, 3),
                       status=status, delivered_on=delivered, created_at=self.stamp(written))

    def _reflections(self, people: list[int]) -> Iterable[dict[str, Any]]:
        r, t = self.rng, self.text
        for _ in self.n("reflection"):
            received = self.day()
            step = r.randint(1, 5)
            texts = [t.sentences(1, 3) for _ in range(5)]
            said, paraphrase, example, useful, action = (
                text if i < step else "" for i, text in enumerate(texts))
            status = "done" if step == 5 and r.random() < 0.7 else r.choice(("open", "acting"))
            yield dict(giver_id=None if r.random() < 0.1 else r.choice(people),
                       received_on=received, what_was_said=said, paraphrase=paraphrase,
                       example=example, useful=useful, action=action, status=status, step=step,
                       created_at=self.stamp(received))

    def _partner_teams(self, people: list[int]) -> list[tuple[int, int | None]]:
        """Returns (team id, contact person id) per partner team."""
        r, t = self.rng, self.text
        rows = []
        for i in self.n("partner_team"):
            base = t.team()
            slug = base.lower().replace(" ", "-")
            rows.append(dict(name=f"{base} {i + 1}" if i >= 16 else base,
                             depends_for=t.sentences(1, 2),
                             contact_id=None if r.random() < 0.1 else r.choice(people),
                             dashboards=t.links(slug), runbooks=t.links(slug),
                             notes=t.sentences(0, 3), created_at=self.stamp(self.day(300))))
        ids = self.insert("partner_team", rows)
        return [(i, row["contact_id"]) for i, row in zip(ids, rows, strict=True)]

    def _contact(self, team: tuple[int, int | None], people: list[int]) -> dict[str, Any]:
        r = self.rng
        team_id, contact = team
        on = self.day()
        person = contact if contact and r.random() < 0.7 else r.choice(people)
        incident = r.random() < 0.25
        kind = "incident" if incident and r.random() < 0.8 else r.choice(CONTACT_KINDS)
        return dict(team_id=team_id, person_id=person, on_date=on, during_incident=incident,
                    contact_kind=kind, notes=self.text.sentences(1, 3),
                    created_at=self.stamp(on))

    def _decisions(self, people: list[int]) -> None:
        r, t = self.rng, self.text
        dates = sorted(self.day() for _ in self.n("decision_record"))
        # Statuses schema 1 knows too: the migration measure copies these rows into a v1 file.
        records = self.insert("decision_record", (
            dict(title=t.title(), context=t.paragraphs(1, 2), decision=t.sentences(1, 3),
                 consequences=t.paragraphs(1, 2),
                 status=r.choices(("proposed", "accepted", "deprecated"), (2, 6, 1))[0],
                 decided_on=day, created_at=self.stamp(day)) for day in dates))
        self.insert("decision_person", (
            dict(decision_record_id=record, person_id=person, role=role,
                 created_at=self.stamp(day))
            for record, day in zip(records, dates, strict=True)
            for role, person in zip(r.sample(DECISION_ROLES * 2, r.randint(1, 4)),
                                    r.sample(people, 4), strict=False)))
        # About one in ten is superseded by a later record, set once both exist.
        with self.journal.batch():
            for index, record in enumerate(records[:-1]):
                if r.random() < 0.1:
                    later = records[r.randint(index + 1, len(records) - 1)]
                    self.journal.update("decision_record", record, status="superseded",
                                        superseded_by_id=later)
        rubric = ("problem", "alternatives", "failure_modes", "reversibility",
                  "operational_cost", "compliance_security")

        def review() -> dict[str, Any]:
            on = self.day()
            row: dict[str, Any] = {q: t.sentences(1, 4) for q in rubric}
            if r.random() < 0.05:
                row[r.choice(rubric)] = ""
            row.update(title=t.title(), reviewed_on=on, decision=t.sentences(1, 2),
                       decision_record_id=r.choice(records) if r.random() < 0.7 else None,
                       author_id=r.choice(people) if r.random() < 0.8 else None,
                       created_at=self.stamp(on))
            return row

        self.insert("design_review", (review() for _ in self.n("design_review")))

    def _proposals(self) -> Iterable[dict[str, Any]]:
        r, t = self.rng, self.text
        for _ in self.n("roadmap_proposal"):
            on = self.day()
            yield dict(title=t.title(), frame=r.choice(FRAMES),
                       numbers=t.numbers() if r.random() < 0.9 else t.sentence(),
                       one_sentence=t.sentence() if r.random() < 0.9 else "",
                       details=t.paragraphs(1, 4), proposed_on=on,
                       status=r.choice(PROPOSAL_STATUSES), created_at=self.stamp(on))

    def _conflicts(self, people: list[int]) -> None:
        r, t = self.rng, self.text
        rows = []
        for _ in self.n("conflict"):
            raised = self.day()
            decided = r.random() < 0.7
            rows.append(dict(
                title=t.title(), proposal_a=t.sentences(1, 3), proposal_b=t.sentences(1, 3),
                cost_of_delay_a=t.sentences(1, 2), cost_of_delay_b=t.sentences(1, 2),
                decision_maker_id=r.choice(people) if r.random() < 0.9 else None,
                decision=t.sentences(1, 2) if decided else "",
                tradeoff=t.sentences(1, 2) if decided and r.random() < 0.9 else "",
                status="decided" if decided else "open",
                decided_on=self.clip(raised + dt.timedelta(days=r.randint(1, 30)))
                if decided else None,
                created_at=self.stamp(raised)))
        conflicts = self.insert("conflict", rows)
        self.insert("conflict_owner", (
            dict(conflict_id=conflict, person_id=person, responsibility=t.next_step(),
                 created_at=row["created_at"])
            for conflict, row in zip(conflicts, rows, strict=True)
            for person in r.sample(people, r.randint(1, 3))))

    def _retros(self) -> None:
        r, t = self.rng, self.text
        dates = [self.day() for _ in self.n("retro")]
        retros = self.insert("retro", (
            dict(subject=t.title(), retro_kind=r.choice(RETRO_KINDS), held_on=day,
                 notes=t.sentences(1, 4), created_at=self.stamp(day)) for day in dates))
        held = dict(zip(retros, dates, strict=True))
        positions: dict[int, int] = {}

        def item() -> dict[str, Any]:
            retro = r.choice(retros)
            positions[retro] = positions.get(retro, -1) + 1
            return dict(retro_id=retro, bucket=r.choice(RETRO_BUCKETS), text=t.sentences(1, 2),
                        position=positions[retro], created_at=self.stamp(held[retro]))

        self.insert("retro_item", (item() for _ in self.n("retro_item")))
