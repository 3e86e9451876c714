"""Structural checks of the decision tree: references, cycles, reachability."""

from __future__ import annotations

from typing import TYPE_CHECKING

from replykit.rules.model import Node, Outcome

if TYPE_CHECKING:
    from replykit.rules.checker import Checker


def check(checker: Checker, tree: list[Node], outcomes: dict[str, Outcome]) -> None:
    """Report duplicate ids, dangling targets, cycles and unreachable entries."""
    index = {node.id: i for i, node in enumerate(tree)}
    _duplicates(checker, tree, outcomes)
    _dangling(checker, tree, index, outcomes)
    if checker.problems:
        return
    _cycles(checker, tree, index)
    if not checker.problems:
        _unreachable(checker, tree, index, outcomes)


def _duplicates(checker: Checker, tree: list[Node], outcomes: dict[str, Outcome]) -> None:
    seen: set[str] = set()
    for i, node in enumerate(tree):
        if node.id in seen:
            checker.error(("tree", i, "id"), f"duplicate node id '{node.id}'")
        if node.id in outcomes:
            checker.error(("tree", i, "id"), f"'{node.id}' is both a node and an outcome; rename one")
        seen.add(node.id)


def _dangling(checker: Checker, tree: list[Node], index: dict[str, int], outcomes: dict[str, Outcome]) -> None:
    from replykit.rules.checker import did_you_mean

    known = (*index, *outcomes)
    for i, node in enumerate(tree):
        for key, target in (("then", node.then), ("else", node.otherwise)):
            if target and target not in index and target not in outcomes:
                checker.error(
                    ("tree", i, key), f"'{target}' is neither a node nor an outcome: " + did_you_mean(target, known)
                )


def _cycles(checker: Checker, tree: list[Node], index: dict[str, int]) -> None:
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done

    def visit(node_id: str, trail: list[str]) -> None:
        state[node_id] = 1
        node = tree[index[node_id]]
        for key, target in (("then", node.then), ("else", node.otherwise)):
            if target not in index:
                continue
            if state.get(target) == 1:
                loop = " -> ".join([*trail[trail.index(target) :], node_id, target])
                checker.error(("tree", index[node_id], key), f"cycle in the tree: {loop}")
            elif target not in state:
                visit(target, [*trail, node_id])
        state[node_id] = 2

    for node in tree:
        if node.id not in state:
            visit(node.id, [])


def _unreachable(checker: Checker, tree: list[Node], index: dict[str, int], outcomes: dict[str, Outcome]) -> None:
    reached = reachable(tree, index)
    for i, node in enumerate(tree):
        if node.id not in reached:
            checker.error(("tree", i, "id"), f"node '{node.id}' cannot be reached from the first node '{tree[0].id}'")
    for oid in outcomes:
        if oid not in reached:
            checker.error(("outcomes", oid), f"outcome '{oid}' is never reached by the tree")


def reachable(tree: list[Node], index: dict[str, int]) -> set[str]:
    """Ids of the nodes and outcomes reachable from the first node."""
    seen: set[str] = set()
    stack = [tree[0].id] if tree else []
    while stack:
        current = stack.pop()
        if current in seen:
            continue
        seen.add(current)
        if current in index:
            node = tree[index[current]]
            stack.extend((node.then, node.otherwise))
    return seen
