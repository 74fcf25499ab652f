"""File names of exported prep notes and vault pages: safe on Linux, macOS and Windows whatever the
person is called, never spoofed by bidi controls, never overwriting another note unasked."""

from __future__ import annotations

import datetime as dt

import pytest

from journal.cli.main import main
from journal.export.files import prep_file_name, safe_name
from journal.store.journal import open_journal

DAY = dt.date(2026, 6, 15)


@pytest.mark.parametrize("name", ["😀" * 70, "محمد " * 60, "Ünïcödé " * 40, "家" * 200])
def test_a_long_name_fits_every_file_system(name):
    file = prep_file_name(name, DAY, "html")
    assert len(file.encode("utf-8")) <= 200  # room for the ".part" name written first
    assert file.endswith(f" {DAY.isoformat()}.html") and file.startswith("1-1 with ")
    assert len(f".{file}.123456.part".encode()) <= 255


def test_bidi_controls_cannot_disguise_the_extension():
    file = prep_file_name("evil\u202egnp.exe", DAY, "pdf")
    assert not any(ch in file for ch in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068"
                                        "\u2069\u200e\u200f\u061c")
    assert "evil" in file


@pytest.mark.parametrize("name", ["CON", "con", "Nul", "AUX", "PRN", "COM1", "lpt9", "CON.txt",
                                  "nul .md"])
def test_windows_device_names_are_never_a_bare_file_name(name):
    stem = safe_name(name)
    assert stem.split(".")[0].strip().upper() not in {
        "CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)),
        *(f"LPT{i}" for i in range(1, 10))}


def test_every_character_windows_refuses_is_gone():
    assert not set(safe_name('a/b\\c:d*e?f"g<h>i|j\x00\x1f.')) & set('/\\:*?"<>|\x00\x1f')
    assert not safe_name("trailing dot. ").endswith((".", " "))


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "j.sqlite3"
    with open_journal(path) as journal:
        for name in ("Twin Same", "😀" * 70, "12"):
            journal.create("person", name=name)
        for _ in range(10):
            journal.create("person", name="Filler")
    return path


def test_a_second_note_the_same_day_does_not_overwrite_the_first(db, tmp_path, capsys):
    out = tmp_path / "notes"
    out.mkdir()
    assert main(["--db", str(db), "prep", "Twin", "--format", "md", "-o", str(out)]) == 0
    first = next(out.iterdir())
    first.write_text("my edited copy", encoding="utf-8")
    assert main(["--db", str(db), "prep", "Twin", "--format", "md", "-o", str(out)]) == 0
    assert first.read_text(encoding="utf-8") == "my edited copy"
    assert len(list(out.iterdir())) == 2
    assert "(2)" in capsys.readouterr().out


def test_a_very_long_name_writes_a_pdf(db, tmp_path, capsys, qapp):
    assert main(["--db", str(db), "prep", "😀", "--format", "pdf", "-o", str(tmp_path)]) == 0
    assert [p for p in tmp_path.iterdir() if p.suffix == ".pdf"]


def test_a_number_that_is_both_an_id_and_a_name_is_ambiguous(db, capsys):
    assert main(["--db", str(db), "prep", "12"]) == 2
    err = capsys.readouterr().err
    assert "Filler" in err and "12" in err


def test_since_in_the_future_or_malformed(db, capsys):
    assert main(["--db", str(db), "prep", "Twin", "--since", "2999-01-01"]) == 2
    assert "future" in capsys.readouterr().err
    for bad in ("2024-02-30", "99999-01-01", "yesterday", ""):
        assert main(["--db", str(db), "prep", "Twin", "--since", bad]) == 2
        err = capsys.readouterr().err
        assert "Traceback" not in err and "--since" in err


@pytest.mark.parametrize("name", ["محمد الحربي", "Zoë Lefèvre-Ångström", "Đặng Thị Ngọc"])
def test_the_pdf_holds_arabic_and_accented_names(tmp_path, qapp, name):
    import shutil
    import subprocess
    import unicodedata

    if shutil.which("pdftotext") is None:
        pytest.skip("needs poppler-utils")
    db = tmp_path / "j.sqlite3"
    with open_journal(db) as journal:
        journal.create("person", name=name)
    target = tmp_path / "note.pdf"
    assert main(["--db", str(db), "prep", name, "--format", "pdf", "-o", str(target)]) == 0
    text = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert unicodedata.normalize("NFKC", name) in unicodedata.normalize("NFKC", text)


def test_an_export_never_replaces_a_device_or_a_pipe(tmp_path):
    import os

    from journal.export.files import write_atomically

    fifo = tmp_path / "out.json"
    os.mkfifo(fifo)
    with pytest.raises(OSError) as error:
        write_atomically(fifo, "{}")
    assert "not a regular file" in str(error.value)
    assert fifo.is_fifo() and not list(tmp_path.glob(".*.part"))


def test_an_export_through_a_symlink_writes_its_target_and_keeps_the_link(tmp_path):
    from journal.export.files import write_atomically

    real = tmp_path / "synced" / "journal.json"
    real.parent.mkdir()
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "journal.json"
    link.symlink_to(real)
    write_atomically(link, "new")
    assert link.is_symlink() and real.read_text(encoding="utf-8") == "new"


def test_the_cli_says_why_it_will_not_write_to_a_pipe(db, tmp_path, capsys):
    import os

    fifo = tmp_path / "out.json"
    os.mkfifo(fifo)
    assert main(["--db", str(db), "export", "--format", "json", "-o", str(fifo)]) == 1
    assert "not a regular file" in capsys.readouterr().err
    assert fifo.is_fifo()


def test_a_pdf_never_replaces_a_pipe(tmp_path, qapp):
    import os

    from journal.export.pdf import write_pdf

    fifo = tmp_path / "note.pdf"
    os.mkfifo(fifo)
    with pytest.raises(OSError):
        write_pdf("# Note", "Note", fifo)
    assert fifo.is_fifo()
