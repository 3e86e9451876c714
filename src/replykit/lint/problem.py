"""What a lint check reports."""

from __future__ import annotations

from typing import NamedTuple

LEVELS = ("error", "warning")


class Problem(NamedTuple):
    """One finding, located in a file (line and column are 1-based, 0 when unknown)."""

    path: str
    line: int
    column: int
    level: str
    message: str
    check: str

    def sort_key(self) -> tuple[str, int, int, str, str]:
        # The message breaks ties: the output order must not depend on set order.
        return (self.path, self.line, self.column, self.check, self.message)
