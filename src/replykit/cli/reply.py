"""``replykit reply``: one comment in, a triage and two replies out."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from replykit.cli.options import ColorOption, Lang, RulesOption, error_boundary


class ReplyFormat(str, Enum):
    text = "text"
    json = "json"
    markdown = "markdown"


@error_boundary
def reply(
    file: Annotated[
        str | None, typer.Argument(help="File with the comment, or - for stdin.", show_default=False)
    ] = None,
    text: Annotated[str | None, typer.Option("--text", "-t", help="The comment itself.")] = None,
    author: Annotated[str, typer.Option("--author", "-a", help="Name or handle of the commenter.")] = "",
    platform: Annotated[
        str,
        typer.Option(
            "--platform",
            "-p",
            help="x, twitter, facebook, instagram, linkedin, google...; x/twitter limits the reply to 280 characters.",
        ),
    ] = "",
    lang: Annotated[
        Lang, typer.Option("--lang", "-l", help="Reply language; auto detects it from the comment.")
    ] = Lang.auto,
    rules: RulesOption = None,
    templates: Annotated[
        Path | None,
        typer.Option("--templates", help="Templates folder (default: beside rules.yaml, or the built-in ones)."),
    ] = None,
    var: Annotated[
        list[str] | None,
        typer.Option("--var", help="Override a profile value or policy: brand=Acme, policy.reply_to_general=false."),
    ] = None,
    fmt: Annotated[
        ReplyFormat, typer.Option("--format", "-f", help="text (for people), json (for scripts), markdown.")
    ] = ReplyFormat.text,
    color: ColorOption = "auto",  # type: ignore[assignment]
    edit: Annotated[
        bool,
        typer.Option(
            "--edit", "-e", help="Open the public reply in $EDITOR, then check what you wrote before printing it."
        ),
    ] = False,
    variants: Annotated[
        int,
        typer.Option(
            "--variants", min=1, help="Print N differently worded public replies to choose from (JSON: alternatives)."
        ),
    ] = 1,
) -> int:
    """Suggest a public reply and a private follow-up script for one comment.

    Examples: echo "Commande jamais reçue" | replykit reply;
    replykit reply comment.txt --author Julie --platform x --format json;
    replykit reply --text "Where is my order?" --lang en
    """
    from replykit.cli import fastpath

    return fastpath.run_reply(
        fastpath.ReplyArgs(
            file=file,
            text=text,
            author=author,
            platform=platform,
            lang=lang.value,
            rules=rules,
            templates=templates,
            var=tuple(var or ()),
            fmt=fmt.value,
            color=str(getattr(color, "value", color)),
            edit=edit,
            variants=variants,
        )
    )
