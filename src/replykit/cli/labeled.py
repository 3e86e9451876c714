"""Options shared by the commands that read labeled comments: ``eval`` and ``learn``."""

from __future__ import annotations

from enum import Enum
from typing import Annotated

import typer


class TextOrJson(str, Enum):
    text = "text"
    json = "json"


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
