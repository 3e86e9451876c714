"""JSON output: the stable ``replykit.suggestion/1`` schema (see the README)."""

from __future__ import annotations

import json
from typing import Any

from replykit.reply.suggestion import Suggestion


def suggestion_json(result: Suggestion, *, indent: int | None = 2) -> str:
    return dumps(result.to_dict(), indent=indent)


def dumps(data: Any, *, indent: int | None = None) -> str:
    # ensure_ascii=False keeps French readable; json still escapes control
    # characters, so an ANSI sequence in a comment stays inert text.
    return json.dumps(data, ensure_ascii=False, indent=indent)
