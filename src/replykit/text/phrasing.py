"""What a reply template asks while it renders: its phrasings and what it reads of the context.

``phrasing(variant, move, count)`` is the template function that picks a
move's wording: digit ``move`` of ``variant`` (base 12, ``replykit.reply.variants``)
picks one of ``count`` phrasings.

While :func:`recording` runs, every question a render asks is noted with its
answer, in order, each question once:

- ``("p", move, count)``: which phrasing of a move (the answer: its number);
- ``("r", name, how, key)``: a read of ``name.key`` (``how`` "a") or
  ``name[key]`` (``how`` "i") on a watched dict of the context (the answer:
  :func:`answer_of` the value read).

A template that learns nothing of its context but through these questions
renders the same text for any context that answers them the same: the batch
render cache finds it again without rendering (``replykit.reply.phrasings``).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

BASE = 12

Question = tuple[Any, ...]
Asked = tuple[Question, Any]  # (question, answer)


class Recording:
    """The questions of one render, and which dicts of its context are watched (id -> context name)."""

    def __init__(self, watched: dict[int, str]) -> None:
        self.watched = watched
        self.asked: list[Asked] = []
        self.broken = False  # a value read that no answer can stand for: this render is not kept
        self._questions: set[Question] = set()

    def note(self, question: Question, answer: Any) -> None:
        if question not in self._questions:  # the context cannot change during a render: same answer
            self._questions.add(question)
            self.asked.append((question, answer))


current: Recording | None = None  # the render being recorded, if any (read by jinjaenv on every field read)


def phrasing(variant: int, move: int, count: int) -> int:
    """Which of ``count`` phrasings move ``move`` uses in reply ``variant``."""
    picked: int = (variant // BASE**move) % BASE % count
    if current is not None:
        current.note(("p", move, count), picked)
    return picked


def noted_read(obj: Any, how: str, key: Any, value: Any) -> None:
    """Called by the template environment for every attribute or item read (see jinjaenv)."""
    if current is not None:
        name = current.watched.get(id(obj))
        if name is not None:
            try:
                current.note(("r", name, how, key), answer_of(obj, value))
            except TypeError:
                current.broken = True


def answer_of(obj: Any, value: Any) -> Any:
    """What a read tells the template: a plain value itself, else a digest of all it can see.

    A method of the dict (``heard.get``) can reach all of it: the whole dict is the answer.
    """
    if value is None or isinstance(value, str | int | float):
        return (type(value).__name__, value)
    seen = obj if callable(value) else value
    return ("whole", digest(seen))


def digest(value: Any) -> bytes:
    """A 128-bit digest of a JSON-like value (raises TypeError for anything else)."""
    import hashlib  # only while recording: `reply` imports this module

    import orjson

    return hashlib.blake2b(orjson.dumps(value, option=orjson.OPT_SORT_KEYS), digest_size=16).digest()


@contextmanager
def recording(watched: dict[int, str] | None = None) -> Iterator[Recording]:
    """The questions asked inside the ``with`` block; ``watched``: id of a context dict -> its name."""
    global current
    outer, current = current, Recording(watched or {})
    try:
        yield current
    finally:
        current = outer
