"""Reading one ADR file of any of the styles real folders hold.

adr-tools' (`# 1. Title`, `Date:`, `## Status`), Nygard's by hand (`Status: Accepted` as a line
under the title, bold or not), MADR 2-3 (`* Status:` bullets, `## Decision Outcome`), MADR 4
(YAML front matter) and log4brains' (MADR 2 with `Technical Story:`, dated file names). What the
journal has no field for stays in the text, under its own heading. Pure functions: no files.
"""

from __future__ import annotations

import datetime as dt
import re

from journal.export.adr.format import (
    AdrDocument,
    NotAnAdr,
    date_in_name,
    number_of,
    target_number,
)

_LINK = r"\[(?P<text>[^\]]*)\]\((?P<target>[^)\s]*)\)"
_LEAD = r"^\s*(?:[*+-]\s+)?(?:\*\*|__)?"  # "- ", "* ", "**" before a "Status:" line
_SUPERSEDED_BY = re.compile(_LEAD + r"super[sc]eded\s+by(?:\*\*|__)?:?\s*(?:" + _LINK
                            + r"|(?P<bare>\S.*?))\s*$", re.IGNORECASE)
_SUPERSEDES = re.compile(_LEAD + r"super[sc]edes(?:\*\*|__)?:?\s*(?:" + _LINK
                         + r"|(?P<bare>\S.*?))\s*$", re.IGNORECASE)
_STATUSES = (("superseded", "superseded"), ("superceded", "superseded"),
             ("accepted", "accepted"), ("approved", "accepted"), ("adopted", "accepted"),
             ("done", "accepted"), ("proposed", "proposed"), ("draft", "proposed"),
             ("rejected", "rejected"), ("declined", "rejected"), ("deprecated", "deprecated"),
             ("obsolete", "deprecated"), ("retired", "deprecated"))
_META = re.compile(_LEAD + r"(status|date|deciders|decision-makers|decision makers|consulted|"
                   r"informed)(?:\*\*|__)?\s*:\s*(?:\*\*|__)?\s*(.*?)\s*$", re.IGNORECASE)
_MONTHS = {name: i + 1 for i, name in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"))}
_NON_RECORDS = {"readme", "index", "toc", "contents", "table-of-contents", "summary", "_sidebar",
                "_index", "changelog", "contributing", "license", "glossary", "overview"}


def is_not_a_record(name: str) -> bool:
    """Files an ADR folder holds beside its records: its index, README, templates."""
    stem = name.rsplit(".", 1)[0].casefold()
    return stem in _NON_RECORDS or "template" in stem


def _status_of(text: str, notes: list[str]) -> str:
    word = text.strip().strip("*_`[{( ").casefold()
    for start, status in _STATUSES:
        if word.startswith(start):
            return status
    if word:
        notes.append(f"status {text.strip()[:60]!r} read as proposed")
    return "proposed"


def date_of(value: object) -> dt.date | None:
    """A date as front matter or a `Date:` line writes it: a YAML date, `2017-02-20`,
    `2017/2/20`, `20 February 2017`, `Feb 20, 2017`. None for anything else."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value or "")[:200]
    found = re.search(r"\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\b", text)
    if found:
        year, month, day = (int(g) for g in found.groups())
    else:
        found = (re.search(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b", text)
                 or re.search(r"\b([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b",
                              text))
        if not found:
            return None
        a, b, year_text = found.groups()
        day_text, month_name = (a, b) if a.isdigit() else (b, a)
        month = _MONTHS.get(month_name[:3].casefold())
        if month is None:
            return None
        year, day = int(year_text), int(day_text)
    try:
        return dt.date(year, month, day)
    except ValueError:
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
# What other folders put before a title: "# 0012: Title", "# ADR-0012 Title", "# 0005 - Foo".
# A bare unpadded number ("# 7 nodes per region") is part of the title.
_MARKED_HEADING = re.compile(r"^(?:ADR[-\s]?(\d+)|(0\d+))\s*(?:[.:\-–—]\s*|\s+)(\S.*)$",
                             re.IGNORECASE)


def _title_from_name(name: str) -> str:
    stem = re.sub(r"\.(md|markdown)$", "", name, flags=re.IGNORECASE)
    stem = re.sub(r"^(?:adr[-_ ]?)?\d+[-_ ]+", "", stem, flags=re.IGNORECASE)
    words = " ".join(re.split(r"[-_\s]+", stem)).strip()
    return words[:1].upper() + words[1:]


def _title_and_number(lines: list[str], name: str, adr_tools: bool,
                      doc: AdrDocument) -> tuple[str, int | None, int]:
    """The first `# ` heading: (title, number, its line index; -1 when there is no heading and
    the title comes from the file name)."""
    file_number = number_of(name)
    for index, line in enumerate(lines):
        if re.match(r"^#\s+\S", line):
            heading = re.sub(r"\s+#+$", "", line[1:].strip())  # "# Title #": ATX closing
            number, title = None, heading
            match = _ADR_TOOLS_HEADING.match(heading) if adr_tools else None
            if match:
                number, title = int(match.group(1)), match.group(2)
            elif found := _MARKED_HEADING.match(heading):
                number, title = int(found.group(1) or found.group(2)), found.group(3)
            if number is not None and (file_number is None or number == file_number):
                return title.strip(), number, index
            return heading, file_number, index
        if line.strip().startswith("## "):
            break
    title = _title_from_name(name)
    if not title:
        raise NotAnAdr("it has no '# ' title, and its name gives none")
    doc.notes.append("no '# ' title: named after the file")
    return title, file_number, -1


def parse(text: str, name: str) -> AdrDocument:
    """Read one file of any style. Raises NotAnAdr with the reason when the file is not a
    decision record."""
    if "\x00" in text:
        raise NotAnAdr("it is not a text file")
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    lines = text.split("\n")
    meta: dict = {}
    if lines and lines[0].strip() == "---":
        meta, lines = _front_matter(lines)
    lead_meta = _lead_meta(lines)
    has_status = any(line.strip().casefold() == "## status" for line in lines)
    adr_tools = not meta and (has_status or "status" in lead_meta)
    doc = AdrDocument(number=None, title="")
    title, number, at = _title_and_number(lines, name, adr_tools, doc)
    if not title.strip():
        raise NotAnAdr("its title is empty")
    doc.number, doc.title = number, title
    body = lines[at + 1:]
    sections = _split_sections(body, "##")
    headings = {heading.casefold() for heading, _ in sections}
    known = {"status", "context", "context and problem statement", "decision",
             "decision outcome"}
    if not (meta.keys() & {"status", "date", "title", "decision-makers", "deciders"}
            or lead_meta or headings & known):
        raise NotAnAdr("it has no status, no date and none of the sections of a decision "
                       "record ('## Status', '## Context', '## Decision Outcome'…)")
    if meta:
        _read_front_matter(doc, meta)
    _read_lead(doc, sections[0][1])
    _read_sections(doc, sections)
    if doc.date is None:
        doc.date = date_in_name(name)
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
    except (ValueError, TypeError, RecursionError):  # e.g. a date YAML reads out of range
        raise NotAnAdr("its front matter is not valid YAML") from None
    if not isinstance(meta, dict):
        raise NotAnAdr("its front matter is not a set of 'key: value' lines")
    return {str(k).casefold(): v for k, v in meta.items()}, lines[end + 1:]


def _lead_meta(lines: list[str]) -> dict[str, str]:
    """`Status:`/`Date:`/`Deciders:` lines before the first `## ` section (MADR 2's bullets,
    Nygard's plain lines, log4brains' list)."""
    found: dict[str, str] = {}
    for line in lines:
        if line.startswith("## "):
            break
        match = _META.match(line)
        if match:
            found.setdefault(match.group(1).casefold(), match.group(2))
    return found


def _names(value: object) -> list[str]:
    if value is None:
        return []
    items = value if isinstance(value, list) else re.split(r"[,;]", str(value))
    names = [" ".join(str(item).split()) for item in items if item is not None]
    return [n[:200] for n in names
            if n and not (n[0] in "{[" and n[-1] in "}]")]  # template placeholders


def _read_status_text(doc: AdrDocument, raw: str) -> None:
    match = _SUPERSEDED_BY.match(raw)
    if match:
        doc.status = "superseded"
        doc.superseded_by = _target(match)
    else:
        doc.status = _status_of(raw, doc.notes)


def _read_front_matter(doc: AdrDocument, meta: dict) -> None:
    status = meta.get("status")
    _read_status_text(doc, "" if status is None else str(status))
    doc.date = date_of(meta.get("date"))
    doc.people = {"decision-makers": _names(meta.get("decision-makers", meta.get("deciders"))),
                  "consulted": _names(meta.get("consulted")),
                  "informed": _names(meta.get("informed"))}


def _read_lead(doc: AdrDocument, lines: list[str]) -> None:
    """Metadata lines between the title and the first section; the rest is context."""
    kept = []
    for line in lines:
        match = _META.match(line)
        if not match:
            kept.append(line)
            continue
        key, value = match.group(1).casefold(), match.group(2)
        if key == "status":
            _read_status_text(doc, value)
        elif key == "date":
            doc.date = date_of(value) or doc.date
        else:
            role = key if key in ("consulted", "informed") else "decision-makers"
            doc.people[role] = _names(value)
    if _text(kept):
        doc.context = _text(kept)


def _attach(doc: AdrDocument, target: str, heading_line: str, lines: list[str]) -> None:
    """Keep a section the journal has no field for, heading and all, after `target`'s text."""
    body = _text(lines)
    extra = (f"{heading_line}\n\n{body}" if body else heading_line) if heading_line else body
    if extra:
        current = getattr(doc, target)
        setattr(doc, target, f"{current}\n\n{extra}" if current else extra)


_FIELDS = {"context": "context", "context and problem statement": "context",
           "decision": "decision", "decision outcome": "decision",
           "consequences": "consequences"}


def _read_sections(doc: AdrDocument, sections: list[tuple[str, list[str]]]) -> None:
    last = "context"
    other_links: list[str] = []
    for heading, lines in sections[1:]:
        key = heading.casefold()
        if key == "status":
            other_links += _read_status_section(doc, lines)
        elif key in _FIELDS:
            last = _FIELDS[key]
            if last == "decision":
                last = _decision_parts(doc, "", lines)
            else:
                _set(doc, last, _text(lines))
        else:
            kept = []
            for line in lines:
                match = _SUPERSEDES.match(line)
                if match and (match.group("target") or target_number(_target(match))):
                    doc.supersedes.append(_target(match))
                else:
                    kept.append(line)
            if not (_text(kept) or len(kept) == len(lines)):
                continue
            if last == "decision":  # "### Consequences" may close a section after the outcome
                last = _decision_parts(doc, f"## {heading}", kept)
            else:
                _attach(doc, last, f"## {heading}", kept)
    if other_links:
        doc.notes.append("links kept in the context: " + "; ".join(other_links))
        doc.context = "\n\n".join(filter(None, [doc.context, *other_links]))


def _decision_parts(doc: AdrDocument, heading_line: str, lines: list[str]) -> str:
    """Add a section to the decision, its `### Consequences` (MADR) to the consequences;
    returns the field that took the last part."""
    last = "decision"
    parts = _split_sections(lines, "###")
    if heading_line:
        _attach(doc, last, heading_line, parts[0][1])
    else:
        _set(doc, last, _text(parts[0][1]))
    for sub, sub_lines in parts[1:]:
        if sub.casefold() == "consequences" and not doc.consequences:
            doc.consequences = _text(sub_lines)
            last = "consequences"
        else:
            if "consequences" in sub.casefold():  # MADR 2-3: positive / negative
                last = "consequences"
            _attach(doc, last, f"### {sub}", sub_lines)
    return last


def _set(doc: AdrDocument, name: str, text: str) -> None:
    current = getattr(doc, name)
    setattr(doc, name, f"{current}\n\n{text}" if current and text else (text or current))


def _read_status_section(doc: AdrDocument, lines: list[str]) -> list[str]:
    """adr-tools' `## Status`: a word, then "Supercedes"/"Superceded by" and other links
    ("Amends [..](..)"), which are returned to be kept in the context."""
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
            other.append(line.strip())
        else:
            words.append(line.strip())
    if doc.superseded_by:
        doc.status = "superseded"
    else:
        doc.status = _status_of(words[0] if words else "", doc.notes)
    return other
