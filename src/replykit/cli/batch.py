"""``replykit batch``: triage exported comments from shell pipelines."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from replykit.cli.options import ColorOption, Lang, RulesOption, TextOrJson, error_boundary

if TYPE_CHECKING:
    from replykit.batch.command import BatchResult
    from replykit.batch.core import BatchOptions


class InputFormat(str, Enum):
    jsonl = "jsonl"
    json = "json"
    csv = "csv"
    text = "text"
    google_reviews = "google-reviews"
    youtube_comments = "youtube-comments"
    facebook_comments = "facebook-comments"
    instagram_comments = "instagram-comments"
    trustpilot_csv = "trustpilot-csv"
    mastodon = "mastodon"
    bluesky = "bluesky"


class CsvDialect(str, Enum):
    default = "default"
    excel = "excel"


class BatchFormat(str, Enum):
    jsonl = "jsonl"
    csv = "csv"
    table = "table"


@error_boundary
def batch(
    input: Annotated[
        str | None, typer.Argument(help="JSON lines, CSV or text file; - for stdin (the default when piped).")
    ] = None,
    input_format: Annotated[
        InputFormat | None,
        typer.Option(
            "--input-format",
            "-i",
            help="Input format or export preset (docs/exports.md); default: from the extension or the first bytes.",
        ),
    ] = None,
    text_field: Annotated[
        str | None,
        typer.Option(
            "--text-field", help="Field or column holding the comment; dotted for nested JSON [default: text]."
        ),
    ] = None,
    id_field: Annotated[
        str | None, typer.Option("--id-field", help="Field or column holding the record's id [default: id].")
    ] = None,
    encoding: Annotated[
        str | None,
        typer.Option("--encoding", help="Input encoding (default: UTF-8, UTF-16 by its BOM, else Windows-1252)."),
    ] = None,
    skip_answered: Annotated[
        bool,
        typer.Option("--skip-answered", help="No reply for a comment already answered (still one output record)."),
    ] = False,
    author_field: Annotated[
        str, typer.Option("--author-field", help="Field with the commenter's name, if any.")
    ] = "author",
    platform_field: Annotated[
        str, typer.Option("--platform-field", help="Field with the platform, if any.")
    ] = "platform",
    fmt: Annotated[
        BatchFormat | None,
        typer.Option("--format", "-f", help="jsonl (default when piped), csv, or table (default on a terminal)."),
    ] = None,
    csv_raw: Annotated[
        bool, typer.Option("--csv-raw", help="CSV cells as they are, even those a spreadsheet runs as formulas.")
    ] = False,
    csv_dialect: Annotated[
        CsvDialect,
        typer.Option(
            "--csv-dialect",
            help="default, or excel: a UTF-8 BOM, and ';' when the input used ';' or the locale is French.",
        ),
    ] = CsvDialect.default,
    triage_only: Annotated[
        bool, typer.Option("--triage-only", help="Triage without rendering replies (faster).")
    ] = False,
    summary: Annotated[
        bool | None,
        typer.Option("--summary/--no-summary", help="Print a summary on stderr (default: when stderr is a terminal)."),
    ] = None,
    summary_format: Annotated[TextOrJson, typer.Option("--summary-format", help="text or json.")] = TextOrJson.text,
    fail_fast: Annotated[bool, typer.Option("--fail-fast", help="Stop at the first bad record.")] = False,
    jobs: Annotated[
        int,
        typer.Option("--jobs", "-j", min=0, help="Worker processes; 0 = one per CPU. Output is identical to --jobs 1."),
    ] = 1,
    lang: Annotated[
        Lang, typer.Option("--lang", "-l", help="Reply language; auto detects it per comment.")
    ] = Lang.auto,
    platform: Annotated[
        str, typer.Option("--platform", "-p", help="Platform for records without a platform field.")
    ] = "",
    rules: RulesOption = None,
    templates: Annotated[Path | None, typer.Option("--templates", help="Templates folder.")] = None,
    var: Annotated[
        list[str] | None, typer.Option("--var", help="Override a profile value or policy: brand=Acme.")
    ] = None,
    color: ColorOption = "auto",  # type: ignore[assignment]
) -> int:
    """Answer many comments: one output record per input record, in order.

    Examples: jq -c '.comments[]' export.json | replykit batch - > replies.jsonl;
    replykit batch reviews.csv --text-field Texte --format csv > out.csv
    """
    from replykit.batch.command import BatchArgs, run_batch
    from replykit.batch.core import BatchOptions
    from replykit.cli.boundary import report
    from replykit.errors import UsageError
    from replykit.reply.suggestion import parse_vars
    from replykit.rules.load import load_rules

    if csv_raw and fmt is not BatchFormat.csv:
        raise UsageError("--csv-raw applies to --format csv only")
    if csv_dialect is CsvDialect.excel and fmt is not BatchFormat.csv:
        raise UsageError("--csv-dialect excel applies to --format csv only")
    options = BatchOptions(
        load_rules(rules),
        triage_only=triage_only,
        lang=None if lang == Lang.auto else lang.value,
        platform=platform,
        variables=parse_vars(var or []),
        templates=templates,
        author_field=author_field,
        platform_field=platform_field,
        skip_answered=skip_answered,
    )
    _warn_example_profile(options)
    args = BatchArgs(
        input=input,
        input_format=input_format.value if input_format else None,
        text_field=text_field,
        id_field=id_field,
        encoding=encoding,
        fmt=fmt.value if fmt else None,
        csv_raw=csv_raw,
        csv_dialect=csv_dialect.value,
        fail_fast=fail_fast,
        jobs=jobs,
        color=str(getattr(color, "value", color)),
    )
    return _finish(run_batch(args, options, report, _notice), summary, summary_format.value, args.color)


def _notice(message: str) -> None:
    """A ``replykit: ...`` line on stderr that is no error (how the input is read)."""
    from replykit.text.normalize import printable

    sys.stderr.write(f"replykit: {printable(message)}\n")
    sys.stderr.flush()


def _warn_example_profile(options: BatchOptions) -> None:
    """Once per run, before the first record: replies would give the example business's details."""
    from replykit.cli.boundary import warn
    from replykit.rules.example import example_fields, example_warning, with_overrides

    if not options.triage_only:
        message = example_warning(example_fields(with_overrides(options.rules.profile, options.variables)))
        if message:
            warn(message)


def _finish(result: BatchResult, summary: bool | None, summary_format: str, color: str) -> int:
    """Report an interruption, print the summary when asked (or on a terminal), pick the exit code."""
    from replykit.cli.boundary import report
    from replykit.errors import ExitCode
    from replykit.formats.dispatch import BATCH_SUMMARY

    if result.interrupted:
        report(f"interrupted after {result.summary.records} records; every record written is complete")
    if summary if summary is not None else sys.stderr.isatty():
        BATCH_SUMMARY[summary_format](result.summary.to_dict(), color)
    if result.interrupted:
        return int(ExitCode.INTERRUPTED)
    return int(ExitCode.INPUT_ERROR if result.failed else ExitCode.OK)
