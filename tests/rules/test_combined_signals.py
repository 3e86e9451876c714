"""``kind: any_of`` and ``kind: sum``: a signal defined once from other signals (docs/rules.md, any_of and sum)."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from replykit.errors import RulesError
from replykit.rules.load import compile_rules, load_rules
from replykit.rules.model import Rules
from replykit.text.normalize import normalize, tokenize
from replykit.triage.walk import Facts, triage

MEMBERS = """\
not_working:
  kind: lexicon
  negation: require
  negation_side: both
  window: 2
  terms:
    en: [works]
    fr: [marche]
damaged:
  kind: lexicon
  min: 2
  terms:
    en: [broken, cracked]
    fr: [casse, fissure]
fraud_words:
  kind: pattern
  patterns:
    en: [{'\\bscam\\b': 2}, '\\bfraud\\w*']
"""

TREE = """\
tree:
  - id: is_failure
    when: product_failure
    then: failure
    else: is_scored
  - id: is_scored
    when: failure_score
    then: failure
    else: other
outcomes:
  failure: {category: complaint, action: reply}
  other: {category: other, action: reply}
"""

COMBINED = """\
product_failure:
  kind: any_of
  signals: [not_working, damaged, fraud_words]
failure_score:
  kind: sum
  signals: [not_working, damaged, fraud_words]
  min: 2
"""


def rules_file(signals: str, tree: str = TREE, top: str = "") -> str:
    return f"version: 1\n{top}signals:\n{textwrap.indent(signals, '  ')}{tree}"


def rules_with(signals: str, tree: str = TREE) -> Rules:
    return compile_rules(rules_file(signals, tree), "rules.yaml")


def signal(rules: Rules, name: str, text: str, lang: str) -> tuple[float, bool, list[str]]:
    norm = normalize(text)
    facts = Facts(rules, text, norm, tokenize(norm), lang, {}, rules.policy)
    found, fired, _ = facts.signal(name)
    return found, fired, facts.evidence(name)


def problems(text: str, filename: str = "rules.yaml") -> list[str]:
    with pytest.raises(RulesError) as info:
        compile_rules(text, filename)
    return [f"{Path(where.file).name}:{where.line}:{where.column}: {message}" for where, message in info.value.problems]


@pytest.mark.parametrize(
    ("text", "lang", "any_of", "total"),
    [
        ("ça marche pas", "fr", 1.0, 1.0),
        ("ça marche pas, écran cassé", "fr", 1.0, 2.0),  # damaged alone (1) is below its min of 2: it still adds 1
        ("écran cassé et fissuré", "fr", 1.0, 2.0),
        ("a scam", "en", 1.0, 2.0),
        ("a fraud, cracked", "en", 1.0, 2.0),  # damaged does not fire, so any_of needs fraud_words
        ("cracked", "en", 0.0, 1.0),
        ("all good", "en", 0.0, 0.0),
    ],
)
def test_any_of_and_sum_values(text: str, lang: str, any_of: float, total: float) -> None:
    rules = rules_with(MEMBERS + COMBINED)
    assert signal(rules, "product_failure", text, lang)[:2] == (any_of, any_of > 0)
    assert signal(rules, "failure_score", text, lang)[:2] == (total, total >= 2)


def test_evidence_is_the_evidence_of_the_members_that_fired() -> None:
    rules = rules_with(MEMBERS + COMBINED)
    words = signal(rules, "product_failure", "ça marche pas, cassé et fissuré", "fr")[2]
    assert words == ["marche", "cassé", "fissuré"]
    assert signal(rules, "failure_score", "scam, fraud, cracked", "en")[2] == ["scam", "fraud"]
    result = triage(rules, "It's a scam", lang="en")
    assert result.outcome.id == "failure"
    assert result.path[0].matched == {"product_failure": ["scam"]}


def test_sum_min_and_max_apply_to_the_sum() -> None:
    rules = rules_with(
        MEMBERS + COMBINED + "a_little:\n  kind: sum\n  signals: [damaged, fraud_words]\n  min: 1\n  max: 2\n"
    )
    assert signal(rules, "a_little", "cracked", "en")[:2] == (1.0, True)
    assert signal(rules, "a_little", "a scam", "en")[:2] == (2.0, True)
    assert signal(rules, "a_little", "a scam, broken and cracked", "en")[:2] == (4.0, False)


def test_members_may_be_combined_signals_and_of_any_kind() -> None:
    rules = rules_with(
        MEMBERS
        + COMBINED
        + "shouting:\n  kind: stat\n  measure: exclamations\n  min: 3\n"
        + "heat:\n  kind: sum\n  signals: [failure_score, product_failure, shouting]\n  min: 4\n"
    )
    assert signal(rules, "heat", "a scam!!!", "en")[:2] == (6.0, True)  # 2 + 1 + 3
    assert signal(rules, "heat", "a scam", "en")[:2] == (3.0, False)


def test_members_may_come_from_included_files_both_ways(tmp_path: Path) -> None:
    (tmp_path / "members.yaml").write_text("signals:\n" + textwrap.indent(MEMBERS, "  "), "utf-8")
    (tmp_path / "combined.yaml").write_text(
        "signals:\n  failure_score:\n    kind: sum\n    signals: [not_working, damaged, local]\n    min: 2\n", "utf-8"
    )
    local = "local:\n  kind: lexicon\n  terms:\n    en: [refund]\n"
    product_failure = "product_failure:\n  kind: any_of\n  signals: [not_working, damaged, fraud_words]\n"
    text = rules_file(local + product_failure, top="include: [members.yaml, combined.yaml]\n")
    (tmp_path / "rules.yaml").write_text(text, "utf-8")
    rules = load_rules(tmp_path / "rules.yaml", use_cache=False)
    assert signal(rules, "product_failure", "a scam", "en")[:2] == (1.0, True)
    assert signal(rules, "failure_score", "it works not, refund", "en")[:2] == (2.0, True)


def test_unknown_members_self_and_duplicates_are_located() -> None:
    signals = MEMBERS + textwrap.dedent(
        """\
        product_failure:
          kind: any_of
          signals: [not_working, damagd, product_failure, not_working]
        failure_score:
          kind: sum
          signals: []
        empty:
          kind: sum
          min: 2
        """
    )
    assert problems(rules_file(signals)) == [
        "rules.yaml:23:28: unknown signal 'damagd': did you mean 'damaged'? expected one of: not_working, "
        "damaged, fraud_words, product_failure, failure_score, empty",
        "rules.yaml:23:36: signal 'product_failure' cannot be a member of itself",
        "rules.yaml:23:53: signal 'not_working' is listed twice",
        "rules.yaml:26:5: 'signals' needs at least one signal",
        "rules.yaml:27:3: missing required key 'signals'",
    ]


def test_a_cycle_is_located_at_the_member_that_closes_it() -> None:
    signals = MEMBERS + textwrap.dedent(
        """\
        product_failure:
          kind: any_of
          signals: [damaged, failure_score]
        failure_score:
          kind: sum
          signals: [fraud_words, product_failure]
        """
    )
    assert problems(rules_file(signals)) == [
        "rules.yaml:26:28: cycle in the signals: product_failure -> failure_score -> product_failure"
    ]


def test_problems_in_an_included_file_name_that_file(tmp_path: Path) -> None:
    (tmp_path / "combined.yaml").write_text(
        "signals:\n  failure_score:\n    kind: sum\n    signals: [not_workin, product_failure]\n", "utf-8"
    )
    product_failure = "product_failure:\n  kind: any_of\n  signals: [failure_score]\n"
    text = rules_file(MEMBERS + product_failure, top="include: combined.yaml\n")
    (tmp_path / "rules.yaml").write_text(text, "utf-8")
    with pytest.raises(RulesError) as info:
        load_rules(tmp_path / "rules.yaml", use_cache=False)
    found = {(Path(w.file).name, w.line, w.column, m.split(":")[0]) for w, m in info.value.problems}
    assert found == {
        ("combined.yaml", 4, 15, "unknown signal 'not_workin'"),
        ("combined.yaml", 4, 27, "cycle in the signals"),
    }


def test_a_combined_signal_used_by_a_node_that_does_not_fire_shows_nothing() -> None:
    rules = rules_with(MEMBERS + COMBINED)
    result = triage(rules, "all good here", lang="en")
    assert result.outcome.id == "other"
    assert [step.matched for step in result.path] == [{}, {}]
