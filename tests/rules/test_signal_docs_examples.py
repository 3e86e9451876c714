"""The YAML examples of docs/rules.md for negation_side, except, overlap, weighted patterns, any_of and sum.

They are compiled together into one rules file and checked against what the page says they do.
"""

from __future__ import annotations

import re

import pytest

import support
from replykit.rules.load import compile_rules
from replykit.rules.model import Rules
from replykit.text.normalize import normalize, tokenize
from replykit.triage.walk import Facts

SECTION_START = "#### negation_side"
SECTION_END = "## tree"
NAMES = ("not_working", "damaged", "every_time", "fraud_words", "product_failure", "failure_score")


def documented_signals() -> str:
    doc = (support.REPO / "docs" / "rules.md").read_text("utf-8")
    section = doc[doc.index(SECTION_START) : doc.index(SECTION_END, doc.index(SECTION_START))]
    blocks = re.findall(r"```yaml\n(.*?)```", section, re.DOTALL)
    return "".join(block for block in blocks if block.startswith(tuple(f"  {name}:" for name in NAMES)))


def documented_rules() -> Rules:
    text = (
        f"version: 1\nsignals:\n{documented_signals()}"
        "tree:\n  - id: n\n    when: product_failure\n    then: hit\n    else: miss\n"
        "outcomes:\n  hit: {category: complaint, action: reply}\n  miss: {category: other, action: reply}\n"
    )
    return compile_rules(text, "rules.md")


def test_every_example_is_in_the_page() -> None:
    found = re.findall(r"^  (\w+):$", documented_signals(), re.MULTILINE)
    assert sorted(found) == sorted(NAMES)


@pytest.mark.parametrize(
    ("name", "text", "lang", "value", "fires"),
    [
        ("not_working", "ça marche pas", "fr", 1.0, True),
        ("not_working", "ça ne marche pas", "fr", 1.0, True),
        ("not_working", "ça marche vraiment pas", "fr", 1.0, True),
        ("not_working", "it works not", "en", 1.0, True),
        ("not_working", "ça marche très bien", "fr", 0.0, False),
        ("damaged", "Un casse-croûte délicieux", "fr", 0.0, False),
        ("damaged", "dumbbells", "en", 0.0, False),
        ("damaged", "écran cassé", "fr", 1.0, True),
        ("damaged", "dumb staff", "en", 1.0, True),
        ("damaged", "casse-croûte et vitre casse", "fr", 1.0, True),
        ("every_time", "À chaque fois pareil", "fr", 1.0, True),
        ("every_time", "chaque fois, à chaque fois", "fr", 2.0, True),
        ("fraud_words", "a scam", "en", 2.0, True),
        ("fraud_words", "fraud", "en", 1.0, False),
        ("fraud_words", "fraud, thieves", "en", 1.5, False),
        ("failure_score", "a scam", "en", 2.0, True),
        ("failure_score", "ça marche pas", "fr", 1.0, False),
        ("failure_score", "ça marche pas, écran cassé", "fr", 2.0, True),
        ("product_failure", "ça marche pas", "fr", 1.0, True),
    ],
)
def test_the_examples_do_what_the_page_says(name: str, text: str, lang: str, value: float, fires: bool) -> None:
    rules = documented_rules()
    norm = normalize(text)
    facts = Facts(rules, text, norm, tokenize(norm), lang, {}, rules.policy)
    assert facts.signal(name)[:2] == (value, fires)
