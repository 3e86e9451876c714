"""A typer-free fast path for the commonest call, ``replykit reply ...``.

Importing typer and building its click command costs about 45 ms on a
2-core machine: more than everything else ``replykit reply --format json``
does together, and it would put one call at ~10x `python -c pass` when the
target is 8x (bench/startup.py). So ``reply`` with well-formed options is
parsed here into the same :class:`ReplyArgs` and runs the same
:func:`run_reply` as the typer command. Anything
this parser does not fully understand (``--help``, an unknown option, a bad
choice, a missing value) returns None and typer handles the call, so every
message and error users see still comes from typer. tests/cli/test_fastpath.py
checks that this table and the typer command declare the same options.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, NamedTuple

from replykit.formats.dispatch import REPLY

LANG_CHOICES = ("auto", "en", "fr")
COLORS = ("auto", "always", "never")
FORMATS = tuple(REPLY)


class ReplyArgs(NamedTuple):
    """The options of ``replykit reply``, from typer or from the fast path."""

    file: str | None = None
    text: str | None = None
    author: str = ""
    platform: str = ""
    lang: str = "auto"
    rules: Path | None = None
    templates: Path | None = None
    var: tuple[str, ...] = ()
    fmt: str = "text"
    color: str = "auto"
    edit: bool = False
    variants: int = 1


def run_reply(args: ReplyArgs) -> int:
    """Read one comment, suggest replies, print them in ``args.fmt``; return the exit code.

    With ``edit``, the public reply opens in the user's editor first, and what
    they wrote is checked (tone and method) before it is printed: exit 1 when
    the check finds an error.
    """
    from replykit.formats.dispatch import write_reply
    from replykit.reply.suggestion import parse_vars, suggest_with_alternatives
    from replykit.rules.load import load_rules
    from replykit.text.inputs import read_comment

    comment = read_comment(args.file, args.text)
    loaded = load_rules(args.rules)
    result = suggest_with_alternatives(
        comment,
        args.variants,
        rules=loaded,
        author=args.author,
        platform=args.platform,
        lang=None if args.lang == "auto" else args.lang,
        variables=parse_vars(args.var),
        templates=args.templates,
    )
    _warn_example_profile(result.warnings)
    if not args.edit:
        write_reply(result, args.fmt, args.color)
        return 0
    from replykit.lint.draft import edit_and_check

    edited, review = edit_and_check(result, loaded)
    write_reply(edited, args.fmt, args.color)
    if args.fmt == "json":
        import sys

        from replykit.formats.jsonout import dumps

        sys.stderr.write(dumps(review) + "\n")
    elif review["findings"]:
        from replykit.formats.checkout import print_text

        print_text(edited.public_reply, review, args.color, stderr=True)
    return 1 if review["counts"]["error"] else 0


def _warn_example_profile(warnings: tuple[str, ...]) -> None:
    from replykit.cli.boundary import warn
    from replykit.rules.example import is_example_warning

    for message in filter(is_example_warning, warnings):
        warn(message)


# option names -> (ReplyArgs field, choices or None, repeatable)
OPTIONS: dict[str, tuple[str, tuple[str, ...] | None, bool]] = {
    "--text": ("text", None, False),
    "-t": ("text", None, False),
    "--author": ("author", None, False),
    "-a": ("author", None, False),
    "--platform": ("platform", None, False),
    "-p": ("platform", None, False),
    "--lang": ("lang", LANG_CHOICES, False),
    "-l": ("lang", LANG_CHOICES, False),
    "--rules": ("rules", None, False),
    "--templates": ("templates", None, False),
    "--var": ("var", None, True),
    "--format": ("fmt", FORMATS, False),
    "-f": ("fmt", FORMATS, False),
    "--color": ("color", COLORS, False),
    "--variants": ("variants", None, False),
}
PATH_PARAMS = ("rules", "templates")


def parse_reply_args(args: list[str]) -> ReplyArgs | None:
    """The options of ``reply``, or None to let typer handle the call."""
    kwargs: dict[str, Any] = {}
    positional: list[str] = []
    i = 0
    while i < len(args):
        arg = args[i]
        if arg == "--":
            positional.extend(args[i + 1 :])
            break
        if arg.startswith("-") and arg != "-":
            name, eq, value = arg.partition("=")
            if name not in OPTIONS:
                return None
            if not eq:
                if i + 1 >= len(args):
                    return None
                i += 1
                value = args[i]
            if not _store(kwargs, name, value):
                return None
        else:
            positional.append(arg)
        i += 1
    if len(positional) > 1:
        return None
    if positional:
        kwargs["file"] = positional[0]
    return ReplyArgs(**kwargs)


def _store(kwargs: dict[str, Any], name: str, value: str) -> bool:
    param, choices, repeatable = OPTIONS[name]
    if choices is not None and value not in choices:
        return False
    if param == "variants":
        if not value.isdigit() or int(value) < 1:
            return False  # typer reports it
        kwargs[param] = int(value)
        return True
    if repeatable:
        kwargs[param] = (*kwargs.get(param, ()), value)
    else:
        kwargs[param] = Path(value) if param in PATH_PARAMS else value
    return True


def try_fast_reply(args: list[str]) -> int | None:
    """Run ``reply`` without typer when the arguments are simple; None otherwise."""
    parsed = parse_reply_args(args)
    if parsed is None:
        return None
    from replykit.cli.boundary import run_guarded

    return run_guarded(run_reply, parsed)
