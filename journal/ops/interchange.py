"""Export and import of a whole journal, for the app and the CLI alike.

Import is check first, write after: the file is read and validated in full (JSON, then the
schema with `jsonschema`, then the references between records) before the journal is touched.
Every problem is reported with its JSON path. Only a document without problems is written, in one
transaction, after a snapshot of the journal. Records are matched by uid:
one already in the journal is left as it is, so importing a document twice adds nothing twice.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from journal.domain.kinds import counted
from journal.export.checking import Problem, check_document
from journal.export.files import write_atomically
from journal.export.interchange import document_chunks, insert_order, kind_specs
from journal.store.changes import Changes
from journal.store.interchange import (
    Batch,
    adr_numbers_taken,
    existing_uids,
    import_batches,
)
from journal.store.journal import Journal

Progress = Callable[[int, int], None]
MAX_BYTES = 1 << 30  # a ten-year journal exports to about 40 MB; 1 GB is no journal of ours


class ImportRefused(Exception):
    """The document has problems; nothing was written."""

    def __init__(self, problems: list[Problem]):
        super().__init__(f"{len(problems)} problem(s)")
        self.problems = problems


@dataclass
class ImportPlan:
    document: dict[str, Any]
    new: dict[str, int] = field(default_factory=dict)  # kind -> records to add
    present: dict[str, int] = field(default_factory=dict)  # kind -> already in the journal
    new_settings: dict[str, Any] = field(default_factory=dict)
    journal_was_empty: bool = True

    @property
    def total_new(self) -> int:
        return sum(self.new.values())

    def summary(self) -> list[str]:
        """What the import would do, one line per kind, in words."""
        lines = [counted(kind, n) for kind, n in self.new.items() if n]
        kept = sum(self.present.values())
        out = ["Will add " + ", ".join(lines) + "." if lines else
               "Nothing to add: every record in this file is already in the journal."]
        if kept:
            out.append("1 record of the file is already in the journal and stays as it is."
                       if kept == 1 else f"{kept:,} records of the file are already in the "
                       "journal and stay as they are.")
        if self.new_settings:
            n = len(self.new_settings)
            out.append(f"Will add {'1 setting' if n == 1 else f'{n} settings'} the journal "
                       "does not have yet.")
        return out


@dataclass(frozen=True)
class ImportResult:
    added: dict[str, int]  # kind -> records added
    backup: Path | None
    changes: Changes = Changes()  # every record added, for the app to refresh its views


# -- export ----------------------------------------------------------------------------------------
def export_json(journal: Journal, path: Path, progress: Progress | None = None) -> int:
    """Write the whole journal as an interchange document; returns the number of records."""
    write_atomically(Path(path), document_chunks(journal, progress))
    return sum(journal.count(spec.kind) for spec in kind_specs())


def export_markdown(journal: Journal, folder: Path, progress: Progress | None = None) -> int:
    """Write the journal as a folder of Markdown files (an Obsidian vault); returns how many
    files were written."""
    from journal.export.vault import write_vault

    return write_vault(journal, Path(folder), progress)


# -- reading and checking --------------------------------------------------------------------------
def read_document(path: Path) -> dict[str, Any]:
    """Read and fully check an interchange file. Raises ImportRefused listing every problem."""
    from journal.export.reading import Unreadable, decode, parse, read_bytes, too_deep

    try:
        document = parse(decode(read_bytes(Path(path), MAX_BYTES)))
    except Unreadable as unreadable:
        raise ImportRefused(unreadable.problems) from None
    try:
        problems = check_document(document)
    except RecursionError:  # only the deepest documents: no cost for the others
        problems = too_deep(document) or [Problem("$", "nested far too deeply to check")]
    if problems:
        raise ImportRefused(problems)
    return document


# -- planning and writing --------------------------------------------------------------------------
def plan_import(journal: Journal, document: dict[str, Any]) -> ImportPlan:
    """What importing a checked document into `journal` would add (records matched by uid)."""
    plan = ImportPlan(document, journal_was_empty=journal.is_empty())
    for spec in kind_specs():
        records = document.get(spec.array, ())
        if not records:
            continue
        present = existing_uids(journal, spec.array)
        counts = Counter(record["uid"] in present for record in records)
        plan.new[spec.kind] = counts[False]
        plan.present[spec.kind] = counts[True]
    have = journal.settings()
    plan.new_settings = {k: v for k, v in document.get("settings", {}).items() if k not in have}
    return plan


def run_import(journal: Journal, plan: ImportPlan, progress: Progress | None = None,
               initiator: object = None) -> ImportResult:
    """Write what `plan` adds, in one transaction, after a snapshot of the journal (kept with
    the app's other snapshots). Writes nothing, and takes no snapshot, when there is nothing to
    add."""
    if plan.total_new == 0 and not plan.new_settings:
        return ImportResult({}, None)
    from journal.ops.snapshots import snapshot_before_import

    backup = snapshot_before_import(journal)
    batches = []
    for spec in insert_order():
        records = plan.document.get(spec.array, ())
        present = existing_uids(journal, spec.array) if records else set()
        rows = [r for r in records if r["uid"] not in present]
        if rows and spec.array == "decision_records":
            # A number another record here already has: the journal gives the next free one
            # (as its ADR import does); the record keeps every other field as exported.
            taken = adr_numbers_taken(journal)
            rows = [{**r, "adr_number": None} if r.get("adr_number") in taken else r
                    for r in rows]
        if rows:
            deferred = frozenset(n for n, t in spec.references().items() if t == spec.array)
            batches.append(Batch(spec.array, spec.columns, rows, deferred))
    added = import_batches(journal, batches, plan.new_settings, progress, initiator)
    changes = Changes.of(((kind, i) for kind, ids in added.items() for i in ids), initiator)
    return ImportResult({kind: len(ids) for kind, ids in added.items()}, backup, changes)
