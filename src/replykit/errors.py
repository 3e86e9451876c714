"""Errors replykit raises on purpose, and the exit codes they map to.

Every expected failure is a :class:`ReplykitError`; the CLI prints its
one-line message and exits with its code, never with a traceback.
"""

from __future__ import annotations

from enum import IntEnum
from typing import NamedTuple


class ExitCode(IntEnum):
    """Process exit codes, documented in the README and ``--help``."""

    OK = 0
    INPUT_ERROR = 1  # the comment itself cannot be used (empty, undecodable, ...)
    CONFIG_ERROR = 2  # bad options, missing file, broken rules.yaml or template
    INTERNAL_ERROR = 3  # a bug in replykit
    INTERRUPTED = 130  # Ctrl-C


class Location(NamedTuple):
    """A place in a source file, 1-based, for error messages."""

    file: str
    line: int = 0
    column: int = 0
    keypath: str = ""

    def __str__(self) -> str:
        place = self.file
        if self.line:
            place += f":{self.line}:{self.column or 1}"
        return f"{place}: {self.keypath}" if self.keypath else place


class ReplykitError(Exception):
    """Base class of the errors replykit reports to the user."""

    exit_code: ExitCode = ExitCode.CONFIG_ERROR


class InputError(ReplykitError):
    """The comment to answer cannot be read or is unusable."""

    exit_code = ExitCode.INPUT_ERROR


class UsageError(ReplykitError):
    """A command-line option or path is wrong."""


class RulesError(ReplykitError):
    """rules.yaml is invalid; carries every problem found, with locations."""

    def __init__(self, problems: list[tuple[Location, str]]) -> None:
        self.problems = problems
        super().__init__("\n".join(f"{loc}: {msg}" for loc, msg in problems))


class TemplateError(ReplykitError):
    """A reply template is missing, does not compile or fails to render."""
