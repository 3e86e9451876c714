"""The tone and method lint checks (issue 4): a failing and a passing fixture each.

The failing fixtures are tests/cases/lint/<check-id>/ (run with their exact
output by tests/lint/test_lint_checks.py); the passing ones are
tests/cases/lint_pass/<check-id>/, the same with the one template written the
right way. Both are built by tests/cases/lint/make_tone_cases.py.
"""

from __future__ import annotations

import pytest

import support
from replykit.lint.checks import REGISTRY

TONE_CHECKS = (
    "aggressive-wording",
    "defensive-wording",
    "sarcasm",
    "blaming-customer",
    "shouting",
    "double-exclamation",
    "no-private-channel",
    "no-empathy",
    "asks-personal-data",
    "promises-gesture",
    "moderation-argues",
)
FAILING = support.TESTS / "cases" / "lint"
PASSING = support.TESTS / "cases" / "lint_pass"


@pytest.mark.parametrize("check_id", TONE_CHECKS)
def test_failing_fixture_gives_its_exact_output(check_id: str) -> None:
    folder = FAILING / check_id
    expected = (folder / "expected.txt").read_text("utf-8")
    assert expected.strip() and all(line.endswith(f"({check_id})") for line in expected.splitlines())
    proc = support.run("lint", "--format", "parsable", ".", cwd=folder)
    assert (proc.stdout, proc.stderr) == (expected, "")
    assert proc.returncode == (1 if ": [error] " in expected else 0)


@pytest.mark.parametrize("check_id", TONE_CHECKS)
def test_passing_fixture_is_clean(check_id: str) -> None:
    proc = support.run("lint", "--format", "parsable", "--strict", ".", cwd=PASSING / check_id)
    assert (proc.stdout, proc.stderr, proc.returncode) == ("", "", 0)


@pytest.mark.parametrize("check_id", TONE_CHECKS)
def test_check_is_registered_at_the_end_and_documents_itself(check_id: str) -> None:
    ids = list(REGISTRY)
    assert ids.index(check_id) > ids.index("reply-too-long")
    module = REGISTRY[check_id]
    doc = module.__doc__ or ""
    assert "Passing::" in doc and "Failing::" in doc
    assert ("warning" if check_id in ("defensive-wording", "sarcasm") else "error") == module.LEVEL


def test_the_shipped_templates_pass_the_tone_checks() -> None:
    proc = support.run("lint", "--format", "parsable", cwd=support.REPO)
    assert not [line for line in proc.stdout.splitlines() if line.rsplit("(", 1)[-1].rstrip(")") in TONE_CHECKS]


def test_a_check_can_be_turned_off_in_the_rules(tmp_path: object) -> None:
    import shutil
    from pathlib import Path

    folder = Path(str(tmp_path)) / "case"
    shutil.copytree(FAILING / "promises-gesture", folder)
    (folder / "expected.txt").unlink()
    rules = folder / "rules.yaml"
    rules.write_text(rules.read_text("utf-8") + 'lint:\n  checks:\n    promises-gesture: "off"\n', "utf-8")
    proc = support.run("lint", "--format", "parsable", ".", cwd=folder)
    assert (proc.stdout, proc.returncode) == ("", 0)
