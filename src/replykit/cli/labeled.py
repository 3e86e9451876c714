"""Options shared by the commands that read labeled comments: ``eval`` and ``learn``."""

from __future__ import annotations

import sys
from typing import Annotated, Any

import typer

LabeledInput = Annotated[str, typer.Argument(help="Labeled comments: JSON lines or CSV file; - for stdin.")]
LabelFieldOption = Annotated[
    str | None, typer.Option("--label-field", help="Field or column holding the label (default: category).")
]
PresetOption = Annotated[
    str | None,
    typer.Option("--preset", help="A documented mapping: complaints_en, offensive_en, offensive_fr, airline_en."),
]
TextFieldOption = Annotated[str, typer.Option("--text-field", help="Field or column holding the comment.")]
IdFieldOption = Annotated[str, typer.Option("--id-field", help="Field or column holding the record's id.")]


def report_skipped(result: Any, name: str) -> None:
    """On stderr: the bad, unlabeled, unmapped and left-out records of an eval or learn run."""
    from replykit.cli.boundary import report

    for line, error in result.bad:
        report(f"{name}:{line}: {error}")
    if result.bad_count > len(result.bad):
        report(f"... {result.bad_count - len(result.bad)} more bad records")
    if result.bad_count:
        report(f"{result.bad_count} bad records skipped")
    field = result.label_field
    if result.unlabeled.count:
        lines = ", ".join(map(str, result.unlabeled.lines))
        report(f"{result.unlabeled.count} records without a '{field}' label skipped (lines {lines}); see --label-field")
    if result.unmapped.count:
        lines = ", ".join(map(str, result.unmapped.lines))
        values = ", ".join(repr(v) for v, _ in result.unmapped.values.most_common(5))
        report(
            f"{result.unmapped.count} records with an unmapped '{field}' label ({values}) skipped"
            f" (lines {lines}); see --map"
        )
    if result.excluded.count:
        sys.stderr.write(f"replykit: note: {result.excluded.count} records left out by the preset\n")
