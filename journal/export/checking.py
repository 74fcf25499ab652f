"""Checking an interchange document against the schema (with `jsonschema`) and the references
between its records, reporting every problem with its JSON path.

A ten-year journal holds about 50,000 records; validating each one with jsonschema takes about
5 s, most of it jsonschema's work per value. The same verdict comes faster by validating each
*distinct* thing once: the top of the document (with its arrays emptied), each distinct set of
keys of a kind's records against that kind's record-level keywords (type, required,
additionalProperties), each distinct value of a field against the field's own schema (or, for a
field whose schema only says "a string", each distinct JSON type), and each distinct combination
of the fields an if/then names. Every keyword is still evaluated by jsonschema, and a problem
found once is reported at every record that holds it. A record schema using any other keyword is
validated record by record, as before.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from typing import Any

from journal.export.interchange import FORMAT, VERSION, kind_specs, schema

MESSAGE_LIMIT = 300  # characters of one problem's message


@dataclass(frozen=True)
class Problem:
    path: str  # JSON path, "$" for the document as a whole
    message: str

    def __post_init__(self) -> None:
        # jsonschema quotes the wrong value whole: a 5 MB string made a 5 MB line.
        if len(self.message) > MESSAGE_LIMIT:
            cut = f"{self.message[:200]} … {self.message[-80:]}"
            object.__setattr__(self, "message", cut)

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


_RECORD_LEVEL = {"type", "description", "additionalProperties", "required", "properties"}
_CONDITIONAL = {"if", "then", "else"}
_TYPE_ONLY = {"type", "description"}


def _inline(node: Any, defs: dict[str, Any]) -> Any:
    """The schema with every local `$ref` replaced by what it points to (no recursion in ours):
    jsonschema resolves a `$ref` on every use, which doubled its time."""
    if isinstance(node, dict):
        ref = node.get("$ref", "")
        if ref.startswith("#/$defs/"):
            target = _inline(defs[ref.rsplit("/", 1)[1]], defs)
            rest = {k: _inline(v, defs) for k, v in node.items() if k != "$ref"}
            return {**target, **rest}
        return {k: _inline(v, defs) for k, v in node.items()}
    if isinstance(node, list):
        return [_inline(v, defs) for v in node]
    return node


def _date_time(value: object) -> bool:
    """A real moment: the schema's pattern gives the shape, this rejects month 13 or 25:61."""
    import datetime as dt

    if not isinstance(value, str):
        return True
    try:
        dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return False
    return True


@cache
def _format_checker() -> Any:
    from jsonschema import FormatChecker

    checker = FormatChecker(formats=["date"])
    checker.checks("date-time")(_date_time)
    return checker


def _validator(sub: Any) -> Any:
    from jsonschema import Draft202012Validator

    return Draft202012Validator(sub, format_checker=_format_checker())


@cache
def _plans() -> tuple[Any, list[tuple[str, Any, Any, dict[str, Any], Any, list[str]]]]:
    """The top validator and, per array: its whole-record validator, its record-level one,
    field validators, the conditional validator and the fields that condition names."""
    doc = schema()
    defs = doc["$defs"]
    top = dict(doc)
    arrays = []
    for array, prop in doc["properties"].items():
        if prop.get("type") != "array":
            continue
        item = _inline(prop["items"], defs)
        whole = _validator(item)
        if set(item) - _RECORD_LEVEL - _CONDITIONAL:
            arrays.append((array, whole, None, {}, None, []))
            continue
        shape = {k: v for k, v in item.items() if k in _RECORD_LEVEL}
        shape["properties"] = dict.fromkeys(item.get("properties", {}), True)
        # Fields are named by their schema's text: fields with the same schema (every uid and
        # reference, created_at and updated_at, every plain text) share their distinct values.
        fields = {name: (json.dumps(sub, sort_keys=True), set(sub) <= _TYPE_ONLY)
                  for name, sub in item.get("properties", {}).items()}
        conditional = {k: v for k, v in item.items() if k in _CONDITIONAL}
        named = sorted({n for part in conditional.values() for n in part.get("properties", {})})
        arrays.append((array, whole, _validator(shape), fields,
                       _validator(conditional) if conditional else None, named))
    return _validator(top), arrays


_SCALARS = frozenset({str, int, float, bool, type(None)})
_MISSING = object()


def _key(value: Any, index: int, type_only: bool) -> Any:
    """What decides a field's verdict: its JSON type alone for a field whose schema only names
    a type, else the value itself (each list or object is its own)."""
    kind = type(value)
    if type_only:
        return kind
    return (kind, value) if kind in _SCALARS else ("one", index)


def _schema_problems(document: dict[str, Any]) -> list[Problem]:
    top, arrays = _plans()
    problems: list[Problem] = []
    emptied = {k: ([] if isinstance(v, list) else v) for k, v in document.items()}
    problems += [Problem(e.json_path, _wording(e)) for e in top.iter_errors(emptied)]
    # field schema text -> {verdict key: (array, field, first record)}, and who uses the schema
    pending: dict[str, dict[Any, tuple[str, str, int]]] = {}
    users: dict[str, list[tuple[str, str, list, bool]]] = {}
    for array, whole, shape, fields, conditional, named in arrays:
        records = document.get(array)
        if not isinstance(records, list):
            continue
        if shape is None:
            for i, record in enumerate(records):
                problems += [Problem(f"$.{array}[{i}]{e.json_path[1:]}", _wording(e))
                             for e in whole.iter_errors(record)]
            continue
        problems += _distinct(records, array, shape, lambda r: tuple(r) if isinstance(
            r, dict) else ("not an object", id(r)), lambda r: r, "")
        objects = [(i, r) for i, r in enumerate(records) if isinstance(r, dict)]
        for name, (text, type_only) in fields.items():
            users.setdefault(text, []).append((array, name, objects, type_only))
            first = pending.setdefault(text, {})
            if type_only:  # the common case, kept to a set of types (text fields are most)
                for kind in {type(r[name]) for _i, r in objects if name in r} - first.keys():
                    first[kind] = next((array, name, i) for i, r in objects
                                       if name in r and type(r[name]) is kind)
                continue
            for i, record in objects:
                value = record.get(name, _MISSING)
                if value is _MISSING:
                    continue
                kind = type(value)
                key = (kind, value) if kind in _SCALARS else ("one", i)
                if key not in first:
                    first[key] = (array, name, i)
        if conditional is not None:
            problems += _distinct(
                [r if isinstance(r, dict) else {} for r in records], array, conditional,
                lambda r, named=named: tuple(repr(r.get(n)) for n in named),
                lambda r, named=named: {n: r[n] for n in named if n in r}, "")
    for text, first in pending.items():
        validator = _validator(json.loads(text))
        for key, (array, name, index) in first.items():
            errors = list(validator.iter_errors(document[array][index][name]))
            if not errors:
                continue
            # A problem is rare: only then find every record holding the same value.
            for e in errors:
                problems += [Problem(f"$.{a}[{i}].{n}{e.json_path[1:]}", _wording(e))
                             for a, n, objects, type_only in users[text]
                             for i, record in objects
                             if n in record and _key(record[n], i, type_only) == key]
    problems.sort(key=lambda p: p.path)
    return problems


def _distinct(records: list[Any], array: str, validator: Any, key_of: Any, view: Any,
              suffix: str) -> list[Problem]:
    groups: dict[Any, list[int]] = {}
    for i, record in enumerate(records):
        groups.setdefault(key_of(record), []).append(i)
    out = []
    for indexes in groups.values():
        for e in validator.iter_errors(view(records[indexes[0]])):
            out += [Problem(f"$.{array}[{i}]{e.json_path[1:]}{suffix}", _wording(e))
                    for i in indexes]
    return out


def check_document(document: Any) -> list[Problem]:
    """Every problem of a parsed document: the schema first, then the references."""
    if not isinstance(document, dict):
        return [Problem("$", "not a journal export: the file holds no JSON object")]
    if document.get("format") != FORMAT:
        return [Problem("$.format", f"not a Leadership Journal export (format should be "
                                    f"\"{FORMAT}\")")]
    version = document.get("version")
    if version != VERSION:
        return [Problem("$.version", f"this file is version {version!r} of the format; this "
                                     f"app reads version {VERSION}")]
    problems = _schema_problems(document) + _reference_problems(document)
    return sorted(set(problems), key=lambda p: p.path)


def _wording(error: Any) -> str:
    if error.validator == "required":
        return error.message.replace("is a required property", "is missing")
    if error.validator == "additionalProperties":
        return error.message.replace("Additional properties are not allowed", "unknown field")
    if error.validator in ("anyOf", "oneOf") and error.context:
        return "; or ".join(sorted({e.message for e in error.context}))
    return error.message


def _records(document: dict[str, Any], array: str) -> list[tuple[int, dict[str, Any]]]:
    """The well-formed records of an array (what the schema check already reported is
    skipped here, so a malformed record is reported once, by the schema)."""
    records = document.get(array)
    if not isinstance(records, list):
        return []
    return [(i, r) for i, r in enumerate(records) if isinstance(r, dict)]


def _uid(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _reference_problems(document: dict[str, Any]) -> list[Problem]:
    problems: list[Problem] = []
    seen: dict[str, dict[str, int]] = {}
    specs = kind_specs()
    for spec in specs:
        where: dict[str, int] = {}
        for i, record in _records(document, spec.array):
            uid = _uid(record.get("uid"))
            if uid is None:
                continue
            if uid in where:
                problems.append(Problem(f"$.{spec.array}[{i}].uid", f"the uid {uid} is used "
                                        f"twice (also at $.{spec.array}[{where[uid]}])"))
            else:
                where[uid] = i
        seen[spec.array] = where
    # A uid names one record in the whole journal, whatever its kind.
    owner: dict[str, str] = {}
    for spec in specs:
        for uid, i in seen[spec.array].items():
            first = owner.setdefault(uid, spec.array)
            if first != spec.array:
                problems.append(Problem(f"$.{spec.array}[{i}].uid", f"the uid {uid} is also "
                                        f"the uid of a record in {first}"))
    for spec in specs:
        refs = spec.references()
        for i, record in _records(document, spec.array):
            for name, target in refs.items():
                uid = _uid(record.get(name))
                if uid is not None and uid not in seen[target]:
                    problems.append(Problem(f"$.{spec.array}[{i}].{name}", f"refers to {uid}, "
                                            f"which is not in {target}"))
                elif uid is not None and target == spec.array and uid == record.get("uid"):
                    problems.append(Problem(f"$.{spec.array}[{i}].{name}",
                                            "a record cannot refer to itself"))
    problems += _pairs_once(document, "conflict_owners", ("conflict_uid", "person_uid"))
    problems += _pairs_once(document, "snoozes", ("rule", "record_kind", "record_uid"))
    problems += _pairs_once(document, "decision_people",
                            ("decision_record_uid", "role", "person_uid"))
    problems += _pairs_once(document, "decision_records", ("adr_number",), skip_none=True)
    problems += _cycles(document)
    problems += _snoozed_kinds(document)
    for i, record in _records(document, "mentorships"):
        mentor = _uid(record.get("mentor_uid"))
        if mentor is not None and mentor == record.get("mentee_uid"):
            problems.append(Problem(f"$.mentorships[{i}].mentor_uid",
                                    "the mentee cannot be their own mentor"))
    return problems


def _cycles(document: dict[str, Any]) -> list[Problem]:
    """Records of one kind that refer to each other round in a circle (A superseded by B,
    superseded by A): each record on the circle is reported."""
    problems = []
    for spec in kind_specs():
        for name, target in spec.references().items():
            if target != spec.array:
                continue
            records = _records(document, spec.array)
            index = {r.get("uid"): i for i, r in records if isinstance(r.get("uid"), str)}
            nxt = {r["uid"]: r.get(name) for _i, r in records if isinstance(r.get("uid"), str)}
            state: dict[str, int] = {}  # 1: on the current path, 2: done
            for start in nxt:
                path, uid = [], start
                while isinstance(uid, str) and uid in nxt and uid not in state:
                    state[uid] = 1
                    path.append(uid)
                    uid = nxt[uid]
                if isinstance(uid, str) and state.get(uid) == 1:  # came back onto this path
                    circle = path[path.index(uid):]
                    if len(circle) > 1:  # a record naming itself is reported elsewhere
                        problems += [Problem(f"$.{spec.array}[{index[u]}].{name}",
                                             f"{name} goes round in a circle through "
                                             f"{len(circle)} records") for u in circle]
                for u in path:
                    state[u] = 2
    return problems


def _snoozed_kinds(document: dict[str, Any]) -> list[Problem]:
    """A snooze naming a record that the document holds as another kind."""
    kind_of = {r["uid"]: spec.kind for spec in kind_specs()
               for _i, r in _records(document, spec.array) if isinstance(r.get("uid"), str)}
    out = []
    for i, record in _records(document, "snoozes"):
        found = kind_of.get(_uid(record.get("record_uid")))
        if found is not None and found != record.get("record_kind"):
            out.append(Problem(f"$.snoozes[{i}].record_uid", f"names a {found} record, not a "
                                                             f"{record.get('record_kind')}"))
    return out


def _pairs_once(document: dict[str, Any], array: str, keys: tuple[str, ...],
                skip_none: bool = False) -> list[Problem]:
    first: dict[tuple, int] = {}
    out = []
    for i, record in _records(document, array):
        if skip_none and all(record.get(k) is None for k in keys):
            continue
        key = tuple(repr(record.get(k)) for k in keys)
        if key in first:
            out.append(Problem(f"$.{array}[{i}]", f"repeats $.{array}[{first[key]}] "
                                                  f"({', '.join(keys)} are the same)"))
        else:
            first[key] = i
    return out


