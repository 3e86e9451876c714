"""Lint output formats: text (rich), parsable, json, github; ``auto`` picks one."""

from __future__ import annotations

import json
import os
import sys
from itertools import groupby
from typing import TYPE_CHECKING

from replykit.text.normalize import printable

if TYPE_CHECKING:
    from replykit.lint.problem import Problem


def resolve(fmt: str) -> str:
    """``auto``: github under GitHub Actions, text on a terminal, parsable otherwise."""
    if fmt != "auto":
        return fmt
    if os.environ.get("GITHUB_ACTIONS") == "true":
        return "github"
    return "text" if sys.stdout.isatty() else "parsable"


def parsable(problems: list[Problem]) -> str:
    return "".join(f"{_where(p)}: [{p.level}] {printable(p.message)} ({p.check})\n" for p in problems)


def github(problems: list[Problem]) -> str:
    lines = []
    for p in problems:
        kind = "error" if p.level == "error" else "warning"
        place = f"file={p.path}" + (f",line={p.line}" if p.line else "") + (f",col={p.column}" if p.column else "")
        message = printable(p.message).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        lines.append(f"::{kind} {place},title={p.check}::{message}\n")
    return "".join(lines)


def as_json(problems: list[Problem]) -> str:
    data = {
        "schema": "replykit.lint/1",
        "problems": [p._asdict() for p in problems],
        "counts": {level: sum(p.level == level for p in problems) for level in ("error", "warning")},
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def print_text(problems: list[Problem], color: str) -> None:
    from rich.text import Text

    from replykit.formats.text import make_console

    console = make_console(color)
    for path, group in groupby(problems, key=lambda p: p.path):
        console.print(Text(printable(path), style="bold underline"))
        for p in group:
            line = Text(f"  {p.line}:{p.column}".ljust(10))
            line.append(p.level.ljust(9), style="red" if p.level == "error" else "yellow")
            line.append(printable(p.message))
            line.append(f"  ({p.check})", style="dim")
            console.print(line)
    errors = sum(p.level == "error" for p in problems)
    console.print(Text(f"{errors} error(s), {len(problems) - errors} warning(s)", style="bold"))


def _where(p: Problem) -> str:
    return f"{p.path}:{p.line}:{p.column}" if p.line else p.path
