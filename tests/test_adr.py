"""ADR folders: file names and numbers, both styles both ways, supersession, the round trip,
broken files, re-exports after a rename, and the CLI."""

from __future__ import annotations

import datetime as dt
import filecmp

import pytest
from hypothesis import given
from hypothesis import strategies as st

from journal.cli.main import main
from journal.domain.kinds import DECISION_PERSON, DECISION_RECORD, PERSON
from journal.export.adr.folder import (
    MANIFEST,
    AdrFolderError,
    adr_folder,
    apply_import,
    export_folder,
    plan_import,
)
from journal.export.adr.format import (
    AdrDocument,
    NotAnAdr,
    file_name,
    number_of,
    render,
    slug,
    target_number,
)
from journal.export.adr.reading import parse
from journal.ops.decisions import set_people, supersede
from journal.sample import populate
from journal.store.journal import open_journal

DAY = dt.date(2026, 3, 4)


@pytest.fixture
def journal(tmp_path):
    with open_journal(tmp_path / "j.sqlite3") as j:
        yield j


@pytest.fixture
def sample(tmp_path):
    with open_journal(tmp_path / "sample.sqlite3") as j:
        populate(j, today=DAY)
        yield j


# -- names -------------------------------------------------------------------------------------
@pytest.mark.parametrize(("title", "name"), [
    ("Use WAL mode", "0001-use-wal-mode.md"),
    # adr-tools' own test cases (tests/funny-characters.expected)
    ("Something About Node.JS", "0001-something-about-node-js.md"),
    ("Slash/Slash/Slash/", "0001-slash-slash-slash.md"),
    ("-Bar-", "0001-bar.md"),
    ("Use PostgreSQL 16: why, & how?!", "0001-use-postgresql-16-why-how.md"),
    ("Zoë's café — naïve résumé", "0001-zoe-s-cafe-naive-resume.md"),
    ("Straße   und  Größe", "0001-strasse-und-grosse.md"),
    ("使用 WAL 模式", "0001-使用-wal-模式.md"),
    ("!!!", "0001-decision.md"),
    ("", "0001-decision.md"),
])
def test_file_names_are_numbered_and_slugged_as_adr_tools_does(title, name):
    assert file_name(1, title) == name


def test_numbers_take_four_digits_and_grow_past_them():
    assert file_name(12, "x") == "0012-x.md" and file_name(12345, "x") == "12345-x.md"
    assert number_of("0012-x.md") == 12 and number_of("README.md") is None
    assert number_of("0012.md") is None
    assert target_number("./0005-x.md") == 5 and target_number("ADR-0007") == 7


def test_long_titles_are_cut_at_a_word():
    name = slug("Issue short-lived edge certificates through our internal ACME service now")
    assert len(name) <= 60 and not name.endswith("-") and name.startswith("issue-short-lived")


@given(st.text())
def test_a_slug_is_always_a_safe_file_name(title):
    s = slug(title)
    assert "/" not in s and "\\" not in s and "\x00" not in s
    assert not s.startswith("-") and not s.endswith("-") and "--" not in s
    assert len(s) <= 60 and s == s.casefold()
    assert slug(s) == s  # a slug slugs to itself


# -- both styles, both ways --------------------------------------------------------------------
def _doc(**kw) -> AdrDocument:
    base = dict(number=3, title="Use WAL mode", status="accepted", context="Readers block.",
                decision="Turn on WAL.\n\n- one\n- two", consequences="A -wal file beside it.")
    base.update(kw)
    return AdrDocument(**base)


@pytest.mark.parametrize("style", ["adr-tools", "madr"])
def test_a_rendered_record_reads_back_the_same(style):
    doc = _doc(people={"decision-makers": ["Ana: the lead", "Bo"], "consulted": ["true"],
                       "informed": []} if style == "madr" else {})
    back = parse(render(style, doc, DAY), "0003-use-wal-mode.md")
    assert (back.number, back.title, back.status, back.date) == (3, "Use WAL mode", "accepted",
                                                                 DAY)
    assert (back.context, back.decision, back.consequences) == (
        doc.context, doc.decision, doc.consequences)
    if style == "madr":
        assert back.people["decision-makers"] == ["Ana: the lead", "Bo"]
        assert back.people["consulted"] == ["true"]  # quoted, so not read as a boolean


def test_adr_tools_output_is_what_the_tool_writes():
    text = render("adr-tools", _doc(), DAY)
    assert text.startswith("# 3. Use WAL mode\n\nDate: 2026-03-04\n\n## Status\n\nAccepted\n\n"
                           "## Context\n\nReaders block.\n\n## Decision\n\n")


def test_an_adr_tools_folder_written_by_the_tool_is_read(tmp_path):
    # As `adr new First Record; adr new -s 1 Second Record` leaves them (adr-tools' own test).
    (tmp_path / "0001-first-record.md").write_text(
        "# 1. First Record\n\nDate: 1992-01-12\n\n## Status\n\n"
        "Superceded by [2. Second Record](0002-second-record.md)\n\n## Context\n\n"
        "The issue motivating this decision.\n\n## Decision\n\nThe change.\n\n"
        "## Consequences\n\nWhat becomes easier.\n")
    (tmp_path / "0002-second-record.md").write_text(
        "# 2. Second Record\n\nDate: 1992-01-12\n\n## Status\n\nAccepted\n\n"
        "Supercedes [1. First Record](0001-first-record.md)\n\n## Context\n\nctx\n")
    first = parse((tmp_path / "0001-first-record.md").read_text(), "0001-first-record.md")
    assert first.status == "superseded" and first.superseded_by == "0002-second-record.md"
    assert first.date == dt.date(1992, 1, 12) and first.context.startswith("The issue")
    second = parse((tmp_path / "0002-second-record.md").read_text(), "0002-second-record.md")
    assert second.status == "accepted" and second.supersedes == ["0001-first-record.md"]


def test_a_madr_4_file_as_its_template_writes_it_is_read():
    text = """---
status: "superseded by [ADR-0005](0005-example.md)"
date: 2024-02-10
decision-makers: Oliver Kopp, Jane Doe
consulted: [Olaf]
informed:
---

# Use Plain JUnit5 for advanced test assertions

## Context and Problem Statement

How to write readable test assertions?

## Decision Drivers

* readable
* fast

## Considered Options

* Plain JUnit5
* Hamcrest

## Decision Outcome

Chosen option: "Plain JUnit5", because it comes out best.

### Consequences

* Good, because tests are more readable
* Bad, because more typing

### Confirmation

A review.

## Pros and Cons of the Options

### Plain JUnit5

* Good, because simple
"""
    doc = parse(text, "0003-use-plain-junit5.md")
    assert (doc.number, doc.title, doc.status) == (3, "Use Plain JUnit5 for advanced test "
                                                      "assertions", "superseded")
    assert doc.superseded_by == "0005-example.md" and doc.date == dt.date(2024, 2, 10)
    assert doc.people["decision-makers"] == ["Oliver Kopp", "Jane Doe"]
    assert doc.people["consulted"] == ["Olaf"] and doc.people["informed"] == []
    assert doc.context.startswith("How to write") and "## Decision Drivers" in doc.context
    assert "## Considered Options" in doc.context
    assert doc.decision == 'Chosen option: "Plain JUnit5", because it comes out best.'
    assert doc.consequences.startswith("* Good, because tests")
    assert "### Confirmation" in doc.consequences
    assert "## Pros and Cons of the Options" in doc.consequences


def test_madr_2_bullets_under_the_title_are_read():
    text = ("# Use Markdown Architectural Decision Records\n\n* Status: accepted\n"
            "* Deciders: Ana, Bo\n* Date: 2019-05-01\n\n## Context and Problem Statement\n\n"
            "Which format?\n\n## Decision Outcome\n\nMADR.\n")
    doc = parse(text, "0000-use-markdown-architectural-decision-records.md")
    assert (doc.number, doc.status, doc.date) == (0, "accepted", dt.date(2019, 5, 1))
    assert doc.people["decision-makers"] == ["Ana", "Bo"] and doc.decision == "MADR."


@pytest.mark.parametrize(("text", "why"), [
    ("Just some notes\n\nno title here", "no status"),
    ("# 4. A title\n\nNothing else\n", "no status"),
    ("---\nstatus: [unclosed\n---\n# T\n", "not valid YAML"),
    ("---\nstatus: accepted\n# T\n", "closing"),
    ("# Title\n\n## Status\n\nAccepted\n", None),
])
def test_files_that_are_not_records_say_why(text, why):
    if why is None:
        assert parse(text, "0004-title.md").status == "accepted"
        return
    with pytest.raises(NotAnAdr, match=why):
        parse(text, "0004-title.md")


@given(st.text(max_size=300))
def test_the_parser_reads_or_refuses_any_text(text):
    try:
        doc = parse(text, "0001-x.md")
    except NotAnAdr:
        return
    assert doc.number == 1 and doc.status in {"proposed", "accepted", "rejected", "deprecated",
                                              "superseded"}


_PRINTABLE = st.characters(blacklist_categories=("Cs", "Cc"))


@given(st.text(_PRINTABLE, min_size=1, max_size=80),
       st.text(st.one_of(_PRINTABLE, st.just("\n")), max_size=200))
def test_any_title_and_context_round_trip_through_both_styles(title, context):
    title = " ".join(title.split())
    if not title or title.startswith("#"):
        return
    context = "\n".join(line.rstrip() for line in context.strip().splitlines()).strip()
    if any(line.lstrip().startswith(("#", "```", "~~~", "---")) for line in context.split("\n")):
        return  # Markdown structure inside a field is not promised to survive
    for style in ("adr-tools", "madr"):
        doc = AdrDocument(number=7, title=title, context=context)
        back = parse(render(style, doc, DAY), file_name(7, title))
        assert back.title == title and back.context == context, style


# -- export, import, round trip ----------------------------------------------------------------
@pytest.mark.parametrize("style", ["adr-tools", "madr"])
def test_export_import_export_gives_the_same_files(sample, tmp_path, style):
    first, second = tmp_path / "first", tmp_path / "second"
    written = export_folder(sample, first, style).written
    assert written == ["0001-run-our-own-stratum-1-time-servers.md",
                       "0002-keep-user-sessions-in-redis-with-append-only-persistence.md",
                       "0003-use-logical-replication-for-the-payments-database-major.md",
                       "0004-store-user-sessions-in-the-regional-postgres-clusters.md",
                       "0005-issue-short-lived-edge-certificates-through-our-internal.md"]
    with open_journal(tmp_path / "empty.sqlite3") as empty:
        plan = plan_import(empty, first)
        assert len(plan.to_create) == 5 and not plan.broken
        apply_import(empty, plan)
        export_folder(empty, second, style)
        again = plan_import(empty, first)  # the same folder a second time: nothing new
        assert again.to_create == [] and len(again.already_there) == 5
        assert apply_import(empty, again) == []
        assert empty.count(DECISION_RECORD) == 5
    compared = filecmp.dircmp(first, second)
    assert sorted(compared.common_files) == sorted([*written, MANIFEST])
    assert not compared.left_only and not compared.right_only
    _, mismatch, errors = filecmp.cmpfiles(first, second, written, shallow=False)
    assert mismatch == [] and errors == []


def test_supersession_is_written_both_ways_and_read_back_both_ways(journal, tmp_path):
    old = journal.create(DECISION_RECORD, title="Keep Redis", status="accepted")
    new = journal.create(DECISION_RECORD, title="Move to Postgres", status="accepted")
    supersede(journal, old.id, new.id)
    folder = tmp_path / "adr"
    export_folder(journal, folder)
    old_text = (folder / "0001-keep-redis.md").read_text()
    new_text = (folder / "0002-move-to-postgres.md").read_text()
    assert "\nSuperceded by [2. Move to Postgres](0002-move-to-postgres.md)\n" in old_text
    assert "\nAccepted\n\nSupercedes [1. Keep Redis](0001-keep-redis.md)\n" in new_text
    # Only the newer file says so: the older one is found superseded from it.
    (folder / "0001-keep-redis.md").write_text(old_text.replace(
        "Superceded by [2. Move to Postgres](0002-move-to-postgres.md)", "Accepted"))
    with open_journal(tmp_path / "other.sqlite3") as other:
        apply_import(other, plan_import(other, folder))
        records = {r.title: r for r in other.list(DECISION_RECORD)}
        assert records["Keep Redis"].superseded_by_id == records["Move to Postgres"].id
        assert records["Keep Redis"].status == "superseded"


def test_a_renamed_record_replaces_its_file_on_the_next_export(journal, tmp_path):
    record = journal.create(DECISION_RECORD, title="Use WAL mode")
    journal.create(DECISION_RECORD, title="Use WAL mode")  # a duplicate title: its own number
    folder = tmp_path / "adr"
    assert export_folder(journal, folder).written == ["0001-use-wal-mode.md",
                                                      "0002-use-wal-mode.md"]
    (folder / "README.md").write_text("not ours")
    journal.update(DECISION_RECORD, record.id, title="Use WAL mode everywhere")
    result = export_folder(journal, folder)
    assert result.written == ["0001-use-wal-mode-everywhere.md"]
    assert result.removed == ["0001-use-wal-mode.md"] and result.unchanged == [
        "0002-use-wal-mode.md"]
    assert sorted(p.name for p in folder.iterdir()) == [
        MANIFEST, "0001-use-wal-mode-everywhere.md", "0002-use-wal-mode.md", "README.md"]


def test_a_broken_file_is_named_and_skipped_and_the_rest_imported(journal, tmp_path):
    folder = tmp_path / "repo" / "docs" / "decisions"
    folder.mkdir(parents=True)
    (folder / "0001-good.md").write_text("# 1. Good\n\nDate: 2020-01-01\n\n## Status\n\n"
                                         "Accepted\n\n## Context\n\nFine.\n")
    (folder / "0002-broken.md").write_text("no heading at all\n")
    (folder / "0003-binary.md").write_bytes(b"\xff\xfe\x00\x01")
    (folder / "README.md").write_text("# Decisions\n")
    plan = plan_import(journal, tmp_path / "repo")  # the repository root finds docs/decisions
    assert plan.folder == folder
    assert [name for name, _ in plan.broken] == ["0002-broken.md", "0003-binary.md"]
    apply_import(journal, plan)
    assert [r.title for r in journal.list(DECISION_RECORD)] == ["Good"]


def test_an_import_is_all_or_nothing(journal, tmp_path, monkeypatch):
    folder = tmp_path / "adr"
    for n in (1, 2):
        (folder).mkdir(exist_ok=True)
        (folder / f"000{n}-r{n}.md").write_text(f"# {n}. R{n}\n\n## Status\n\nAccepted\n")
    plan = plan_import(journal, folder)
    from journal.export.adr import folder as module

    def fail(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(module, "_link", fail)
    with pytest.raises(RuntimeError):
        apply_import(journal, plan)
    assert journal.count(DECISION_RECORD) == 0


def test_people_are_matched_by_name_or_created_once(journal, tmp_path):
    ana = journal.create(PERSON, name="Ana Lima")
    record = journal.create(DECISION_RECORD, title="X", status="accepted")
    set_people(journal, record.id, "decision_maker", [ana.id])
    folder = tmp_path / "adr"
    export_folder(journal, folder, "madr")
    (folder / "0002-y.md").write_text("---\nstatus: accepted\ndecision-makers: [ana lima, Bo]\n"
                                      "consulted: Bo\n---\n\n# Y\n\n## Decision Outcome\n\nY.\n")
    plan = plan_import(journal, folder)
    assert plan.new_people == ["Bo"] and [p.file_name for p in plan.to_create] == ["0002-y.md"]
    apply_import(journal, plan)
    assert journal.count(PERSON) == 2 and journal.count(DECISION_PERSON) == 4


def test_a_taken_number_gets_the_next_one(journal, tmp_path):
    journal.create(DECISION_RECORD, title="Ours")
    folder = tmp_path / "adr"
    folder.mkdir()
    (folder / "0001-theirs.md").write_text("# 1. Theirs\n\n## Status\n\nProposed\n")
    plan = plan_import(journal, folder)
    assert plan.to_create[0].number is None
    apply_import(journal, plan)
    assert journal.list(DECISION_RECORD, title="Theirs")[0].adr_number == 2
    assert plan_import(journal, folder).to_create == []  # found again by its file name


def test_a_second_folder_whose_numbers_overlap_is_numbered_after(journal, tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    for folder, titles in ((first, ["A1", "A2"]), (second, ["B1", "B2", "B3", "B4"])):
        folder.mkdir()
        for n, title in enumerate(titles, start=1):
            (folder / f"{n:04d}-{title.lower()}.md").write_text(
                f"# {n}. {title}\n\n## Status\n\nAccepted\n")
    apply_import(journal, plan_import(journal, first))
    plan = plan_import(journal, second)
    assert [p.number for p in plan.to_create] == [None, None, 3, 4]
    ids = apply_import(journal, plan)
    numbers = [journal.get(DECISION_RECORD, i).adr_number for i in ids]
    assert numbers[2:] == [3, 4] and sorted(numbers[:2]) == [5, 6]
    assert plan_import(journal, second).to_create == []


def test_imported_records_keep_their_files_names_when_written_back(journal, tmp_path):
    folder = tmp_path / "docs" / "adr"
    folder.mkdir(parents=True)
    (folder / "0001-use-CC0-or-MIT.md").write_text("# 1. Dual License the Work\n\n"
                                                   "Date: 2020-01-01\n\n## Status\n\n"
                                                   "Accepted\n\n## Context\n\nOld.\n")
    apply_import(journal, plan_import(journal, tmp_path))
    record = journal.list(DECISION_RECORD)[0]
    journal.update(DECISION_RECORD, record.id, context="Newer.")
    result = export_folder(journal, folder)
    assert result.written == ["0001-use-CC0-or-MIT.md"] and result.removed == []
    assert "Newer." in (folder / "0001-use-CC0-or-MIT.md").read_text()


def test_a_missing_or_empty_folder_is_refused(tmp_path):
    with pytest.raises(AdrFolderError, match="does not exist"):
        adr_folder(tmp_path / "nope")
    with pytest.raises(AdrFolderError, match="holds no decision records"):
        adr_folder(tmp_path)


# -- the CLI -----------------------------------------------------------------------------------
def test_cli_export_then_import(tmp_path, capsys):
    source, target = tmp_path / "s.sqlite3", tmp_path / "t.sqlite3"
    assert main(["--db", str(source), "demo"]) == 0
    assert main(["--db", str(source), "adr", "export", str(tmp_path / "out"), "--style",
                 "madr"]) == 0
    assert "5 written" in capsys.readouterr().out
    assert main(["--db", str(target), "adr", "import", str(tmp_path / "out"), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "would create  0001-run-our-own-stratum-1-time-servers.md" in out
    assert not target.exists()  # a dry run leaves no journal behind
    assert main(["--db", str(target), "adr", "import", str(tmp_path / "out")]) == 0
    assert "5 to create" in capsys.readouterr().out
    assert main(["--db", str(target), "adr", "import", str(tmp_path / "out")]) == 0
    assert "0 to create, 5 already in the journal" in capsys.readouterr().out


def test_cli_missing_folder_is_one_line_and_fails(tmp_path, capsys):
    code = main(["--db", str(tmp_path / "j.sqlite3"), "adr", "import", str(tmp_path / "nope")])
    err = capsys.readouterr().err
    assert code == 1 and err.count("\n") == 1 and "does not exist" in err
    assert not (tmp_path / "j.sqlite3").exists()


@pytest.mark.parametrize(("style", "title"), [("madr", "7 nodes per region"),
                                              ("madr", "7. A numbered title"),
                                              ("adr-tools", "7. A numbered title"),
                                              ("adr-tools", "2024 plans")])
def test_a_title_starting_with_a_number_survives_both_styles(style, title):
    back = parse(render(style, AdrDocument(number=7, title=title), DAY), "0007-x.md")
    assert back.title == title and back.number == 7


def test_numbers_before_a_madr_title_are_read():
    doc = parse("---\nstatus: accepted\n---\n# 0012: Use WAL\n", "0012-use-wal.md")
    assert (doc.number, doc.title) == (12, "Use WAL")
    doc = parse("---\nstatus: accepted\n---\n# ADR-12 Use WAL\n", "use-wal.md")
    assert (doc.number, doc.title) == (12, "Use WAL")
