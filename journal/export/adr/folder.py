"""Export the journal's decision records to a folder of ADR files, and import such a folder.

Export writes one file per record, named by its ADR number (kept for good in the journal) and its
title. Writing again updates the files in place: a file is rewritten only when its text changed,
and a record renamed since the last export replaces its old file rather than leaving two files
with one number.

Import is two steps, so that a user sees what will happen before anything is written:
`plan_import` reads a folder and says what it would create, skip and refuse; `apply_import` writes
that plan in one transaction (all of it or nothing). Importing the same folder twice creates
nothing the second time: a record is already there when one of the same title came from the same
file name, or carries the same number.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from journal.domain.kinds import DECISION_PERSON, DECISION_RECORD, PERSON
from journal.export.adr.format import (
    AdrDocument,
    Link,
    NotAnAdr,
    file_name,
    number_of,
    parse,
    render,
    target_number,
)
from journal.store.journal import Journal

# Where projects keep their records, relative to the repository root, in the order tried.
KNOWN_FOLDERS = ("docs/adr", "doc/adr", "docs/decisions", "docs/architecture/decisions",
                 "doc/architecture/decisions")
ROLE_OF = {"decision-makers": "decision_maker", "consulted": "consulted", "informed": "informed"}
MADR_ROLE = {v: k for k, v in ROLE_OF.items()}


class AdrFolderError(Exception):
    """The folder cannot be used; the message is one sentence for the user."""


# -- export ------------------------------------------------------------------------------------
@dataclass
class ExportResult:
    folder: Path
    written: list[str] = field(default_factory=list)  # new or changed files
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)  # old names of renamed records


def _documents(journal: Journal) -> list[tuple[AdrDocument, dt.date, int | None, str]]:
    """(document, date, superseded-by record id, file name) for every record, by number."""
    records = journal.records(DECISION_RECORD, "ORDER BY adr_number, id")
    people: dict[int, dict[str, list[str]]] = {}
    for record_id, role, name in journal.rows(
            """SELECT l.decision_record_id, l.role, p.name FROM decision_people l
               JOIN people p ON p.id = l.person_id ORDER BY l.id"""):
        people.setdefault(record_id, {}).setdefault(MADR_ROLE[role], []).append(name)
    out = []
    for r in records:
        doc = AdrDocument(number=r.adr_number if r.adr_number is not None else r.id,
                          title=r.title, status=r.status, date=r.decided_on, context=r.context,
                          decision=r.decision, consequences=r.consequences,
                          people=people.get(r.id, {}))
        doc.superseded_by = str(r.id)  # replaced below by a link; keeps the id meanwhile
        out.append((doc, r.decided_on or dt.date.fromisoformat(r.created_at[:10]),
                    r.superseded_by_id, _file_name(doc.number, r.title, r.imported_from)))
    return out


def _file_name(number: int, title: str, imported_from: str) -> str:
    """A record's file: the one it was imported from while that carries its number (a
    repository's own names are kept, and writing back into it updates its files in place),
    else the tools' name made from its number and title."""
    if imported_from and number_of(imported_from) == number and "/" not in imported_from:
        return imported_from
    return file_name(number, title)


def export_names(journal: Journal) -> list[str]:
    """The file names `export_folder` writes, in order (for a preview)."""
    return [_file_name(n if n is not None else rid, title, source) for rid, n, title, source in
            journal.rows("SELECT id, adr_number, title, imported_from FROM decision_records "
                         "ORDER BY adr_number, id")]


def export_folder(journal: Journal, folder: Path | str, style: str = "adr-tools"
                  ) -> ExportResult:
    """Write every decision record into `folder` (made if missing) in `style`."""
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise AdrFolderError(f"{folder} is a file, not a folder")
    folder.mkdir(parents=True, exist_ok=True)
    docs = _documents(journal)
    links = {int(doc.superseded_by): Link(doc.number, doc.title, name)
             for doc, _, _, name in docs}
    supersedes: dict[int, list[Link]] = {}
    for doc, _, by, _ in docs:
        if by is not None and by in links:
            supersedes.setdefault(by, []).append(links[int(doc.superseded_by)])
    result = ExportResult(folder)
    existing = {}
    for path in folder.iterdir():
        number = number_of(path.name)
        if number is not None and path.is_file():
            existing.setdefault(number, []).append(path.name)
    for doc, date, by, name in docs:
        rid = int(doc.superseded_by)
        doc.superseded_by = ""
        text = render(style, doc, date, links.get(by) if by is not None else None,
                      supersedes.get(rid, []))
        target = folder / name
        if target.exists() and target.read_text(encoding="utf-8", errors="replace") == text:
            result.unchanged.append(name)
        else:
            _write_atomically(target, text)
            result.written.append(name)
        for old in existing.get(doc.number, []):
            if old != name:  # the record was renamed since that file was written
                (folder / old).unlink(missing_ok=True)
                result.removed.append(old)
    return result


def _write_atomically(target: Path, text: str) -> None:
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


# -- import ------------------------------------------------------------------------------------
@dataclass
class PlannedRecord:
    file_name: str
    doc: AdrDocument
    existing_id: int | None = None  # set: already in the journal, nothing is written
    number: int | None = None  # the number it gets (None: the next free one)

    @property
    def creates(self) -> bool:
        return self.existing_id is None


@dataclass
class ImportPlan:
    folder: Path
    records: list[PlannedRecord] = field(default_factory=list)
    broken: list[tuple[str, str]] = field(default_factory=list)  # file name, why
    new_people: list[str] = field(default_factory=list)

    @property
    def to_create(self) -> list[PlannedRecord]:
        return [p for p in self.records if p.creates]

    @property
    def already_there(self) -> list[PlannedRecord]:
        return [p for p in self.records if not p.creates]

    def summary(self) -> str:
        parts = [f"{len(self.to_create)} to create", f"{len(self.already_there)} already in the "
                 "journal"]
        if self.new_people:
            parts.append(f"{len(self.new_people)} new people")
        if self.broken:
            parts.append(f"{len(self.broken)} skipped as unreadable")
        return ", ".join(parts)


def adr_folder(path: Path | str) -> Path:
    """The folder of records under `path`: `path` itself when it holds numbered Markdown files,
    else the folder named by its `.adr-dir` (adr-tools' setting), else the first of
    KNOWN_FOLDERS. Raises AdrFolderError with one sentence when there is none."""
    path = Path(path)
    if not path.exists():
        raise AdrFolderError(f"{path} does not exist")
    if not path.is_dir():
        raise AdrFolderError(f"{path} is a file, not a folder")
    if _numbered_files(path):
        return path
    candidates = []
    adr_dir = path / ".adr-dir"
    if adr_dir.is_file():
        candidates.append(adr_dir.read_text(encoding="utf-8", errors="replace").strip())
    candidates.extend(KNOWN_FOLDERS)
    for relative in candidates:
        folder = path / relative
        if relative and folder.is_dir() and _numbered_files(folder):
            return folder
    raise AdrFolderError(f"{path} holds no decision records (no numbered .md files in it or in "
                         f"{', '.join(KNOWN_FOLDERS[:3])})")


def _numbered_files(folder: Path) -> list[Path]:
    files = [p for p in folder.iterdir() if number_of(p.name) is not None and p.is_file()]
    return sorted(files, key=lambda p: (number_of(p.name), p.name))


def _key(title: str) -> str:
    return " ".join(title.split()).casefold()


def plan_import(journal: Journal, path: Path | str) -> ImportPlan:
    """Read the records under `path` and say what importing them would do. Writes nothing."""
    folder = adr_folder(path)
    plan = ImportPlan(folder)
    by_source = {(r[0], _key(r[1])): r[2] for r in journal.rows(
        "SELECT imported_from, title, id FROM decision_records WHERE imported_from != ''")}
    by_number = {r[0]: (r[1], r[2]) for r in journal.rows(
        "SELECT adr_number, title, id FROM decision_records WHERE adr_number IS NOT NULL")}
    taken = set(by_number)
    known_people = {_key(name) for (name,) in journal.rows("SELECT name FROM people")}
    for path_ in _numbered_files(folder):
        try:
            doc = parse(path_.read_bytes().decode("utf-8"), path_.name)
        except UnicodeDecodeError:
            plan.broken.append((path_.name, "it is not UTF-8 text"))
            continue
        except NotAnAdr as error:
            plan.broken.append((path_.name, str(error)))
            continue
        except OSError as error:
            plan.broken.append((path_.name, error.strerror or str(error)))
            continue
        if not doc.title.strip():
            plan.broken.append((path_.name, "its title is empty"))
            continue
        planned = PlannedRecord(path_.name, doc)
        same_number = by_number.get(doc.number)
        existing = by_source.get((path_.name, _key(doc.title)))
        if existing is None and same_number and _key(same_number[0]) == _key(doc.title):
            existing = same_number[1]
        planned.existing_id = existing
        if existing is None:
            planned.number = None if doc.number in taken else doc.number
            if planned.number is not None:
                taken.add(planned.number)
            for names in doc.people.values():
                for name in names:
                    if _key(name) not in known_people:
                        known_people.add(_key(name))
                        plan.new_people.append(name)
        plan.records.append(planned)
    return plan


def apply_import(journal: Journal, plan: ImportPlan, initiator: object = None) -> list[int]:
    """Write `plan` in one transaction; returns the ids of the records created."""
    created: dict[str, int] = {}  # file name -> record id
    with journal.batch(initiator):
        people = {}
        for person_id, name in journal.rows("SELECT id, name FROM people ORDER BY id"):
            people.setdefault(_key(name), person_id)
        # Records keeping their file's number first: one whose number is taken gets the next
        # free one from the store, which must then be above every number this import keeps.
        ordered = sorted(plan.to_create, key=lambda p: p.number is None)
        for planned in ordered:
            doc = planned.doc
            values = dict(title=" ".join(doc.title.split()), status=doc.status,
                          decided_on=doc.date, context=doc.context, decision=doc.decision,
                          consequences=doc.consequences, imported_from=planned.file_name)
            if planned.number is not None:
                values["adr_number"] = planned.number
            record = journal.create(DECISION_RECORD, initiator, **values)
            created[planned.file_name] = record.id
            for madr_role, names in doc.people.items():
                for name in dict.fromkeys(names):
                    if _key(name) not in people:
                        people[_key(name)] = journal.create(PERSON, initiator, name=name).id
                    journal.create(DECISION_PERSON, initiator, decision_record_id=record.id,
                                   person_id=people[_key(name)], role=ROLE_OF[madr_role])
        _link(journal, plan, created, initiator)
    return [created[p.file_name] for p in plan.to_create]


def _link(journal: Journal, plan: ImportPlan, created: dict[str, int], initiator: object) -> None:
    """Supersession, both ways: "superseded by" on the old file, "supersedes" on the new one.
    Targets are looked up among the folder's files by name, then by number."""
    ids: dict[str, int] = {p.file_name: p.existing_id or created[p.file_name]
                           for p in plan.records}
    by_number = {p.doc.number: ids[p.file_name] for p in plan.records}

    def resolve(target: str) -> int | None:
        name = target.rsplit("/", 1)[-1].split("#", 1)[0]
        if name in ids:
            return ids[name]
        number = target_number(target)
        return by_number.get(number) if number is not None else None

    for planned in plan.to_create:
        own = created[planned.file_name]
        newer = resolve(planned.doc.superseded_by) if planned.doc.superseded_by else None
        if newer is not None and newer != own:
            journal.update(DECISION_RECORD, own, initiator, superseded_by_id=newer,
                           status="superseded")
        for target in planned.doc.supersedes:
            older = resolve(target)
            if older is None or older == own or older not in created.values():
                continue  # a record already in the journal keeps what it says
            if journal.get(DECISION_RECORD, older).superseded_by_id is None:
                journal.update(DECISION_RECORD, older, initiator, superseded_by_id=own,
                               status="superseded")
