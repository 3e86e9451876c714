"""The body of ``replykit batch``: stream records through the rules, in order."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from replykit.batch.core import BatchOptions
from replykit.batch.read import Reader, open_records
from replykit.batch.run import EncoderSpec
from replykit.batch.summary import Summary
from replykit.cli.boundary import report
from replykit.errors import ExitCode, ReplykitError, UsageError
from replykit.text.inputs import open_binary

FLUSH_BYTES = 64 * 1024


class BatchArgs:
    """The command-line options of ``replykit batch``, as plain values."""

    def __init__(self, **values: Any) -> None:
        self.input: str | None = values.get("input")
        self.input_format: str | None = values.get("input_format")
        self.text_field: str = values.get("text_field", "text")
        self.id_field: str = values.get("id_field", "id")
        self.fmt: str | None = values.get("fmt")
        self.csv_raw: bool = values.get("csv_raw", False)
        self.triage_only: bool = values.get("triage_only", False)
        self.summary: bool | None = values.get("summary")
        self.summary_format: str = values.get("summary_format", "text")
        self.fail_fast: bool = values.get("fail_fast", False)
        self.jobs: int = values.get("jobs", 1)
        self.color: str = values.get("color", "auto")


def run_batch(args: BatchArgs, run: BatchOptions) -> int:
    """Answer every record of ``args.input``; return the exit code."""
    stream, name, size = _open_input(args.input)
    with stream:
        reader = open_records(stream, name, args.input_format, args.text_field, args.id_field)
        fmt = args.fmt or ("jsonl" if not sys.stdout.isatty() else "table")
        spec = (fmt, [c for c in reader.columns if c not in (args.text_field, args.id_field)], args.csv_raw)
        output = make_output(spec, args.color)
        summary = Summary()
        code = _loop(reader, run, args, spec, output, summary, name, _Progress(stream, size))
    _finish_summary(summary, args)
    return code


def _loop(reader: Reader, run: BatchOptions, args: BatchArgs, spec: EncoderSpec, output: Output,
          summary: Summary, name: str, progress: _Progress) -> int:  # fmt: skip
    from replykit.batch.run import run_encoded

    failed = False
    try:
        for data, entry in run_encoded(reader, run, spec, args.jobs):
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
        report(f"interrupted after {summary.records} records; every record written is complete")
        return int(ExitCode.INTERRUPTED)
    except ReplykitError:  # a broken template stops the run: keep what was answered
        output.close()
        progress.close()
        raise
    output.close()
    progress.close()
    return int(ExitCode.INPUT_ERROR if failed else ExitCode.OK)


def _open_input(path: str | None) -> tuple[IO[bytes], str, int]:
    if path is None and sys.stdin.isatty():  # `replykit batch` typed alone must not sit waiting
        raise UsageError("no input given: pass a FILE, or pipe the comments in (... | replykit batch -)")
    if path is None or path == "-":
        return sys.stdin.buffer, "<stdin>", 0
    stream = open_binary(path)
    size = os.fstat(stream.fileno()).st_size if Path(path).is_file() else 0
    return stream, path, size


class Output:
    """Writes encoded entries as whole lines only, so an interrupted run never leaves half a record."""

    def __init__(self, header: bytes = b"") -> None:
        self.pending: list[bytes] = []
        self.size = 0
        if header:
            self.emit_bytes(header)

    def write(self, data: bytes, entry: dict[str, Any]) -> None:
        self.emit_bytes(data)

    def emit_bytes(self, data: bytes) -> None:
        self.pending.append(data)
        self.size += len(data)
        if self.size >= FLUSH_BYTES:
            self.flush()

    def flush(self) -> None:
        if self.pending:
            data = b"".join(self.pending)
            self.pending, self.size = [], 0  # before writing: a Ctrl-C must not make close() write it again
            with _ctrl_c_after_write():
                _write_all(data)

    def close(self) -> None:
        self.flush()


def _write_all(data: bytes) -> None:
    out = sys.stdout.buffer
    try:
        fd = out.fileno()
    except (AttributeError, OSError, ValueError):  # not a real file (tests capturing output)
        out.write(data)
        out.flush()
        return
    # os.write, not the buffered writer: after a write that a signal cut short, that
    # writer can report success with the rest of the line lost (seen with --jobs)
    out.flush()
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


@contextlib.contextmanager
def _ctrl_c_after_write() -> Iterator[None]:
    """Hold a Ctrl-C until the write ends, so no line is cut (a slow reader blocks the write).

    A second Ctrl-C during the same write interrupts it at once.
    """
    import signal
    import threading

    if (threading.current_thread() is not threading.main_thread()
            or signal.getsignal(signal.SIGINT) is not signal.default_int_handler):  # fmt: skip
        yield
        return
    caught: list[int] = []

    def hold(signum: int, frame: Any) -> None:
        if caught:
            raise KeyboardInterrupt
        caught.append(signum)

    signal.signal(signal.SIGINT, hold)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, signal.default_int_handler)
    if caught:
        raise KeyboardInterrupt


class TableOutput(Output):
    """Collects the entries and prints one table at the end (for a terminal)."""

    def __init__(self, color: str) -> None:
        super().__init__()
        self.color = color
        self.entries: list[dict[str, Any]] = []

    def write(self, data: bytes, entry: dict[str, Any]) -> None:
        self.entries.append(entry)

    def close(self) -> None:
        from replykit.formats.batchout import print_table

        print_table(self.entries, self.color)


def make_output(spec: EncoderSpec, color: str) -> Output:
    from replykit.formats.batchout import make_encoder

    encoder = make_encoder(*spec)
    return Output(encoder.header) if encoder else TableOutput(color)


class _Progress:
    """Record errors on stderr, with a progress bar when stderr is a terminal and the size is known."""

    def __init__(self, stream: IO[bytes], size: int) -> None:
        self.stream, self.bar, self.task, self.count = stream, None, None, 0
        if size and sys.stderr.isatty():
            from rich.progress import Progress

            from replykit.formats.text import make_console

            self.bar = Progress(console=make_console("auto", stderr=True), transient=True)
            self.task = self.bar.add_task("replykit batch", total=size)
            self.bar.start()

    def advance(self) -> None:
        self.count += 1
        if self.bar is not None and self.count % 200 == 0:
            with contextlib.suppress(OSError, ValueError):  # a pipe has no position
                self.bar.update(self.task, completed=self.stream.tell())  # type: ignore[arg-type]

    def message(self, text: str) -> None:
        if self.bar is not None:
            from rich.text import Text

            from replykit.text.normalize import printable

            self.bar.console.print(Text(f"replykit: error: {printable(text)}"))
        else:
            report(text)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()
            self.bar = None


def _finish_summary(summary: Summary, args: BatchArgs) -> None:
    show = args.summary if args.summary is not None else sys.stderr.isatty()
    if not show:
        return
    data = summary.to_dict()
    if args.summary_format == "json":
        from replykit.formats.jsonout import dumps

        sys.stderr.write(dumps(data) + "\n")
        sys.stderr.flush()
        return
    from replykit.formats.batchout import print_summary

    print_summary(data, args.color, stderr=True)
