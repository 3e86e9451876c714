"""Render each shape of reply once: the batch path's template cache.

In a batch, most records share everything a template reads except the
case reference (one per comment). The two templates are rendered once per
distinct context, with a placeholder case reference, and later records only
swap in their own reference.

Swapping is only done where it is provably the same as rendering: the first
time a context is seen, the templates are rendered with two different
placeholders; the context is cached only if both renders agree once the
placeholders are aligned and neither leaves a trace of them (a template that
upper-cases, slices or otherwise transforms the reference fails this and is
simply rendered every time).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from replykit.reply.render import render
from replykit.rules.model import Outcome

MAX_ENTRIES = 4096  # distinct contexts kept; a full cache starts over
# Same length as RK-XXXXXX, mixed case, no repeated letter: a change of case,
# order or length shows.
_PLACEHOLDERS = (
    "\u0416\u0436\u0424\u0444\u0426\u0446\u0428\u0448\u0429",
    "\u041b\u043b\u041c\u043c\u041d\u043d\u041f\u043f\u0420",
)
_TRACES = frozenset("".join(_PLACEHOLDERS).lower() + "".join(_PLACEHOLDERS).upper())

Rendered = tuple[str, str]
_cache: dict[tuple[Any, ...], Rendered | None] = {}


def render_pair(folder: Path, outcome: Outcome, lang: str, context: dict[str, Any]) -> Rendered:
    """The public reply and private script for ``context``, reusing earlier renders when exact."""
    case_ref = context["case_ref"]
    key = _key(folder, outcome, lang, context)
    if key is None or len(case_ref) != len(_PLACEHOLDERS[0]):
        return _render_both(folder, outcome, lang, context)
    if key not in _cache:
        if len(_cache) >= MAX_ENTRIES:
            _cache.clear()
        _cache[key] = _learn(folder, outcome, lang, context)
    cached = _cache[key]
    if cached is None:
        return _render_both(folder, outcome, lang, context)
    placeholder = _PLACEHOLDERS[0]
    return cached[0].replace(placeholder, case_ref), cached[1].replace(placeholder, case_ref)


def _render_both(folder: Path, outcome: Outcome, lang: str, context: dict[str, Any]) -> Rendered:
    return render(folder, outcome, "public", lang, context), render(folder, outcome, "private", lang, context)


def _learn(folder: Path, outcome: Outcome, lang: str, context: dict[str, Any]) -> Rendered | None:
    first, second = (_render_both(folder, outcome, lang, {**context, "case_ref": p}) for p in _PLACEHOLDERS)
    aligned = [
        (a.replace(_PLACEHOLDERS[0], "\0"), b.replace(_PLACEHOLDERS[1], "\0"))
        for a, b in zip(first, second, strict=True)
    ]
    if any(a != b or _TRACES.intersection(a) for a, b in aligned):
        return None
    # The real reference must read the same as the swapped one: a template that
    # tests or edits its content (replace("RK-", "#")) fails here.
    real = _render_both(folder, outcome, lang, context)
    swapped = tuple(part.replace(_PLACEHOLDERS[0], context["case_ref"]) for part in first)
    return first if swapped == real else None


def _key(folder: Path, outcome: Outcome, lang: str, context: dict[str, Any]) -> tuple[Any, ...] | None:
    from replykit.text import jsonfast

    orjson = jsonfast.orjson
    if orjson is None:
        return None
    shape = {k: v for k, v in context.items() if k != "case_ref"}
    try:
        frozen = orjson.dumps(shape, option=orjson.OPT_SORT_KEYS)
    except TypeError:  # a value orjson cannot write: no caching for this context
        return None
    return (str(folder), outcome.id, outcome.templates["public"][lang], outcome.templates["private"][lang], frozen)
