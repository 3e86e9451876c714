"""Every text a template gave, found again from what it asked, without rendering.

A reply template that reads ``variant`` only through ``phrasing()``, never
reads ``case_ref`` and draws nothing at random is a function of what it asks
while it renders (``replykit.text.phrasing``): which phrasing of each move, and
the fields it reads of the watched dicts of its context (``heard``, ``said``,
``profile``...); everything else of the context is part of the key.

:class:`Phrasings` keeps, per key, the tree of those questions: each node is a
question, each branch an answer, each leaf the text. A new context walks down
the tree by answering the questions itself, a few dict lookups; a new branch
is rendered once, recording what the render asked.

Two comments that differ in what the template never looks at (a praise reply
does not read the duration of a wait) share their texts, and ``batch``, which
tries several phrasings of a comment to find one no other comment was given,
finds most of them in the tree.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from replykit.text.phrasing import BASE, Asked, Question, answer_of, recording

MAX_KEYS = 4096  # keys kept; a full store starts over
MAX_NODES = 20_000  # questions kept in all (about 8 MiB); a full store starts over


class Node:
    """A question the render asked next, and where each answer leads (a Node or the text)."""

    __slots__ = ("branches", "question")

    def __init__(self, question: Question) -> None:
        self.question = question
        self.branches: dict[Any, Node | str] = {}


class Phrasings:
    """Per key, the tree of the texts rendered so far."""

    def __init__(self) -> None:
        self._trees: dict[Any, Node | str] = {}
        self._nodes = 0

    def text(
        self, key: Any, context: dict[str, Any], watched: dict[int, str], env: Any, render: Callable[[], str]
    ) -> str:
        """The text ``render()`` gives for ``context`` (under ``key``), rendered only when new.

        ``watched``: id of each context dict whose reads are questions -> its name; ``env``: the
        template environment, which reads a field exactly as the template does.
        """
        node = self._trees.get(key)
        while isinstance(node, Node):
            try:
                answer = _answer(node.question, context, env)
            except TypeError:
                return render()
            following = node.branches.get(answer)
            if following is None:
                break
            node = following
        if isinstance(node, str):
            return node
        with recording(watched) as asked:
            text = render()
        if not asked.broken:
            self._add(key, asked.asked, text)
        return text

    def _add(self, key: Any, asked: list[Asked], text: str) -> None:
        if (key not in self._trees and len(self._trees) >= MAX_KEYS) or self._nodes >= MAX_NODES:
            self.clear()
        if not asked:
            self._trees[key] = text
            return
        node = self._trees.get(key)
        if node is None:
            node = self._trees[key] = self._node(asked[0][0])
        for index, (question, answer) in enumerate(asked):
            if not isinstance(node, Node) or node.question != question:
                # The same answers led to another question: not a function of them after all.
                raise NotDeterministic(key)
            if index + 1 == len(asked):
                node.branches[answer] = text
                return
            following = node.branches.get(answer)
            if following is None:
                following = node.branches[answer] = self._node(asked[index + 1][0])
            node = following

    def _node(self, question: Question) -> Node:
        self._nodes += 1
        return Node(question)

    def clear(self) -> None:
        self._trees.clear()
        self._nodes = 0


def _answer(question: Question, context: dict[str, Any], env: Any) -> Any:
    """The answer ``context`` gives to ``question``, as the render would have noted it."""
    if question[0] == "p":
        _, move, count = question
        return (context["variant"] // BASE**move) % BASE % count
    _, name, how, key = question
    obj = context[name]
    value = env.getattr(obj, key) if how == "a" else env.getitem(obj, key)
    return answer_of(obj, value)


class NotDeterministic(Exception):
    """A template asked different questions for the same key and answers."""
