"""``replykit lint``: check rules and templates against the method, for CI."""

from __future__ import annotations

import sys
from enum import Enum
from typing import Annotated

import typer

from replykit.cli.options import ColorOption, error_boundary


class LintFormat(str, Enum):
    auto = "auto"
    text = "text"
    parsable = "parsable"
    json = "json"
    github = "github"


@error_boundary
def lint(
    paths: Annotated[
        list[str] | None,
        typer.Argument(help="rules.yaml files or folders holding one (default: the rules in use).", show_default=False),
    ] = None,
    rules: Annotated[str | None, typer.Option("--rules", help="The rules file to lint when no PATH is given.")] = None,
    templates: Annotated[
        str | None, typer.Option("--templates", help="Templates folder (default: the one the rules use).")
    ] = None,
    fmt: Annotated[
        LintFormat,
        typer.Option(
            "--format",
            "-f",
            help="auto (github in GitHub Actions, text on a terminal, else parsable), text, parsable, json, github.",
        ),
    ] = LintFormat.auto,
    strict: Annotated[bool, typer.Option("--strict", help="Warnings fail too (exit 1).")] = False,
    allow_example_profile: Annotated[
        bool,
        typer.Option(
            "--allow-example-profile",
            help="Skip the example-profile check (for rules that ship the example business on purpose).",
        ),
    ] = False,
    list_checks: Annotated[bool, typer.Option("--list", help="Describe every check and exit.")] = False,
    color: ColorOption = "auto",  # type: ignore[assignment]
) -> int:
    """Check rules.yaml and reply templates; exit 1 on errors (or warnings with --strict).

    Exit codes: 0 clean, 1 problems found, 2 usage or configuration error.
    Examples: replykit lint; replykit lint my-rules/ --format parsable
    """
    from replykit.formats import dispatch
    from replykit.formats import lintout as formats
    from replykit.lint import runner

    if list_checks:
        for check_id, level, doc in runner.documented_checks():
            sys.stdout.write(f"{check_id} [{level}]\n{_indent(doc)}\n\n")
        return 0
    skip = frozenset({"example-profile"} if allow_example_profile else ())
    problems = runner.run(runner.targets_for(paths or [], rules, templates), skip)
    dispatch.LINT[formats.resolve(fmt.value)](problems, str(getattr(color, "value", color)))
    failing = [p for p in problems if p.level == "error" or strict]
    return 1 if failing else 0


def _indent(text: str) -> str:
    return "\n".join(f"    {line}" if line else "" for line in text.splitlines())
