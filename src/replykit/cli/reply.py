"""``replykit reply``: one comment in, a triage and two replies out."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from replykit.cli import ColorOption, RulesOption, app, error_boundary


class ReplyFormat(str, Enum):
    text = "text"
    json = "json"
    markdown = "markdown"


class Lang(str, Enum):
    auto = "auto"
    en = "en"
    fr = "fr"


@app.command()
@error_boundary
def reply(
    file: Annotated[str | None, typer.Argument(help="File with the comment, or - for stdin.", show_default=False)] = None,
    text: Annotated[str | None, typer.Option("--text", "-t", help="The comment itself.")] = None,
    author: Annotated[str, typer.Option("--author", "-a", help="Name or handle of the commenter.")] = "",
    platform: Annotated[str, typer.Option("--platform", "-p", help="x, twitter, facebook, instagram, linkedin, google...; x/twitter limits the reply to 280 characters.")] = "",
    lang: Annotated[Lang, typer.Option("--lang", "-l", help="Reply language; auto detects it from the comment.")] = Lang.auto,
    rules: RulesOption = None,
    templates: Annotated[Path | None, typer.Option("--templates", help="Templates folder (default: beside rules.yaml, or the built-in ones).")] = None,
    var: Annotated[list[str] | None, typer.Option("--var", help="Override a profile value or policy: brand=Acme, policy.reply_to_general=false.")] = None,
    fmt: Annotated[ReplyFormat, typer.Option("--format", "-f", help="text (for people), json (for scripts), markdown.")] = ReplyFormat.text,
    color: ColorOption = "auto",  # type: ignore[assignment]
) -> int:
    """Suggest a public reply and a private follow-up script for one comment.

    Examples: echo "Commande jamais reçue" | replykit reply;
    replykit reply comment.txt --author Julie --platform x --format json;
    replykit reply --text "Where is my order?" --lang en
    """
    from replykit.inputs import read_comment
    from replykit.rules import load_rules
    from replykit.suggest import suggest

    comment = read_comment(file, text)
    loaded = load_rules(rules)
    result = suggest(
        comment,
        rules=loaded,
        author=author,
        platform=platform,
        lang=None if lang == Lang.auto else lang.value,
        variables=parse_vars(var or []),
        templates=templates,
    )
    write(result, fmt, str(getattr(color, "value", color)))
    return 0


def parse_vars(items: list[str]) -> dict[str, str]:
    from replykit.errors import UsageError

    out = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise UsageError(f"--var {item!r}: expected KEY=VALUE, for example brand=Acme")
        out[key.strip()] = value
    return out


def write(result: object, fmt: ReplyFormat, color: str) -> None:
    if fmt == ReplyFormat.json:
        from replykit.formats.jsonout import suggestion_json

        sys.stdout.write(suggestion_json(result) + "\n")  # type: ignore[arg-type]
    elif fmt == ReplyFormat.markdown:
        from replykit.formats.markdown import suggestion_markdown

        sys.stdout.write(suggestion_markdown(result))  # type: ignore[arg-type]
    else:
        from replykit.formats.text import print_suggestion

        print_suggestion(result, color)  # type: ignore[arg-type]
    sys.stdout.flush()
