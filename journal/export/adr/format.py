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

    number: int
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


_NUMBERED = re.compile(r"^(\d+)-.*\.md$", re.IGNORECASE)


def number_of(name: str) -> int | None:
    """The number a file name starts with (`0012-x.md` -> 12), None for other files."""
    match = _NUMBERED.match(name)
    return int(match.group(1)) if match else None


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


# -- reading -----------------------------------------------------------------------------------
_LINK = r"\[(?P<text>[^\]]*)\]\((?P<target>[^)\s]*)\)"
_SUPERSEDED_BY = re.compile(r"^\s*super[sc]eded\s+by:?\s*(?:" + _LINK + r"|(?P<bare>\S.*?))\s*$",
                            re.IGNORECASE)
_SUPERSEDES = re.compile(r"^\s*super[sc]edes:?\s*(?:" + _LINK + r"|(?P<bare>\S.*?))\s*$",
                         re.IGNORECASE)
_STATUSES = (("superseded", "superseded"), ("superceded", "superseded"),
             ("accepted", "accepted"), ("approved", "accepted"), ("proposed", "proposed"),
             ("draft", "proposed"), ("rejected", "rejected"), ("deprecated", "deprecated"))


def _status_of(text: str, notes: list[str]) -> str:
    word = text.strip().strip("*_`").casefold()
    for start, status in _STATUSES:
        if word.startswith(start):
            return status
    if word:
        notes.append(f"status {text.strip()!r} read as proposed")
    return "proposed"


def _date_of(value: object) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    match = re.search(r"\d{4}-\d{2}-\d{2}", str(value or ""))
    if match:
        try:
            return dt.date.fromisoformat(match.group(0))
        except ValueError:
            return None
    return None


def _target(match: re.Match[str]) -> str:
    return (match.group("target") or match.group("bare") or "").strip()


def _split_sections(lines: list[str], level: str) -> list[tuple[str, list[str]]]:
    """(heading text, its lines) for each heading of exactly `level` ("##"); lines before the
    first heading come under ""."""
    out: list[tuple[str, list[str]]] = [("", [])]
    fence = False
    for line in lines:
        if line.lstrip().startswith(("```", "~~~")):
            fence = not fence
        if not fence and re.match(rf"^{level}\s+\S", line) and not line.startswith(level + "#"):
            out.append((line[len(level):].strip(), []))
        else:
            out[-1][1].append(line)
    return out


def _text(lines: list[str]) -> str:
    return "\n".join(line.rstrip() for line in lines).strip("\n").strip()


_ADR_TOOLS_HEADING = re.compile(r"^(\d+)\.\s+(\S.*)$")  # "# 12. Title"
# What MADR folders put before a title now and then ("# 0012: Title", "# ADR-0012 Title").
# MADR itself keeps numbers out of headings, so only a zero-padded or ADR- prefix counts.
_MADR_HEADING = re.compile(r"^(?:ADR[-\s]?(\d+)|(0\d{3,}))\s*(?:[.:\-–—]\s*|\s+)(\S.*)$",
                           re.IGNORECASE)


def _title_and_number(lines: list[str], file_number: int | None,
                      adr_tools: bool) -> tuple[str, int, int]:
    """The first `# ` heading: (title, number, its line index). The number is the heading's own
    when it carries the file's ("# 12. Title" in adr-tools style, "# 0012: Title" in MADR) or
    the only one there is; otherwise the heading is the title as written."""
    for index, line in enumerate(lines):
        if re.match(r"^#\s+\S", line):
            heading = line[1:].strip()
            number, title = None, heading
            match = _ADR_TOOLS_HEADING.match(heading) if adr_tools else None
            if match:
                number, title = int(match.group(1)), match.group(2)
            elif not adr_tools and (found := _MADR_HEADING.match(heading)):
                number, title = int(found.group(1) or found.group(2)), found.group(3)
            if number is not None and (file_number is None or number == file_number):
                return title.strip(), number, index
            if file_number is None:
                raise NotAnAdr("it has no number, in its name or its title")
            return heading, file_number, index
        if line.strip() and not line.startswith("<!--"):
            break
    raise NotAnAdr("it does not start with a '# ' title")


def parse(text: str, name: str) -> AdrDocument:
    """Read one file of either style (or MADR 2's bullet list under the title). Raises NotAnAdr
    with the reason when the file is not a decision record."""
    if "\x00" in text:
        raise NotAnAdr("it is not a text file")
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    lines = text.split("\n")
    meta: dict = {}
    if lines and lines[0].strip() == "---":
        meta, lines = _front_matter(lines)
    adr_tools = not meta and any(line.strip().casefold() == "## status" for line in lines)
    title, number, at = _title_and_number(lines, number_of(name), adr_tools)
    doc = AdrDocument(number=number, title=title)
    body = lines[at + 1:]
    if meta:
        _read_madr_meta(doc, meta)
    sections = _split_sections(body, "##")
    headings = {heading.casefold() for heading, _ in sections}
    if "status" in headings:
        _read_adr_tools(doc, sections)
    elif "context and problem statement" in headings or meta or "decision outcome" in headings:
        if not meta:
            _read_madr_bullets(doc, sections[0][1])
        _read_madr(doc, sections)
    else:
        raise NotAnAdr("it has neither a '## Status' section (adr-tools) nor MADR's front "
                       "matter or '## Context and Problem Statement'")
    return doc


def _front_matter(lines: list[str]) -> tuple[dict, list[str]]:
    import yaml  # only an import needs it

    for end in range(1, len(lines)):
        if lines[end].strip() in ("---", "..."):
            break
    else:
        raise NotAnAdr("its front matter has no closing '---'")
    try:
        meta = yaml.safe_load("\n".join(lines[1:end])) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" (line {mark.line + 2})" if mark is not None else ""
        raise NotAnAdr(f"its front matter is not valid YAML{where}") from None
    if not isinstance(meta, dict):
        raise NotAnAdr("its front matter is not a set of 'key: value' lines")
    return meta, lines[end + 1:]


def _names(value: object) -> list[str]:
    if value is None:
        return []
    items = value if isinstance(value, list) else re.split(r"[,;]", str(value))
    names = [" ".join(str(item).split()) for item in items if item is not None]
    return [n for n in names if n and not (n.startswith("{") and n.endswith("}"))]


def _read_status_text(doc: AdrDocument, raw: str) -> None:
    match = _SUPERSEDED_BY.match(raw)
    if match:
        doc.status = "superseded"
        doc.superseded_by = _target(match)
    else:
        doc.status = _status_of(raw, doc.notes)


def _read_madr_meta(doc: AdrDocument, meta: dict) -> None:
    meta = {str(k).casefold(): v for k, v in meta.items()}
    _read_status_text(doc, str(meta.get("status") or ""))
    doc.date = _date_of(meta.get("date"))
    doc.people = {"decision-makers": _names(meta.get("decision-makers", meta.get("deciders"))),
                  "consulted": _names(meta.get("consulted")),
                  "informed": _names(meta.get("informed"))}


def _read_madr_bullets(doc: AdrDocument, lines: list[str]) -> None:
    """MADR 2 kept its metadata as a list under the title: `* Status: accepted`."""
    people: dict[str, list[str]] = {}
    for line in lines:
        match = re.match(r"^\s*[*-]\s*(status|deciders|date|consulted|informed):\s*(.*)$", line,
                         re.IGNORECASE)
        if not match:
            continue
        key, value = match.group(1).casefold(), match.group(2).strip()
        if key == "status":
            _read_status_text(doc, value)
        elif key == "date":
            doc.date = _date_of(value)
        else:
            people["decision-makers" if key == "deciders" else key] = _names(value)
    doc.people = people


def _attach(doc: AdrDocument, target: str, heading_line: str, lines: list[str]) -> None:
    """Keep a section the journal has no field for, heading and all, after `target`'s text."""
    extra = _text([heading_line, "", *lines]) if heading_line else _text(lines)
    if extra:
        current = getattr(doc, target)
        setattr(doc, target, f"{current}\n\n{extra}" if current else extra)


def _read_adr_tools(doc: AdrDocument, sections: list[tuple[str, list[str]]]) -> None:
    for line in sections[0][1]:
        match = re.match(r"^\s*date:\s*(.*)$", line, re.IGNORECASE)
        if match:
            doc.date = _date_of(match.group(1))
    fields = {"context": "context", "decision": "decision", "consequences": "consequences"}
    last = "context"
    for heading, lines in sections[1:]:
        key = heading.casefold()
        if key == "status":
            _read_adr_tools_status(doc, lines)
        elif key in fields:
            last = fields[key]
            setattr(doc, last, _text(lines))
        else:
            _attach(doc, last, f"## {heading}", lines)


def _read_adr_tools_status(doc: AdrDocument, lines: list[str]) -> None:
    words: list[str] = []
    other: list[str] = []
    for line in lines:
        if not line.strip():
            continue
        by, of = _SUPERSEDED_BY.match(line), _SUPERSEDES.match(line)
        if by:
            doc.superseded_by = _target(by)
        elif of:
            doc.supersedes.append(_target(of))
        elif re.search(_LINK, line):
            other.append(line.strip())  # adr-tools' other links ("Amends [..](..)")
        else:
            words.append(line.strip())
    if doc.superseded_by:
        doc.status = "superseded"
    else:
        doc.status = _status_of(words[0] if words else "", doc.notes)
    if other:
        doc.notes.append("links kept in the context: " + "; ".join(other))
        doc.context = "\n\n".join(filter(None, [doc.context, *other]))


def _read_madr(doc: AdrDocument, sections: list[tuple[str, list[str]]]) -> None:
    last = "context"
    for heading, lines in sections[1:]:
        key = heading.casefold()
        if key in ("context and problem statement", "context"):
            last = "context"
            doc.context = _text(lines)
        elif key == "decision outcome":
            parts = _split_sections(lines, "###")
            doc.decision = _text(parts[0][1])
            last = "decision"
            for sub, sub_lines in parts[1:]:
                if sub.casefold() == "consequences":
                    doc.consequences = _text(sub_lines)
                    last = "consequences"
                elif "consequences" in sub.casefold():  # MADR 2-3: positive / negative
                    _attach(doc, "consequences", f"### {sub}", sub_lines)
                    last = "consequences"
                else:
                    _attach(doc, last, f"### {sub}", sub_lines)
        elif key == "more information":
            kept = []
            for line in lines:
                match = _SUPERSEDES.match(line)
                if match:
                    doc.supersedes.append(_target(match))
                else:
                    kept.append(line)
            if _text(kept):
                _attach(doc, last, f"## {heading}", kept)
        else:
            _attach(doc, last, f"## {heading}", lines)
    # Content after the title but before any section (a MADR 2 bullet list is metadata).
    lead = [line for line in sections[0][1]
            if not re.match(r"^\s*[*-]\s*(status|deciders|date|consulted|informed):", line,
                            re.IGNORECASE)]
    if _text(lead) and not doc.context:
        doc.context = _text(lead)


def target_number(target: str) -> int | None:
    """The ADR number a link target names: `0005-x.md`, `./0005-x.md`, `ADR-0005`, `5`."""
    base = target.rsplit("/", 1)[-1].split("#", 1)[0]
    number = number_of(base)
    if number is not None:
        return number
    match = re.fullmatch(r"(?:ADR[-\s]?)?(\d+)\.?", base.strip(), re.IGNORECASE)
    return int(match.group(1)) if match else None
