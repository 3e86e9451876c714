"""``replykit init``: start your own rules.yaml and templates from the defaults."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from replykit.cli.options import error_boundary

# What each prompt asks, and what Enter gives (shown in brackets): "" leaves the field out.
PROMPTS = {
    "brand": "Business or brand name",
    "signature": "Signature at the end of replies (e.g. 'Julie, Atelier Lune')",
    "phone": "Phone number customers can call",
    "email": "E-mail address customers can write to",
    "website": "Website",
    "hours": "Opening hours (e.g. 'Monday to Friday, 9am to 6pm')",
}
LEFT_OUT = "leave out"


class ReplyLang(str, Enum):
    en = "en"
    fr = "fr"


@error_boundary
def init(
    directory: Annotated[Path, typer.Argument(help="Folder to create the files in.")] = Path("."),
    brand: Annotated[str | None, typer.Option("--brand", help="Your business name.")] = None,
    signature: Annotated[
        str | None, typer.Option("--signature", help="How replies are signed (default: the brand).")
    ] = None,
    phone: Annotated[str | None, typer.Option("--phone", help="Phone number for private follow-up.")] = None,
    email: Annotated[str | None, typer.Option("--email", help="E-mail for private follow-up.")] = None,
    website: Annotated[str | None, typer.Option("--website", help="Your website.")] = None,
    hours: Annotated[str | None, typer.Option("--hours", help="Opening hours, as replies should say them.")] = None,
    dm: Annotated[
        str | None, typer.Option("--dm", help="How replies name a private message (default: 'a direct message').")
    ] = None,
    default_lang: Annotated[
        ReplyLang | None, typer.Option("--default-lang", help="Reply language when unclear (default: fr).")
    ] = None,
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
    terminal (Enter leaves a field out). Given no profile option at all and no
    terminal, the example business's profile is kept (replies then warn about
    it); given some, the others are left out. replykit then finds ./rules.yaml
    automatically.

    Example: replykit init --brand "Atelier Lune" --signature "Julie" --phone "01 23 45 67 89" --email hello@lune.fr
    """
    from replykit.rules.scaffold import SECTORS, complete_profile, init_project, parse_sectors

    given: dict[str, str | None] = {"brand": brand, "signature": signature, "phone": phone, "email": email,
                                    "website": website, "hours": hours, "dm": dm,
                                    "default_lang": default_lang.value if default_lang else None}  # fmt: skip
    if _interactive():
        given = _ask(given)
    sectors = parse_sectors(sector) if sector is not None else SECTORS
    written = init_project(directory, complete_profile(given), force=force, sectors=sectors)
    sys.stdout.write(_done(directory, len(written), sectors))
    return 0


def _interactive() -> bool:
    return sys.stdin.isatty() and sys.stdout.isatty()


def _ask(given: dict[str, str | None]) -> dict[str, str | None]:
    """Prompt for each profile field not given; the bracket shows what Enter gives."""
    answers = dict(given)
    for key, question in PROMPTS.items():
        if answers[key] is None:
            default = (answers.get("brand") or "") if key == "signature" else ""
            answer = typer.prompt(f"{question} [{default or LEFT_OUT}]", default="", show_default=False)
            answers[key] = answer.strip() or default
    return answers


def _done(directory: Path, count: int, sectors: tuple[str, ...]) -> str:
    from replykit.rules.example import example_fields
    from replykit.rules.load import load_rules

    left = example_fields(load_rules(directory / "rules.yaml", use_cache=False).profile)
    note = (
        f"The profile still gives the example business's {', '.join(left)}: edit the profile in rules.yaml "
        "(or run replykit init --force with --brand, --phone, --email...) and the solutions table, then try:\n"
        if left
        else "Edit the profile and the solutions table in rules.yaml, then try:\n"
    )
    return (
        f"Wrote {count} files in {directory}: rules.yaml, lexicons/ ({', '.join(sectors)}) and templates/.\n"
        f"{note}"
        f'  cd {directory} && replykit reply --text "Where is my order?"\n'
    )
