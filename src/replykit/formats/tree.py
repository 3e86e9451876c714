"""Draw the decision tree: a rich tree for the terminal, Mermaid for docs."""

from __future__ import annotations

from typing import TYPE_CHECKING

from replykit.rules.model import Condition, Rules

if TYPE_CHECKING:
    from rich.tree import Tree


def describe(cond: Condition) -> str:
    """A compact, readable form of a condition: ``any(legal_threat, shares>=500)``."""
    op = cond[0]
    if op == "signal":
        return f"{cond[1]}{_bounds(cond[2], cond[3])}"
    if op == "field":
        values = f" in {list(cond[4])}" if cond[4] else ""
        return f"field {cond[1]}{values}{_bounds(cond[2], cond[3])}"
    if op in ("all", "any"):
        return f"{op}({', '.join(describe(c) for c in cond[1])})"
    if op == "not":
        return f"not {describe(cond[1])}"
    if op == "lang":
        return f"lang={cond[1]}"
    if op == "policy":
        return f"policy {cond[1]}"
    return "always"


def _bounds(low: float | None, high: float | None) -> str:
    parts = []
    if low is not None:
        parts.append(f">={low:g}")
    if high is not None:
        parts.append(f"<={high:g}")
    return " " + " ".join(parts) if parts else ""


def outcome_summary(rules: Rules, outcome_id: str) -> str:
    out = rules.outcomes[outcome_id]
    option = f"option {out.option}" if out.option else "no option"
    crisis = ", escalated" if out.escalate and out.action != "escalate" else ""
    return f"{out.category}, {option}, {out.action}{crisis}"


def rich_tree(rules: Rules) -> Tree:
    from rich.text import Text
    from rich.tree import Tree

    def add(parent: Tree, target: str, edge: str, trail: frozenset[str]) -> None:
        if target in rules.outcomes:
            label = Text(f"{edge} → ", style="dim")
            label.append(target, style="bold green")
            label.append(
                f"  ({outcome_summary(rules, target)}) [{', '.join(rules.outcomes[target].method)}]", style="dim"
            )
            parent.add(label)
            return
        node = rules.nodes[target]
        label = Text(f"{edge} → " if edge else "", style="dim")
        label.append(node.id, style="bold cyan")
        label.append(f" [{', '.join(node.method)}]", style="yellow")
        label.append(f"  if {describe(node.when)}", style="")
        branch = parent.add(label)
        if target in trail:  # a shared node already drawn on this path
            return
        add(branch, node.then, "yes", trail | {target})
        add(branch, node.otherwise, "no", trail | {target})

    root = Tree(Text(f"decision tree ({rules.source})", style="bold"))
    add(root, rules.root.id, "", frozenset())
    return root


def mermaid(rules: Rules) -> str:
    """A Mermaid flowchart of the tree; paste it into Markdown inside ```mermaid."""
    lines = ["flowchart TD"]
    for node in rules.tree:
        lines.append(
            f'    {_mid(node.id)}{{"{_mq(node.id)}<br/>{_mq(describe(node.when))}<br/>[{" ".join(node.method)}]"}}'
        )
    for oid, out in rules.outcomes.items():
        lines.append(f'    {_mid(oid)}(["{_mq(oid)}<br/>{_mq(outcome_summary(rules, oid))}"])')
        if out.escalate:
            lines.append(f"    style {_mid(oid)} stroke:#c00,stroke-width:2px")
    for node in rules.tree:
        lines.append(f"    {_mid(node.id)} -- yes --> {_mid(node.then)}")
        lines.append(f"    {_mid(node.id)} -- no --> {_mid(node.otherwise)}")
    return "\n".join(lines) + "\n"


def _mid(name: str) -> str:
    return "n_" + "".join(c if c.isalnum() else "_" for c in name)


def _mq(text: str) -> str:
    return text.replace('"', "#quot;").replace("<", "#lt;").replace(">", "#gt;")
