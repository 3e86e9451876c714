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


def _eval_text(result: Any, source: str, preset: str | None, color: str) -> None:
    from replykit.formats.evalout import print_text

    print_text(result, source, color, preset)


def _eval_json(result: Any, source: str, preset: str | None, color: str) -> None:
    from replykit.formats.evalout import as_json

    sys.stdout.write(as_json(result, source, preset))


# ``replykit eval --format``: (evaluation, source, preset, colour) -> printed on stdout
EVAL: dict[str, Callable[[Any, str, str | None, str], None]] = {"text": _eval_text, "json": _eval_json}


def _learn_text(result: Any, source: str, signal: str, written: str | None, color: str) -> None:
    from replykit.formats.learnout import print_text

    print_text(result, source, signal, written, color)


def _learn_json(result: Any, source: str, signal: str, written: str | None, color: str) -> None:
    from replykit.formats.learnout import as_json

    sys.stdout.write(as_json(result, source, signal, written))


# ``replykit learn --format``: (result, source, signal name, file written, colour) -> printed on stdout
LEARN: dict[str, Callable[[Any, str, str, str | None, str], None]] = {"text": _learn_text, "json": _learn_json}


def _lint_text(problems: list[Any], color: str) -> None:
    from replykit.formats.lintout import print_text

    print_text(problems, color)


def _lint_writer(name: str) -> Callable[[list[Any], str], None]:
    def write(problems: list[Any], color: str) -> None:
        from replykit.formats import lintout

        sys.stdout.write(getattr(lintout, name)(problems))

    return write


# ``replykit lint --format``: (problems, colour) -> printed on stdout; ``auto`` picks one of
# these (lintout.resolve: github under GitHub Actions, text on a terminal, else parsable)
LINT: dict[str, Callable[[list[Any], str], None]] = {
    "text": _lint_text,
    "parsable": _lint_writer("parsable"),
    "json": _lint_writer("as_json"),
    "github": _lint_writer("github"),
}


def _config_writer(name: str) -> Callable[[dict[str, Any]], None]:
    def write(config: dict[str, Any]) -> None:
        from replykit.formats import configout

        getattr(configout, name)(config)

    return write


# ``replykit config --format``: (configuration) -> printed on stdout
CONFIG: dict[str, Callable[[dict[str, Any]], None]] = {
    "text": _config_writer("config_text"),
    "json": _config_writer("config_json"),
}
