"""`replykit lint` output formats, levels, configuration and exit codes."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

import support

CASES = support.TESTS / "cases" / "lint"
SYNTAX = CASES / "template-syntax"  # one error: templates/en/other.private.j2:2
CITATION = CASES / "method-citation"  # warnings only


def lint(*args: str, cwd: Path = SYNTAX, env: dict[str, str] | None = None) -> support.subprocess.CompletedProcess[str]:
    return support.run("lint", *args, cwd=cwd, env=env)


def copy_case(case: Path, tmp_path: Path) -> Path:
    target = tmp_path / case.name
    shutil.copytree(case, target)
    (target / "expected.txt").unlink()
    return target


def test_parsable() -> None:
    proc = lint("--format", "parsable", ".")
    assert proc.returncode == 1
    assert re.fullmatch(r"templates/en/other\.private\.j2:2:1: \[error\] .+ \(template-syntax\)\n", proc.stdout)


def test_json() -> None:
    proc = lint("--format", "json", ".")
    assert proc.returncode == 1
    data = json.loads(proc.stdout)
    assert data["schema"] == "replykit.lint/1"
    assert data["counts"] == {"error": 1, "warning": 0}
    (problem,) = data["problems"]
    assert set(problem) == {"path", "line", "column", "level", "message", "check"}
    assert (problem["path"], problem["line"], problem["level"], problem["check"]) == (
        "templates/en/other.private.j2", 2, "error", "template-syntax")  # fmt: skip


def test_github_annotations() -> None:
    proc = lint("--format", "github", ".")
    assert proc.returncode == 1
    assert proc.stdout.startswith("::error file=templates/en/other.private.j2,line=2,col=1,title=template-syntax::")


def test_text_groups_by_file_without_colour_when_asked() -> None:
    proc = lint("--format", "text", "--color", "never", ".")
    assert proc.returncode == 1
    lines = proc.stdout.splitlines()
    assert lines[0] == "templates/en/other.private.j2"
    assert "error" in lines[1] and "(template-syntax)" in proc.stdout.replace("\n", " ")
    assert lines[-1] == "1 error(s), 0 warning(s)"
    assert "\x1b" not in proc.stdout


def test_auto_is_github_under_github_actions_and_parsable_in_a_pipe() -> None:
    assert lint(".", env={"GITHUB_ACTIONS": "true"}).stdout.startswith("::error ")
    assert lint(".", env={"GITHUB_ACTIONS": ""}).stdout.startswith("templates/en/other.private.j2:2:1: [error]")


def test_warnings_pass_unless_strict() -> None:
    assert lint("--format", "parsable", ".", cwd=CITATION).returncode == 0
    assert lint("--format", "parsable", "--strict", ".", cwd=CITATION).returncode == 1


def test_clean_rules_exit_zero_with_no_output() -> None:
    proc = support.run("lint", "--format", "parsable", "--allow-example-profile", cwd=support.REPO, timeout=300)
    assert (proc.returncode, proc.stdout) == (0, "")


def test_a_missing_path_is_a_usage_error(tmp_path: Path) -> None:
    proc = lint("--format", "parsable", str(tmp_path / "nowhere"))
    assert proc.returncode == 2
    assert proc.stderr.startswith("replykit: error:") and "Traceback" not in proc.stderr


@pytest.mark.parametrize(
    ("setting", "code", "level"), [("off", 0, None), ("warning", 0, "warning"), ("error", 1, "error")]
)
def test_the_rules_file_sets_a_check_level(tmp_path: Path, setting: str, code: int, level: str | None) -> None:
    case = copy_case(SYNTAX, tmp_path)
    rules = case / "rules.yaml"
    rules.write_text(rules.read_text("utf-8") + f"lint:\n  checks:\n    template-syntax: {setting}\n", "utf-8")
    proc = lint("--format", "json", ".", cwd=case)
    assert proc.returncode == code, proc.stderr
    levels = [p["level"] for p in json.loads(proc.stdout)["problems"]]
    assert levels == ([level] if level else [])


def test_an_unknown_check_in_the_configuration_is_a_usage_error(tmp_path: Path) -> None:
    case = copy_case(SYNTAX, tmp_path)
    rules = case / "rules.yaml"
    rules.write_text(rules.read_text("utf-8") + "lint:\n  checks:\n    template-sintax: off\n", "utf-8")
    proc = lint("--format", "parsable", ".", cwd=case)
    assert proc.returncode == 2
    assert "template-sintax" in proc.stderr


def test_a_template_can_turn_a_check_off_for_itself(tmp_path: Path) -> None:
    case = copy_case(CASES / "reply-too-long", tmp_path)
    template = case / "templates" / "en" / "other.public.j2"
    template.write_text(template.read_text("utf-8") + "{# replykit: disable=reply-too-long #}\n", "utf-8")
    proc = lint("--format", "parsable", ".", cwd=case)
    assert (proc.returncode, proc.stdout) == (0, "")


def test_list_documents_every_check_with_examples() -> None:
    from replykit.lint.checks import REGISTRY

    proc = support.run("lint", "--list")
    assert proc.returncode == 0
    for check_id, module in REGISTRY.items():
        assert f"{check_id} [{module.LEVEL}]" in proc.stdout
    assert proc.stdout.count("Passing::") == len(REGISTRY) == proc.stdout.count("Failing::")
