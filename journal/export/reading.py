"""Reading an interchange file that may be anything: a pipe, a device, a journal database, a
file in another encoding, JSON nested a hundred thousand deep, numbers of five thousand digits,
NaN, duplicate keys, NUL characters or half of a UTF-16 pair. Each ends as a list of problems
with a JSON path, never an exception, a hang or a memory blow-up.

The checks that need a walk over the whole document only run when a cheap look at the text (or
the parser's hooks) says one of these oddities is there, so a good export reads at full speed.
"""

from __future__ import annotations

import json
import os
import re
import stat
from pathlib import Path
from typing import Any

from journal.export.checking import Problem

SQLITE_HEADER = b"SQLite format 3\x00"
INT64 = 2**63 - 1
_BOMS = ((b"\x00\x00\xfe\xff", "utf-32"), (b"\xff\xfe\x00\x00", "utf-32"),
         (b"\xef\xbb\xbf", "utf-8-sig"), (b"\xfe\xff", "utf-16"), (b"\xff\xfe", "utf-16"))
# A NUL, or a UTF-16 surrogate written as an escape (a pair is fine; the walk tells them apart).
_SUSPECT = re.compile(r"\\u0000|\\u[dD][89a-fA-F]|\x00")


class Unreadable(Exception):
    """The file cannot be read as an interchange document."""

    def __init__(self, problems: list[Problem]):
        super().__init__(f"{len(problems)} problem(s)")
        self.problems = problems


def _refuse(message: str, path: str = "$") -> Unreadable:
    return Unreadable([Problem(path, message)])


def read_bytes(path: Path, limit: int) -> bytes:
    """The file's bytes, refusing folders, pipes, devices and files over `limit` bytes. Opened
    without blocking and checked on the open file, so a pipe never waits for a writer."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except IsADirectoryError:
        raise _refuse("this is a folder, not an export file") from None
    except OSError as error:
        raise _refuse(f"cannot read the file ({error.strerror})") from None
    mode = os.fstat(fd).st_mode
    if not stat.S_ISREG(mode):
        os.close(fd)
        if stat.S_ISDIR(mode):
            raise _refuse("this is a folder, not an export file")
        raise _refuse("not a regular file (a pipe, a device or a socket); it was not read")
    with os.fdopen(fd, "rb") as f:
        try:
            raw = f.read(limit + 1)  # never more, even if the file grows meanwhile
        except OSError as error:
            raise _refuse(f"cannot read the file ({error.strerror})") from None
    if len(raw) > limit:
        raise _refuse(f"the file holds more than {limit / 2**20:,.0f} MB, far more than any "
                      "journal export; it was not read")
    return raw


def decode(raw: bytes) -> str:
    if raw.startswith(SQLITE_HEADER):
        raise _refuse("this is a journal file (an SQLite database), not an export: open it "
                      "with File > Open, or export it to JSON first")
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(encoding)
            except UnicodeDecodeError as error:
                raise _refuse(f"not valid {encoding.upper().removesuffix('-SIG')} text "
                              f"(byte {error.start})") from None
    if b"\x00" in raw[:4]:
        raise _refuse("the text is in UTF-16 or UTF-32 without a byte order mark; save it as "
                      "UTF-8")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise _refuse(f"not a text file in UTF-8 (byte {error.start})") from None


class _Odd:
    """What the parser found that JSON for a journal cannot hold: kept in the document's place
    so the walk can say where it is."""

    def __init__(self, message: str):
        self.message = message


def parse(text: str) -> Any:
    """The JSON document in `text`; raises Unreadable naming every oddity and where it is."""
    duplicates: dict[int, tuple[dict, list[str]]] = {}
    odd = False

    def pairs(items: list[tuple[str, Any]]) -> dict:
        obj = dict(items)
        if len(obj) != len(items):
            seen: set[str] = set()
            twice = sorted({k for k, _ in items if k in seen or seen.add(k)})
            duplicates[id(obj)] = (obj, twice)
        return obj

    def constant(name: str) -> _Odd:
        nonlocal odd
        odd = True
        return _Odd(f"{name} is not a number JSON allows")

    def integer(digits: str) -> int | _Odd:
        nonlocal odd
        if len(digits.lstrip("-")) > 18 and abs(int(digits[:25])) > INT64:
            odd = True
            return _Odd("the number is larger than any the journal stores")
        return int(digits)

    try:
        document = json.loads(text, object_pairs_hook=pairs, parse_constant=constant,
                              parse_int=integer)
    except RecursionError:
        raise _refuse("not a journal export: the JSON is nested far too deeply") from None
    except json.JSONDecodeError as error:
        cut = error.pos >= len(text.rstrip()) - 1 or error.msg.startswith("Unterminated")
        why = "it seems cut off" if cut else "is it a journal export?"
        raise _refuse(f"not valid JSON: {error.msg} (line {error.lineno}, column "
                      f"{error.colno}); {why}") from None
    if odd or duplicates or _SUSPECT.search(text):
        problems = _walk(document, duplicates)
        if problems:
            raise Unreadable(problems)
    return document


DEPTH_LIMIT = 100  # a journal export nests four deep; jsonschema recurses on every level


def too_deep(document: Any) -> list[Problem]:
    """Where the document nests past DEPTH_LIMIT (the checks recurse, and would fail there)."""
    stack: list[tuple[str, Any, int]] = [("$", document, 0)]
    while stack:
        path, value, depth = stack.pop()
        if depth >= DEPTH_LIMIT and isinstance(value, dict | list):
            return [Problem(path, f"nested more than {DEPTH_LIMIT} levels deep")]
        if isinstance(value, dict):
            stack.extend((_key_path(path, k), v, depth + 1) for k, v in value.items())
        elif isinstance(value, list):
            stack.extend((f"{path}[{i}]", v, depth + 1) for i, v in enumerate(value))
    return []


def _text_problem(text: str) -> str | None:
    if "\x00" in text:
        return "holds a NUL character (\\u0000)"
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        return (f"holds half of a UTF-16 surrogate pair on its own "
                f"(\\u{ord(text[error.start]):04x})")
    return None


def _key_path(path: str, key: str) -> str:
    if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", key):
        return f"{path}.{key}"
    return f"{path}[{json.dumps(key, ensure_ascii=True)}]"


def _walk(document: Any, duplicates: dict[int, tuple[dict, list[str]]]) -> list[Problem]:
    problems: list[Problem] = []
    stack: list[tuple[str, Any]] = [("$", document)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, dict):
            if id(value) in duplicates:
                keys = ", ".join(json.dumps(k, ensure_ascii=True)
                                 for k in duplicates[id(value)][1])
                problems.append(Problem(path, f"the key {keys} appears more than once in "
                                              "this object"))
            for key, item in value.items():
                where = _key_path(path, key)
                message = _text_problem(key)
                if message:
                    problems.append(Problem(where, f"the key {message}"))
                stack.append((where, item))
        elif isinstance(value, list):
            stack.extend((f"{path}[{i}]", item) for i, item in enumerate(value))
        elif isinstance(value, str):
            message = _text_problem(value)
            if message:
                problems.append(Problem(path, message))
        elif isinstance(value, _Odd):
            problems.append(Problem(path, value.message))
    problems.sort(key=lambda p: p.path)
    return problems
