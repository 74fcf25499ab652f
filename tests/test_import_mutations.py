"""Property: any mutation of a valid export either imports in full or is refused with nothing
written (not even a snapshot), and never raises anything but the import's own refusals."""

from __future__ import annotations

import copy
import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from journal.export.interchange import dumps, export_document, kind_specs
from journal.ops.interchange import ImportRefused, plan_import, read_document, run_import
from journal.sample import populate
from journal.store.errors import InvalidRecord
from journal.store.journal import open_journal
from tests.conftest import sha256

_SAMPLE: dict = {}


def sample() -> dict:
    if not _SAMPLE:
        with tempfile.TemporaryDirectory() as folder, \
                open_journal(Path(folder) / "s.sqlite3") as journal:
            populate(journal)
            _SAMPLE.update(json.loads(dumps(export_document(journal))))
    return _SAMPLE


_scalars = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=40),
    st.sampled_from(["", " ", "2024-02-30", "2026-06-01", "99999-01-01", "active", "draft",
                     "2026-01-01T00:00:00.000Z", "00000000-0000-4000-8000-000000000000",
                     "\x00", "\ud800", "person", "goal"]))
_values = st.recursive(_scalars, lambda inner: st.lists(inner, max_size=3)
                       | st.dictionaries(st.text(max_size=8), inner, max_size=3), max_leaves=6)


@st.composite
def mutations(draw):
    doc = copy.deepcopy(sample())
    arrays = [s.array for s in kind_specs() if doc.get(s.array)]
    for _ in range(draw(st.integers(1, 4))):
        array = draw(st.sampled_from(arrays))
        records = doc.get(array)
        if not isinstance(records, list) or not records:
            continue
        i = draw(st.integers(0, len(records) - 1))
        record = records[i]
        action = draw(st.sampled_from(["set", "delete", "add", "copy uid", "other uid",
                                       "duplicate", "drop array", "top"]))
        if action == "set" and isinstance(record, dict):
            record[draw(st.sampled_from(sorted(record)))] = draw(_values)
        elif action == "delete" and isinstance(record, dict):
            record.pop(draw(st.sampled_from(sorted(record))), None)
        elif action == "add" and isinstance(record, dict):
            record[draw(st.text(max_size=10))] = draw(_values)
        elif action == "copy uid" and isinstance(record, dict):
            # a reference (or the uid) taken from any other record of any kind
            other_array = draw(st.sampled_from(arrays))
            pool = doc.get(other_array)
            if not isinstance(pool, list) or not pool:
                continue
            other = draw(st.sampled_from(pool))
            fields = [f for f in sorted(record) if f.endswith("uid")]
            if fields and isinstance(other, dict) and "uid" in other:
                record[draw(st.sampled_from(fields))] = other["uid"]
        elif action == "other uid" and isinstance(record, dict):
            record["uid"] = f"00000000-0000-4000-8000-{draw(st.integers(0, 10**12)):012d}"
        elif action == "duplicate":
            records.append(copy.deepcopy(record))
        elif action == "drop array":
            doc.pop(array)
        else:
            doc[draw(st.sampled_from(["settings", "format", "version", "extra"]))] = draw(
                _values)
    return doc


@pytest.mark.parametrize("target", ["empty", "populated"])
@settings(max_examples=40, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture,
                                 HealthCheck.data_too_large])
@given(doc=mutations())
def test_a_mutated_export_imports_in_full_or_changes_nothing(doc, target, tmp_path):
    work = Path(tempfile.mkdtemp(dir=tmp_path))
    source = work / "mutated.json"
    source.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8",
                      errors="surrogatepass")
    db = work / "journal.sqlite3"
    with open_journal(db) as journal:
        if target == "populated":
            journal.create("person", name="Already Here")
    before, files = sha256(db), sorted(p.name for p in work.iterdir())
    try:
        document = read_document(source)
    except ImportRefused as refused:
        assert refused.problems and all(p.path.startswith("$") for p in refused.problems)
        assert sha256(db) == before
        return
    with open_journal(db) as journal:
        plan = plan_import(journal, document)
        try:
            run_import(journal, plan)
        except InvalidRecord:
            refused_late = True
        else:
            refused_late = False
    if refused_late:
        with open_journal(db, read_only=True) as journal:
            assert journal.count("person") == (1 if target == "populated" else 0)
        return
    with open_journal(db, read_only=True) as journal:
        for spec in kind_specs():
            expected = len({r["uid"] for r in document.get(spec.array, ())})
            extra = 1 if (target == "populated" and spec.kind == "person") else 0
            assert journal.count(spec.kind) == expected + extra, spec.array
    assert files  # the import went through: the document held nothing the journal refuses
