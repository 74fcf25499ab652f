"""The store against a simple model of it: random creates, edits, deletes and undos."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    Bundle,
    RuleBasedStateMachine,
    consumes,
    invariant,
    precondition,
    rule,
)

from journal.domain.kinds import TABLES
from journal.store.journal import open_journal

names = st.text(min_size=1, max_size=40).filter(lambda s: s.strip() and "\x00" not in s)
notes = st.text(max_size=200).filter(lambda s: "\x00" not in s)
dates = st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2040, 12, 31))


class StoreModel(RuleBasedStateMachine):
    """Model: dicts of people (name, notes) and goals (person id, outcome, target)."""

    people = Bundle("people")

    def __init__(self):
        super().__init__()
        self.dir = tempfile.TemporaryDirectory()
        self.journal = open_journal(Path(self.dir.name) / "j.sqlite3")
        self.model_people: dict[int, tuple[str, str]] = {}
        self.model_goals: dict[int, tuple[int, str, dt.date | None]] = {}
        self.mentorship_of: dict[int, int] = {}
        self.undo: list[tuple[object, dict, dict]] = []

    def teardown(self):
        self.journal.close()
        self.dir.cleanup()

    @rule(target=people, name=names, text=notes)
    def add_person(self, name, text):
        person = self.journal.create("person", name=name, notes=text)
        mentorship = self.journal.create("mentorship", mentee_id=person.id, mentor_is_me=True,
                                         started_on=dt.date(2026, 1, 1))
        self.model_people[person.id] = (name, text)
        self.mentorship_of[person.id] = mentorship.id
        return person.id

    @rule(batch=st.lists(names, max_size=4))
    def add_people_at_once(self, batch):
        ids = self.journal.create_many("person", [{"name": name} for name in batch])
        self.model_people.update({i: (name, "") for i, name in zip(ids, batch, strict=True)})

    @rule(person=people, outcome=notes, target_on=st.none() | dates)
    def add_goal(self, person, outcome, target_on):
        if person not in self.model_people:
            return
        goal = self.journal.create("goal", mentorship_id=self.mentorship_of[person],
                                   outcome=outcome, started_on=dt.date(2026, 1, 1),
                                   target_on=target_on)
        self.model_goals[goal.id] = (person, outcome, target_on)

    @rule(person=people, name=names)
    def rename(self, person, name):
        if person not in self.model_people:
            return
        self.journal.update("person", person, name=name)
        self.model_people[person] = (name, self.model_people[person][1])

    @rule(person=consumes(people))
    def delete_person(self, person):
        if person not in self.model_people:
            return
        plan = self.journal.deletion_plan("person", person)
        goals = {g for g, v in self.model_goals.items() if v[0] == person}
        assert plan.dependents().get("goal", 0) == len(goals)
        removal = self.journal.delete("person", person)
        saved_people = {person: self.model_people.pop(person)}
        saved_goals = {g: self.model_goals.pop(g) for g in goals}
        self.undo.append((removal, saved_people, saved_goals))

    @precondition(lambda self: self.undo)
    @rule()
    def undo_last_delete(self):
        removal, saved_people, saved_goals = self.undo.pop()
        self.journal.restore(removal)
        self.model_people.update(saved_people)
        self.model_goals.update(saved_goals)

    @invariant()
    def store_matches_model(self):
        stored = {p.id: (p.name, p.notes) for p in self.journal.list("person")}
        assert stored == self.model_people
        goals = {g.id: (g.mentorship_id, g.outcome, g.target_on) for g in self.journal.list("goal")}
        expected = {g: (self.mentorship_of[p], o, t) for g, (p, o, t) in self.model_goals.items()}
        assert goals == expected

    @invariant()
    def counts_match_the_rows(self):
        # record_counts is kept by triggers; it must agree with count(*) after every write,
        # delete and restore (bulk ones included).
        for kind, n in self.journal.counts().items():
            table = TABLES[kind]
            assert n == self.journal.rows(f"SELECT count(*) FROM {table}")[0][0], kind
        assert self.journal.count("person") == len(self.model_people)
        assert self.journal.is_empty() == (not self.model_people)  # goals die with their person


StoreModel.TestCase.settings = settings(
    max_examples=40, stateful_step_count=25, deadline=None,
    suppress_health_check=[HealthCheck.too_slow])
test_store_against_model = StoreModel.TestCase
