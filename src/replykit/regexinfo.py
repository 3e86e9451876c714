"""What a regular expression needs to match: a substring every match contains.

Used only to skip a regex cheaply; so it must never claim a substring that a
match could lack. It reads the parsed pattern (the standard library's own
parser) and keeps to the safe cases: literal characters that follow one
another at the top level of the pattern, outside any group, alternation,
optional part or case folding it cannot reason about. Anything else gives "",
meaning "no shortcut".
"""

from __future__ import annotations

import re
from typing import Any

try:  # the parser moved in Python 3.11
    from re import _parser as sre_parse  # type: ignore[attr-defined,unused-ignore]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_parse  # type: ignore[no-redef,unused-ignore]

_LITERAL = sre_parse.LITERAL


def required_literal(source: str, flags: int = 0) -> str:
    """The longest run of literal characters every match of ``source`` contains, or ""."""
    try:
        parsed = sre_parse.parse(source, flags)
    except Exception:
        return ""
    if (flags | parsed.state.flags) & (re.IGNORECASE | re.VERBOSE) and not _folds_safely(parsed):
        return ""
    best, run = "", ""
    for op, arg in parsed:
        if op is _LITERAL:
            run += chr(arg)
            continue
        best, run = max(best, run, key=len), ""
    return _fold(max(best, run, key=len), flags | parsed.state.flags)


def _folds_safely(parsed: Any) -> bool:
    # With IGNORECASE we compare against lower-case text: fine for ASCII letters.
    return all(op is not _LITERAL or chr(arg).isascii() for op, arg in parsed)


def _fold(literal: str, flags: int) -> str:
    return literal.lower() if flags & re.IGNORECASE else literal
