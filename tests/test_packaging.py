"""Briefcase settings live in briefcase.toml; the staging helper hands them to Briefcase."""

from __future__ import annotations

import importlib.machinery
import importlib.util
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _load_stager():
    # The script has no .py suffix, so name its loader explicitly.
    loader = importlib.machinery.SourceFileLoader("stager", str(ROOT / ".ci" / "briefcase"))
    spec = importlib.util.spec_from_loader("stager", loader)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_staged_pyproject_carries_briefcase_settings(tmp_path, monkeypatch):
    stager = _load_stager()
    monkeypatch.setattr(stager, "STAGE", tmp_path / "stage")
    where = stager.stage()
    staged = tomllib.loads((where / "pyproject.toml").read_text())
    settings = tomllib.loads((ROOT / "briefcase.toml").read_text())["tool"]["briefcase"]
    assert staged["tool"]["briefcase"] == settings
    assert staged["project"]["name"] == "leadership-journal"
    app = staged["tool"]["briefcase"]["app"]["journal"]
    assert app["sources"] == ["journal"]
    assert (where / "journal" / "__main__.py").exists()
    for size in (16, 32, 64, 128, 256, 512):
        assert (ROOT / f"{app['icon']}-{size}.png").exists()
