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
    from replykit.measure.skipped import skipped_messages

    for level, message in skipped_messages(result, name):
        if level == "note":
            sys.stderr.write(f"replykit: note: {message}\n")
        else:
            report(message)
