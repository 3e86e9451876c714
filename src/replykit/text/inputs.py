"""Reading the comment to answer: an argument, a file or stdin."""

from __future__ import annotations

import sys
from typing import IO

from replykit.errors import InputError, UsageError

MAX_INPUT_BYTES = 64 * 1024 * 1024  # far beyond any comment; guards against `replykit reply /dev/zero`


def read_comment(path: str | None, text: str | None) -> str:
    """The comment from ``--text``, a file, or stdin (``-`` or piped input).

    Raises:
        UsageError: no comment was given, or both a file and --text, or the file is missing.
        InputError: the bytes are not UTF-8.
    """
    if text is not None and path is not None:
        raise UsageError("give the comment either as FILE or with --text, not both")
    if text is not None:
        return text
    if path is None and sys.stdin.isatty():
        raise UsageError('no comment given: pass a FILE, - for stdin, or --text "..."')
    if path is None or path == "-":
        return decode(sys.stdin.buffer.read(MAX_INPUT_BYTES + 1), "<stdin>")
    return decode(_read_file(path), path)


def _read_file(path: str) -> bytes:
    with open_binary(path) as handle:
        try:
            return handle.read(MAX_INPUT_BYTES + 1)
        except OSError as exc:  # a directory on some systems, a device error
            raise UsageError(f"{path}: cannot read: {exc.strerror or exc}") from None


def open_binary(path: str) -> IO[bytes]:
    """Open ``path`` for reading bytes, or raise a :class:`UsageError` naming it."""
    try:
        return open(path, "rb")
    except FileNotFoundError:
        raise UsageError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise UsageError(f"{path}: is a directory, not a file") from None
    except OSError as exc:
        raise UsageError(f"{path}: cannot read: {exc.strerror or exc}") from None


def decode(data: bytes, name: str) -> str:
    """UTF-8 (with or without BOM), or an error naming the line and column."""
    if len(data) > MAX_INPUT_BYTES:
        raise InputError(f"{name}: larger than {MAX_INPUT_BYTES // (1024 * 1024)} MiB; is this really one comment?")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line, column = byte_position(data, exc.start)
        raise InputError(f"{name}:{line}:{column}: not valid UTF-8 (byte 0x{data[exc.start]:02x})") from None


def byte_position(data: bytes, offset: int) -> tuple[int, int]:
    """1-based line and column of a byte offset, for error messages."""
    line = data.count(b"\n", 0, offset) + 1
    return line, offset - (data.rfind(b"\n", 0, offset) + 1) + 1
