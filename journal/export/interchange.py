"""The JSON interchange format: the schema file is the one source of truth.

Which record kinds a document holds, their fields, and which fields refer to other records all
come from journal/export/schema/journal.schema.json (a field that refers to another record ends
in `_uid` and names the array it points into with `x-references`). The exporter writes what the
schema describes, and the importer validates against it; tests check that the schema and the
record dataclasses agree. docs/interchange.md explains the format for people.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

from journal.domain.kinds import KIND_OF_TABLE
from journal.store.interchange import Column, export_rows
from journal.store.journal import Journal

FORMAT = "leadership-journal"
VERSION = 1
SCHEMA_PATH = Path(__file__).resolve().parent / "schema" / "journal.schema.json"

Progress = Callable[[int, int], None]


class KindSpec(NamedTuple):
    kind: str
    array: str  # the document's array, named as the table
    columns: tuple[Column, ...]

    def references(self) -> dict[str, str]:
        """field name -> the array it refers into."""
        return {c.name: c.references for c in self.columns if c.references}


@cache
def schema() -> dict[str, Any]:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


@cache
def kind_specs() -> tuple[KindSpec, ...]:
    """Every record kind of the format, in the document's order."""
    doc = schema()
    specs = []
    for array, prop in doc["properties"].items():
        if prop.get("type") != "array":
            continue
        kind = prop["items"]["$ref"].rsplit("/", 1)[1]
        fields = doc["$defs"][kind]["properties"]
        columns = []
        for name, field in fields.items():
            if name in ("uid", "created_at", "updated_at"):
                continue
            target = field.get("x-references")
            column = name[:-4] + "_id" if target else name
            columns.append(Column(name, column, target, field.get("type") == "boolean"))
        if KIND_OF_TABLE.get(array) != kind:
            raise ValueError(f"the schema's array {array} does not hold {kind} records")
        specs.append(KindSpec(kind, array, tuple(columns)))
    return tuple(specs)


def export_document(journal: Journal, progress: Progress | None = None) -> dict[str, Any]:
    """The whole journal as an interchange document (plain dicts and lists)."""
    specs = kind_specs()
    document: dict[str, Any] = {"format": FORMAT, "version": VERSION,
                                "settings": dict(sorted(journal.settings().items()))}
    uid_maps: dict[str, dict[int, str]] = {}
    for done, spec in enumerate(specs, 1):
        document[spec.array] = export_rows(journal, spec.array, spec.columns, uid_maps)
        if progress:
            progress(done, len(specs))
    return document


def document_chunks(journal: Journal, progress: Progress | None = None) -> Iterator[str]:
    """The text `dumps(export_document(journal))` makes, one kind at a time, so a big journal
    is never held whole in memory (a ten-year journal is 40 MB of JSON, ten times that 400 MB)."""
    specs = kind_specs()
    yield "{\n"
    yield f'"format": {json.dumps(FORMAT)},\n"version": {VERSION},\n'
    settings = dict(sorted(journal.settings().items()))
    yield f'"settings": {json.dumps(settings, ensure_ascii=False, sort_keys=True)}'
    uid_maps: dict[str, dict[int, str]] = {}
    for done, spec in enumerate(specs, 1):
        rows = export_rows(journal, spec.array, spec.columns, uid_maps)
        yield f",\n{json.dumps(spec.array)}: "
        if rows:
            yield "[\n" + ",\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n]"
        else:
            yield "[]"
        if progress:
            progress(done, len(specs))
    yield "\n}\n"


def dumps(document: dict[str, Any]) -> str:
    """The document as text: one record per line, so it diffs and greps well and stays fast
    (json's C encoder only runs without `indent`)."""
    parts = ["{\n"]
    items = list(document.items())
    for i, (key, value) in enumerate(items):
        parts.append(f"{json.dumps(key)}: ")
        if isinstance(value, list):
            if value:
                parts.append("[\n")
                parts.append(",\n".join(json.dumps(v, ensure_ascii=False) for v in value))
                parts.append("\n]")
            else:
                parts.append("[]")
        else:
            parts.append(json.dumps(value, ensure_ascii=False, sort_keys=True))
        parts.append(",\n" if i < len(items) - 1 else "\n")
    parts.append("}\n")
    return "".join(parts)


def insert_order() -> list[KindSpec]:
    """Kinds ordered so that every record's references (other than to its own kind) are
    written before it."""
    specs = {s.array: s for s in kind_specs()}
    ordered: list[KindSpec] = []
    placed: set[str] = set()
    visiting: set[str] = set()

    def place(array: str) -> None:
        if array in placed:
            return
        if array in visiting:
            raise ValueError(f"the schema's references loop through {array}")
        visiting.add(array)
        for target in specs[array].references().values():
            if target != array:
                place(target)
        visiting.discard(array)
        placed.add(array)
        ordered.append(specs[array])

    for array in specs:
        place(array)
    return ordered
