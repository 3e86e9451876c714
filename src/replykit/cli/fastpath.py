"""A typer-free fast path for the commonest call, ``replykit reply ...``.

Importing typer and building its click command costs about 45 ms on a
2-core machine: more than everything else ``replykit reply --format json``
does together, and it would put one call at ~10x `python -c pass` when the
target is 8x (bench/startup.py). So ``reply`` with well-formed options is
parsed here and runs the same ``run_reply`` as the typer command. Anything
this parser does not fully understand (``--help``, an unknown option, a bad
choice, a missing value) returns None and typer handles the call, so every
message and error users see still comes from typer. tests/test_fastpath.py
checks that this table and the typer command declare the same options.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from replykit.cli.replycore import COLORS, FORMATS, LANG_CHOICES

# option names -> (run_reply parameter, choices or None, repeatable)
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
}
PATH_PARAMS = ("rules", "templates")


def parse_reply_args(args: list[str]) -> dict[str, Any] | None:
    """Keyword arguments for ``run_reply``, or None to let typer handle the call."""
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
    return kwargs


def _store(kwargs: dict[str, Any], name: str, value: str) -> bool:
    param, choices, repeatable = OPTIONS[name]
    if choices is not None and value not in choices:
        return False
    if repeatable:
        kwargs.setdefault(param, []).append(value)
    else:
        kwargs[param] = Path(value) if param in PATH_PARAMS else value
    return True


def try_fast_reply(args: list[str]) -> int | None:
    """Run ``reply`` without typer when the arguments are simple; None otherwise."""
    kwargs = parse_reply_args(args)
    if kwargs is None:
        return None
    from replykit.cli.boundary import run_guarded
    from replykit.cli.replycore import run_reply

    return run_guarded(run_reply, **kwargs)
