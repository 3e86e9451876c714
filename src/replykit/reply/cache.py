"""Render each shape of reply once: the batch path's template cache.

In a batch, a comment that comes back (the same text, the same rating) has
the same context but for its case reference. Each template is rendered once
per context with a placeholder case reference, and later records only swap in
their own reference.

Swapping is only done where it is provably the same as rendering: the second
time a context is seen (most come once, and learning costs three renders), the
template is rendered with two different placeholders; the context is cached
only if both renders agree once the placeholders are aligned and neither
leaves a trace of them (a template that upper-cases, slices or otherwise
transforms the reference fails this and is simply rendered every time).
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

from replykit.reply.phrasings import NotDeterministic, Phrasings
from replykit.reply.render import environment, render, template_name
from replykit.rules.model import Outcome

MAX_ENTRIES = 4096  # distinct contexts kept; a full cache starts over
# Same length as RK-XXXXXX, mixed case, no repeated letter: a change of case,
# order or length shows.
_PLACEHOLDERS = (
    "\u0416\u0436\u0424\u0444\u0426\u0446\u0428\u0448\u0429",
    "\u041b\u043b\u041c\u043c\u041d\u043d\u041f\u043f\u0420",
)
_TRACES = frozenset("".join(_PLACEHOLDERS).lower() + "".join(_PLACEHOLDERS).upper())

_LEARNED = object()  # a context seen once: rendered plainly, learned when it comes back
_cache: dict[tuple[Any, ...], str | object | None] = {}
_phrasings = Phrasings()
_traceable: dict[tuple[str, str], frozenset[str] | None] = {}  # (folder, template) -> see _reads
_UNTRACEABLE_FILTERS = frozenset({"random", "shuffle"})
_UNTRACEABLE_NAMES = frozenset({"case_ref", "lipsum"})  # the reference is per comment; lipsum draws at random
_CASE_REF = ("case_ref",)


def clear() -> None:
    """Forget every render (tests; a long-lived process whose templates changed)."""
    _cache.clear()
    _phrasings.clear()
    _traceable.clear()
    _read_template.cache_clear()


def render_cached(folder: Path, outcome: Outcome, kind: str, lang: str, context: dict[str, Any]) -> str:
    """The ``kind`` template of ``outcome`` rendered for ``context``, reusing an earlier render when exact.

    A context is learned the second time it comes: most contexts come once (they
    carry what the comment said), and learning costs three renders.
    """
    read = _reads(folder, template_name(outcome, kind, lang))
    if read is not None:
        return _phrased(folder, outcome, kind, lang, context, read)
    case_ref = context["case_ref"]
    key = _key(folder, outcome, kind, lang, context)
    if key is None or len(case_ref) != len(_PLACEHOLDERS[0]):
        return render(folder, outcome, kind, lang, context)
    cached = _cache.get(key)
    if cached is None and key not in _cache:
        if len(_cache) >= MAX_ENTRIES:
            _cache.clear()
        _cache[key] = _LEARNED
        return render(folder, outcome, kind, lang, context)
    if cached is _LEARNED:
        cached = _cache[key] = _learn(folder, outcome, kind, lang, context)
    if not isinstance(cached, str):
        return render(folder, outcome, kind, lang, context)
    return cached.replace(_PLACEHOLDERS[0], case_ref)


def _learn(folder: Path, outcome: Outcome, kind: str, lang: str, context: dict[str, Any]) -> str | None:
    first, second = (render(folder, outcome, kind, lang, {**context, "case_ref": p}) for p in _PLACEHOLDERS)
    aligned = first.replace(_PLACEHOLDERS[0], "\0"), second.replace(_PLACEHOLDERS[1], "\0")
    if aligned[0] != aligned[1] or _TRACES.intersection(aligned[0]):
        return None
    # The real reference must read the same as the swapped one: a template that
    # tests or edits its content (replace("RK-", "#")) fails here.
    real = render(folder, outcome, kind, lang, context)
    return first if first.replace(_PLACEHOLDERS[0], context["case_ref"]) == real else None


def _phrased(folder: Path, outcome: Outcome, kind: str, lang: str, context: dict[str, Any], read: Read) -> str:
    """A template that learns its context only through questions (``replykit.reply.phrasings``):
    its texts are kept by what they asked, apart from the rest of the context."""
    watched = {id(value): name for name in read if isinstance(value := context.get(name), dict)}
    apart = ("case_ref", "variant", *watched.values())
    key = _key(folder, outcome, kind, lang, context, apart)
    if key is None:
        return render(folder, outcome, kind, lang, context)
    try:
        return _phrasings.text(
            (*key, *sorted(watched.values())),
            context,
            watched,
            environment(folder),
            lambda: render(folder, outcome, kind, lang, context),
        )
    except NotDeterministic:
        _traceable[str(folder), template_name(outcome, kind, lang)] = None
        return render(folder, outcome, kind, lang, context)


Read = frozenset[str]  # the context names a template reads only through an attribute or an item


def _reads(folder: Path, name: str) -> Read | None:
    """The context names template ``name`` (and those it imports) reads only as ``name.field`` or
    ``name[key]``, or None when the template cannot be kept by its questions: it reads ``variant``
    other than as ``phrasing(variant, ...)``, reads ``case_ref``, or draws at random (the source
    decides; read once per run)."""
    key = (str(folder), name)
    if key not in _traceable:
        _traceable[key] = _reads_of_every_part(folder, name)
    return _traceable[key]


def _reads_of_every_part(folder: Path, name: str) -> Read | None:
    pending, done = [name], set()
    accessed: set[str] = set()
    bare: set[str] = set()
    while pending:
        current = pending.pop()
        done.add(current)
        found = _read_template(folder, current)
        if found is None:
            return None
        imported, its_accessed, its_bare = found
        accessed |= its_accessed
        bare |= its_bare
        pending += [other for other in imported if other not in done]
    return frozenset(accessed - bare)


@functools.cache
def _read_template(folder: Path, name: str) -> tuple[tuple[str, ...], frozenset[str], frozenset[str]] | None:
    """One template's imports, the names it reads through an attribute or item, and those it uses
    otherwise; None when it cannot be kept by its questions (see ``_reads``).

    Parsed once per run: the moves every outcome template imports are the longest file.
    """
    from jinja2 import meta, nodes

    env = environment(folder)
    try:
        tree = env.parse(env.loader.get_source(env, name)[0])  # type: ignore[union-attr]
    except Exception:  # missing or broken: rendering says so, with its location
        return None
    imported = tuple(meta.find_referenced_templates(tree))
    if None in imported or not _plain_phrasing(tree, nodes):
        return None
    through = {id(node.node) for node in tree.find_all((nodes.Getattr, nodes.Getitem))}  # type: ignore[attr-defined]
    names = list(tree.find_all(nodes.Name))
    accessed = frozenset(node.name for node in names if id(node) in through)
    bare = frozenset(node.name for node in names if id(node) not in through)
    return imported, accessed, bare  # type: ignore[return-value]


def _plain_phrasing(tree: Any, nodes: Any) -> bool:
    names = [node.name for node in tree.find_all(nodes.Name)]
    if _UNTRACEABLE_NAMES.intersection(names) or any(
        f.name in _UNTRACEABLE_FILTERS for f in tree.find_all(nodes.Filter)
    ):
        return False
    through_phrasing = sum(
        1
        for call in tree.find_all(nodes.Call)
        if isinstance(call.node, nodes.Name)
        and call.node.name == "phrasing"
        and call.args
        and isinstance(call.args[0], nodes.Name)
        and call.args[0].name == "variant"
    )
    return names.count("variant") == through_phrasing and names.count("phrasing") == through_phrasing


def _key(
    folder: Path,
    outcome: Outcome,
    kind: str,
    lang: str,
    context: dict[str, Any],
    apart: tuple[str, ...] = ("case_ref",),
) -> tuple[Any, ...] | None:
    from replykit.text import jsonfast

    orjson = jsonfast.orjson
    if orjson is None:
        return None
    shape = {k: v for k, v in context.items() if k not in apart}
    try:
        frozen = orjson.dumps(shape, option=orjson.OPT_SORT_KEYS)
    except TypeError:  # a value orjson cannot write: no caching for this context
        return None
    import hashlib  # here, not at the top: `reply` imports this module, and hashlib costs 3 ms

    # A 128-bit digest stands for the context: the contexts themselves (4 KB each) filled 40 MiB.
    return (str(folder), outcome.templates[kind][lang], hashlib.blake2b(frozen, digest_size=16).digest())
