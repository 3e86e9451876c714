"""The ``lint:`` section of rules.yaml is checked by the schema, every problem at its line and column."""

from __future__ import annotations

from pathlib import Path

import pytest

import support
from replykit.errors import RulesError
from replykit.lint.tone import LISTS
from replykit.rules.lintconf import TONE_LISTS
from replykit.rules.load import compile_rules

BASE = (support.MINIMAL / "rules.yaml").read_text("utf-8")


def problems(lint_section: str) -> list[tuple[int, int, str]]:
    text = BASE + lint_section
    with pytest.raises(RulesError) as info:
        compile_rules(text, "rules.yaml")
    return [(where.line, where.column, message) for where, message in info.value.problems]


def line_of(text: str) -> int:
    return len(BASE.splitlines()) + next(i for i, line in enumerate(text.splitlines(), 1) if "<-" in line)


def test_a_bad_level_is_located() -> None:
    section = "lint:\n  checks:\n    sarcasm: loud  # <-\n"
    assert problems(section) == [(line_of(section), 5, "unknown value 'loud': expected one of: error, warning, off")]


def test_an_unknown_tone_list_is_located_with_a_suggestion() -> None:
    section = "lint:\n  tone:\n    agressive:  # <-\n      terms: {en: [idiot]}\n"
    [(line, column, message)] = problems(section)
    assert (line, column) == (line_of(section), 5)
    assert message.startswith("unknown key 'agressive': did you mean 'aggressive'?")


@pytest.mark.parametrize(
    ("section", "column", "message"),
    [
        (
            "lint:\n  tone:\n    sarcasm:\n      terms: {en: yes}  # <-\n",
            15,
            "expected a list, got a boolean",
        ),
        ("lint:\n  tone:\n    gesture:\n      patterns: {fr: ['(']}  # <-\n", 23, "invalid regular expression"),
        ("lint:\n  tone:\n    rewordings:\n      en: {calm down: 3}  # <-\n", 12, "expected a string, got a number"),
        ("lint:\n  tone:\n    empathy:\n      words: {en: [sorry]}  # <-\n", 7, "unknown key 'words'"),
        ("lint:\n  checkz: {}  # <-\n", 3, "did you mean 'checks'?"),
    ],
)
def test_tone_and_checks_problems_are_located(section: str, column: int, message: str) -> None:
    [(line, col, text)] = problems(section)
    assert (line, col) == (line_of(section), column)
    assert message in text


def test_the_message_names_file_line_column_and_key_path() -> None:
    with pytest.raises(RulesError) as info:
        compile_rules(BASE + "lint:\n  checks:\n    sarcasm: loud\n", "rules.yaml")
    line = len(BASE.splitlines()) + 3
    assert f"rules.yaml:{line}:5: lint.checks.sarcasm: unknown value 'loud'" in str(info.value)


def test_valid_sections_load() -> None:
    section = (
        "lint:\n  checks: {sarcasm: off, shouting: {level: warning}}\n"
        "  tone:\n    aggressive: {terms: {en: [idiot*]}, patterns: {any: ['\\bgrr+\\b']}}\n"
        "    rewordings: {fr: {calmez vous: je comprends}}\n"
    )
    assert compile_rules(BASE + section).lint["checks"]["sarcasm"] is False


def test_the_schema_knows_every_tone_list_of_lint() -> None:
    assert set(TONE_LISTS) == set(LISTS)


def test_an_unknown_check_id_is_located_by_lint(tmp_path: Path) -> None:
    (tmp_path / "rules.yaml").write_text(BASE + "lint:\n  checks:\n    sarcasme: off\n", "utf-8")
    proc = support.run("lint", "--rules", "rules.yaml", cwd=tmp_path)
    line = len(BASE.splitlines()) + 3
    assert proc.returncode != 0
    assert f"rules.yaml:{line}:5: lint.checks.sarcasme: unknown check: did you mean 'sarcasm'?" in proc.stderr
