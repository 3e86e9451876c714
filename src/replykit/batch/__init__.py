"""Beside the pipeline, batch: many comments in, one entry per comment out, in order.

Holds reading exports (``read``: JSON lines, JSON documents (``jsondoc``),
CSV (``csvread``), text, a record per input record; ``presets`` for each
platform's export, ``fields`` for dotted and folded field names, ``encoding``
for Excel's encodings), the core (``core``: ``triage_many``), running on one or more
processes in input order (``run``) and the summary counts (``summary``).

``from replykit.batch import triage_many`` is public API.

May import: the pipeline and ``replykit.formats``. Never ``measure``,
``lint`` or ``cli``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__all__ = ["BatchOptions", "triage_many"]

if TYPE_CHECKING:
    from replykit.batch.core import BatchOptions, triage_many


def __getattr__(name: str) -> Any:
    # Lazy, so that reading records (batch.read) does not load the pipeline.
    if name in __all__:
        from replykit.batch import core

        return getattr(core, name)
    raise AttributeError(f"module 'replykit.batch' has no attribute {name!r}")
