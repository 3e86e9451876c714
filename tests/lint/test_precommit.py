"""The pre-commit hook: declared correctly, and its command does what a hook run does."""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

import support

HOOKS = support.REPO / ".pre-commit-hooks.yaml"


def hook() -> dict[str, object]:
    hooks = yaml.safe_load(HOOKS.read_text("utf-8"))
    assert isinstance(hooks, list) and len(hooks) == 1
    return dict(hooks[0])


def test_the_hook_declares_what_pre_commit_needs() -> None:
    declared = hook()
    assert declared["id"] == "replykit-lint"
    assert declared["language"] == "python"  # pre-commit installs this package from the repository
    assert declared["pass_filenames"] is False  # the rules file decides which templates are linted
    assert str(declared["entry"]).split()[:2] == ["replykit", "lint"]


@pytest.mark.parametrize(
    ("changed", "runs"),
    [
        ("rules.yaml", True),
        ("config/rules.yml", True),
        ("templates/fr/complaint.public.j2", True),
        ("templates/en/praise.private.j2", True),
        ("README.md", False),
        ("src/app.py", False),
    ],
)
def test_the_hook_runs_when_rules_or_templates_change(changed: str, runs: bool) -> None:
    assert bool(re.search(str(hook()["files"]), changed)) is runs


def run_entry(cwd: Path) -> subprocess.CompletedProcess[str]:
    # What pre-commit runs: the entry, in the repository root, without file names.
    argv = shlex.split(str(hook()["entry"]))
    argv[0:1] = [sys.executable, "-m", "replykit"]
    return subprocess.run(argv, cwd=cwd, capture_output=True, text=True, timeout=120)


def new_project(tmp_path: Path) -> Path:
    project = tmp_path / "shop"
    done = support.run("init", str(project), "--brand", "Atelier Lune", "--phone", "01 23 45 67 89")
    assert done.returncode == 0, done.stderr
    return project


def test_the_hook_passes_on_a_clean_project_and_fails_on_a_broken_template(tmp_path: Path) -> None:
    project = new_project(tmp_path)
    clean = run_entry(project)
    assert clean.returncode == 0, clean.stdout + clean.stderr
    (project / "templates" / "en" / "other.private.j2").write_text("{% if author %}Hello\n", "utf-8")
    broken = run_entry(project)
    assert broken.returncode == 1
    assert "templates/en/other.private.j2:1:1: [error]" in broken.stdout
    assert "(template-syntax)" in broken.stdout


@pytest.mark.skipif(shutil.which("pre-commit") is None, reason="pre-commit is not installed")
def test_pre_commit_itself_runs_the_hook(tmp_path: Path) -> None:  # pragma: no cover - optional tool
    project = new_project(tmp_path)
    config = f"repos:\n  - repo: {support.REPO}\n    rev: HEAD\n    hooks:\n      - id: replykit-lint\n"
    (project / ".pre-commit-config.yaml").write_text(config, "utf-8")
    for args in (["init", "-q"], ["add", "-A"]):
        subprocess.run(["git", *args], cwd=project, check=True)
    result = subprocess.run(["pre-commit", "run", "--all-files"], cwd=project, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
