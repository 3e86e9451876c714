"""Reading exported comments: JSON lines, CSV or plain text, streamed.

Every record keeps the line it starts on, and a record that cannot be used
(bad JSON, missing text, a CSV row with the wrong number of fields, invalid
UTF-8) becomes an error record in its place, so the output always has one
record per input record and a bad line never stops the others.
"""

from __future__ import annotations

import csv
import io
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any, NamedTuple

from replykit.errors import UsageError
from replykit.text import jsonfast
from replykit.text.inputs import open_binary

_EXTENSIONS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl", ".csv": "csv", ".tsv": "csv", ".txt": "text"}
SNIFF_BYTES = 64 * 1024
MAX_LINE_BYTES = 1024 * 1024  # a longer "comment" is reported, not analysed


class Record(NamedTuple):
    """One input record: its text and fields, or why it cannot be used."""

    line: int
    text: str = ""
    id: Any = None
    fields: dict[str, Any] = {}
    error: str = ""


class LineParser(NamedTuple):
    """Turns one non-blank input line into a record (JSON lines or text); picklable,
    so worker processes can parse their own lines."""

    format: str
    text_field: str = "text"
    id_field: str = "id"

    def parse(self, item: tuple[int, bytes]) -> Record:
        number, raw = item
        line, error = _decode(raw, number)
        if error:
            return Record(number, error=error)
        if self.format == "jsonl":
            return json_record(line, number, self.text_field, self.id_field)
        return Record(number, line.rstrip("\r\n"))


class Reader(NamedTuple):
    records: Iterator[Record]
    format: str
    columns: list[str] = []  # the CSV header, in order
    # JSON lines and text: the raw lines and their parser, so workers can parse
    # them (the records above are the same lines, parsed here)
    lines: Iterator[tuple[int, bytes]] | None = None
    parser: LineParser | None = None


def open_input(path: str | None) -> tuple[IO[bytes], str, int]:
    """The stream to read, its name for messages, and its size (0 when unknown); ``-`` or None is stdin.

    Raises:
        UsageError: no path and stdin is a terminal (nothing piped in).
    """
    if path is None and sys.stdin.isatty():  # `replykit batch` typed alone must not sit waiting
        raise UsageError("no input given: pass a FILE, or pipe the comments in (... | replykit batch -)")
    if path is None or path == "-":
        return sys.stdin.buffer, "<stdin>", 0
    stream = open_binary(path)
    size = os.fstat(stream.fileno()).st_size if Path(path).is_file() else 0
    return stream, path, size


def open_records(stream: IO[bytes], name: str, fmt: str | None, text_field: str, id_field: str) -> Reader:
    """Detect the format (unless given) and stream the records of ``stream``."""
    head = _peek(stream)
    chosen = fmt or detect_format(name, head, text_field)
    if chosen == "csv":
        header, rows = read_csv(stream, name, head, text_field, id_field)
        return Reader(rows, chosen, header)
    lines = nonblank_lines(stream)
    parser = LineParser(chosen, text_field, id_field)
    return Reader(map(parser.parse, lines), chosen, [], lines, parser)


def _peek(stream: IO[bytes]) -> bytes:
    peek = getattr(stream, "peek", None)
    return bytes(peek(SNIFF_BYTES)[:SNIFF_BYTES]) if peek else b""


def detect_format(name: str, head: bytes, text_field: str) -> str:
    """From the file extension, else from the first bytes.

    A first line that starts with ``{`` is JSON lines; a first line that names
    the text field among delimited columns is CSV; anything else is plain
    text, one comment per line.
    """
    by_extension = _EXTENSIONS.get(Path(name).suffix.lower()) if name != "-" else None
    if by_extension:
        return by_extension
    first = head.lstrip(b"\xef\xbb\xbf").split(b"\n", 1)[0].decode("utf-8", "replace").strip()
    if first.startswith("{"):
        return "jsonl"
    if _csv_dialect(first, text_field) is not None:
        return "csv"
    return "text"


def _csv_dialect(header_line: str, text_field: str) -> type[csv.Dialect] | None:
    """The dialect of a CSV file whose header names the text field, else None.

    Only the delimiter (and a space after it) is taken from the header. The
    header rarely holds quotes, so the sniffer guesses quoting wrong (it turned
    off RFC 4180's doubled quotes: ``"He said ""hi"" to me"`` lost its text):
    quoting is always the standard one that Excel, LibreOffice, Google Sheets
    and Python's csv module write, ``"`` doubled inside quoted fields.
    """
    try:
        sniffed = csv.Sniffer().sniff(header_line, delimiters=",;\t|")
    except csv.Error:
        return None

    class Dialect(csv.excel):
        delimiter = sniffed.delimiter
        skipinitialspace = sniffed.skipinitialspace

    columns = next(csv.reader([header_line], Dialect), [])
    return Dialect if text_field in [c.strip() for c in columns] else None


def _lines(stream: IO[bytes]) -> Iterator[tuple[int, bytes]]:
    for number, raw in enumerate(stream, 1):
        if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        yield number, raw


def _decode(raw: bytes, number: int) -> tuple[str, str]:
    """``(text, error)`` for one line of bytes."""
    if len(raw) > MAX_LINE_BYTES:
        return "", f"line is {len(raw):,} bytes, over the {MAX_LINE_BYTES:,}-byte limit for one comment"
    try:
        return raw.decode("utf-8"), ""
    except UnicodeDecodeError as exc:
        return "", f"not valid UTF-8 at column {exc.start + 1} (byte 0x{raw[exc.start]:02x})"


def nonblank_lines(stream: IO[bytes]) -> Iterator[tuple[int, bytes]]:
    """``(line number, bytes)`` of every line that is not blank (blank lines are not records)."""
    return ((number, raw) for number, raw in _lines(stream) if raw.strip())


def read_jsonl(stream: IO[bytes], text_field: str, id_field: str) -> Iterator[Record]:
    """One JSON object per line; blank lines are not records."""
    return map(LineParser("jsonl", text_field, id_field).parse, nonblank_lines(stream))


def json_record(line: str, number: int, text_field: str, id_field: str) -> Record:
    try:
        data = jsonfast.loads(line)
    except ValueError as exc:
        return Record(number, error=f"bad JSON: {getattr(exc, 'msg', exc)} at column {getattr(exc, 'colno', 0)}")
    except RecursionError:
        return Record(number, error="bad JSON: nested too deeply")
    if not isinstance(data, dict):
        return Record(number, error=f"expected a JSON object, got {type(data).__name__}")
    if ("\\ud" in line or "\\uD" in line) and _lone_surrogate(data):
        # json accepts "\ud800" alone, but no UTF-8 output can hold it
        return Record(number, error="a \\u escape is half of a surrogate pair, not valid Unicode")
    return mapping_record(data, number, text_field, id_field)


def _lone_surrogate(data: dict[str, Any]) -> bool:
    try:
        json.dumps(data, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def mapping_record(data: dict[str, Any], number: int, text_field: str, id_field: str) -> Record:
    """A record from a parsed row or object; the text must be a non-empty string."""
    record_id = data.get(id_field)
    text = data.get(text_field)
    fields = {k: v for k, v in data.items() if k not in (text_field, id_field)}
    if text is None:
        return Record(number, id=record_id, fields=fields, error=f"no '{text_field}' field")
    if not isinstance(text, str):
        return Record(number, id=record_id, fields=fields, error=f"'{text_field}' is not a string")
    if not text.strip():
        return Record(number, id=record_id, fields=fields, error=f"'{text_field}' is empty")
    return Record(number, text, record_id, fields)


def read_csv(
    stream: IO[bytes], name: str, head: bytes, text_field: str, id_field: str
) -> tuple[list[str], Iterator[Record]]:
    """The header and the rows of a CSV file; the delimiter the header shows; UTF-8 with or without BOM."""
    # surrogateescape keeps going past invalid bytes; rows holding them become error records
    text = io.TextIOWrapper(stream, encoding="utf-8-sig", errors="surrogateescape", newline="")
    first = head.lstrip(b"\xef\xbb\xbf").split(b"\n", 1)[0].decode("utf-8", "replace").strip()
    dialect = _csv_dialect(first, text_field) or csv.excel
    # a longer field is one bad row (not a crash), like a JSON line over the limit
    csv.field_size_limit(max(csv.field_size_limit(), MAX_LINE_BYTES))
    reader = csv.reader(text, dialect)
    header = [column.strip() for column in next(reader, [])]
    while header and not header[-1]:  # a trailing delimiter, not a column
        header.pop()
    if text_field not in header:
        raise UsageError(f"{name}:1: no '{text_field}' column (columns: {', '.join(header)}); see --text-field")
    return header, _csv_rows(reader, header, text_field, id_field)


def _csv_rows(reader: Any, header: list[str], text_field: str, id_field: str) -> Iterator[Record]:
    start = reader.line_num + 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:  # e.g. a field over the limit: the reader goes on at the next line
            yield Record(start, error=f"bad CSV: {exc}")
        else:
            if row:  # a blank line is not a record
                yield _csv_record(row, header, start, text_field, id_field)
        start = reader.line_num + 1


def _csv_record(row: list[str], header: list[str], number: int, text_field: str, id_field: str) -> Record:
    if len(row) > len(header) and not any(row[len(header) :]):
        row = row[: len(header)]  # trailing delimiters (spreadsheets pad rows to the widest one)
    if len(row) != len(header):
        return Record(number, error=f"{len(row)} fields where the header has {len(header)}")
    for cell in row:
        try:
            cell.encode("utf-8")
        except UnicodeEncodeError:
            return Record(number, error="not valid UTF-8")
    return mapping_record(dict(zip(header, row, strict=True)), number, text_field, id_field)
