"""The JSON interchange format: schema and code agree, the round trip, and imports that check
everything before writing anything."""

from __future__ import annotations

import copy
import json
import typing
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from journal.domain.records import RECORD_TYPES
from journal.export import checking
from journal.export.interchange import dumps, export_document, kind_specs, schema
from journal.ops.interchange import ImportRefused, plan_import, read_document, run_import
from journal.sample import populate
from journal.store.journal import open_journal
from tests.conftest import sha256


@pytest.fixture(scope="module")
def sample_text(tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("sample") / "sample.sqlite3"
    with open_journal(path) as journal:
        populate(journal)
        return dumps(export_document(journal))


def test_the_schema_is_valid_and_describes_every_record_kind_and_field(journal):
    Draft202012Validator.check_schema(schema())
    specs = {s.kind: s for s in kind_specs()}
    assert set(specs) == {t.kind for t in RECORD_TYPES}
    for record_type in RECORD_TYPES:
        spec = specs[record_type.kind]
        assert spec.array == record_type.table
        assert [c.column for c in spec.columns] == list(record_type.own_fields())
        hints = typing.get_type_hints(record_type)
        assert {c.column for c in spec.columns if c.flag} == {
            f for f in record_type.own_fields() if hints[f] is bool}
        keys = {(ref[3], ref[2]) for ref in journal.rows(
            f"PRAGMA foreign_key_list({record_type.table})")}
        assert {(c.column, c.references) for c in spec.columns if c.references} == keys


def test_the_sample_journal_round_trips_exactly(sample_text, tmp_path):
    source = tmp_path / "sample.json"
    source.write_text(sample_text, encoding="utf-8")
    document = read_document(source)
    with open_journal(tmp_path / "copy.sqlite3") as journal:
        result = run_import(journal, plan_import(journal, document))
        assert result.backup is not None and result.backup.exists()
        assert sum(result.added.values()) == sum(len(document[s.array]) for s in kind_specs())
        assert dumps(export_document(journal)) == sample_text
        again = plan_import(journal, document)
        assert again.total_new == 0 and not again.new_settings
        assert run_import(journal, again).backup is None  # nothing to add, nothing written
        assert dumps(export_document(journal)) == sample_text


def test_importing_into_a_journal_with_records_adds_only_what_is_new(sample_text, tmp_path):
    document = json.loads(sample_text)
    half = copy.deepcopy(document)
    half["one_on_ones"] = []
    with open_journal(tmp_path / "j.sqlite3") as journal:
        run_import(journal, plan_import(journal, half))
        plan = plan_import(journal, document)
        assert not plan.journal_was_empty
        assert plan.new == {k: (len(document["one_on_ones"]) if k == "one_on_one" else 0)
                            for k in plan.new}
        assert plan.summary()[0] == "Will add 5 1:1s."
        run_import(journal, plan)
        assert dumps(export_document(journal)) == sample_text


def _mutations(document):
    doc = copy.deepcopy(document)
    doc["check_ins"][0]["health"] = "great"
    doc["check_ins"][1]["on_date"] = "2026-02-30"
    doc["check_ins"][2]["on_date"] = 20260101
    doc["goals"][0]["mentorship_uid"] = 12
    doc["people"][0]["extra"] = True
    del doc["people"][1]["name"]
    doc["people"][2]["name"] = "   "
    doc["feedback_drafts"][0].update(status="delivered", delivered_on=None)
    doc["mentorships"][0].update(mentor_is_me=True, mentor_uid=doc["people"][3]["uid"])
    doc["mentorships"][1]["cadence_days"] = 0
    doc["mentoring_sessions"][0]["during_incident"] = "yes"
    doc["retro_items"][0] = "not a record"
    doc["roadmap_proposals"] = {}
    doc["settings"] = []
    doc["one_on_ones"][0]["uid"] = "short"
    return doc


def test_the_fast_check_finds_exactly_what_full_validation_finds(sample_text):
    doc = _mutations(json.loads(sample_text))
    full = Draft202012Validator(schema(), format_checker=checking._validator({}).FORMAT_CHECKER)
    expected = {e.json_path for e in full.iter_errors(doc)}
    found = {p.path for p in checking._schema_problems(doc)}
    assert found == expected
    assert "$.check_ins[1].on_date" in found and "$.people[1]" in found


def test_schema_and_reference_problems_are_reported_together(sample_text):
    doc = json.loads(sample_text)
    doc["check_ins"][2]["health"] = "fine"
    doc["goals"][0]["mentorship_uid"] = "00000000-0000-4000-8000-00000000dead"
    doc["people"][3]["uid"] = doc["people"][1]["uid"]
    paths = [p.path for p in checking.check_document(doc)]
    assert {"$.check_ins[2].health", "$.goals[0].mentorship_uid", "$.people[3].uid"} <= set(paths)


def _write(tmp_path, name, content) -> Path:
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


def _broken(sample_text, tmp_path):
    good = json.loads(sample_text)
    dangling = copy.deepcopy(good)
    dangling["check_ins"][3]["goal_uid"] = "00000000-0000-4000-8000-00000000dead"
    duplicate = copy.deepcopy(good)
    duplicate["people"][4]["uid"] = duplicate["people"][0]["uid"]
    wrong_types = copy.deepcopy(good)
    wrong_types["goals"][0]["status"] = 3
    wrong_types["people"][0]["name"] = ["Amara"]
    self_ref = copy.deepcopy(good)
    self_ref["decision_records"][0]["superseded_by_uid"] = self_ref["decision_records"][0]["uid"]
    huge = copy.deepcopy(good)
    huge["people"][0]["notes"] = "x" * (50 * 2**20)
    huge["goals"][1]["mentorship_uid"] = "00000000-0000-4000-8000-00000000beef"
    return {
        "not json": (b"PK\x03\x04 this is a zip file, not JSON", "$"),
        "empty": (b"", "$"),
        "not utf-8": (b'{"format": "\xff\xfe"}', "$"),
        "truncated": (sample_text[: len(sample_text) // 2], "$"),
        "a list": ("[1, 2, 3]", "$"),
        "other format": (json.dumps({"format": "jrnl", "version": 1}), "$.format"),
        "wrong version": (sample_text.replace('"version": 1', '"version": 2', 1), "$.version"),
        "dangling id": (dumps(dangling), "$.check_ins[3].goal_uid"),
        "duplicate id": (dumps(duplicate), "$.people[4].uid"),
        "wrong types": (dumps(wrong_types), "$.goals[0].status"),
        "refers to itself": (dumps(self_ref), "$.decision_records[0].superseded_by_uid"),
        "50 MB": (dumps(huge), "$.goals[1].mentorship_uid"),
        "50 MB of junk": (b"{" + b" " * (50 * 2**20) + b"\"format\"", "$"),
    }


def test_broken_documents_change_nothing_and_say_where(sample_text, tmp_path):
    from journal.cli.main import main

    db = tmp_path / "journal.sqlite3"
    with open_journal(db) as journal:
        populate(journal)
    before = sha256(db)
    files = sorted(p.name for p in tmp_path.iterdir())
    for name, (content, where) in _broken(sample_text, tmp_path).items():
        source = _write(tmp_path.parent, f"{tmp_path.name}-broken.json", content)
        with pytest.raises(ImportRefused) as refused:
            read_document(source)
        assert any(p.path == where for p in refused.value.problems), (name, refused.value.problems)
        assert main(["--db", str(db), "import", str(source), "--merge"]) == 1, name
        assert sha256(db) == before, name
        assert sorted(p.name for p in tmp_path.iterdir()) == files, name  # not even a backup


def test_a_refused_merge_leaves_the_journal_byte_for_byte(sample_text, tmp_path, capsys):
    from journal.cli.main import main

    db = tmp_path / "journal.sqlite3"
    with open_journal(db) as journal:
        populate(journal)  # the same sample, written again: other uids
    source = _write(tmp_path, "sample.json", sample_text)
    before = sha256(db)
    assert main(["--db", str(db), "import", str(source)]) == 1
    assert "--merge" in capsys.readouterr().err
    assert main(["--db", str(db), "import", str(source), "--dry-run"]) == 0
    assert "Will add 20 people" in capsys.readouterr().out
    assert sha256(db) == before
    assert main(["--db", str(db), "import", str(source), "--merge"]) == 0
    from journal.store.snapshots import folder_for

    assert list(folder_for(db).glob("*-before-import.sqlite3"))
    with open_journal(db, read_only=True) as journal:
        assert journal.count("person") == 40


def test_a_write_the_database_refuses_rolls_everything_back(sample_text, tmp_path, capsys):
    from journal.cli.main import main

    db = tmp_path / "journal.sqlite3"
    source = _write(tmp_path, "sample.json", sample_text)
    assert main(["--db", str(db), "import", str(source)]) == 0
    with open_journal(db, read_only=True) as journal:
        before = dumps(export_document(journal))
    # A new owner record for a conflict and person that already have one: the schema and the
    # document are fine, the table's UNIQUE (conflict_id, person_id) is not.
    document = json.loads(sample_text)
    document["people"].append({**document["people"][0], "name": "Someone New",
                               "uid": "00000000-0000-4000-8000-0000000000aa"})
    document["conflict_owners"][0]["uid"] = "00000000-0000-4000-8000-0000000000bb"
    source.write_text(dumps(document), encoding="utf-8")
    assert main(["--db", str(db), "import", str(source), "--merge"]) == 1
    assert "was not changed" in capsys.readouterr().err
    with open_journal(db, read_only=True) as journal:
        assert dumps(export_document(journal)) == before


def test_the_streamed_export_is_the_document(sample_text, tmp_path):
    from journal.export.interchange import document_chunks
    from journal.ops.interchange import export_json

    db = tmp_path / "j.sqlite3"
    with open_journal(db) as journal:
        run_import(journal, plan_import(journal, json.loads(sample_text)))
        assert "".join(document_chunks(journal)) == sample_text
        assert export_json(journal, tmp_path / "out.json") == len(json.loads(sample_text)[
            "people"]) + sum(len(v) for k, v in json.loads(sample_text).items()
                             if isinstance(v, list) and k != "people")
        assert (tmp_path / "out.json").read_text(encoding="utf-8") == sample_text
    with open_journal(tmp_path / "empty.sqlite3") as journal:
        assert json.loads("".join(document_chunks(journal)))["people"] == []


@pytest.mark.parametrize("bulk", [True, False])
def test_imported_records_are_found_by_search_and_stay_indexed(sample_text, tmp_path,
                                                                monkeypatch, bulk):
    import datetime as dt

    from journal.store import interchange
    from journal.store.search import search

    monkeypatch.setattr(interchange, "BULK_INDEX_ROWS", 10 if bulk else 10**9)
    with open_journal(tmp_path / "j.sqlite3") as journal:
        run_import(journal, plan_import(journal, json.loads(sample_text)))
        hits = search(journal, "bastion", today=dt.date.today())
        assert {h.kind for h in hits} >= {"check_in"}
        triggers = {r[0] for r in journal.rows(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name GLOB '*_searched_*'")}
        assert "check_ins_searched_in" in triggers
        person = journal.create("person", name="Quintessa Imported")
        assert [(h.kind, h.id) for h in search(journal, "quintessa", today=dt.date.today())] == [
            ("person", person.id)]
