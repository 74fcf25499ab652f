"""Decision records as Markdown files, in the two styles found in real `docs/adr` folders.

**adr-tools** (npryce/adr-tools): `# 1. Title`, a `Date:` line, then `## Status`, `## Context`,
`## Decision`, `## Consequences`. Supersession is written as `adr new -s` writes it, with that
tool's own spelling: the old record's status becomes `Superceded by [2. Title](0002-title.md)`,
and the new one's status gains a `Supercedes [1. Title](0001-title.md)` paragraph.

**MADR 4** (adr/madr): YAML front matter (`status`, `date`, `decision-makers`, `consulted`,
`informed`), `# Title`, `## Context and Problem Statement`, `## Decision Outcome` with its
`### Consequences`. A superseded record's status reads `superseded by [ADR-0002](0002-title.md)`.

File names are the tools' own: the number in four digits, then the title in lower case with every
run of other characters turned into one hyphen (`0001-use-wal-mode.md`). Pure functions: no
journal, no files.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from dataclasses import dataclass, field

STYLES = ("adr-tools", "madr")
ROLES = ("decision-makers", "consulted", "informed")  # MADR 4's front matter keys
_SLUG_MAX = 60  # characters; keeps names readable and well inside every file system's limit


@dataclass
class Link:
    """Another ADR as a link names it."""

    number: int
    title: str
    file_name: str


@dataclass
class AdrDocument:
    """One decision record as a file holds it."""

    number: int | None  # None: the file gives none (it takes the next free one)
    title: str
    status: str = "proposed"  # one of the journal's ADR statuses
    date: dt.date | None = None
    context: str = ""
    decision: str = ""
    consequences: str = ""
    superseded_by: str = ""  # the link target as written (a file name, or "ADR-0005")
    supersedes: list[str] = field(default_factory=list)  # link targets as written
    people: dict[str, list[str]] = field(default_factory=dict)  # MADR role -> names
    notes: list[str] = field(default_factory=list)  # what the reader had to guess


class NotAnAdr(ValueError):
    """A file that cannot be read as a decision record; the message says why."""


# -- names -------------------------------------------------------------------------------------
def slug(title: str) -> str:
    """The title as adr-tools turns it into a file name, Unicode-aware.

    Letters and digits are kept (in lower case, accents folded away: "Zoë" -> "zoe"; scripts
    without a Latin spelling are kept as they are); every other run of characters becomes one
    hyphen; none lead or trail. Long titles are cut at a hyphen. Empty when nothing is left.
    """
    folded = unicodedata.normalize("NFKD", title)
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    folded = unicodedata.normalize("NFC", folded).casefold()
    text = re.sub(r"[\W_]+", "-", folded).strip("-")
    if len(text) > _SLUG_MAX:
        cut = text[:_SLUG_MAX + 1]
        text = cut[:cut.rfind("-")] if "-" in cut else text[:_SLUG_MAX]
    return text.strip("-")


def file_name(number: int, title: str) -> str:
    return f"{number:04d}-{slug(title) or 'decision'}.md"


# "0012-x.md", "012_x.md", "ADR-012-x.md", "adr_12 x.markdown". Eight digits that read as a
# date ("20200924-x.md", log4brains' names) are a date, not a number.
_NUMBERED = re.compile(r"^(?:adr[-_ ]?)?(\d{1,9})[-_ ].*\.(?:md|markdown)$", re.IGNORECASE)
_MAX_NUMBER = 999_999  # above it a "number" is an id or a date, never an ADR's number


def date_in_name(name: str) -> dt.date | None:
    """The date a log4brains-style name starts with (`20200924-x.md`), else None."""
    match = re.match(r"^((?:19|20)\d{2})(\d{2})(\d{2})[-_ ]", name)
    if not match:
        return None
    try:
        return dt.date(*(int(part) for part in match.groups()))
    except ValueError:
        return None


def number_of(name: str) -> int | None:
    """The ADR number a file name starts with (`0012-x.md` -> 12), None for other files."""
    match = _NUMBERED.match(name)
    if not match or date_in_name(name) is not None:
        return None
    number = int(match.group(1))
    return number if number <= _MAX_NUMBER else None


# -- writing -----------------------------------------------------------------------------------
def _body(text: str) -> str:
    return "\n".join(line.rstrip() for line in text.strip().split("\n"))


def _section(heading: str, text: str) -> str:
    body = _body(text)
    return f"{heading}\n\n{body}\n" if body else f"{heading}\n"


_STATUS_WORDS = {"proposed": "Proposed", "accepted": "Accepted", "rejected": "Rejected",
                 "deprecated": "Deprecated", "superseded": "Superseded"}


def render_adr_tools(doc: AdrDocument, date: dt.date, superseded_by: Link | None = None,
                     supersedes: list[Link] | tuple[Link, ...] = ()) -> str:
    if doc.status == "superseded" and superseded_by is not None:
        status = (f"Superceded by [{superseded_by.number}. {superseded_by.title}]"
                  f"({superseded_by.file_name})")
    else:
        status = _STATUS_WORDS.get(doc.status, doc.status.capitalize())
    for link in supersedes:
        status += f"\n\nSupercedes [{link.number}. {link.title}]({link.file_name})"
    parts = [f"# {doc.number}. {_one_line(doc.title)}\n", f"Date: {date.isoformat()}\n",
             f"## Status\n\n{status}\n", _section("## Context", doc.context),
             _section("## Decision", doc.decision), _section("## Consequences", doc.consequences)]
    return "\n".join(parts)


_PLAIN = re.compile(r"^[^\s\-?:,\[\]{}#&*!|>'\"%@`][^:#]*(?<!\s)$")


def _yaml_scalar(text: str) -> str:
    """A YAML scalar for `text`: plain where YAML reads it back as the same string, quoted
    (JSON's double quotes are YAML's) where it could be read as something else."""
    reserved = {"true", "false", "yes", "no", "on", "off", "null", "~", ""}
    if (_PLAIN.match(text) and text.casefold() not in reserved
            and not re.fullmatch(r"[-+.\d][\d._:eE+-]*", text)):
        return text
    return json.dumps(text, ensure_ascii=False)


def render_madr(doc: AdrDocument, date: dt.date, superseded_by: Link | None = None,
                supersedes: list[Link] | tuple[Link, ...] = ()) -> str:
    status = doc.status
    if doc.status == "superseded" and superseded_by is not None:
        status = (f"superseded by [ADR-{superseded_by.number:04d}]"
                  f"({superseded_by.file_name})")
    lines = ["---", f"status: {_yaml_scalar(status)}", f"date: {date.isoformat()}"]
    for role in ROLES:
        names = doc.people.get(role) or []
        if names:
            lines.append(f"{role}:")
            lines.extend(f"  - {_yaml_scalar(_one_line(name))}" for name in names)
    lines.append("---")
    parts = ["\n".join(lines) + "\n", f"# {_one_line(doc.title)}\n",
             _section("## Context and Problem Statement", doc.context),
             _section("## Decision Outcome", doc.decision),
             _section("### Consequences", doc.consequences)]
    if supersedes:
        more = "\n".join(f"Supersedes [ADR-{link.number:04d}]({link.file_name})"
                         for link in supersedes)
        parts.append(f"## More Information\n\n{more}\n")
    return "\n".join(parts)


def render(style: str, doc: AdrDocument, date: dt.date, superseded_by: Link | None = None,
           supersedes: list[Link] | tuple[Link, ...] = ()) -> str:
    if style == "madr":
        return render_madr(doc, date, superseded_by, supersedes)
    if style == "adr-tools":
        return render_adr_tools(doc, date, superseded_by, supersedes)
    raise ValueError(f"unknown ADR style {style!r}; use one of {', '.join(STYLES)}")


def _one_line(text: str) -> str:
    return " ".join(text.split())


def target_number(target: str) -> int | None:
    """The ADR number a link target names: `0005-x.md`, `./0005-x.md`, `ADR-0005`, `5`."""
    base = target.rsplit("/", 1)[-1].split("#", 1)[0]
    number = number_of(base)
    if number is not None:
        return number
    match = re.fullmatch(r"(?:ADR[-\s]?)?(\d+)\.?", base.strip(), re.IGNORECASE)
    return int(match.group(1)) if match else None
