"""``replykit init``: start your own rules.yaml and templates from the defaults."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from replykit.cli.options import error_boundary

PROMPTS = {
    "brand": "Business or brand name",
    "signature": "Signature at the end of replies (e.g. 'Julie, Atelier Lune')",
    "phone": "Phone number customers can call",
    "email": "E-mail address customers can write to",
}


@error_boundary
def init(
    directory: Annotated[Path, typer.Argument(help="Folder to create the files in.")] = Path("."),
    brand: Annotated[str | None, typer.Option("--brand", help="Your business name.")] = None,
    signature: Annotated[str | None, typer.Option("--signature", help="How replies are signed.")] = None,
    phone: Annotated[str | None, typer.Option("--phone", help="Phone number for private follow-up.")] = None,
    email: Annotated[str | None, typer.Option("--email", help="E-mail for private follow-up.")] = None,
    sector: Annotated[
        str | None,
        typer.Option(
            "--sector",
            help="Your trades, comma-separated: food, beauty, fitness, building, shop, freelance, hotel "
            "(default: all). Keeps only their word lists in lexicons/.",
        ),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite existing files.")] = False,
) -> int:
    """Copy the default rules.yaml and templates/ into DIRECTORY to customise.

    Asks for the profile values that are not given as options when run in a
    terminal. replykit then finds ./rules.yaml automatically.

    Example: replykit init --brand "Atelier Lune" --signature "Julie" --phone "01 23 45 67 89" --email hello@lune.fr
    """
    from replykit.rules.scaffold import SECTORS, init_project, parse_sectors

    sectors = parse_sectors(sector) if sector is not None else SECTORS
    given = {"brand": brand, "signature": signature, "phone": phone, "email": email}
    interactive = sys.stdin.isatty() and sys.stdout.isatty()
    profile = {
        key: value if value is not None else (typer.prompt(PROMPTS[key], default="") if interactive else "")
        for key, value in given.items()
    }
    written = init_project(directory, profile, force=force, sectors=sectors)
    sys.stdout.write(
        f"Wrote {len(written)} files in {directory}: rules.yaml, lexicons/ ({', '.join(sectors)}) and templates/.\n"
        "Edit the profile and the solutions table in rules.yaml, then try:\n"
        f'  cd {directory} && replykit reply --text "Where is my order?"\n'
    )
    return 0
