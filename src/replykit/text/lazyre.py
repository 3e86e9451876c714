"""Regular expressions compiled on first use, so that importing a module full of them costs nothing.

``reply`` starts in about ten times the time of ``python -c pass``; a module that
compiles fifty patterns at import (``listen/ask.py``) adds 10 ms to every run,
even one that never reads a question. ``lazy_compile`` returns a stand-in with
the pattern's methods, compiled the first time one is called.
"""

from __future__ import annotations

import re
from typing import Any, cast


class _LazyPattern:
    def __init__(self, pattern: str, flags: int) -> None:
        self._args = (pattern, flags)
        self._compiled: re.Pattern[str] | None = None

    def __getattr__(self, name: str) -> Any:
        """Called only for a name not yet held: it is kept, so later calls (``.search``) cost a plain lookup."""
        compiled = self._compiled
        if compiled is None:
            compiled = self._compiled = re.compile(*self._args)
        value = getattr(compiled, name)
        setattr(self, name, value)
        return value


def lazy_compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, done when the pattern is first used."""
    return cast("re.Pattern[str]", _LazyPattern(pattern, flags))
