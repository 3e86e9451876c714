"""Weighted regexes in ``kind: pattern`` (docs/rules.md, pattern: Weights)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import support
from replykit.errors import RulesError
from replykit.rules.load import compile_rules
from replykit.rules.model import Rules
from replykit.text.normalize import normalize, tokenize
from replykit.triage.walk import Facts

TAIL = (
    "tree:\n  - id: n\n    when: fraud_words\n    then: hit\n    else: miss\n"
    "outcomes:\n  hit: {category: complaint, action: reply}\n  miss: {category: other, action: reply}\n"
)


def rules_with(patterns: str, more: str = "") -> Rules:
    text = f"version: 1\nsignals:\n  fraud_words:\n    kind: pattern\n    patterns:\n      en: {patterns}\n{more}{TAIL}"
    return compile_rules(text, "rules.yaml")


def signal(rules: Rules, text: str) -> tuple[float, bool, list[str]]:
    norm = normalize(text)
    return Facts(rules, text, norm, tokenize(norm), "en", {}, rules.policy).signal("fraud_words")


WEIGHTED = r"""[{'\bscam\b': 2}, '\bfraud\w*', {'\bthie(f|ves)\b': 0.5}]"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a scam", (2.0, True, ["scam"])),
        ("scam, scam, SCAM", (2.0, True, ["scam"])),  # one distinct text
        ("fraud", (1.0, False, [])),
        ("fraud, thieves", (1.5, False, [])),
        ("fraud and fraudsters", (2.0, True, ["fraud", "fraudsters"])),  # two distinct texts, weight 1 each
        ("thief! a scam", (2.5, True, ["scam", "thief"])),  # in the order of the regexes
        ("all good", (0.0, False, [])),
    ],
)
def test_value_is_the_sum_of_the_weights_of_the_distinct_matches(
    text: str, expected: tuple[float, bool, list[str]]
) -> None:
    assert signal(rules_with(WEIGHTED, "    min: 2\n"), text) == expected


def test_without_weights_the_value_is_the_number_of_distinct_matched_texts_as_before() -> None:
    plain = rules_with(r"""['\bscam\b', '\bfraud\w*', '\bthie(f|ves)\b']""")
    ones = rules_with(r"""[{'\bscam\b': 1}, '\bfraud\w*', {'\bthie(f|ves)\b': 1}]""")
    assert plain.signals["fraud_words"].pattern_weights == {} == ones.signals["fraud_words"].pattern_weights
    for text in ("a scam", "fraud and fraudsters", "thief! a scam, scam", "nothing"):
        assert signal(plain, text) == signal(ones, text)
    assert signal(plain, "thief! a scam, fraud")[0] == 3.0


def test_weights_follow_their_regex_across_languages() -> None:
    rules = rules_with(
        r"""[{'\bscam\b': 3}]""",
        "      any: [{'\\bescroc\\w*': 0.25}]\n",
    )
    assert signal(rules, "scam by escrocs")[0] == 3.25


@pytest.mark.parametrize(
    ("patterns", "message"),
    [
        (r"""[{'\bscam\b': 2, 'x': 1}]""", "6:12: a weighted pattern is a one-key mapping such as {'\\bscam\\b': 2}"),
        (r"""[{'\bscam\b': two}]""", "6:12: expected a number, got a string"),
        (r"""['ok', {'(scam': 2}]""", "6:18: invalid regular expression: missing ), unterminated subpattern"),
    ],
)
def test_weighted_pattern_problems_are_located(patterns: str, message: str) -> None:
    with pytest.raises(RulesError) as info:
        rules_with(patterns)
    [(where, text)] = info.value.problems
    assert f"{where.line}:{where.column}: {text}".startswith(message)


def test_lint_checks_weighted_regexes_for_backtracking(tmp_path: Path) -> None:
    folder = tmp_path / "case"
    shutil.copytree(support.TESTS / "cases" / "lint" / "regex-backtracking", folder)
    rules = folder / "rules.yaml"
    text = rules.read_text("utf-8")
    assert "any: ['\\?', '(\\w+\\s?)+\\?']" in text
    rules.write_text(text.replace("any: ['\\?', '(\\w+\\s?)+\\?']", "any: ['\\?', {'(\\w+\\s?)+\\?': 2}]"), "utf-8")
    proc = support.run("lint", "--format", "parsable", ".", cwd=folder)
    assert proc.stdout.startswith("rules.yaml:20:19: [error] signal 'asks': regex '(\\w+\\s?)+\\?' risks"), proc.stdout
    assert proc.returncode == 1
