"""Regexes from rules files, run with a time limit.

Rule packs are shared between users, and a regex such as ``(a|aa)+$`` makes
Python's own engine backtrack for hours on a comment of forty letters; only a
signal (Ctrl-C) stops it, which ends the whole run. ``replykit lint`` warns
about such regexes (``regex-backtracking``), but a static check cannot catch
them all, so every regex written in a rules file runs in the ``regex``
engine, which accepts the same syntax and gives up on a search after
:data:`TIME_LIMIT` seconds, in any thread and on any platform (a timer
signal would only work in the main thread, and not on Windows).

A regex stopped that way counts as "no match" for that comment, the comment
carries a warning, and after :data:`MAX_STRIKES` stops in one process the
regex is skipped for the rest of the run, so a batch of a million comments
cannot spend a million time limits on it. The price: about 1 microsecond per
search, some 7 per comment with the default rules (about 10% of a triage).
"""

from __future__ import annotations

from typing import Any

TIME_LIMIT = 0.25  # seconds per regex and comment; the default rules need ~5 microseconds
MAX_STRIKES = 3


class PatternStopped(Exception):
    """A regex ran past the time limit on one comment (or was already disabled)."""


class BoundedPattern:
    """A compiled regex whose searches stop after :data:`TIME_LIMIT` seconds."""

    __slots__ = ("_compiled", "anchored", "flags", "pattern", "strikes")

    def __init__(self, source: str, flags: int = 0) -> None:
        import regex  # only rules with regexes pay for the import

        # VERSION0: the syntax and behaviour of Python's re module, which
        # rules files are validated against.
        self._compiled: Any = regex.compile(source, flags | regex.VERSION0)
        self.pattern = source
        self.flags = flags
        # "^..." without MULTILINE can only match at the start: one match() instead of a scan.
        self.anchored = source.startswith("^") and not flags & regex.MULTILINE
        self.strikes = 0

    def matches(self, text: str) -> list[Any]:
        """Every match in ``text`` (the time limit covers the whole search).

        Raises:
            PatternStopped: the search ran past the time limit, or this regex
                already did so :data:`MAX_STRIKES` times.
        """
        if self.strikes >= MAX_STRIKES:
            raise PatternStopped(f"regex '{self.pattern}' is skipped: it ran past {TIME_LIMIT:g} s {MAX_STRIKES} times")
        try:
            if self.anchored:
                found = self._compiled.match(text, timeout=TIME_LIMIT)
                return [found] if found else []
            return list(self._compiled.finditer(text, timeout=TIME_LIMIT))
        except TimeoutError:
            self.strikes += 1
            raise PatternStopped(f"regex '{self.pattern}' was stopped after {TIME_LIMIT:g} s on this comment") from None


def check_syntax(source: str) -> str | None:
    """Why the time-limited engine cannot run ``source``, or None when it can."""
    import regex

    try:
        regex.compile(source, regex.VERSION0)
    except regex.error as exc:
        return str(exc)
    return None
