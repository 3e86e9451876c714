"""Whole-line output with the Ctrl-C hold, and the progress bar of a batch run.

An interrupted run never leaves half a record on stdout: output is written
in whole lines, and a Ctrl-C that arrives during a write is held until the
write ends. The progress bar goes to stderr, and only on a terminal.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Iterator
from typing import IO, Any

from replykit.batch.run import EncoderSpec

FLUSH_BYTES = 64 * 1024


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


class Progress:
    """Record errors on stderr, with a progress bar when stderr is a terminal and the size is known.

    ``report`` writes an error line when there is no bar (the command line's own reporter).
    """

    def __init__(self, stream: IO[bytes], size: int, report: Callable[[str], None]) -> None:
        self.stream, self.bar, self.task, self.count = stream, None, None, 0
        self.report = report
        if size and sys.stderr.isatty():
            from rich.progress import Progress as Bar

            from replykit.formats.text import make_console

            self.bar = Bar(console=make_console("auto", stderr=True), transient=True)
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
            self.report(text)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()
            self.bar = None
