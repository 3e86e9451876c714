"""A solution's answer is given where it fits what the customer said, never as a reproach."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from replykit import suggest
from replykit.errors import RulesError
from replykit.rules.load import load_rules

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def rules():  # type: ignore[no-untyped-def]
    return load_rules(ROOT / "rules.yaml", use_cache=False)


@pytest.mark.parametrize("comment", ["À quelle heure vous fermez samedi ?", "are you open on sundays?"])
def test_a_question_about_hours_gets_the_hours(rules, comment: str) -> None:  # type: ignore[no-untyped-def]
    s = suggest(comment, rules=rules)
    assert s.triage.solution_ids == ("opening_hours",)
    hours = rules.profile["hours"]
    assert (hours if isinstance(hours, str) else hours[s.lang]) in s.public_reply


@pytest.mark.parametrize("comment", ["Vous êtes ouverts le 15 août ?", "are you open on easter monday"])
def test_a_question_about_a_holiday_never_gets_the_usual_hours(rules, comment: str) -> None:  # type: ignore[no-untyped-def]
    # the usual hours may not hold that day: the reply says when the answer comes instead
    s = suggest(comment, rules=rules)
    hours = rules.profile["hours"]
    assert (hours if isinstance(hours, str) else hours[s.lang]) not in s.public_reply.split("\n")[2]
    assert s.heard.ask is not None and s.heard.ask.kind == "holiday"


@pytest.mark.parametrize(
    "comment",
    [
        "I came at 5pm and you were closed, your opening hours online say 6pm!",
        "Porte close à 17h alors que vos horaires affichent 19h, j'ai fait le trajet pour rien.",
    ],
)
def test_a_complaint_about_hours_is_not_answered_with_the_hours(rules, comment: str) -> None:  # type: ignore[no-untyped-def]
    s = suggest(comment, rules=rules)
    assert s.category == "complaint"
    assert s.triage.solution_ids == ()
    hours = rules.profile["hours"]
    assert f"open {hours}" not in s.public_reply and f"ouverts {hours}" not in s.public_reply


def test_a_complaint_the_solution_fixes_gets_it(rules) -> None:  # type: ignore[no-untyped-def]
    s = suggest("Where is my order #1234? Nobody answers.", rules=rules)
    assert s.category == "complaint"
    assert s.triage.solution_ids == ("order_tracking",)
    assert "My orders" in s.public_reply


def test_praise_gets_no_solution(rules) -> None:  # type: ignore[no-untyped-def]
    s = suggest("Great shop, love the opening hours, thanks!", rules=rules)
    assert s.category == "praise"
    assert s.triage.solution_ids == ()


def _pack(tmp_path: Path, solution: str) -> Path:
    text = (ROOT / "rules.yaml").read_text("utf-8")
    start = text.index("\nsolutions:\n")
    end = text.index("\nreminders:\n")
    (tmp_path / "rules.yaml").write_text(text[:start] + "\nsolutions:\n" + solution + text[end:], "utf-8")
    for folder in ("lexicons", "listening"):
        (tmp_path / folder).symlink_to(ROOT / folder)
    return tmp_path / "rules.yaml"


CAKES = """  - id: cake_orders
    terms:
      en: [cake, cakes]
      fr: [gateau, gateaux]
    answer:
      en: "Celebration cakes are ordered 48 hours ahead."
      fr: "Les gâteaux de fête se commandent 48 heures à l'avance."
"""


def test_a_solution_without_asks_or_fixes_answers_questions_only(tmp_path: Path) -> None:
    rules = load_rules(_pack(tmp_path, CAKES), use_cache=False)
    asked = suggest("Can I order a birthday cake for Saturday?", rules=rules, templates=ROOT / "templates")
    assert "48 hours ahead" in asked.public_reply
    missed = suggest(
        "The birthday cake I ordered for Saturday never came, the party was ruined.",
        rules=rules,
        templates=ROOT / "templates",
    )
    assert missed.category == "complaint"
    assert "48 hours" not in missed.public_reply  # never a reproach under a complaint


def test_asks_must_be_a_list_of_ids(tmp_path: Path) -> None:
    bad = CAKES.replace("    terms:", "    asks: {hours: 1}\n    terms:", 1)
    with pytest.raises(RulesError) as err:
        load_rules(_pack(tmp_path, bad), use_cache=False)
    assert "solutions[0].asks" in str(err.value)


def test_lint_warns_about_one_word_terms_without_asks_or_fixes(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    path = _pack(tmp_path, CAKES)
    result = cli("lint", str(path), "--templates", str(ROOT / "templates"), "--format", "json")
    problems = [p for p in json.loads(result.stdout)["problems"] if p["check"] == "solution-too-generic"]
    assert {p["message"].split("'")[1] for p in problems} == {"cake", "cakes", "gateau", "gateaux"}
    assert all(p["line"] > 0 for p in problems)
