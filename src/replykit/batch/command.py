"""The body of ``replykit batch``: stream records through the rules, in order, to stdout.

:func:`run_batch` writes the answers (whole lines, see ``output``) and
returns what happened; the command line reports it and picks the exit code.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import IO, NamedTuple

from replykit.batch.core import BatchOptions
from replykit.batch.output import Output, Progress, make_output
from replykit.batch.read import Reader, open_input, open_records
from replykit.batch.run import EncoderSpec
from replykit.batch.summary import Summary
from replykit.errors import ReplykitError
from replykit.formats.excel import excel_separator


class BatchArgs(NamedTuple):
    """The input and output options of ``replykit batch`` (what records share is :class:`BatchOptions`)."""

    input: str | None = None
    input_format: str | None = None
    text_field: str | None = None  # None: the preset's, else "text"
    id_field: str | None = None
    encoding: str | None = None  # None: detected (see batch.encoding)
    fmt: str | None = None
    csv_raw: bool = False
    csv_dialect: str = "default"
    fail_fast: bool = False
    jobs: int = 1
    color: str = "auto"


class BatchResult(NamedTuple):
    """How a run ended: its summary, whether a record failed, whether Ctrl-C stopped it."""

    summary: Summary
    failed: bool
    interrupted: bool


def run_batch(
    args: BatchArgs, run: BatchOptions, report: Callable[[str], None], notice: Callable[[str], None] | None = None
) -> BatchResult:
    """Answer every record of ``args.input`` on stdout; ``report`` gets one line per bad record,
    ``notice`` how the input is read when that was a guess (its encoding).

    Raises:
        ReplykitError: the input cannot be read, or the configuration is broken
            (every record answered so far is written).
    """
    stream, name, size = open_input(args.input)
    with stream:
        head = _peek(stream) if args.csv_dialect == "excel" else b""  # the separator the input used
        reader = open_records(stream, name, args.input_format, args.text_field, args.id_field, encoding=args.encoding)
        if reader.note:
            (notice or report)(reader.note)
        fmt = args.fmt or ("jsonl" if not sys.stdout.isatty() else "table")
        own = (reader.fields.text_name, reader.fields.id[0])
        excel = excel_separator(head, reader.format) if args.csv_dialect == "excel" else ""
        spec = (fmt, [c for c in reader.columns if c not in own], args.csv_raw, excel)
        output = make_output(spec, args.color)
        progress = Progress(stream, size, report)
        return _loop(reader, run, args, spec, output, name, progress)


def _peek(stream: IO[bytes]) -> bytes:
    """The first bytes of the input, left in the stream for the reader (the excel dialect reads its header)."""
    peek = getattr(stream, "peek", None)
    return bytes(peek(4096)[:4096]) if peek else b""


def _loop(reader: Reader, run: BatchOptions, args: BatchArgs, spec: EncoderSpec, output: Output,
          name: str, progress: Progress) -> BatchResult:  # fmt: skip
    from replykit.batch.run import run_encoded

    summary = Summary()
    failed = False
    results = run_encoded(reader, run, spec, args.jobs)
    try:
        for data, entry in results:
            summary.add(entry)  # first: a Ctrl-C held until a write ends is raised by output.write
            output.write(data, entry)
            progress.advance()
            if "error" in entry:
                failed = True
                progress.message(f"{name}:{entry['line']}: {entry['error']}")
                if args.fail_fast:
                    break
    except KeyboardInterrupt:
        output.close()
        progress.close()
        return BatchResult(summary, failed, True)
    except ReplykitError:  # a broken template stops the run: keep what was answered
        output.close()
        progress.close()
        raise
    finally:
        # The worker pool ends here, whatever stopped the loop (a reader gone, --fail-fast):
        # left to the interpreter's exit, ending it could hang (the pool's threads are gone by then).
        results.close()
    output.close()
    progress.close()
    return BatchResult(summary, failed, False)
