"""One table per command from a ``--format`` name to the function that prints it.

The typer commands and the typer-free fast path of ``reply`` choose through
these tables, so a new format is one function here and one name in the
command's choices (tests check both agree). Each function imports its
formatter lazily: ``reply --format json`` must not load rich.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from replykit.reply.suggestion import Suggestion


def _reply_text(result: Suggestion, color: str) -> None:
    from replykit.formats.text import print_suggestion

    print_suggestion(result, color)


def _reply_json(result: Suggestion, color: str) -> None:
    from replykit.formats.jsonout import suggestion_json

    sys.stdout.write(suggestion_json(result) + "\n")


def _reply_markdown(result: Suggestion, color: str) -> None:
    from replykit.formats.markdown import suggestion_markdown

    sys.stdout.write(suggestion_markdown(result))


# ``replykit reply --format``: (suggestion, colour) -> printed on stdout
REPLY: dict[str, Callable[[Suggestion, str], None]] = {
    "text": _reply_text,
    "json": _reply_json,
    "markdown": _reply_markdown,
}


def write_reply(result: Suggestion, fmt: str, color: str) -> None:
    """Print one suggestion on stdout in ``fmt``, then flush."""
    REPLY[fmt](result, color)
    sys.stdout.flush()


def _check_text(draft: str, review: dict[str, Any], color: str) -> None:
    from replykit.formats.checkout import print_text

    print_text(draft, review, color)


def _check_json(draft: str, review: dict[str, Any], color: str) -> None:
    from replykit.formats.jsonout import dumps

    sys.stdout.write(dumps(review, indent=2) + "\n")


# ``replykit check --format``: (draft, review, colour) -> printed on stdout
CHECK: dict[str, Callable[[str, dict[str, Any], str], None]] = {"text": _check_text, "json": _check_json}


def _summary_text(data: dict[str, Any], color: str) -> None:
    from replykit.formats.batchout import print_summary

    print_summary(data, color, stderr=True)


def _summary_json(data: dict[str, Any], color: str) -> None:
    from replykit.formats.jsonout import dumps

    sys.stderr.write(dumps(data) + "\n")
    sys.stderr.flush()


# ``replykit batch --summary-format``: (summary dict, colour) -> printed on stderr
BATCH_SUMMARY: dict[str, Callable[[dict[str, Any], str], None]] = {"text": _summary_text, "json": _summary_json}
