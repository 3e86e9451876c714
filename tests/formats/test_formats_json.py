"""The JSON output of ``replykit reply --format json``: schema replykit.suggestion/1.

The schema is a contract with scripts: the exact set of keys, their types and
their allowed values are checked on CLI output and on ``Suggestion.to_dict()``
for every outcome and every example.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

import support
from replykit import suggest

# Replies in a real business's name: these tests are not about the first run's example profile.
pytestmark = pytest.mark.usefixtures("own_profile")


RULES = support.default_rules()
METHOD_IDS = support.method_ids()
ACTIONS = {"reply", "reply_private", "moderate", "escalate", "monitor"}

TOP_LEVEL: dict[str, type | tuple[type, ...]] = {
    "schema": str, "lang": str, "lang_source": str, "category": str, "option": (int, type(None)),
    "escalate": bool, "outcome": str, "action": str, "method": list, "topic": str, "solutions": list, "heard": dict,
    "path": list, "public_reply": str, "private_script": str, "reminders": list, "case_ref": str, "variant": int,
    "author": str, "platform": str, "warnings": list,
}  # fmt: skip


def check_schema(data: Any) -> None:
    assert isinstance(data, dict)
    assert set(data) == set(TOP_LEVEL), f"keys differ: {set(data) ^ set(TOP_LEVEL)}"
    for key, kind in TOP_LEVEL.items():
        assert isinstance(data[key], kind), f"{key}: {type(data[key]).__name__}"
    assert data["schema"] == "replykit.suggestion/1"
    assert data["lang"] in support.LANGS
    assert data["lang_source"] in {"detected", "forced", "default"}
    assert data["category"] in support.CATEGORIES
    assert data["option"] in (1, 2, None) and not isinstance(data["option"], bool)
    assert data["outcome"] in RULES.outcomes
    assert data["action"] in ACTIONS
    assert data["method"] and set(data["method"]) <= METHOD_IDS, data["method"]
    assert all(isinstance(s, str) for s in data["solutions"])
    assert data["path"], "the path has at least the first node"
    for step in data["path"]:
        assert set(step) == {"node", "method", "result", "matched"}
        assert isinstance(step["node"], str) and isinstance(step["result"], bool)
        assert isinstance(step["method"], list) and set(step["method"]) <= METHOD_IDS
        assert isinstance(step["matched"], dict)
        for signal, words in step["matched"].items():
            assert isinstance(signal, str) and isinstance(words, list) and words
            assert all(isinstance(w, str) and w for w in words)
    for reminder in data["reminders"]:
        assert set(reminder) == {"id", "method", "text"}
        assert isinstance(reminder["id"], str) and isinstance(reminder["text"], str) and reminder["text"]
        assert isinstance(reminder["method"], list) and set(reminder["method"]) <= METHOD_IDS
    assert data["case_ref"]
    assert all(isinstance(w, str) for w in data["warnings"])


CLI_CASES = [
    ["--text", "Where is my order #123? Nobody answers.", "--lang", "en"],
    ["--text", "Commande jamais reçue, toujours pas remboursé, c'est honteux", "--author", "Julie", "--platform", "x"],
    ["--text", "Merci pour la livraison rapide !", "--var", "policy.reply_to_general=false"],
    ["--text", "😡"],
]


@pytest.mark.parametrize("args", CLI_CASES, ids=["en", "fr-x", "policy", "emoji"])
def test_cli_json_follows_the_schema(cli: Any, args: list[str]) -> None:
    result = cli("reply", "--format", "json", *args)
    assert (result.exit_code, result.stderr) == (0, "")
    data = json.loads(result.stdout)
    check_schema(data)


def test_cli_json_equals_the_api(cli: Any) -> None:
    text = "Commande jamais reçue, toujours pas remboursé, c'est honteux"
    result = cli("reply", "--format", "json", "--text", text, "--author", "Julie", "--platform", "X")
    expected = suggest(text, rules=support.own_rules(), author="Julie", platform="X").to_dict()
    assert json.loads(result.stdout) == expected


def test_cli_json_reflects_the_options(cli: Any) -> None:
    args = ["--text", "Where is my order?", "--author", "Julie", "--platform", "x", "--lang", "fr"]
    data = json.loads(cli("reply", "--format", "json", *args).stdout)
    assert (data["author"], data["platform"], data["lang"], data["lang_source"]) == ("Julie", "x", "fr", "forced")
    assert len(data["public_reply"]) <= 280


def test_json_keeps_accents_readable(cli: Any) -> None:
    result = cli("reply", "--format", "json", "--text", "Commande jamais reçue, c'est honteux", "--author", "Éloïse")
    assert "Éloïse" in result.stdout and "\\u00c9" not in result.stdout


@pytest.mark.parametrize("outcome_id", list(RULES.outcomes))
@pytest.mark.parametrize("lang", support.LANGS)
def test_every_outcome_serialises_to_the_schema(outcome_id: str, lang: str) -> None:
    rules = support.force_outcome(RULES, outcome_id)
    s = suggest(support.RICH_COMMENT[lang], rules=rules, lang=lang, author="Julie", platform="x")
    data = json.loads(json.dumps(s.to_dict()))
    check_schema(data)
    assert data["outcome"] == outcome_id


@pytest.mark.parametrize(("outcome_id", "lang", "text"), support.example_params(RULES))
def test_every_example_serialises_to_the_schema(outcome_id: str, lang: str, text: str) -> None:
    s = suggest(text, rules=RULES, variables=support.policy_for(RULES, outcome_id))
    check_schema(json.loads(json.dumps(s.to_dict())))


def test_model_method_ids_match_method_md() -> None:
    if not support.METHOD_MD.is_file():
        pytest.skip("../shared/METHOD.md is not beside the repository")
    from replykit.rules.model import METHOD_IDS as MODEL_IDS

    assert set(MODEL_IDS) == METHOD_IDS


def test_categories_and_options_of_the_default_outcomes() -> None:
    for oid, out in RULES.outcomes.items():
        assert out.category in support.CATEGORIES, oid
        assert out.option in (1, 2, None), oid
        assert out.action in ACTIONS, oid
        assert out.method and set(out.method) <= METHOD_IDS, oid
    assert {out.category for out in RULES.outcomes.values()} == support.CATEGORIES
