"""Export the journal's decision records to a folder of ADR files.

One file per record, named by its ADR number (kept for good in the journal) and its title.
Writing again updates the files in place: a file is rewritten only when its text changed, and a
record renamed since the last export replaces its old file rather than leaving two files with
one number.

The folder is often shared (a repository's `docs/adr`): the export never deletes or overwrites a
file it did not write. It lists what it wrote, with a hash of each file, in `MANIFEST` beside
them. A file is the export's own when the manifest lists it, or when the record it holds was
imported from that very file (writing back into the folder it came from). Any other file in the
way is left as it is and reported in `ExportResult.kept`. A file is only ever written inside
the folder: names come from the number and a slug of the title, or from an imported file's
own plain name.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import re
import stat
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from journal.domain.kinds import DECISION_RECORD
from journal.export.adr.format import AdrDocument, Link, file_name, number_of, render
from journal.store.journal import Journal

MANIFEST = ".leadership-journal-adr.json"
ROLE_OF = {"decision-makers": "decision_maker", "consulted": "consulted", "informed": "informed"}
MADR_ROLE = {v: k for k, v in ROLE_OF.items()}


class AdrFolderError(Exception):
    """The folder cannot be used; the message is one sentence for the user."""


@dataclass
class ExportResult:
    folder: Path
    written: list[str] = field(default_factory=list)  # new or changed files
    new: list[str] = field(default_factory=list)  # of those, the ones that were not there
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)  # old names of renamed records
    kept: list[tuple[str, str]] = field(default_factory=list)  # (file, why) left untouched


def _documents(journal: Journal) -> list[tuple[AdrDocument, dt.date, int | None, str, str]]:
    """(document, date, superseded-by record id, file name, imported from) for every record,
    by number."""
    records = journal.records(DECISION_RECORD, "ORDER BY adr_number, id")
    people: dict[int, dict[str, list[str]]] = {}
    for record_id, role, name in journal.rows(
            """SELECT l.decision_record_id, l.role, p.name FROM decision_people l
               JOIN people p ON p.id = l.person_id ORDER BY l.id"""):
        people.setdefault(record_id, {}).setdefault(MADR_ROLE[role], []).append(name)
    out = []
    used: set[str] = set()
    for r in records:
        doc = AdrDocument(number=r.adr_number if r.adr_number is not None else r.id,
                          title=r.title, status=r.status, date=r.decided_on, context=r.context,
                          decision=r.decision, consequences=r.consequences,
                          people=people.get(r.id, {}))
        doc.superseded_by = str(r.id)  # replaced below by a link; keeps the id meanwhile
        name = _file_name(doc.number, r.title, r.imported_from)
        if name.casefold() in used:  # two records imported from files of one name
            name = file_name(doc.number, r.title)
        used.add(name.casefold())
        out.append((doc, r.decided_on or dt.date.fromisoformat(r.created_at[:10]),
                    r.superseded_by_id, name, r.imported_from))
    return out


def safe_name(name: str) -> bool:
    """A plain file name that stays inside its folder on every system."""
    return (bool(name) and name == os.path.basename(name) and "\\" not in name
            and "\x00" not in name and not name.startswith(".")
            and re.search(r"\.(md|markdown)$", name, re.IGNORECASE) is not None
            and len(name.encode("utf-8", "surrogatepass")) <= 200
            and not any(ord(c) < 32 or c in '<>:"|?*' for c in name))


def _file_name(number: int, title: str, imported_from: str) -> str:
    """A record's file: the one it was imported from while that carries its number (a
    repository's own names are kept, and writing back into it updates its files in place),
    else the tools' name made from its number and title."""
    if imported_from and safe_name(imported_from) and number_of(imported_from) in (number,
                                                                                   None):
        return imported_from
    return file_name(number, title)


def export_names(journal: Journal) -> list[str]:
    """The file names `export_folder` writes, in order (for a preview)."""
    return [name for _, _, _, name, _ in _documents(journal)]


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _read_manifest(folder: Path) -> dict[str, str]:
    path = folder / MANIFEST
    try:
        if not stat.S_ISREG(path.lstat().st_mode) or path.lstat().st_size > 4_000_000:
            return {}
        files = json.loads(path.read_text(encoding="utf-8")).get("files", {})
    except (OSError, ValueError, AttributeError):
        return {}
    if not isinstance(files, dict):
        return {}
    return {k: v for k, v in files.items()
            if isinstance(k, str) and isinstance(v, str) and safe_name(k)}


def _regular_bytes(path: Path) -> bytes | None:
    """The file's bytes when it is a regular file (not a link, folder or device), else None.
    Raises FileNotFoundError when there is nothing there."""
    info = path.lstat()
    if not stat.S_ISREG(info.st_mode):
        return None
    return path.read_bytes()


def export_folder(journal: Journal, folder: Path | str, style: str = "adr-tools",
                  dry_run: bool = False) -> ExportResult:
    """Write every decision record into `folder` (made if missing) in `style`. With `dry_run`,
    write nothing and say what writing would do (the preview)."""
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise AdrFolderError(f"{folder} is a file, not a folder")
    if not dry_run:
        folder.mkdir(parents=True, exist_ok=True)
    docs = _documents(journal)
    links = {int(doc.superseded_by): Link(doc.number, doc.title, name)
             for doc, _, _, name, _ in docs}
    supersedes: dict[int, list[Link]] = {}
    for doc, _, by, _, _ in docs:
        if by is not None and by in links:
            supersedes.setdefault(by, []).append(links[int(doc.superseded_by)])
    result = ExportResult(folder)
    ours = _read_manifest(folder)
    manifest = dict(ours)
    by_number: dict[int, list[str]] = {}
    for name in ours:
        number = number_of(name)
        if number is not None:
            by_number.setdefault(number, []).append(name)
    writing = {name for _, _, _, name, _ in docs}
    try:
        for doc, date, by, name, source in docs:
            rid = int(doc.superseded_by)
            doc.superseded_by = ""
            text = render(style, doc, date, links.get(by) if by is not None else None,
                          supersedes.get(rid, []))
            _write_one(folder, name, text.encode("utf-8"), name in ours or source == name,
                       manifest, result, dry_run)
            for old in by_number.get(doc.number, []):
                if old != name and old not in writing:  # renamed since that file was written
                    _remove_own(folder, old, manifest, result, dry_run)
    finally:
        if not dry_run and (manifest != ours
                            or (manifest and not (folder / MANIFEST).exists())):
            body = json.dumps({"written_by": "Leadership Journal", "files": dict(
                sorted(manifest.items()))}, indent=1, ensure_ascii=False) + "\n"
            _write_atomically(folder / MANIFEST, body.encode("utf-8"))
    return result


def _write_one(folder: Path, name: str, data: bytes, own: bool, manifest: dict[str, str],
               result: ExportResult, dry_run: bool) -> None:
    target = folder / name
    try:
        current = _regular_bytes(target)
    except FileNotFoundError:
        current = b""
        own = True
        result.new.append(name)
    if current is None:
        result.kept.append((name, "something that is not a plain file is in its place"))
        return
    if current == data:
        manifest[name] = _digest(data)
        result.unchanged.append(name)
        return
    if not own:
        result.kept.append((name, "a file the journal did not write has this name"))
        return
    if not dry_run:
        _write_atomically(target, data)
    manifest[name] = _digest(data)
    result.written.append(name)


def _remove_own(folder: Path, name: str, manifest: dict[str, str], result: ExportResult,
                dry_run: bool) -> None:
    """Remove an old file of a renamed record, only while it is as the export wrote it."""
    try:
        current = _regular_bytes(folder / name)
    except FileNotFoundError:
        manifest.pop(name, None)
        return
    if current is not None and _digest(current) == manifest.get(name):
        if not dry_run:
            (folder / name).unlink()
        manifest.pop(name, None)
        result.removed.append(name)
    else:
        result.kept.append((name, "changed since the journal wrote it, so not removed"))
        manifest.pop(name, None)


def _write_atomically(target: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
