"""The lint checks on rules and templates: one broken fixture per check, and a clean shipped set.

Each folder in tests/cases/lint/ is named after a check and holds a copy of
the minimal fixture with one thing broken (built by make_cases.py) and the
exact ``replykit lint --format parsable`` output in ``expected.txt``.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import support
from replykit.lint.checks import REGISTRY

LINT_CASES = support.TESTS / "cases" / "lint"
CASES = sorted(p.name for p in LINT_CASES.iterdir() if p.is_dir())
# The checks this suite proves with a broken fixture (others have their own suites).
COVERED = (
    "rules-invalid",
    "template-syntax",
    "template-include",
    "reply-too-long",
    "missing-template",
    "example-misrouted",
    "regex-backtracking",
    "template-twin",
    "template-undefined",
    "method-citation",
    "example-profile",
)


@pytest.mark.parametrize("case", CASES)
def test_broken_fixture_gives_the_expected_output(case: str) -> None:
    folder = LINT_CASES / case
    expected = (folder / "expected.txt").read_text("utf-8")
    proc = support.run("lint", "--format", "parsable", ".", cwd=folder)
    assert proc.stdout == expected, proc.stderr
    assert proc.stderr == ""
    assert proc.returncode == (1 if ": [error] " in expected else 0)


@pytest.mark.parametrize("case", COVERED)
def test_broken_fixture_fires_its_own_check_only(case: str) -> None:
    lines = (LINT_CASES / case / "expected.txt").read_text("utf-8").splitlines()
    assert lines, f"{case}: expected.txt is empty: the fixture proves nothing"
    assert {re.sub(r".*\(([\w-]+)\)$", r"\1", line) for line in lines} == {case}


@pytest.mark.parametrize("check_id", COVERED)
def test_every_check_has_a_broken_fixture(check_id: str) -> None:
    assert check_id in REGISTRY
    assert (LINT_CASES / check_id / "expected.txt").is_file()


def test_warnings_fail_with_strict() -> None:
    proc = support.run("lint", "--format", "parsable", "--strict", ".", cwd=LINT_CASES / "method-citation")
    assert proc.returncode == 1
    assert "[warning]" in proc.stdout


def test_the_shipped_rules_and_templates_lint_clean() -> None:
    # the shipped rules.yaml holds the example business on purpose (docs/setup.md): only that check is allowed
    proc = support.run("lint", "--format", "parsable", "--allow-example-profile", cwd=support.REPO, timeout=300)
    assert (proc.stdout, proc.stderr, proc.returncode) == ("", "", 0)


@pytest.mark.parametrize("check_id", COVERED)
def test_check_documents_itself(check_id: str) -> None:
    module = REGISTRY[check_id]
    doc = module.__doc__ or ""
    assert "Passing::" in doc and "Failing::" in doc
    assert re.fullmatch(r"[a-z]+(-[a-z]+)*", module.ID)
    assert module.LEVEL in ("error", "warning")


def test_registry_lists_rules_checks_then_templates_then_replies() -> None:
    ids = list(REGISTRY)
    assert ids.index("rules-invalid") < ids.index("missing-template") < ids.index("template-syntax")
    assert ids.index("regex-backtracking") < ids.index("template-syntax") < ids.index("method-citation")
    assert ids.index("method-citation") < ids.index("reply-too-long")


@pytest.mark.parametrize(
    "pattern",
    ["(a+)+", r"(\w*)*", "(.*)*", "(a|aa)+", "(x+x+)+", r"(\w+\s?)+$", "(a.|ab)+", r"(\d+|\w+)+x", "(a?)+"],
)
def test_catastrophic_patterns_are_flagged(pattern: str) -> None:
    from replykit.lint.checks.regex_backtracking import problem

    assert "catastrophic backtracking" in (problem(pattern) or ""), pattern


@pytest.mark.parametrize(
    "pattern",
    [
        "(cat|dog)+",
        r"^\s*(?:@\w+\s+)*(?=how\b)\w+",
        "(a+b)+",
        "(ab?)+",
        r"\**",
        r"(?:\w+\s+){0,2}",
        r"(\d+\.)+\d+",
        r"(?:\s*,\s*\w+)+",
        "(a|ab)+",
    ],
)
def test_safe_patterns_are_not_flagged(pattern: str) -> None:
    from replykit.lint.checks.regex_backtracking import problem

    assert problem(pattern) is None, pattern


def test_a_pattern_that_cannot_compile_is_reported() -> None:
    from replykit.lint.checks.regex_backtracking import problem

    assert (problem("(a") or "").startswith("regex cannot compile:")


def test_examples_behind_a_policy_node_are_routed_with_the_policy_that_leads_there(minimal_rules: Path) -> None:
    from replykit.lint.checks.example_misrouted import with_policy_for
    from replykit.rules.load import load_rules

    rules = load_rules(support.with_policy_node(minimal_rules), use_cache=False)
    assert with_policy_for(rules, "quiet").policy["reply_to_general"] is False
    assert with_policy_for(rules, "other").policy["reply_to_general"] is True
    assert with_policy_for(rules, "complaint") is rules


def test_example_behind_a_policy_node_lints_clean(minimal_rules: Path) -> None:
    path = support.with_policy_node(minimal_rules)
    text = path.read_text("utf-8").replace(
        "    action: monitor\n", '    action: monitor\n    examples: {en: ["Nice"]}\n'
    )
    path.write_text(text, "utf-8")
    proc = support.run("lint", "--format", "parsable", str(path))
    assert "example-misrouted" not in proc.stdout, proc.stdout
