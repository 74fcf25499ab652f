"""ADR folders as real tools and projects write them (tests/data/adr/<source>/): each imports the
right records with the right titles, statuses, dates and supersession; files that are not records
(index, README, templates) are left alone; importing twice creates nothing twice; and the round
trip export -> import -> export gives the same files."""

from __future__ import annotations

import datetime as dt
import filecmp
import shutil
from pathlib import Path

import pytest

from journal.domain.kinds import DECISION_RECORD
from journal.export.adr.folder import apply_import, export_folder, plan_import
from journal.store.journal import open_journal

DATA = Path(__file__).parent / "data" / "adr"
D = dt.date


@pytest.fixture
def journal(tmp_path):
    with open_journal(tmp_path / "j.sqlite3") as j:
        yield j


def _imported(journal, folder):
    plan = plan_import(journal, folder)
    apply_import(journal, plan)
    records = {r.imported_from: r for r in journal.records(DECISION_RECORD)}
    return plan, records


def _superseded_by(journal, record):
    if record.superseded_by_id is None:
        return None
    return journal.get(DECISION_RECORD, record.superseded_by_id).imported_from


def test_adr_tools_repository_found_through_its_adr_dir(journal):
    plan, got = _imported(journal, DATA / "adr-tools")
    assert not plan.broken and sorted(got) == [
        "0001-record-architecture-decisions.md", "0002-store-events-in-kafka.md",
        "0003-use-feature-flags.md", "0004-store-events-in-postgresql.md",
        "0005-expire-feature-flags-after-90-days.md"]
    seen = {name: (r.adr_number, r.title, r.status, r.decided_on) for name, r in got.items()}
    assert seen["0002-store-events-in-kafka.md"] == (2, "Store events in Kafka", "superseded",
                                                     D(2018, 3, 12))
    assert seen["0005-expire-feature-flags-after-90-days.md"] == (
        5, "Expire feature flags after 90 days", "proposed", D(2019, 2, 1))
    assert _superseded_by(journal, got["0002-store-events-in-kafka.md"]) == \
        "0004-store-events-in-postgresql.md"
    assert "Amended by" in got["0003-use-feature-flags.md"].context


def test_madr_own_decisions_folder(journal):
    plan, got = _imported(journal, DATA / "madr")
    assert len(got) == 19 and not plan.broken
    assert "index.md" not in got and "adr-template.md" not in got
    assert {r.adr_number for r in got.values()} == set(range(19))
    assert got["0002-do-not-use-numbers-in-headings.md"].title == "Do Not Use Numbers in Headings"
    assert got["0003-provide-own-madr-tools.md"].status == "proposed"  # "on hold"


def test_log4brains_dated_file_names_are_not_adr_numbers(journal):
    plan, got = _imported(journal, DATA / "log4brains")
    assert not plan.broken, plan.broken
    assert "template.md" not in got and len(got) == 15
    assert sorted(r.adr_number for r in got.values()) == list(range(1, 16))
    first = got["20200101-first-adr.md"]
    assert (first.title, first.status, first.decided_on) == ("First ADR", "accepted",
                                                             D(2020, 1, 1))
    assert got["20200102-adr-with-intro.md"].status == "accepted"
    assert got["20201028-adr-without-date.md"].decided_on == D(2020, 10, 28)  # from its name
    assert got["20201029-rejected-adr.md"].status == "rejected"
    assert got["20201030-draft-adr.md"].status == "proposed"
    assert got["adr_with_a_WeIrd-filename.md"].title == "ADR with a weird filename"
    assert got["20200102-adr-without-title.md"].title == "Adr without title"
    assert _superseded_by(journal, got["20201028-superseded-adr.md"]) == "20201029-superseder.md"
    assert got["20201028-superseded-adr.md"].status == "superseded"
    # a new record after the import is numbered after them, not after 20201030
    assert journal.create(DECISION_RECORD, None, title="Next").adr_number == 16


def test_hand_written_nygard_folder(journal):
    plan, got = _imported(journal, DATA / "nygard")
    assert sorted(got) == ["002_retry-with-backoff.md", "003-log-in-json.md",
                           "004-circuit-breakers.md", "005-cafe-menu.md", "ADR-001-use-go.md",
                           "blue-green-deploys.md"], plan.broken
    seen = {name: (r.adr_number, r.title, r.status, r.decided_on) for name, r in got.items()}
    assert seen["ADR-001-use-go.md"] == (1, "Use Go for the ingest service", "accepted",
                                         D(2017, 2, 20))
    assert seen["002_retry-with-backoff.md"] == (2, "Retry with backoff", "superseded",
                                                 D(2017, 3, 3))
    assert seen["003-log-in-json.md"] == (3, "Log in JSON", "deprecated", None)
    assert seen["004-circuit-breakers.md"] == (4, "Circuit breakers", "accepted", D(2017, 6, 1))
    assert seen["005-cafe-menu.md"][1:3] == ("Café menu service", "accepted")
    assert seen["blue-green-deploys.md"][0] == 6
    assert _superseded_by(journal, got["002_retry-with-backoff.md"]) == "004-circuit-breakers.md"
    assert got["003-log-in-json.md"].context == "Logs are grepped by hand."


@pytest.mark.parametrize("source", ["adr-tools", "madr", "log4brains", "nygard"])
def test_importing_a_real_folder_twice_creates_nothing_twice(journal, source):
    first = plan_import(journal, DATA / source)
    apply_import(journal, first)
    count = len(journal.records(DECISION_RECORD))
    again = plan_import(journal, DATA / source)
    assert not again.to_create and len(again.already_there) == len(first.records)
    assert len(journal.records(DECISION_RECORD)) == count


@pytest.mark.parametrize("source", ["adr-tools", "madr", "log4brains", "nygard"])
@pytest.mark.parametrize("style", ["adr-tools", "madr"])
def test_real_folders_round_trip(tmp_path, source, style):
    with open_journal(tmp_path / "a.sqlite3") as a:
        apply_import(a, plan_import(a, DATA / source))
        export_folder(a, tmp_path / "one", style)
    with open_journal(tmp_path / "b.sqlite3") as b:
        apply_import(b, plan_import(b, tmp_path / "one"))
        export_folder(b, tmp_path / "two", style)
    names = sorted(p.name for p in (tmp_path / "one").glob("*.md"))
    assert names == sorted(p.name for p in (tmp_path / "two").glob("*.md"))
    _, mismatch, errors = filecmp.cmpfiles(tmp_path / "one", tmp_path / "two", names,
                                           shallow=False)
    assert not mismatch and not errors


def test_writing_back_into_a_real_folder_keeps_its_names(journal, tmp_path):
    folder = tmp_path / "nygard"
    shutil.copytree(DATA / "nygard", folder)
    apply_import(journal, plan_import(journal, folder))
    result = export_folder(journal, folder, "adr-tools")
    assert not result.removed
    assert sorted(p.name for p in folder.iterdir() if not p.name.startswith(".")) == sorted(
        p.name for p in (DATA / "nygard").iterdir())
    assert (folder / "README.md").read_bytes() == (DATA / "nygard" / "README.md").read_bytes()


@pytest.mark.parametrize(("heading", "title"), [("# Use C#", "Use C#"), ("# Use F# ##", "Use F#"),
                                                ("# 0#", "0#")])
def test_a_title_ending_in_a_hash_keeps_it(heading, title):
    from journal.export.adr.reading import parse

    assert parse(f"{heading}\n\n## Status\n\nAccepted\n", "0001-x.md").title == title
