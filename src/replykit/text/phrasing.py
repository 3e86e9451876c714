"""``phrasing(variant, move, count)``: the template function that picks a move's wording.

Digit ``move`` of ``variant`` (base 12, ``replykit.reply.variants``) picks one of
``count`` phrasings. Templates that read ``variant`` only through this function
let the batch render cache know which digits a reply depends on: while
:func:`recording` runs, every question asked and its answer are noted, in order
(``replykit.reply.cache``).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

BASE = 12

Asked = tuple[int, int, int]  # (move, count, the phrasing picked)
_asked: list[Asked] | None = None


def phrasing(variant: int, move: int, count: int) -> int:
    """Which of ``count`` phrasings move ``move`` uses in reply ``variant``."""
    picked: int = (variant // BASE**move) % BASE % count
    if _asked is not None:
        _asked.append((move, count, picked))
    return picked


@contextmanager
def recording() -> Iterator[list[Asked]]:
    """The questions :func:`phrasing` is asked inside the ``with`` block, in order."""
    global _asked
    outer, _asked = _asked, []
    try:
        yield _asked
    finally:
        _asked = outer
