"""What a regular expression needs to match: strings at least one of which every match contains.

Used only to skip a regex cheaply, so it must never claim a string a match
could lack. It reads the parsed pattern (the standard library's own parser)
and keeps to the safe cases: literal characters, character sets of literals,
groups without local flags, alternations whose every branch has a required
string, and repeats of at least one. Lookarounds, anchors, classes such as
``\\w`` and optional parts are skipped, never guessed. No answer means "no
shortcut".
"""

from __future__ import annotations

import re
from typing import Any

try:  # the parser moved in Python 3.11
    from re import _parser as sre_parse  # type: ignore[attr-defined,unused-ignore]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_parse  # type: ignore[no-redef,unused-ignore]

_C = sre_parse  # opcode constants live beside the parser
_REPEATS = {_C.MAX_REPEAT, _C.MIN_REPEAT, *([_C.POSSESSIVE_REPEAT] if hasattr(_C, "POSSESSIVE_REPEAT") else [])}
MAX_ALTERNATIVES = 8  # each absent substring costs ~0.1 us: more of them cost what the regex does


def required_any(source: str, flags: int = 0) -> tuple[str, ...]:
    """Strings of which every match of ``source`` contains at least one; () when unsure."""
    try:
        parsed = sre_parse.parse(source, flags)
    except Exception:
        return ()
    flags |= parsed.state.flags
    found = _sequence(list(parsed))
    if not found or (flags & re.IGNORECASE and not all(s.isascii() for s in found)):
        return ()
    return tuple(sorted(s.lower() if flags & re.IGNORECASE else s for s in found))


def _sequence(items: list[tuple[Any, Any]]) -> frozenset[str] | None:
    candidates: list[frozenset[str]] = []
    run = ""
    for op, arg in items:
        if op is _C.LITERAL:
            run += chr(arg)
            continue
        if run:
            candidates.append(frozenset([run]))
            run = ""
        found = _item(op, arg)
        if found:
            candidates.append(found)
    if run:
        candidates.append(frozenset([run]))
    return _best(candidates)


def _item(op: Any, arg: Any) -> frozenset[str] | None:
    if op is _C.IN:
        return frozenset(chr(a) for o, a in arg) if all(o is _C.LITERAL for o, _ in arg) else None
    if op in _REPEATS:
        low, _high, sub = arg
        return _sequence(list(sub)) if low >= 1 else None
    if op is _C.SUBPATTERN:
        _group, add_flags, del_flags, sub = arg
        return None if add_flags or del_flags else _sequence(list(sub))
    if op is _C.BRANCH:
        branches = [_sequence(list(branch)) for branch in arg[1]]
        if any(not b for b in branches):
            return None
        return frozenset().union(*branches)  # type: ignore[arg-type]
    return None


def _best(candidates: list[frozenset[str]]) -> frozenset[str] | None:
    usable = [c for c in candidates if len(c) <= MAX_ALTERNATIVES]
    if not usable:
        return None
    return max(usable, key=lambda c: (min(len(s) for s in c), -len(c)))
