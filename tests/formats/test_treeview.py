"""``replykit tree``: the decision tree as text and as a Mermaid flowchart."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

import support
from replykit.rules.load import load_rules

RULES = support.default_rules()


def ok(result: Any) -> str:
    assert (result.exit_code, result.stderr) == (0, ""), result.stderr
    return str(result.stdout)


def test_text_tree_shows_every_node_and_outcome(cli: Any) -> None:
    out = ok(cli("tree"))
    words = set(re.findall(r"[\w.-]+", out))
    missing = [n.id for n in RULES.tree if n.id not in words] + [o for o in RULES.outcomes if o not in words]
    assert not missing, f"not in `replykit tree`: {missing}"


def test_text_tree_shows_method_ids(cli: Any) -> None:
    out = ok(cli("tree"))
    for node in RULES.tree:
        for method in node.method:
            assert method in out


def test_mermaid_has_an_edge_per_then_and_else(cli: Any) -> None:
    out = ok(cli("tree", "--format", "mermaid"))
    assert out.startswith("flowchart TD")
    labels, edges = support.parse_mermaid(out)
    assert set(labels.values()) == {n.id for n in RULES.tree} | set(RULES.outcomes)
    assert edges == support.expected_edges(RULES)
    assert len(re.findall(r"-- (yes|no) -->", out)) == 2 * len(RULES.tree)


def test_mermaid_of_another_rules_file(cli: Any, minimal_rules: Path) -> None:
    out = ok(cli("tree", "--format", "mermaid", "--rules", str(minimal_rules)))
    assert out.startswith("flowchart TD")
    assert support.parse_mermaid(out)[1] == support.expected_edges(load_rules(minimal_rules))


@pytest.mark.parametrize("fmt", ["text", "mermaid"])
def test_tree_with_broken_rules_is_a_config_error(cli: Any, fmt: str) -> None:
    rules = support.RULE_CASES / "cycle" / "rules.yaml"
    result = cli("tree", "--format", fmt, "--rules", str(rules))
    assert result.exit_code == 2 and result.stdout == ""
    message = support.assert_clean_error(result.stderr)
    assert "cycle" in message


def test_tree_help(cli: Any) -> None:
    out = ok(cli("tree", "--help"))
    assert "--format" in out and "mermaid" in out
