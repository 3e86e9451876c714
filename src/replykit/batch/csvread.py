"""CSV exports, row by row, with every defect reported where it is and no row lost.

A quote that is never closed makes a CSV reader swallow every following
line into one cell: 3 rows in, 1 row out. Here a row that spans several
lines and comes out broken (the wrong number of fields), or that swallowed
lines each shaped like a whole row, is reported at the line where the quote
opened, and the lines it swallowed are read again one by one, so the output
still has one record per input line. A NUL byte (a binary file, a cut-off
save) is reported with its column.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from typing import Any

from replykit.batch.fields import AmbiguousField, match_key
from replykit.batch.presets import FieldMap
from replykit.errors import UsageError

MAX_FIELD = 1024 * 1024  # a longer field is one bad row (not a crash), like a JSON line over the limit


def dialect_of(header_line: str) -> type[csv.Dialect] | None:
    """The dialect a header line shows (delimiter, space after it), else None.

    Only the delimiter is taken from the header. The header rarely holds
    quotes, so the sniffer guesses quoting wrong (it turned off RFC 4180's
    doubled quotes: ``"He said ""hi"" to me"`` lost its text): quoting is
    always the standard one that Excel, LibreOffice, Google Sheets and
    Python's csv module write, ``"`` doubled inside quoted fields.
    """
    try:
        sniffed = csv.Sniffer().sniff(header_line, delimiters=",;\t|")
    except csv.Error:
        return None

    class Dialect(csv.excel):
        delimiter = sniffed.delimiter
        skipinitialspace = sniffed.skipinitialspace

    return Dialect


def split_line(line: str, dialect: type[csv.Dialect]) -> list[str]:
    return next(csv.reader([line], dialect), [])


def resolve(fmap: FieldMap, header: list[str], name: str) -> FieldMap:
    """``fmap`` with its paths turned into this header's column names (case and accents aside).

    Raises:
        UsageError: the text column is missing, or a name matches several columns.
    """
    try:
        text = tuple(found for path in fmap.text if (found := match_key(path, header)))
        ident = tuple(found for path in fmap.id if (found := match_key(path, header))) or fmap.id
        extra = tuple((field, tuple(c for p in paths if (c := match_key(p, header)))) for field, paths in fmap.extra)
    except AmbiguousField as exc:
        raise UsageError(f"{name}:1: {exc}") from None
    if not text:
        wanted = " or ".join(f"'{path}'" for path in fmap.text)
        raise UsageError(f"{name}:1: no {wanted} column (columns: {', '.join(header)}); see --text-field")
    return fmap._replace(text=text, id=ident, extra=extra)


class _Tape:
    """Feeds the CSV reader its lines, keeping those of the row being read."""

    def __init__(self, lines: Iterator[str]) -> None:
        self.lines = lines
        self.kept: list[str] = []

    def __iter__(self) -> _Tape:
        return self

    def __next__(self) -> str:
        line = next(self.lines)
        self.kept.append(line)
        return line


def open_csv(lines: Iterator[str], name: str, dialect: type[csv.Dialect]) -> tuple[list[str], Any, _Tape]:
    """The header, the reader positioned after it, and the tape it reads from."""
    csv.field_size_limit(max(csv.field_size_limit(), MAX_FIELD))
    tape = _Tape(lines)
    reader = csv.reader(tape, dialect)
    header = [column.strip() for column in next(reader, [])]
    while header and not header[-1]:  # a trailing delimiter, not a column
        header.pop()
    return header, reader, tape


def rows(
    reader: Any, tape: _Tape, header: list[str], dialect: type[csv.Dialect]
) -> Iterator[tuple[int, list[str] | str]]:
    """``(line, cells)`` for every row, or ``(line, error)``; swallowed lines come back one by one."""
    start = reader.line_num + 1
    while True:
        tape.kept = []
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:  # e.g. a field over the limit: the reader goes on at the next line
            yield start, f"bad CSV: {exc}"
        else:
            if len(tape.kept) > 1 and _swallowed(row, tape.kept, header, dialect):
                yield from _unswallow(start, tape.kept, dialect)
            elif row:  # a blank line is not a record
                yield start, row
        start = reader.line_num + 1


def _swallowed(row: list[str], kept: list[str], header: list[str], dialect: type[csv.Dialect]) -> bool:
    """A row over several lines that came out broken, or whose inner lines each look like a whole row."""
    if _width(row, header) != len(header):
        return True
    inner = [line for line in kept[1:-1] if line.strip()]
    return bool(inner) and all(len(split_line(line, dialect)) == len(header) for line in inner)


def _width(row: list[str], header: list[str]) -> int:
    return len(header) if len(row) > len(header) and not any(row[len(header) :]) else len(row)


def _unswallow(start: int, kept: list[str], dialect: type[csv.Dialect]) -> Iterator[tuple[int, list[str] | str]]:
    column = _open_quote(kept[0], dialect)
    swallowed = sum(1 for line in kept[1:] if line.strip())
    yield (
        start,
        (
            f"a quoted field opened at column {column} runs over {len(kept)} lines (to line {start + len(kept) - 1})"
            f" and swallowed {swallowed} rows; they are read one by one below, check this row's quotes"
        ),
    )
    for offset, line in enumerate(kept[1:], 1):
        if line.strip():
            yield start + offset, split_line(line, dialect)


def _open_quote(line: str, dialect: type[csv.Dialect]) -> int:
    """The column of the quote left open on ``line`` (1-based; 1 when none is found)."""
    opened, field_start, quoted, index = 0, True, False, 0
    while index < len(line):
        char = line[index]
        if quoted and char == '"':
            if line.startswith('""', index):
                index += 1
            else:
                quoted = False
        elif not quoted and char == '"' and field_start:
            quoted, opened = True, index
        field_start = not quoted and char == dialect.delimiter
        index += 1
    return opened + 1


def nul_error(row: list[str], dialect: type[csv.Dialect]) -> str:
    """An error naming the column of a NUL byte in ``row``, or ``""``."""
    line = str(dialect.delimiter).join(row)
    where = line.find("\0")
    return f"a NUL byte at column {where + 1} (a binary file, or a save cut off?)" if where >= 0 else ""
