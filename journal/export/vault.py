"""The journal as a folder of Markdown files that reads without the app and opens as an Obsidian
vault: one file per person, team and decision, with YAML front matter and [[links]] between them,
and one file each for the reviews, proposals, retros and conflicts.

The folder is built beside the target and moved into place, so a failed export leaves nothing
half-written; a folder holding anything but an earlier export is never touched.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from journal.domain import kinds as k
from journal.export.files import safe_name
from journal.export.prep_markdown import block, inline
from journal.store.journal import Journal

MARKER = ".leadership-journal-export"
Progress = Callable[[int, int], None]


class FolderInUse(Exception):
    """The chosen folder holds files that are not an earlier export."""


def _front(**values: Any) -> list[str]:
    lines = ["---"]
    for key, value in values.items():
        if value is None or value == "":
            continue
        # A JSON string is a YAML double-quoted scalar, once the characters YAML reads as line
        # breaks (json leaves them as they are) are escaped too.
        text = json.dumps(value, ensure_ascii=False)
        # "<" and "](" too: a viewer that shows the front matter as Markdown must not meet a
        # tag or a link there (our [[links]] stay as they are).
        for char in ("\x85", "\u2028", "\u2029", "<"):
            text = text.replace(char, f"\\u{ord(char):04x}")
        text = text.replace("](", "]\\u0028")
        lines.append(f"{key}: {text}")
    return [*lines, "---", ""]


def _text(label: str, text: str) -> list[str]:
    """A labelled note: the user's Markdown as written, kept in its place (see `block`)."""
    return [f"**{label}:** {block(text)}", ""] if text.strip() else []


# What a wiki link cannot hold in its target or its label: "[[A]] B|C #h ^b".
_LINK_UNSAFE = re.compile(r"[\[\]|#^]+")


class _Names:
    """File names, unique within a folder, and the links to them."""

    def __init__(self, folder: str):
        self.folder = folder
        self.stems: dict[int, str] = {}
        self.used: set[str] = set()

    def add(self, record_id: int, title: str) -> None:
        stem = base = safe_name(_LINK_UNSAFE.sub(" ", title or "") or "untitled")
        n = 1
        while stem.casefold() in self.used:
            n += 1
            stem = f"{base} ({n})"
        self.used.add(stem.casefold())
        self.stems[record_id] = stem

    def link(self, record_id: int | None, label: str = "") -> str:
        if record_id is None or record_id not in self.stems:
            return label or "nobody"
        stem = self.stems[record_id]
        shown = " ".join(_LINK_UNSAFE.sub(" ", label).split()) if label else stem
        return f"[[{self.folder}/{stem}|{shown or stem}]]"

    def path(self, root: Path, record_id: int) -> Path:
        return root / self.folder / f"{self.stems[record_id]}.md"


def write_vault(journal: Journal, folder: Path, progress: Progress | None = None) -> int:
    """Write the vault into `folder` (new, empty, or an earlier export). Returns files written."""
    folder = Path(folder)
    if folder.exists() and any(folder.iterdir()) and not (folder / MARKER).exists():
        raise FolderInUse(f"{folder} already holds other files; choose a new or empty folder")
    work = folder.with_name(f".{folder.name}.{os.getpid()}.part")
    shutil.rmtree(work, ignore_errors=True)
    try:
        count = _build(journal, work, progress)
        old = folder.with_name(f".{folder.name}.{os.getpid()}.old")
        if folder.exists():
            os.replace(folder, old)
        os.replace(work, folder)
        shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    return count


def _build(journal: Journal, root: Path, progress: Progress | None) -> int:
    data = {kind: journal.list(kind) for kind in k.TABLES}
    people, teams, decisions = _Names("People"), _Names("Teams"), _Names("Decisions")
    for p in data[k.PERSON]:
        people.add(p.id, p.name)
    for t in data[k.PARTNER_TEAM]:
        teams.add(t.id, t.name)
    for d in data[k.DECISION_RECORD]:
        decisions.add(d.id, d.title)
    for sub in ("People", "Teams", "Decisions"):
        (root / sub).mkdir(parents=True)
    (root / MARKER).write_text("Written by Leadership Journal's Markdown export.\n")
    by: dict[str, dict[int, list]] = defaultdict(lambda: defaultdict(list))
    for kind, field in ((k.MENTORSHIP, "mentee_id"), (k.GOAL, "mentorship_id"),
                        (k.CHECK_IN, "goal_id"), (k.MENTORING_SESSION, "mentorship_id"),
                        (k.FEEDBACK_DRAFT, "recipient_id"), (k.REFLECTION, "giver_id"),
                        (k.PARTNER_CONTACT, "team_id"), (k.CONFLICT_OWNER, "person_id"),
                        (k.ONE_ON_ONE, "person_id"), (k.DESIGN_REVIEW, "decision_record_id"),
                        (k.DECISION_PERSON, "decision_record_id")):
        for record in data[kind]:
            by[kind][getattr(record, field)].append(record)
    mentoring: dict[int, list] = defaultdict(list)
    for m in data[k.MENTORSHIP]:
        if m.mentor_id is not None:
            mentoring[m.mentor_id].append(m)
    conflicts = {c.id: c for c in data[k.CONFLICT]}
    decided_by: dict[int, list] = defaultdict(list)
    for link in data[k.DECISION_PERSON]:
        decided_by[link.person_id].append(link)
    total = len(data[k.PERSON]) + len(data[k.PARTNER_TEAM]) + len(data[k.DECISION_RECORD])
    done = 0

    def step() -> None:
        nonlocal done
        done += 1
        if progress and (done % 50 == 0 or done == total):
            progress(done, total)

    for p in data[k.PERSON]:
        lines = _front(kind="person", uid=p.uid, team=p.team, created=p.created_at,
                       updated=p.updated_at) + [f"# {inline(p.name)}", ""]
        if p.notes.strip():
            lines += [block(p.notes), ""]
        for m in by[k.MENTORSHIP][p.id]:
            mentor = "you" if m.mentor_is_me else people.link(m.mentor_id)
            ended = f", ended {m.ended_on}" if m.ended_on else ""
            lines += [f"## Mentorship ({m.structure.replace('_', ' ')})", "",
                      f"Mentored by {mentor} since {m.started_on}{ended}; check-ins every "
                      f"{m.cadence_days} days.", ""] + _text("Notes", m.notes)
            for g in by[k.GOAL][m.id]:
                lines += [f"### Goal: {inline(g.outcome) or 'untitled'}", "",
                          f"Status: {g.status}; from {g.started_on} to {g.target_on or '—'}.",
                          ""] + _text("Success looks like", g.success_signal)
                for c in by[k.CHECK_IN][g.id]:
                    lines.append(f"- {c.on_date} ({c.health.replace('_', ' ')}): "
                                 f"{inline(c.progress)}"
                                 + (f" Next: {inline(c.next_step)}"
                                    if c.next_step.strip() else ""))
                lines.append("")
            for s in by[k.MENTORING_SESSION][m.id]:
                lines += [f"### Session {s.on_date} ({s.structure.replace('_', ' ')})", ""]
                lines += _text("Notes", s.notes) + _text("What changed", s.what_changed)
                lines += _text("Smallest reproducer", s.smallest_reproducer)
                lines += _text("Evidence", s.evidence) + _text("Hypothesis", s.hypothesis)
                lines += _text("Test", s.test)
        if mentoring[p.id]:
            lines += ["## They mentor", ""] + [f"- {people.link(m.mentee_id)}"
                                           for m in mentoring[p.id]] + [""]
        for d in by[k.FEEDBACK_DRAFT][p.id]:
            lines += [f"## Feedback for them ({d.polarity}, {d.status})", ""]
            lines += _text("Situation", d.situation) + _text("Behavior", d.behavior)
            lines += _text("Impact", d.impact)
        for r in by[k.REFLECTION][p.id]:
            lines += [f"## Feedback they gave me ({r.received_on})", ""]
            lines += _text("What was said", r.what_was_said) + _text("My paraphrase",
                                                                      r.paraphrase)
            lines += _text("What I will do", r.action)
        contact_for = [t for t in data[k.PARTNER_TEAM] if t.contact_id == p.id]
        if contact_for:
            lines += ["## Point of contact for", ""] + [f"- {teams.link(t.id)}"
                                                        for t in contact_for] + [""]
        parts = [(c, "decision maker") for c in data[k.CONFLICT] if c.decision_maker_id == p.id]
        parts += [(conflicts[o.conflict_id], "owner") for o in by[k.CONFLICT_OWNER][p.id]]
        if parts:
            lines += ["## Conflicts", ""] + [f"- {inline(c.title)} ({role}, {c.status})"
                                             for c, role in parts] + [""]
        involved = decided_by[p.id]
        if involved:
            lines += ["## Decisions", ""] + [
                f"- {decisions.link(link.decision_record_id)} ({link.role.replace('_', ' ')})"
                for link in involved] + [""]
        ones = sorted(by[k.ONE_ON_ONE][p.id], key=lambda o: o.held_on)
        if ones:
            lines += ["## 1:1s", ""]
            for o in ones:
                lines += [f"### {o.held_on}", ""]
                lines += [block(o.notes), ""] if o.notes.strip() else []
        people.path(root, p.id).write_text("\n".join(lines).rstrip() + "\n", encoding="utf-8")
        step()
    for t in data[k.PARTNER_TEAM]:
        lines = _front(kind="partner_team", uid=t.uid,
                       contact=people.link(t.contact_id) if t.contact_id else None,
                       created=t.created_at, updated=t.updated_at) + [f"# {inline(t.name)}", ""]
        lines += [f"Point of contact: {people.link(t.contact_id)}", ""]
        lines += _text("What we depend on them for", t.depends_for)
        lines += _text("Dashboards", t.dashboards) + _text("Runbooks", t.runbooks)
        lines += _text("Notes", t.notes)
        contacts = sorted(by[k.PARTNER_CONTACT][t.id], key=lambda c: c.on_date)
        if contacts:
            lines += ["## Contact log", ""]
            lines += [f"- {c.on_date}" + (" (during an incident)" if c.during_incident else "")
                      + (f" with {people.link(c.person_id)}" if c.person_id else "")
                      + (f": {inline(c.notes)}" if c.notes.strip() else "")
                      for c in contacts]
        teams.path(root, t.id).write_text("\n".join(lines).rstrip() + "\n", encoding="utf-8")
        step()
    supersedes: dict[int, list[int]] = defaultdict(list)
    for d in data[k.DECISION_RECORD]:
        if d.superseded_by_id is not None:
            supersedes[d.superseded_by_id].append(d.id)
    for d in data[k.DECISION_RECORD]:
        lines = _front(kind="decision_record", uid=d.uid, status=d.status,
                       decided=d.decided_on.isoformat() if d.decided_on else None,
                       superseded_by=decisions.link(d.superseded_by_id)
                       if d.superseded_by_id else None,
                       created=d.created_at, updated=d.updated_at)
        lines += [f"# {inline(d.title) or 'Untitled decision'}", "", f"Status: {d.status}", ""]
        if d.superseded_by_id:
            lines += [f"Superseded by {decisions.link(d.superseded_by_id)}", ""]
        lines += [f"Supersedes {decisions.link(old)}" for old in supersedes[d.id]]
        lines += ["## Context", "", block(d.context), "", "## Decision", "",
                  block(d.decision), "", "## Consequences", "", block(d.consequences), ""]
        links = by[k.DECISION_PERSON][d.id]
        if links:
            lines += ["## People", ""] + [f"- {people.link(link.person_id)} "
                                          f"({link.role.replace('_', ' ')})" for link in links]
            lines.append("")
        for r in by[k.DESIGN_REVIEW][d.id]:
            lines += [f"## Design review: {inline(r.title)} ({r.reviewed_on})", ""]
            lines += _text("Problem", r.problem) + _text("Decision", r.decision)
        decisions.path(root, d.id).write_text("\n".join(lines).rstrip() + "\n", encoding="utf-8")
        step()
    written = total + _others(data, root, people, decisions)
    index = ["# Leadership Journal", "", "## People", ""]
    index += [f"- {people.link(p.id)}" for p in data[k.PERSON]]
    index += ["", "## Partner teams", ""] + [f"- {teams.link(t.id)}" for t in data[k.PARTNER_TEAM]]
    index += ["", "## Decision records", ""] + [f"- {decisions.link(d.id)}"
                                                for d in data[k.DECISION_RECORD]]
    index += ["", "## Everything else", "", "- [[Design reviews]]", "- [[Roadmap proposals]]",
              "- [[Retros]]", "- [[Conflicts]]"]
    (root / "Journal.md").write_text("\n".join(index) + "\n", encoding="utf-8")
    return written + 1


def _others(data: dict[str, list], root: Path, people: _Names, decisions: _Names) -> int:
    reviews = ["# Design reviews", ""]
    for r in data[k.DESIGN_REVIEW]:
        reviews += [f"## {inline(r.title) or 'Untitled review'} ({r.reviewed_on})", ""]
        for label, text in (("Problem", r.problem), ("Alternatives", r.alternatives),
                            ("Failure modes", r.failure_modes),
                            ("Reversibility", r.reversibility),
                            ("Operational cost", r.operational_cost),
                            ("Compliance and security", r.compliance_security),
                            ("Decision", r.decision)):
            reviews += _text(label, text)
        if r.decision_record_id:
            reviews += [f"Decision record: {decisions.link(r.decision_record_id)}", ""]
    proposals = ["# Roadmap proposals", ""]
    for p in data[k.ROADMAP_PROPOSAL]:
        proposals += [f"## {inline(p.title) or 'Untitled proposal'}", "",
                      f"Frame: {p.frame or 'none'}; proposed {p.proposed_on or '—'}.", ""]
        proposals += _text("Numbers", p.numbers) + _text("In one sentence", p.one_sentence)
        proposals += _text("Details", p.details)
    retros = ["# Retros", ""]
    items: dict[int, list] = defaultdict(list)
    for item in data[k.RETRO_ITEM]:
        items[item.retro_id].append(item)
    for r in data[k.RETRO]:
        retros += [f"## {inline(r.subject) or 'Untitled retro'} ({r.retro_kind}, {r.held_on})", ""]
        for bucket in ("continue", "start", "stop"):
            found = sorted((i for i in items[r.id] if i.bucket == bucket),
                           key=lambda i: i.position)
            if found:
                retros += [f"**{bucket.capitalize()}**", ""]
                retros += [f"- {inline(i.text)}" for i in found] + [""]
        retros += _text("Notes", r.notes)
    owners: dict[int, list] = defaultdict(list)
    for o in data[k.CONFLICT_OWNER]:
        owners[o.conflict_id].append(o)
    conflicts = ["# Conflicts", ""]
    for c in data[k.CONFLICT]:
        conflicts += [f"## {inline(c.title) or 'Untitled conflict'} ({c.status})", ""]
        conflicts += _text("Proposal A", c.proposal_a) + _text("Cost of delay A",
                                                               c.cost_of_delay_a)
        conflicts += _text("Proposal B", c.proposal_b) + _text("Cost of delay B",
                                                               c.cost_of_delay_b)
        conflicts += [f"Decision maker: {people.link(c.decision_maker_id)}", ""]
        conflicts += _text("Decision", c.decision) + _text("Trade-off accepted", c.tradeoff)
        conflicts += [f"- Owner: {people.link(o.person_id)}"
                      + (f" — {inline(o.responsibility)}" if o.responsibility else "")
                      for o in owners[c.id]]
        conflicts.append("")
    for name, lines in (("Design reviews", reviews), ("Roadmap proposals", proposals),
                        ("Retros", retros), ("Conflicts", conflicts)):
        (root / f"{name}.md").write_text("\n".join(lines).rstrip() + "\n", encoding="utf-8")
    return 4
