"""The Python API: load_rules(), suggest(), Suggestion and its JSON form."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import support
from replykit import Suggestion, load_rules, suggest
from replykit.errors import ReplykitError, UsageError

RULES = support.default_rules()
ORDER = "Where is my order? Nobody answers."


def test_public_names_import_as_documented_in_a_fresh_interpreter() -> None:
    # The public names resolve lazily; importing the implementing module first
    # must not change what `from replykit import suggest` gives.
    code = (
        "from replykit.reply.suggestion import Suggestion\n"
        "import replykit\n"
        "from replykit import load_rules, suggest\n"
        "assert callable(suggest) and replykit.suggest is suggest, suggest\n"
        "s = suggest('Where is my order?', rules=load_rules())\n"
        "assert isinstance(s, Suggestion) and s.public_reply\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr


def test_load_rules_without_arguments_finds_the_packaged_defaults() -> None:
    rules = load_rules()  # the cwd is an empty folder: no ./rules.yaml
    assert Path(rules.source).resolve() == Path(RULES.source).resolve()
    assert rules.outcomes and rules.tree


def test_suggestion_fields() -> None:
    s = suggest(ORDER, rules=RULES, author="Julie", platform="Facebook")
    assert isinstance(s, Suggestion)
    assert s.lang == "en"
    assert s.outcome in RULES.outcomes
    out = RULES.outcomes[s.outcome]
    assert (s.category, s.option, s.escalate, s.action) == (out.category, out.option, out.escalate, out.action)
    assert s.category in support.CATEGORIES
    assert s.public_reply.strip() and s.private_script.strip()
    assert s.author == "Julie"
    assert s.platform == "facebook"
    assert s.case_ref
    assert s.reminders and all(r.id and r.text and r.method for r in s.reminders)


def test_to_dict_mirrors_the_suggestion_and_is_json_serialisable() -> None:
    s = suggest(ORDER, rules=RULES, author="Julie")
    d = s.to_dict()
    assert json.loads(json.dumps(d)) == d
    assert d["outcome"] == s.outcome and d["category"] == s.category and d["lang"] == s.lang
    assert d["option"] == s.option and d["escalate"] == s.escalate and d["action"] == s.action
    assert d["public_reply"] == s.public_reply and d["private_script"] == s.private_script
    assert [r["id"] for r in d["reminders"]] == [r.id for r in s.reminders]
    assert d["case_ref"] == s.case_ref and d["author"] == "Julie"


def test_case_reference_is_stable_per_comment_and_overridable() -> None:
    first, again = suggest(ORDER, rules=RULES), suggest(ORDER, rules=RULES)
    other = suggest("Where is my parcel? Nobody answers.", rules=RULES)
    assert first.case_ref == again.case_ref != other.case_ref
    mine = suggest(ORDER, rules=RULES, variables={"case_ref": "TICKET-42"})
    assert mine.case_ref == "TICKET-42"


def test_triage_only_leaves_replies_empty() -> None:
    s = suggest(ORDER, rules=RULES, render_replies=False)
    assert s.outcome in RULES.outcomes
    assert (s.public_reply, s.private_script) == ("", "")


def test_variables_override_the_profile(minimal_rules: Path) -> None:
    rules = load_rules(minimal_rules)
    plain = suggest("I want a refund", rules=rules)
    custom = suggest("I want a refund", rules=rules, variables={"brand": "Zorglub Studio", "phone": "0999"})
    assert "Mini" in plain.public_reply and "Zorglub" not in plain.public_reply
    assert "Zorglub Studio" in custom.public_reply and "Mini" not in custom.public_reply
    assert "0999" in custom.private_script


@pytest.mark.parametrize("bad", [{"brnad": "Acme"}, {"policy.nope": "false"}, {"policy.reply_to_general": "maybe"}])
def test_unknown_or_malformed_variable_is_a_usage_error(bad: dict[str, str]) -> None:
    with pytest.raises(UsageError):
        suggest(ORDER, rules=RULES, variables=bad)


def _policy_node(name: str) -> object:
    nodes = [n for n in RULES.tree if n.when == ("policy", name)]
    assert nodes, f"no node of the default tree tests the policy '{name}'"
    return nodes[0]


def _policy_example_params() -> list[object]:
    """For each policy node of the default tree, the examples of the outcome it leads to when on."""
    params: list[object] = []
    for node in RULES.tree:
        if node.when[0] != "policy":
            continue
        examples = RULES.outcomes[node.then].examples
        for lang in support.LANGS:
            texts = examples.get(lang, ())
            params += [pytest.param(node.id, t, id=f"{node.when[1]}-{lang}-{i}") for i, t in enumerate(texts)]
            if not texts:
                params.append(pytest.param(node.id, "", id=f"{node.when[1]}-{lang}-none", marks=pytest.mark.skip(
                    reason=f"outcome '{node.then}' has no '{lang}' examples yet")))  # fmt: skip
    return params


@pytest.mark.parametrize(("node_id", "text"), _policy_example_params())
def test_policy_switch_reroutes_examples(node_id: str, text: str) -> None:
    node = RULES.nodes[node_id]
    name = node.when[1]
    on = suggest(text, rules=RULES)
    off = suggest(text, rules=RULES, variables={f"policy.{name}": "false"})
    assert on.outcome == node.then, f"{text!r} with {name} on went to {on.outcome}"
    assert off.outcome == node.otherwise, f"{text!r} with {name} off went to {off.outcome}"
    assert off.category == on.category
    if off.action == "monitor":
        assert off.public_reply == "", "an opinion left alone by policy gets no public reply"
    else:
        assert off.public_reply.strip()


def test_policy_reply_to_general_needs_a_node_in_the_default_tree() -> None:
    assert _policy_node("reply_to_general").otherwise in RULES.outcomes  # type: ignore[attr-defined]
    assert _policy_node("moderate_inappropriate").otherwise in RULES.outcomes  # type: ignore[attr-defined]


def test_policy_switch_mechanism(minimal_rules: Path) -> None:
    rules = load_rules(support.with_policy_node(minimal_rules))
    on = suggest("hello there", rules=rules)
    off = suggest("hello there", rules=rules, variables={"policy.reply_to_general": "false"})
    assert (on.outcome, off.outcome) == ("other", "quiet")
    assert on.public_reply and off.public_reply == ""
    assert off.private_script.startswith("1.")
    for spelling in ("False", "no", "0"):
        assert suggest("hi", rules=rules, variables={"policy.reply_to_general": spelling}).outcome == "quiet"


# An insult is not a borderline case.
INSULT = {"en": "You are all idiots and morons.", "fr": "Bande de connards et d'abrutis."}


@pytest.mark.parametrize("lang", support.LANGS)
def test_policy_moderate_inappropriate_off_answers_insults_calmly(lang: str) -> None:
    node = _policy_node("moderate_inappropriate")
    on = suggest(INSULT[lang], rules=RULES)
    off = suggest(INSULT[lang], rules=RULES, variables={"policy.moderate_inappropriate": "false"})
    assert on.outcome == node.then and on.action == "moderate"  # type: ignore[attr-defined]
    assert off.outcome == node.otherwise and off.action != "moderate"  # type: ignore[attr-defined]
    assert off.category == on.category == "inappropriate"
    assert off.public_reply.strip()


def test_policy_flip_does_not_change_the_loaded_rules() -> None:
    suggest(INSULT["en"], rules=RULES, variables={"policy.reply_to_general": "false"})
    assert RULES.policy["reply_to_general"] is True


def test_broken_configuration_raises_replykit_errors(tmp_path: Path) -> None:
    missing = tmp_path / "nope.yaml"
    with pytest.raises(ReplykitError):
        load_rules(missing)
    with pytest.raises(ReplykitError):
        suggest(ORDER, rules=RULES, templates=tmp_path / "no-templates")


def test_cached_rules_find_templates_beside_the_rules_file_from_any_folder(tmp_path: Path) -> None:
    # The rules cache is shared across folders: a hit must not resolve the
    # templates from the folder of the run that filled it.
    rules_dir = tmp_path / "mine"
    support.run("init", str(rules_dir), "--brand", "Maison Rose")
    elsewhere = tmp_path / "elsewhere"
    (elsewhere / "templates").mkdir(parents=True)
    first = support.run("reply", "--text", "Merci beaucoup !", "--format", "json", cwd=rules_dir)
    env = {"REPLYKIT_RULES": str(rules_dir / "rules.yaml")}
    second = support.run("reply", "--text", "Merci beaucoup !", "--format", "json", cwd=elsewhere, env=env)
    assert first.returncode == second.returncode == 0, second.stderr
    assert json.loads(first.stdout)["public_reply"] == json.loads(second.stdout)["public_reply"]
