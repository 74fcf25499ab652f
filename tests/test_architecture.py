"""Rules about the project itself: layers, and README and CI agreeing."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_import_contracts_hold():
    lint = Path(sys.executable).with_name("lint-imports")
    command = [str(lint)] if lint.exists() else [shutil.which("lint-imports") or "lint-imports"]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def _fenced_commands(markdown: str) -> list[str]:
    blocks, inside, current = [], False, []
    for line in markdown.splitlines():
        if line.startswith("```"):
            if inside:
                blocks.append("\n".join(current).strip())
                current = []
            inside = not inside
        elif inside:
            current.append(line)
    return blocks


def test_ci_runs_exactly_the_readme_test_command():
    readme = (ROOT / "README.md").read_text()
    section = readme.split("## Install and run the tests", 1)[1]
    test_command = _fenced_commands(section)[0]
    ci_lines = [line.strip() for line in (ROOT / ".ci" / "run").read_text().splitlines()]
    assert test_command in ci_lines


@pytest.mark.parametrize("path", ["journal/store", "journal/domain"])
def test_no_qt_below_the_ui(path):
    for source in (ROOT / path).rglob("*.py"):
        text = source.read_text()
        assert "PySide6" not in text, source


def test_the_pdf_exporter_uses_qtgui_and_never_widgets():
    import ast

    tree = ast.parse((ROOT / "journal" / "export" / "pdf.py").read_text())
    qt = {node.module for node in ast.walk(tree)
          if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("PySide6")}
    qt |= {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import)
           for alias in node.names if alias.name.startswith("PySide6")}
    assert qt == {"PySide6.QtGui", "PySide6.QtCore"}, qt
    others = [p for p in (ROOT / "journal" / "export").rglob("*.py")
              if p.name != "pdf.py" and "PySide6" in p.read_text()]
    assert others == []


def test_ruff_is_clean():
    ruff = Path(sys.executable).with_name("ruff")
    command = [str(ruff)] if ruff.exists() else [shutil.which("ruff") or "ruff"]
    result = subprocess.run([*command, "check", "--output-format", "concise", "."], cwd=ROOT,
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


GENERIC_UI = {"kit", "widgets", "models", "pages"}  # pages/: the registry and the Page base


def test_every_feature_package_and_page_is_in_the_contracts():
    """A new feature package or page module is listed in the import contracts, so the generic
    UI parts can never import it and features stay independent of each other."""
    import tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]
    contracts = {c["name"]: c for c in config["contracts"]}
    generic = next(c for name, c in contracts.items() if name.startswith("Generic UI parts"))
    independent = next(c for name, c in contracts.items() if name.startswith("Feature packages"))
    separate_pages = next(c for name, c in contracts.items() if name.startswith("Pages are"))
    ui = ROOT / "journal" / "ui"
    features = {f"journal.ui.{d.name}" for d in ui.iterdir()
                if (d / "__init__.py").exists() and d.name not in GENERIC_UI}
    pages = {f"journal.ui.pages.{f.stem}" for f in (ui / "pages").glob("*.py")
             if f.stem not in ("__init__", "base")}
    assert features <= set(generic["forbidden_modules"])
    assert pages <= set(generic["forbidden_modules"])
    assert features == set(independent["modules"])
    assert pages == set(separate_pages["modules"])


ALLOWED_FROM_JOURNAL = {"Journal", "open_journal"}


def test_above_the_store_only_journal_and_open_journal_come_from_its_journal_module():
    """The rest of journal/store/journal.py is the Journal's inside (its mixins' helpers); the
    import contracts work by module, this keeps the names."""
    import ast

    for folder in ("ui", "ops", "cli", "export"):
        for source in (ROOT / "journal" / folder).rglob("*.py"):
            for node in ast.walk(ast.parse(source.read_text())):
                if isinstance(node, ast.ImportFrom) and node.module == "journal.store.journal":
                    names = {alias.name for alias in node.names}
                    assert names <= ALLOWED_FROM_JOURNAL, (source, names)
