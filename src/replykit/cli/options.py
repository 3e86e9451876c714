"""Options and helpers shared by the commands: colour, formats, --rules, --lang, the error boundary."""

from __future__ import annotations

import functools
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer


class Color(str, Enum):
    auto = "auto"
    always = "always"
    never = "never"


class TextOrJson(str, Enum):
    """The ``--format`` of commands with one output for people and one for scripts."""

    text = "text"
    json = "json"


RulesOption = Annotated[
    Path | None,
    typer.Option(
        "--rules", help="rules.yaml to use (default: $REPLYKIT_RULES, else ./rules.yaml, else the built-in rules)."
    ),
]
ColorOption = Annotated[
    Color, typer.Option("--color", help="Colour in text output: auto honours NO_COLOR and non-terminals.")
]

F = TypeVar("F", bound=Callable[..., Any])


def error_boundary(func: F) -> F:
    """Turn expected errors into one line on stderr and the documented exit code."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from replykit.cli.boundary import run_guarded

        raise typer.Exit(run_guarded(func, *args, **kwargs))

    return wrapper  # type: ignore[return-value]


class Lang(str, Enum):
    auto = "auto"
    en = "en"
    fr = "fr"
