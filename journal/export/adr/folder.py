"""Import a folder of ADR files: whichever tool or hand wrote them (see reading.py).

Two steps, so that a user sees what will happen before anything is written: `plan_import` reads
a folder and says what it would create, skip and refuse; `apply_import` writes that plan in one
transaction (all of it or nothing). Importing the same folder twice creates nothing the second
time: a record is already there when one of the same title came from the same file name, or
carries the same number.

Which files are records: every regular `.md` file of the folder except its index, README and
templates. A numbered name gives the record its number (`0007-x.md`, `ADR-007-x.md`, `007_x.md`);
a dated name (`20200924-x.md`) or a plain one (`x.md`) takes the next free number. A file that
cannot be read (too big, not text, not a record, not readable, a broken link) is named with the
reason and skipped. Export lives in writing.py (re-exported here).
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from journal.domain.kinds import DECISION_PERSON, DECISION_RECORD, PERSON
from journal.export.adr.format import (
    AdrDocument,
    NotAnAdr,
    date_in_name,
    number_of,
    target_number,
)
from journal.export.adr.reading import is_not_a_record, parse
from journal.export.adr.writing import (  # noqa: F401  (the export's API, kept importable here)
    MADR_ROLE,
    MANIFEST,
    ROLE_OF,
    AdrFolderError,
    ExportResult,
    export_folder,
    export_names,
)
from journal.store.journal import Journal

# Where projects keep their records, relative to the repository root, in the order tried.
KNOWN_FOLDERS = ("docs/adr", "doc/adr", "docs/decisions", "docs/architecture/decisions",
                 "doc/architecture/decisions", "docs/architecture/adr", "architecture/decisions",
                 "adr", "decisions")
MAX_BYTES = 2_000_000  # a decision record is a page or two; anything this big is not one


# -- import ------------------------------------------------------------------------------------
@dataclass
class PlannedRecord:
    file_name: str
    doc: AdrDocument
    existing_id: int | None = None  # set: already in the journal, nothing is written
    number: int | None = None  # the number it keeps (None: the next free one)
    expected: int | None = None  # the number it will get, for a preview

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
    """The folder of records under `path`: `path` itself when it holds numbered or dated
    Markdown files, else the folder named by its `.adr-dir` (adr-tools' setting), else the first
    of KNOWN_FOLDERS holding records, else `path` when it holds any record-like file. Raises
    AdrFolderError with one sentence when there is none."""
    path = Path(path)
    try:
        if not path.exists():
            raise AdrFolderError(f"{path} does not exist")
        if not path.is_dir():
            raise AdrFolderError(f"{path} is a file, not a folder")
        here = _entries(path)
        if any(_numbered(p.name) for p in here):
            return path
        candidates = [_adr_dir_setting(path)]
        candidates.extend(KNOWN_FOLDERS)
        for relative in candidates:
            folder = path / relative if relative else None
            if folder is not None and folder.is_dir() and _entries(folder):
                return folder
        if here:
            return path
    except OSError as error:
        raise AdrFolderError(f"{path} cannot be read: {error.strerror or error}") from None
    raise AdrFolderError(f"{path} holds no decision records (no .md files other than an index "
                         f"or a template in it or in {', '.join(KNOWN_FOLDERS[:3])})")


def _adr_dir_setting(path: Path) -> str:
    setting = path / ".adr-dir"
    try:
        if not setting.is_file():
            return ""
        with open(setting, "rb") as file:
            first = file.read(4096).decode("utf-8", "replace").strip().split("\n")[0].strip()
    except OSError:
        return ""
    return first if "\x00" not in first else ""


def _numbered(name: str) -> bool:
    return number_of(name) is not None or date_in_name(name) is not None


def _entries(folder: Path) -> list[Path]:
    """The folder's Markdown entries that may be records, numbered ones first by number, then
    the others by name. Not yet checked to be regular files (see `_read`)."""
    found = [p for p in folder.iterdir()
             if p.name.casefold().endswith((".md", ".markdown")) and not p.name.startswith(".")
             and not is_not_a_record(p.name)]

    def order(p: Path) -> tuple[int, int, str]:
        number = number_of(p.name)
        return (0, number, p.name) if number is not None else (1, 0, p.name)

    return sorted(found, key=order)


def _read(path: Path) -> str:
    """The text of one file, or NotAnAdr saying why it cannot be had."""
    try:
        info = path.stat()
    except OSError as error:
        if path.is_symlink():
            raise NotAnAdr("it is a link that leads nowhere") from None
        raise NotAnAdr(error.strerror or str(error)) from None
    if stat.S_ISDIR(info.st_mode):
        raise NotAnAdr("it is a folder")
    if not stat.S_ISREG(info.st_mode):
        raise NotAnAdr("it is not a plain file")
    if info.st_size > MAX_BYTES:
        raise NotAnAdr(f"it is too large to be a decision record ({info.st_size // 1_000_000} MB)")
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as file:
            data = file.read(MAX_BYTES + 1)
    except OSError as error:
        raise NotAnAdr(f"it cannot be read ({error.strerror or error})") from None
    if len(data) > MAX_BYTES:
        raise NotAnAdr("it is too large to be a decision record")
    return _decode(data)


def _decode(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise NotAnAdr("it is not text") from None
    if b"\x00" in data:
        raise NotAnAdr("it is not a text file")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:  # what old Windows editors saved
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            raise NotAnAdr("it is not UTF-8 text") from None
    controls = sum(1 for c in text if ord(c) < 32 and c not in "\t\n\r\f")
    if controls * 100 > len(text):
        raise NotAnAdr("it is not a text file")
    return text


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
    try:
        entries = _entries(folder)
    except OSError as error:
        raise AdrFolderError(f"{folder} cannot be read: {error.strerror or error}") from None
    for path_ in entries:
        try:
            doc = parse(_read(path_), path_.name)
        except NotAnAdr as error:
            plan.broken.append((path_.name, str(error)))
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
    _expect_numbers(journal, plan)
    return plan


def _expect_numbers(journal: Journal, plan: ImportPlan) -> None:
    """The numbers records without one of their own will get: the store gives the next above
    every number given so far, after the records keeping theirs are written (apply_import)."""
    highest = max([0, *(n for (n,) in journal.rows("SELECT highest FROM adr_numbers")),
                   *(n for (n,) in journal.rows("SELECT max(adr_number) FROM decision_records")
                     if n is not None),
                   *(p.number for p in plan.to_create if p.number is not None)])
    for planned in plan.to_create:
        if planned.number is None:
            highest += 1
            planned.expected = highest
        else:
            planned.expected = planned.number


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
    by_number: dict[int, int] = {}
    for p in plan.records:
        if p.doc.number is not None:
            by_number.setdefault(p.doc.number, ids[p.file_name])

    def resolve(target: str) -> int | None:
        name = target.rsplit("/", 1)[-1].split("#", 1)[0]
        if name in ids:
            return ids[name]
        number = target_number(target)
        return by_number.get(number) if number is not None else None

    for planned in plan.to_create:
        own = created[planned.file_name]
        newer = resolve(planned.doc.superseded_by) if planned.doc.superseded_by else None
        if newer is not None and newer != own and not _leads_to(journal, newer, own):
            journal.update(DECISION_RECORD, own, initiator, superseded_by_id=newer,
                           status="superseded")
        for target in planned.doc.supersedes:
            older = resolve(target)
            if older is None or older == own or older not in created.values():
                continue  # a record already in the journal keeps what it says
            if (journal.get(DECISION_RECORD, older).superseded_by_id is None
                    and not _leads_to(journal, own, older)):
                journal.update(DECISION_RECORD, older, initiator, superseded_by_id=own,
                               status="superseded")


def _leads_to(journal: Journal, start: int, goal: int) -> bool:
    """Whether following "superseded by" from `start` reaches `goal` (linking `goal` to
    `start` would then close a cycle, which files can claim but the journal never keeps)."""
    seen: set[int] = set()
    current: int | None = start
    while current is not None and current not in seen:
        if current == goal:
            return True
        seen.add(current)
        current = journal.get(DECISION_RECORD, current).superseded_by_id
    return False
