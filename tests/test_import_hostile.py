"""Hostile import files: each one is refused with a clear line naming where the problem is (a
JSON path), never a traceback, never a hang, and the journal stays byte-for-byte as it was."""

from __future__ import annotations

import copy
import json
import os
import sys
from pathlib import Path

import pytest

from journal.export.interchange import dumps, export_document
from journal.ops.interchange import ImportRefused, read_document
from journal.sample import populate
from journal.store.journal import open_journal
from tests.conftest import sha256

UID = "00000000-0000-4000-8000-0000000000{:02x}"


@pytest.fixture(scope="module")
def sample(tmp_path_factory) -> dict:
    path = tmp_path_factory.mktemp("hostile") / "sample.sqlite3"
    with open_journal(path) as journal:
        populate(journal)
        return json.loads(dumps(export_document(journal)))


def _doc(sample, change) -> str:
    doc = copy.deepcopy(sample)
    change(doc)
    return dumps(doc)


def _set(array, index, field, value):
    def change(doc):
        doc[array][index][field] = value
    return change


def _cycle(doc):
    first, second = doc["decision_records"][0], doc["decision_records"][1]
    first["superseded_by_uid"] = second["uid"]
    second["superseded_by_uid"] = first["uid"]


def _long_cycle(doc):
    records = doc["decision_records"]
    for a, b in zip(records, records[1:] + records[:1], strict=True):
        a["superseded_by_uid"] = b["uid"]


def _uid_of_another_kind(doc):
    old, new = doc["goals"][0]["uid"], doc["people"][0]["uid"]
    doc["goals"][0]["uid"] = new
    for array in ("check_ins",):
        for record in doc[array]:
            if record["goal_uid"] == old:
                record["goal_uid"] = new


def _snooze(kind, uid):
    def change(doc):
        doc["snoozes"].append({"uid": UID.format(0x51), "created_at": "2026-01-01T00:00:00.000Z",
                               "updated_at": "2026-01-01T00:00:00.000Z",
                               "rule": "feedback_undelivered", "record_kind": kind,
                               "record_uid": uid, "until_on": "2026-12-01"})
    return change


def _cases(sample) -> dict[str, tuple[bytes | str, str]]:
    text = dumps(sample)
    person = sample["people"][0]["name"]
    return {
        "nested arrays": ("[" * 200_000 + "]" * 200_000, "$"),
        "nested objects": ('{"format": "leadership-journal", "version": 1, "settings": '
                           + '{"a": ' * 100_000 + "1" + "}" * 100_000 + "}", "$"),
        # deep enough to break the checks' recursion, not the parser's
        "a setting nested 900 deep": (text.replace('"settings": {', '"settings": {"deep": '
                                                   + "[" * 900 + "]" * 900 + ", ", 1),
                                      "$.settings.deep"),
        "a number of 5000 digits": (text.replace('"cadence_days": 7', '"cadence_days": 1'
                                                 + "0" * 5000, 1), "$.mentorships[0].cadence_days"),
        "NaN": (text.replace('"cadence_days": 7', '"cadence_days": NaN', 1),
                "$.mentorships[0].cadence_days"),
        "Infinity in settings": (text.replace('"settings": {', '"settings": {"x": -Infinity, ',
                                              1), "$.settings.x"),
        "duplicate key": (text.replace(f'"name": {json.dumps(person)}',
                                       f'"name": {json.dumps(person)}, "name": "Evil"', 1),
                          "$.people[0]"),
        "duplicate top key": (text.replace('"version": 1', '"version": 1, "version": 1', 1),
                              "$"),
        "UTF-16 without a byte order mark": (text.encode("utf-16-le"), "$"),
        "Latin-1": (text.replace(person, "Zoë").encode("latin-1", "replace"), "$"),
        "a top-level array": (json.dumps([sample]), "$"),
        "null": ("null", "$"),
        "null settings": (_doc(sample, lambda d: d.__setitem__("settings", None)), "$.settings"),
        "a setting that is an object": (_doc(sample, lambda d: d["settings"].__setitem__(
            "owner_name", {"a": [1]})), "$.settings.owner_name"),
        "NUL in a name": (_doc(sample, _set("people", 0, "name", "A\x00B")), "$.people[0].name"),
        "a lone surrogate": (text.replace(json.dumps(person), '"Amara \\ud800 Okafor"', 1),
                             "$.people[0].name"),
        "a lone low surrogate": (text.replace(json.dumps(person), '"\\udc00"', 1),
                                 "$.people[0].name"),
        "an id of another kind": (_doc(sample, _set("goals", 0, "mentorship_uid",
                                                    sample["people"][0]["uid"])),
                                  "$.goals[0].mentorship_uid"),
        "a uid shared by a person and a goal": (_doc(sample, _uid_of_another_kind),
                                                "$.goals[0].uid"),
        "supersession cycle": (_doc(sample, _cycle), "$.decision_records[0].superseded_by_uid"),
        "a longer supersession cycle": (_doc(sample, _long_cycle),
                                        "$.decision_records[0].superseded_by_uid"),
        "February 30": (_doc(sample, _set("goals", 0, "started_on", "2024-02-30")),
                        "$.goals[0].started_on"),
        "year 99999": (_doc(sample, _set("goals", 0, "started_on", "99999-01-01")),
                       "$.goals[0].started_on"),
        "a timestamp of month 13": (_doc(sample, _set("goals", 0, "created_at",
                                                      "2024-13-45T99:99:99Z")),
                                    "$.goals[0].created_at"),
        "an enum value outside the schema": (_doc(sample, _set("goals", 0, "status", "won")),
                                             "$.goals[0].status"),
        "a position past SQLite's integers": (_doc(sample, _set("retro_items", 0, "position",
                                                                2**70)),
                                              "$.retro_items[0].position"),
        "an ADR number past SQLite's integers": (_doc(sample, _set("decision_records", 0,
                                                                   "adr_number", 2**63)),
                                                 "$.decision_records[0].adr_number"),
        "a newer version": (_doc(sample, lambda d: d.__setitem__("version", 2)), "$.version"),
        "a snooze of an unknown kind": (_doc(sample, _snooze("people; DROP TABLE people",
                                                             sample["people"][0]["uid"])),
                                        "$.snoozes[1].record_kind"),
        "a snooze naming no uid": (_doc(sample, _snooze("person", "zzz")),
                                   "$.snoozes[1].record_uid"),
        "a snooze of a record of another kind": (_doc(sample, _snooze(
            "goal", sample["people"][0]["uid"])), "$.snoozes[1].record_uid"),
        "200 MB of whitespace": (b" " * (200 * 2**20) + b"{}", "$.format"),
    }


@pytest.fixture(scope="module")
def cases(sample):
    return _cases(sample)


def _names() -> list[str]:
    # The names, without building the documents at collection time.
    import ast
    import inspect

    tree = ast.parse(inspect.getsource(_cases))
    ret = next(n for n in ast.walk(tree) if isinstance(n, ast.Return))
    return [k.value for k in ret.value.keys]


def _targets(tmp_path, sample) -> list[Path]:
    """An empty journal and one holding other records."""
    empty, other = tmp_path / "empty.sqlite3", tmp_path / "other.sqlite3"
    open_journal(empty).close()
    with open_journal(other) as journal:
        journal.create("person", name="Already Here")
    return [empty, other]


@pytest.mark.parametrize("name", _names())
def test_a_hostile_file_is_refused_and_changes_nothing(name, cases, sample, tmp_path, capsys):
    from journal.cli.main import main

    content, where = cases[name]
    source = tmp_path / "hostile.json"
    source.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    with pytest.raises(ImportRefused) as refused:
        read_document(source)
    paths = [p.path for p in refused.value.problems]
    assert where in paths or (where != "$" and any(p.startswith(where) for p in paths)), (
        name, refused.value.problems[:5])
    for target in _targets(tmp_path, sample):
        before, files = sha256(target), sorted(p.name for p in tmp_path.iterdir())
        assert main(["--db", str(target), "import", str(source), "--merge"]) == 1, name
        err = capsys.readouterr().err
        assert "Traceback" not in err and where in err and "was not changed" in err
        assert sha256(target) == before, name
        assert sorted(p.name for p in tmp_path.iterdir()) == files, name


@pytest.mark.parametrize("bom, encoding", [(b"\xef\xbb\xbf", "utf-8"), (b"", "utf-16"),
                                           (b"", "utf-32")])
def test_a_byte_order_mark_is_read_as_what_it_says(sample, tmp_path, bom, encoding):
    source = tmp_path / "bom.json"
    source.write_bytes(bom + dumps(sample).encode(encoding))  # utf-16/32 write their own BOM
    assert read_document(source) == sample


def _refused_quickly(path: Path) -> list[str]:
    """The problems reading `path` reports, within ten seconds (a daemon thread, so a read
    that hangs fails the test instead of the whole run)."""
    import threading

    out: list = []

    def read():
        try:
            read_document(path)
            out.append(None)
        except ImportRefused as refused:
            out.append([str(p) for p in refused.problems])
        except BaseException as error:  # noqa: BLE001 - reported by the assert below
            out.append(error)

    thread = threading.Thread(target=read, daemon=True)
    thread.start()
    thread.join(10)
    assert out and isinstance(out[0], list), out or "the read hung"
    return out[0]


def test_a_directory_is_refused(tmp_path):
    assert _refused_quickly(tmp_path)[0].startswith("$: ")


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX special files")
def test_special_files_are_refused_without_reading_them(tmp_path):
    fifo = tmp_path / "export.json"
    os.mkfifo(fifo)  # reading it would wait for a writer forever
    assert "not a regular file" in _refused_quickly(fifo)[0]
    zero = tmp_path / "zero.json"
    zero.symlink_to("/dev/zero")  # reading it would fill the memory
    assert "not a regular file" in _refused_quickly(zero)[0]
    assert "not a regular file" in _refused_quickly(Path("/dev/urandom"))[0]


def test_a_sqlite_journal_is_named_as_such(tmp_path):
    db = tmp_path / "journal.sqlite3"
    with open_journal(db) as journal:
        journal.create("person", name="Someone")
    problems = _refused_quickly(db)
    assert "journal file" in problems[0] and "not an export" in problems[0]


def test_a_file_that_grows_past_the_limit_while_read_is_cut_off(tmp_path, monkeypatch):
    from journal.ops import interchange

    monkeypatch.setattr(interchange, "MAX_BYTES", 1000)
    big = tmp_path / "big.json"
    big.write_bytes(b" " * 2000)
    assert "MB" in _refused_quickly(big)[0] or "more than" in _refused_quickly(big)[0]


def test_a_huge_wrong_value_is_reported_in_a_short_line(sample, tmp_path, capsys):
    from journal.cli.main import main

    doc = copy.deepcopy(sample)
    doc["goals"][0]["status"] = "x" * (5 * 2**20)
    doc["people"][0]["name"] = ["y" * 2**20]
    source = tmp_path / "huge.json"
    source.write_text(dumps(doc), encoding="utf-8")
    assert main(["--db", str(tmp_path / "j.sqlite3"), "import", str(source)]) == 1
    err = capsys.readouterr().err
    assert "$.goals[0].status" in err and "$.people[0].name" in err
    assert len(err) < 4000


def test_a_document_too_deep_for_the_checks_says_where(sample, tmp_path, monkeypatch):
    from journal.ops import interchange

    def recursing(_document):
        raise RecursionError

    monkeypatch.setattr(interchange, "check_document", recursing)
    doc = copy.deepcopy(sample)
    doc["settings"]["deep"] = json.loads("[" * 150 + "]" * 150)
    source = tmp_path / "deep.json"
    source.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(ImportRefused) as refused:
        read_document(source)
    [problem] = refused.value.problems
    assert problem.path == "$.settings.deep" + "[0]" * 98 and "100 levels" in problem.message


def test_settings_of_every_kind_the_app_writes_round_trip(tmp_path):
    from journal.domain.checklist import VAGUE_LABELS
    from journal.ops.interchange import plan_import, run_import

    source_db = tmp_path / "a.sqlite3"
    with open_journal(source_db) as journal:
        journal.set_setting(VAGUE_LABELS, ["work on", "look into"])
        journal.set_setting("owner_name", "Alex")
        journal.set_setting("threshold.feedback_stale_days", 12)
        journal.set_setting("notify.daily_due", False)
        journal.set_setting("snapshots.keep", 20)
        journal.set_setting("prep_notes.00000000-0000-4000-8000-000000000001", "half typed")
        text = dumps(export_document(journal))
    source = tmp_path / "a.json"
    source.write_text(text, encoding="utf-8")
    with open_journal(tmp_path / "b.sqlite3") as journal:
        run_import(journal, plan_import(journal, read_document(source)))
        assert dumps(export_document(journal)) == text


@pytest.mark.parametrize("key, value", [
    ("owner_name", 5), ("prep_notes.00000000-0000-4000-8000-000000000001", 5),
    ("snapshots.keep", "many"), ("notify.daily_due", "yes"),
    ("threshold.feedback_stale_days", "ten"), ("checklist.vague_labels", [1, 2]),
    ("anything.else", {"a": 1})])
def test_a_setting_of_the_wrong_type_is_refused(sample, tmp_path, key, value):
    doc = copy.deepcopy(sample)
    doc["settings"][key] = value
    source = tmp_path / "s.json"
    source.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(ImportRefused) as refused:
        read_document(source)
    assert any(p.path.startswith("$.settings") for p in refused.value.problems)
