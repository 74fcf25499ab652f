"""The README's recipes work with what is installed (issue 10, #19)."""

from __future__ import annotations

import importlib.util
import os
import re
import shlex
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from journal.store.journal import open_journal

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text()


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX shell and modes")
def test_the_backup_recipe_makes_a_private_consistent_copy(tmp_path, journal):
    journal.create("person", name="Ana")  # the journal stays open, as with the app running
    [recipe] = re.findall(r"^python3 -c .*$", README, flags=re.MULTILINE)
    args = shlex.split(recipe)
    assert args[-2].endswith("journal.sqlite3") and args[-1].startswith("journal-")
    copy = tmp_path / "backup.sqlite3"
    old = os.umask(0o022)
    try:
        subprocess.run([sys.executable, *args[1:3], str(journal.path), str(copy)], check=True,
                       timeout=60)
    finally:
        os.umask(old)
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600
    with open_journal(copy, read_only=True) as again:
        assert [p.name for p in again.list("person")] == ["Ana"]


def test_the_readme_names_the_files_beside_the_journal():
    for name in ("journal.sqlite3.lock", "journal.sqlite3-wal", "journal.sqlite3-shm"):
        assert name in README


def test_the_briefcase_command_uses_python3_and_installs_briefcase():
    assert "python .ci/briefcase" not in README.replace(".venv/bin/python .ci/briefcase", "")
    assert ".venv/bin/pip install briefcase && .venv/bin/python .ci/briefcase dev" in README


@pytest.mark.skipif(importlib.util.find_spec("briefcase") is not None,
                    reason="Briefcase is installed here")
def test_the_briefcase_script_says_how_to_install_briefcase():
    done = subprocess.run([sys.executable, str(ROOT / ".ci" / "briefcase"), "--version"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1 and "pip install briefcase" in done.stderr
