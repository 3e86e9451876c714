"""Every wording a template gave one context, found again without rendering.

A reply template that reads ``variant`` only through ``phrasing()`` (and never
reads ``case_ref``, nor draws at random) renders the same text for two
variants whenever ``phrasing()`` gives them the same answers, asked in the same
order: the template is a function of its context and of those answers.
:class:`Phrasings` keeps, per context, the tree of those questions: each node is
a question ``(move, count)``, each branch an answer, each leaf the text. A
variant walks down the tree by answering the questions itself; a new branch is
rendered once, recording what the render asked.

This is what makes ``batch`` cheap when it looks for a wording no other comment
was given: the phrasings a context can take are few, and found in a few dict
lookups each.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Union

from replykit.text.phrasing import BASE, Asked, recording

MAX_CONTEXTS = 4096  # contexts kept; a full store starts over


class Question:
    """A node: which move's phrasing the render asked for next, and where each answer leads."""

    __slots__ = ("branches", "count", "move")

    def __init__(self, move: int, count: int) -> None:
        self.move, self.count = move, count
        self.branches: dict[int, Node] = {}


Node = Union[Question, str]  # noqa: UP007 (a runtime alias; `|` needs Python 3.10 objects on both sides)


class Phrasings:
    """Per context key, the tree of the wordings rendered so far."""

    def __init__(self) -> None:
        self._trees: dict[Any, Node] = {}

    def text(self, key: Any, variant: int, render: Callable[[], str]) -> str:
        """The text ``render()`` gives for ``variant`` in the context ``key``, rendered only when new."""
        node = self._trees.get(key)
        while isinstance(node, Question):
            picked = (variant // BASE**node.move) % BASE % node.count
            following = node.branches.get(picked)
            if following is None:
                break
            node = following
        if isinstance(node, str):
            return node
        with recording() as asked:
            text = render()
        self._add(key, asked, text)
        return text

    def _add(self, key: Any, asked: list[Asked], text: str) -> None:
        if key not in self._trees and len(self._trees) >= MAX_CONTEXTS:
            self._trees.clear()
        if not asked:
            self._trees[key] = text
            return
        node = self._trees.get(key)
        if node is None:
            node = self._trees[key] = Question(asked[0][0], asked[0][1])
        for index, (move, count, picked) in enumerate(asked):
            if not isinstance(node, Question) or (node.move, node.count) != (move, count):
                # The same answers led to another question: not a function of them after all.
                raise NotDeterministic(key)
            if index + 1 == len(asked):
                node.branches[picked] = text
                return
            following = node.branches.get(picked)
            if following is None:
                following = node.branches[picked] = Question(*asked[index + 1][:2])
            node = following

    def clear(self) -> None:
        self._trees.clear()


class NotDeterministic(Exception):
    """A template asked different questions for the same context and answers."""
