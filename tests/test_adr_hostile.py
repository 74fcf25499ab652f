"""Hostile folders and titles: links that loop, files that are folders, devices and pipes,
unreadable and huge files, binary junk, front matter of the wrong types, supersession cycles;
titles and stored names that would write outside the chosen folder; other people's files in the
folder an export writes into."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from journal.cli.main import main
from journal.domain.kinds import DECISION_RECORD
from journal.export.adr.folder import (
    AdrFolderError,
    apply_import,
    export_folder,
    plan_import,
)
from journal.export.adr.reading import parse
from journal.store.journal import open_journal

ROOT = Path(__file__).resolve().parent.parent
GOOD = "# {n}. Record {n}\n\nDate: 2020-01-0{n}\n\n## Status\n\nAccepted\n\n## Context\n\nC{n}.\n"


request_cleanup: list[Path] = []


@pytest.fixture(autouse=True)
def _cleanup():
    yield
    while request_cleanup:
        shutil.rmtree(request_cleanup.pop(), ignore_errors=True)


@pytest.fixture
def journal(tmp_path):
    with open_journal(tmp_path / "j.sqlite3") as j:
        yield j


def _folder(tmp_path, **files: str | bytes) -> Path:
    folder = tmp_path / "adr"
    folder.mkdir(exist_ok=True)
    for name, text in files.items():
        path = folder / name.replace("__", ".")
        path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return folder


def test_links_that_loop_or_lead_nowhere_folders_and_pipes_are_named_and_skipped(journal,
                                                                                 tmp_path):
    folder = _folder(tmp_path)
    (folder / "0001-good.md").write_text(GOOD.format(n=1))
    (folder / "0002-loop.md").symlink_to(folder / "0002-loop.md")
    (folder / "0003-dangling.md").symlink_to(folder / "nowhere.md")
    (folder / "0004-folder.md").mkdir()
    os.mkfifo(folder / "0005-pipe.md")
    (folder / "sub").symlink_to(folder)  # a folder link back to itself
    (folder / "0006-zero.md").symlink_to("/dev/zero")
    started = time.monotonic()
    plan = plan_import(journal, folder)
    assert time.monotonic() - started < 5
    assert [p.file_name for p in plan.records] == ["0001-good.md"]
    assert sorted(name for name, _ in plan.broken) == [
        "0002-loop.md", "0003-dangling.md", "0004-folder.md", "0005-pipe.md", "0006-zero.md"]
    apply_import(journal, plan)
    assert journal.count(DECISION_RECORD) == 1


def test_a_huge_file_and_binary_junk_are_refused_quickly(journal, tmp_path):
    folder = _folder(tmp_path, **{"0001-good.md": GOOD.format(n=1),
                                  "0002-junk.md": bytes(range(256)) * 64,
                                  "0003-empty.md": b"",
                                  "0004-png.md": b"\x89PNG\r\n\x1a\n" + os.urandom(4000)})
    with open(folder / "0005-huge.md", "wb") as big:
        big.write(b"# 5. Huge\n\n## Status\n\nAccepted\n\n## Context\n\n")
        big.write(b"lorem ipsum " * (50 * 1024 * 1024 // 12))
    started = time.monotonic()
    plan = plan_import(journal, folder)
    assert time.monotonic() - started < 5
    assert [p.file_name for p in plan.records] == ["0001-good.md"]
    reasons = dict(plan.broken)
    assert set(reasons) == {"0002-junk.md", "0003-empty.md", "0004-png.md", "0005-huge.md"}
    assert "too large" in reasons["0005-huge.md"]


@pytest.mark.skipif(os.geteuid() != 0 or not shutil.which("setpriv"),
                    reason="needs root to run the CLI as nobody")
def test_an_unreadable_file_is_named_and_the_rest_imported_by_another_user(tmp_path):
    base = Path(tempfile.mkdtemp(prefix="adr-nobody-"))  # pytest's own folder is root's alone
    request_cleanup.append(base)
    folder = base / "adr"
    folder.mkdir()
    (folder / "0001-good.md").write_text(GOOD.format(n=1))
    (folder / "0002-secret.md").write_text(GOOD.format(n=2))
    (folder / "0002-secret.md").chmod(0o000)
    for path in (base, folder):
        path.chmod(0o777)
    (folder / "0001-good.md").chmod(0o644)
    db = base / "j.sqlite3"
    run = subprocess.run(
        ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", sys.executable, "-m",
         "journal", "--db", str(db), "adr", "import", str(folder)],
        cwd=ROOT, capture_output=True, text=True, timeout=60, check=False)
    assert run.returncode == 0, run.stderr
    assert "0002-secret.md" in run.stderr and "Permission denied" in run.stderr
    assert "Traceback" not in run.stderr
    # and a folder that cannot be listed is one line
    folder.chmod(0o000)
    run = subprocess.run(
        ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", sys.executable, "-m",
         "journal", "--db", str(db), "adr", "import", str(folder)],
        cwd=ROOT, capture_output=True, text=True, timeout=60, check=False)
    folder.chmod(0o777)
    assert run.returncode in (1, 2) and run.stderr.count("\n") == 1, run.stderr
    assert "Traceback" not in run.stderr


@pytest.mark.parametrize(("front", "check"), [
    ("status: [accepted, proposed]\ndate: 2017", lambda d: d.date is None),
    ("status: 42\ndate: 2017-02-20", lambda d: d.date.isoformat() == "2017-02-20"),
    ("status: accepted\ndate: 20 February 2017", lambda d: d.date.isoformat() == "2017-02-20"),
    ("status: accepted\ndecision-makers: {a: 1}\nconsulted: [1, null, {b: 2}]",
     lambda d: d.status == "accepted"),
    ("status:\n  nested: yes", lambda d: d.status == "proposed"),
    ("status: superseded by ADR-0123", lambda d: d.superseded_by == "ADR-0123"),
    ("status: '{proposed | rejected | accepted | deprecated | … | superseded by ADR-0123}'",
     lambda d: d.status == "proposed"),
])
def test_front_matter_of_every_type_is_read_or_refused_cleanly(front, check):
    doc = parse(f"---\n{front}\n---\n# T\n\n## Context and Problem Statement\n\nX\n", "0001-t.md")
    assert check(doc)


@pytest.mark.parametrize("front", ["date: 2017-02-30", "a: [unclosed", "- a list\n- of things",
                                   "!!python/object:os.system ls", "&a [*a]"])
def test_front_matter_that_is_broken_is_a_reason_not_a_crash(front):
    from journal.export.adr.format import NotAnAdr

    with pytest.raises(NotAnAdr):
        parse(f"---\n{front}\n---\n# T\n\n## Context\n\nX\n", "0001-t.md")


def test_supersession_cycles_and_duplicate_numbers_import(journal, tmp_path):
    folder = _folder(tmp_path, **{
        "0001-a.md": "# 1. A\n\n## Status\n\nSuperceded by [2. B](0002-b.md)\n",
        "0002-b.md": "# 2. B\n\n## Status\n\nSuperceded by [1. A](0001-a.md)\n",
        "0002-b-again.md": "# 2. B again\n\n## Status\n\nAccepted\n\n"
                           "Supercedes [1. A](0001-a.md)\n",
        "0003-self.md": "# 3. Self\n\n## Status\n\nSuperceded by [3. Self](0003-self.md)\n"})
    plan = plan_import(journal, folder)
    assert not plan.broken and len(plan.to_create) == 4
    apply_import(journal, plan)
    records = {r.imported_from: r for r in journal.records(DECISION_RECORD)}
    a, b = records["0001-a.md"], records["0002-b.md"]
    assert a.superseded_by_id == b.id and b.superseded_by_id is None  # the cycle is cut
    assert {records["0002-b.md"].adr_number, records["0002-b-again.md"].adr_number} == {2, 4}
    assert records["0003-self.md"].superseded_by_id is None
    export_folder(journal, tmp_path / "out")
    assert plan_import(journal, folder).to_create == []


HOSTILE_TITLES = ["../../escaped", "/etc/passwd", "..", ".", "a\x00b", "x" * 5000,
                  "🚀🔥 launch", "قرار استخدام WAL", "\u202eevil\u202c.exe", "CON", "nul",
                  "aux.txt", "COM1", " ", "\\\\server\\share", "C:\\Windows", "~", "$HOME",
                  "%s%n", "a/../../b", "\n\r\t"]


@pytest.mark.parametrize("style", ["adr-tools", "madr"])
def test_hostile_titles_and_stored_names_never_write_outside_the_folder(journal, tmp_path,
                                                                        style):
    for title in HOSTILE_TITLES:
        journal.create(DECISION_RECORD, None, title=title.replace("\x00", ""))
    for source in ["../../evil.md", "/tmp/evil.md", "..\\evil.md", "sub/0099-x.md",
                   ".hidden.md", "0100-x.md\x00.txt".replace("\x00", ""), "CON:.md"]:
        journal.create(DECISION_RECORD, None, title="Imported", imported_from=source)
    outer = tmp_path / "outer"
    folder = outer / "inner" / "adr"
    before = {p for p in tmp_path.rglob("*")}
    result = export_folder(journal, folder, style)
    after = {p for p in tmp_path.rglob("*")} - before
    written = [p for p in after if p.is_file()]
    assert written and all(p.parent == folder for p in written)
    assert not list((tmp_path).glob("evil*")) and not Path("/tmp/evil.md").exists()
    assert len(result.written) == len(HOSTILE_TITLES) + 7
    assert all(len(p.name.encode()) <= 255 for p in written)
    for path in folder.glob("*.md"):
        assert "\u202e" not in path.name and "/" not in path.name


def test_export_never_deletes_or_overwrites_files_it_did_not_write(journal, tmp_path):
    folder = tmp_path / "docs" / "adr"
    folder.mkdir(parents=True)
    theirs = {"0001-use-wal-mode.md": "# 1. Theirs\n\nsame name as ours\n",
              "0001-something-else.md": "# 1. Something else\n",
              "0002-their-record.md": "# 2. Their record\n", "notes.md": "notes",
              "README.md": "readme"}
    for name, text in theirs.items():
        (folder / name).write_text(text)
    record = journal.create(DECISION_RECORD, None, title="Use WAL mode")
    result = export_folder(journal, folder)
    assert result.written == [] and [n for n, _ in result.kept] == ["0001-use-wal-mode.md"]
    journal.update(DECISION_RECORD, record.id, title="Use WAL mode always")
    result = export_folder(journal, folder)
    assert result.written == ["0001-use-wal-mode-always.md"] and result.removed == []
    journal.update(DECISION_RECORD, record.id, title="Use WAL mode forever")
    result = export_folder(journal, folder)  # its own old file goes; theirs stay
    assert result.removed == ["0001-use-wal-mode-always.md"]
    for name, text in theirs.items():
        assert (folder / name).read_text() == text
    (folder / "0001-use-wal-mode-forever.md").write_text("edited by a colleague\n")
    journal.update(DECISION_RECORD, record.id, title="Use WAL")
    result = export_folder(journal, folder)  # an edited file of ours is not removed either
    assert (folder / "0001-use-wal-mode-forever.md").read_text() == "edited by a colleague\n"
    assert "0001-use-wal-mode-forever.md" in [n for n, _ in result.kept]


def test_export_replaces_a_link_in_its_way_never_what_it_points_at(journal, tmp_path):
    folder = tmp_path / "adr"
    folder.mkdir()
    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    (folder / "0001-use-wal-mode.md").symlink_to(victim)
    journal.create(DECISION_RECORD, None, title="Use WAL mode")
    result = export_folder(journal, folder)
    assert victim.read_text() == "precious"
    assert [n for n, _ in result.kept] == ["0001-use-wal-mode.md"]


def test_a_hostile_manifest_cannot_make_the_export_delete_anything(journal, tmp_path):
    folder = tmp_path / "adr"
    folder.mkdir()
    (tmp_path / "precious.md").write_text("x")
    (folder / "0001-other.md").write_text("theirs")
    (folder / ".leadership-journal-adr.json").write_text(
        '{"files": {"../precious.md": "x", "0001-other.md": "0000", "/etc/passwd": "y"}}')
    journal.create(DECISION_RECORD, None, title="Mine")
    export_folder(journal, folder)
    assert (tmp_path / "precious.md").exists() and (folder / "0001-other.md").exists()


def test_cli_refuses_a_file_for_a_folder_in_one_line(tmp_path, capsys):
    db = tmp_path / "j.sqlite3"
    assert main(["--db", str(db), "demo"]) == 0
    capsys.readouterr()
    a_file = tmp_path / "plain.txt"
    a_file.write_text("x")
    assert main(["--db", str(db), "adr", "import", str(a_file)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "not a folder" in err
    code = main(["--db", str(db), "adr", "export", str(a_file)])
    err = capsys.readouterr().err
    assert code in (1, 2) and "Traceback" not in err and a_file.read_text() == "x"


def test_cli_reports_the_files_an_export_left_alone(tmp_path, capsys):
    db = tmp_path / "j.sqlite3"
    assert main(["--db", str(db), "demo"]) == 0
    folder = tmp_path / "adr"
    folder.mkdir()
    (folder / "0001-run-our-own-stratum-1-time-servers.md").write_text("someone else's\n")
    capsys.readouterr()
    assert main(["--db", str(db), "adr", "export", str(folder)]) == 0
    captured = capsys.readouterr()
    assert "0001-run-our-own-stratum-1-time-servers.md" in captured.err
    assert (folder / "0001-run-our-own-stratum-1-time-servers.md").read_text() == \
        "someone else's\n"


def test_a_broken_file_never_leaves_half_a_record(journal, tmp_path):
    folder = _folder(tmp_path, **{"0001-good.md": GOOD.format(n=1),
                                  "0002-bad.md": "---\nstatus: [\n---\n# Bad\n",
                                  "0003-good.md": GOOD.format(n=3)})
    plan = plan_import(journal, folder)
    assert [n for n, _ in plan.broken] == ["0002-bad.md"]
    apply_import(journal, plan)
    assert sorted(r.title for r in journal.records(DECISION_RECORD)) == ["Record 1", "Record 3"]
    again = plan_import(journal, folder)
    assert again.to_create == [] and [n for n, _ in again.broken] == ["0002-bad.md"]


def test_a_folder_path_that_loops_is_one_sentence(journal, tmp_path):
    loop = tmp_path / "loop"
    loop.symlink_to(loop)
    with pytest.raises(AdrFolderError):
        plan_import(journal, loop)
    with pytest.raises((AdrFolderError, OSError)):
        export_folder(journal, loop)
