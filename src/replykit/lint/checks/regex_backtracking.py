r"""Pattern signals must compile and must not risk catastrophic backtracking.

A repeat over a part that can match the same text in several ways makes the
regex engine try exponentially many splits on a comment that almost
matches: nested quantifiers such as ``(a+)+``, ``(\w*)*``, ``(.*)*`` or
``(x+x+)+``, and repeated alternatives that overlap such as ``(a|aa)+``.
The pattern is read with Python's own regex parser; a repeat is flagged when
its body can match the empty string, when the end of one pass can take the
characters the next pass starts with, or when two of its alternatives can
start with the same character.

Passing::

    patterns:
      en: ['^\s*(?:@\w+\s+)*(?:how|where)\b']   # each pass starts with '@'

Failing::

    patterns:
      en: ['(\w+\s?)+$']
    # regex risks catastrophic backtracking: ...
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from replykit.lint.problem import Problem
from replykit.lint.target import Target
from replykit.rules.yamlsrc import YamlDocument

try:  # the parser moved in Python 3.11
    from re import _parser as sre_parse  # type: ignore[attr-defined,unused-ignore]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_parse  # type: ignore[no-redef,unused-ignore]

ID = "regex-backtracking"
LEVEL = "error"

_C: Any = sre_parse
_ALPHABET = frozenset(range(0x250)) | frozenset(range(0x2000, 0x2070))
_MAXREPEAT = _C.MAXREPEAT
_BACKTRACKING = (_C.MAX_REPEAT, _C.MIN_REPEAT)
_REPEATS = (*_BACKTRACKING, *([_C.POSSESSIVE_REPEAT] if hasattr(_C, "POSSESSIVE_REPEAT") else []))
_ZERO_WIDTH = (_C.AT, _C.ASSERT, _C.ASSERT_NOT)
_CATEGORIES: dict[Any, Any] = {
    _C.CATEGORY_DIGIT: lambda c: c.isdigit(),
    _C.CATEGORY_NOT_DIGIT: lambda c: not c.isdigit(),
    _C.CATEGORY_SPACE: lambda c: c.isspace(),
    _C.CATEGORY_NOT_SPACE: lambda c: not c.isspace(),
    _C.CATEGORY_WORD: lambda c: c.isalnum() or c == "_",
    _C.CATEGORY_NOT_WORD: lambda c: not (c.isalnum() or c == "_"),
}


def check(target: Target) -> Iterator[Problem]:
    from replykit.lint.positions import document

    doc = document(target)
    if doc is None or not isinstance(doc.data, dict):
        return
    yield from _check_document(target, doc, target.display(target.rules_path))
    for path in _included_paths(target, doc.data.get("include")):
        included = _load(path, target.display(path))
        if included is not None:
            yield from _check_document(target, included, target.display(path))


def _included_paths(target: Target, value: Any) -> list[Path]:
    names = [value] if isinstance(value, str) else value if isinstance(value, list) else []
    return [target.rules_path.parent / name for name in names if isinstance(name, str)]


def _load(path: Path, display: str) -> YamlDocument | None:
    from replykit.errors import ReplykitError
    from replykit.rules.yamlsrc import load_yaml

    try:  # a file that does not load is the schema's error to report, not this check's
        return load_yaml(path.read_text("utf-8"), display)
    except (OSError, UnicodeDecodeError, ReplykitError):
        return None


def _check_document(target: Target, doc: YamlDocument, where: str) -> Iterator[Problem]:
    if not isinstance(doc.data, dict) or not isinstance(doc.data.get("signals"), dict):
        return
    for name, spec in doc.data["signals"].items():
        groups = spec.get("patterns") if isinstance(spec, dict) else None
        if not isinstance(groups, dict):
            continue
        raw = isinstance(spec, dict) and spec.get("raw") is True
        for key, sources in groups.items():
            for i, item in enumerate(sources if isinstance(sources, list) else [sources]):
                # a weighted pattern is a one-key mapping, {regex: weight}
                source = next(iter(item)) if isinstance(item, dict) and len(item) == 1 else item
                if not isinstance(source, str):
                    continue
                message = problem(source, 0 if raw else re.IGNORECASE)
                if message and (target.rules is not None or "cannot compile" not in message):
                    line, column = doc.where(("signals", name, "patterns", key, i))[1:3]
                    yield Problem(where, line, column, LEVEL, f"signal '{name}': {message}", ID)


def problem(source: str, flags: int = 0) -> str | None:
    """Why ``source`` is unsafe, or None."""
    try:
        re.compile(source, flags)
        parsed = sre_parse.parse(source, flags)
    except (re.error, RecursionError, OverflowError) as exc:
        return f"regex cannot compile: {exc}"
    reason = _scan(list(parsed))
    return f"regex '{source}' risks catastrophic backtracking: {reason}" if reason else None


def _scan(items: list[Any]) -> str | None:
    for op, arg in items:
        for sub in _children(op, arg):
            found = _scan(sub)
            if found:
                return found
        if op in _BACKTRACKING and arg[1] == _MAXREPEAT:
            body = list(arg[2])
            if _nullable(body):
                return "a repeated part can match the empty string"
            if _first(body) & _tail(body):
                return (
                    "the end of one pass of a repeated part can also start the next one"
                    " (nested quantifiers or overlapping alternatives)"
                )
            if _overlapping_branch(body):
                return "a repeated alternation has alternatives that can match the same text"
    return None


def _children(op: Any, arg: Any) -> list[list[Any]]:
    if op in _REPEATS:
        return [list(arg[2])]
    if op is _C.SUBPATTERN:
        return [list(arg[3])]
    if op is _C.BRANCH:
        return [list(b) for b in arg[1]]
    if op in (_C.ASSERT, _C.ASSERT_NOT):
        return [list(arg[1])]
    if op is _C.GROUPREF_EXISTS:
        return [list(b) for b in arg[1:] if b is not None]
    if hasattr(_C, "ATOMIC_GROUP") and op is _C.ATOMIC_GROUP:
        return [list(arg)]
    return []


def _chars_in(arg: Any) -> frozenset[int]:
    chars: set[int] = set()
    negate = False
    for op, value in arg:
        if op is _C.NEGATE:
            negate = True
        elif op is _C.LITERAL:
            chars.add(value)
        elif op is _C.RANGE:
            chars.update(c for c in _ALPHABET if value[0] <= c <= value[1])
        elif op is _C.CATEGORY and value in _CATEGORIES:
            chars.update(c for c in _ALPHABET if _CATEGORIES[value](chr(c)))
        else:
            chars.update(_ALPHABET)
    return _ALPHABET - chars if negate else frozenset(chars)


def _item_chars(op: Any, arg: Any) -> frozenset[int]:
    """Every character the item can consume."""
    if op is _C.LITERAL:
        return frozenset([arg])
    if op is _C.NOT_LITERAL:
        return _ALPHABET - {arg}
    if op is _C.IN:
        return _chars_in(arg)
    if op in _ZERO_WIDTH:
        return frozenset()
    children = _children(op, arg)
    if children or op in _REPEATS:
        return frozenset().union(*(_chars(sub) for sub in children))
    return _ALPHABET  # ANY, group references...


def _chars(items: list[Any]) -> frozenset[int]:
    return frozenset().union(*(_item_chars(op, arg) for op, arg in items))


def _item_nullable(op: Any, arg: Any) -> bool:
    if op in _ZERO_WIDTH:
        return True
    if op in _REPEATS:
        return bool(arg[0] == 0 or _nullable(list(arg[2])))
    if op is _C.SUBPATTERN:
        return _nullable(list(arg[3]))
    if op is _C.BRANCH:
        return any(_nullable(list(b)) for b in arg[1])
    # Characters are never empty; group references and the like: assume the worst.
    return op not in (_C.LITERAL, _C.NOT_LITERAL, _C.IN, _C.ANY)


def _nullable(items: list[Any]) -> bool:
    return all(_item_nullable(op, arg) for op, arg in items)


def _item_first(op: Any, arg: Any) -> frozenset[int]:
    if op in (_C.LITERAL, _C.NOT_LITERAL, _C.IN, _C.ANY) or op in _ZERO_WIDTH:
        return _item_chars(op, arg)
    children = _children(op, arg)
    return frozenset().union(*(_first(sub) for sub in children)) if children else _ALPHABET


def _first(items: list[Any]) -> frozenset[int]:
    """Characters a match of ``items`` can start with."""
    found: frozenset[int] = frozenset()
    for op, arg in items:
        found |= _item_first(op, arg)
        if not _item_nullable(op, arg):
            break
    return found


def _tail(items: list[Any]) -> frozenset[int]:
    """Characters the end of ``items`` may take or leave: optional or unbounded parts at its end."""
    found: frozenset[int] = frozenset()
    for op, arg in reversed(items):
        nullable = _item_nullable(op, arg)
        if nullable or (op in _REPEATS and arg[1] == _MAXREPEAT):
            found |= _item_chars(op, arg)
        elif op in (_C.SUBPATTERN, _C.BRANCH) or op in _REPEATS:
            found |= frozenset().union(*(_tail(sub) for sub in _children(op, arg)))
        if not nullable:
            break
    return found


def _overlapping_branch(items: list[Any]) -> bool:
    for op, arg in items:
        if op is _C.BRANCH:
            alternatives = [list(b) for b in arg[1]]
            seen: frozenset[int] = frozenset()
            for alternative in alternatives:
                first = _first(alternative)
                if first & seen:
                    return True
                seen |= first
            if sum(_nullable(a) for a in alternatives) > 1:
                return True
        if op is _C.SUBPATTERN and _overlapping_branch(list(arg[3])):
            return True
    return False
