"""The body of ``replykit reply``, shared by the typer command and the fast path."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from replykit.errors import UsageError

if TYPE_CHECKING:
    from replykit.reply.suggestion import Suggestion
    from replykit.rules.model import Rules

FORMATS = ("text", "json", "markdown")
LANG_CHOICES = ("auto", "en", "fr")
COLORS = ("auto", "always", "never")


def run_reply(
    file: str | None = None,
    text: str | None = None,
    author: str = "",
    platform: str = "",
    lang: str = "auto",
    rules: Path | None = None,
    templates: Path | None = None,
    var: list[str] | None = None,
    fmt: str = "text",
    color: str = "auto",
    edit: bool = False,
) -> int:
    """Read one comment, suggest replies, print them in ``fmt``; return the exit code.

    With ``edit``, the public reply opens in the user's editor first, and what
    they wrote is checked (tone and method) before it is printed: exit 1 when
    the check finds an error.
    """
    from replykit.reply.suggestion import suggest
    from replykit.rules.load import load_rules
    from replykit.text.inputs import read_comment

    comment = read_comment(file, text)
    loaded = load_rules(rules)
    result = suggest(
        comment,
        rules=loaded,
        author=author,
        platform=platform,
        lang=None if lang == "auto" else lang,
        variables=parse_vars(var or []),
        templates=templates,
    )
    if not edit:
        write(result, fmt, color)
        return 0
    return _edit_and_check(result, loaded, fmt, color)


def _edit_and_check(result: Suggestion, rules: Rules, fmt: str, color: str) -> int:
    from replykit.formats.checkout import print_text
    from replykit.lint.draft import check_text
    from replykit.lint.editor import edit_text

    edited = edit_text(result.public_reply)
    result = result._replace(public_reply=edited)
    category = "moderation" if result.action == "moderate" else result.category
    review = check_text(edited, rules, result.lang, category if category in CHECKED else "", True)
    write(result, fmt, color)
    if fmt == "json":
        sys.stderr.write(_json(review) + "\n")
    elif review["findings"]:
        print_text(edited, review, color, stderr=True)
    return 1 if review["counts"]["error"] else 0


CHECKED = ("complaint", "question", "moderation")


def _json(data: object) -> str:
    from replykit.formats.jsonout import dumps

    return dumps(data)


def parse_vars(items: list[str]) -> dict[str, str]:
    """``["brand=Acme", "policy.x=false"]`` as a dict; a malformed item is a usage error."""
    out = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise UsageError(f"--var {item!r}: expected KEY=VALUE, for example brand=Acme")
        out[key.strip()] = value
    return out


def write(result: Suggestion, fmt: str, color: str) -> None:
    if fmt == "json":
        from replykit.formats.jsonout import suggestion_json

        sys.stdout.write(suggestion_json(result) + "\n")
    elif fmt == "markdown":
        from replykit.formats.markdown import suggestion_markdown

        sys.stdout.write(suggestion_markdown(result))
    else:
        from replykit.formats.text import print_suggestion

        print_suggestion(result, color)
    sys.stdout.flush()
