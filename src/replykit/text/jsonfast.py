"""JSON for the batch hot path: orjson when it is exact, the standard library otherwise.

orjson parses a line about 8x and writes an entry about 35x faster than the
``json`` module (bench/batch.py); in a batch that is most of the time not
spent in the rules. It differs from ``json`` on a few inputs, and there the
standard library decides, so no value is ever changed or lost:
integers beyond 64 bits (orjson reads them as floats, and refuses to write
them), and NaN or Infinity, which ``json`` accepts on input (they are
written back as null, since JSON has no NaN).
"""

from __future__ import annotations

import json
import re
from typing import Any

try:
    import orjson
except ImportError:  # pragma: no cover - orjson is a dependency; this keeps a broken install working
    orjson = None  # type: ignore[assignment]

__all__ = ["dumps_line", "loads", "orjson"]

_LONG_NUMBER = re.compile(r"\d{20}")  # 20 digits may exceed an unsigned 64-bit integer


def loads(line: str) -> Any:
    """Parse one JSON document; raises ``ValueError`` (``json.JSONDecodeError``) like ``json.loads``."""
    if orjson is None or _LONG_NUMBER.search(line):
        return json.loads(line)
    try:
        return orjson.loads(line)
    except orjson.JSONDecodeError:
        return json.loads(line)  # NaN and friends, or the standard library's error message


def dumps_line(data: Any) -> bytes:
    """``data`` as one line of UTF-8 JSON ending in a newline; control characters escaped."""
    if orjson is not None:
        try:
            return bytes(orjson.dumps(data, option=orjson.OPT_APPEND_NEWLINE))
        except TypeError:  # an integer beyond 64 bits, or a key that is not a string
            pass
    return (json.dumps(data, ensure_ascii=False) + "\n").encode("utf-8", "surrogateescape")
