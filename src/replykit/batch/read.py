"""Reading exported comments: JSON lines, JSON documents, CSV or plain text.

Every record keeps the line it starts on, and a record that cannot be used
(bad JSON, missing or null text, a CSV row with the wrong number of fields,
invalid UTF-8) becomes an error record in its place, so the output always has one
record per input record and a bad line never stops the others.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any, NamedTuple

from replykit.batch.csvread import dialect_of, nul_error, open_csv, resolve, rows, split_line
from replykit.batch.encoding import choose, utf8_lines
from replykit.batch.fields import MISSING, AmbiguousField, first_path, match_key
from replykit.batch.jsondoc import KNOWN_LISTS, document_items, looks_like_document, page_key
from replykit.batch.presets import PRESETS, FieldMap, field_map
from replykit.errors import UsageError
from replykit.text import jsonfast
from replykit.text.inputs import open_binary
from replykit.triage.walk import rated

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
    fields: FieldMap = FieldMap()

    def parse(self, item: tuple[int, bytes]) -> Record:
        number, raw = item
        line, error = _decode(raw, number)
        if error:
            return Record(number, error=error)
        if self.format == "jsonl":
            return json_record(line, number, self.fields)
        return Record(number, line.rstrip("\r\n"))


class Reader(NamedTuple):
    records: Iterator[Record]
    format: str
    columns: list[str] = []  # the CSV header, in order
    # JSON lines and text: the raw lines and their parser, so workers can parse
    # them (the records above are the same lines, parsed here)
    lines: Iterator[tuple[int, bytes]] | None = None
    parser: LineParser | None = None
    note: str = ""  # how the input is read, when it was a guess worth stating (the encoding)
    fields: FieldMap = FieldMap()


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


def open_records(
    stream: IO[bytes],
    name: str,
    fmt: str | None,
    text_field: str | None = None,
    id_field: str | None = None,
    *,
    encoding: str | None = None,
) -> Reader:
    """Detect the format (unless given: jsonl, csv, text or a preset) and stream the records of ``stream``.

    Raises:
        UsageError: a CSV header without the text column, or an unknown encoding.
    """
    preset = PRESETS.get(fmt or "")
    fmap = field_map(fmt if preset else None, text_field, id_field)
    head = _peek(stream)
    chosen = fmt or detect_format(name, head, fmap.text_name)
    chosen = preset.format if preset else chosen
    enc = choose(head, name, encoding)
    if chosen == "csv":
        header, fmap, rows = read_csv(stream, name, head, fmap, enc.codec)
        return Reader(rows, chosen, header, note=enc.note, fields=fmap)
    if chosen in ("json", "jsonl") and (looks_like_document(head) or _first_is_page(head, fmap)):
        return Reader(read_document(stream, fmap, enc.codec), "json", note=enc.note, fields=fmap)
    lines = nonblank_lines(stream, enc.codec)
    parser = LineParser("text" if chosen == "text" else "jsonl", fmap)  # JSON, not a document: JSON lines
    return Reader(map(parser.parse, lines), chosen, [], lines, parser, enc.note, fmap)


def _first_is_page(head: bytes, fmap: FieldMap) -> bool:
    """One line holding a whole API page (``curl`` output): read as a document."""
    first, newline, _ = head.lstrip(b"\xef\xbb\xbf \t\r\n").partition(b"\n")
    if not first.startswith(b"{") or not any(b'"' + key.encode() + b'"' in first for key in KNOWN_LISTS):
        return False
    if not newline:
        # the whole line is not in sight (a page longer than the sniffed bytes): the document reader
        # tells a page from a record anyway
        return True
    try:
        value = json.loads(first)
    except ValueError:
        return False
    return page_key(value, lambda data: fmap.text_of(data) is not MISSING) is not None


def read_document(stream: IO[bytes], fmap: FieldMap, codec: str) -> Iterator[Record]:
    """The records of a whole JSON document (an array, API pages): see ``jsondoc``."""
    doc = stream.read().decode("utf-8-sig" if codec == "utf-8" else codec, "surrogateescape")
    doc = doc.lstrip("\ufeff")
    items = document_items(doc, lambda data: fmap.text_of(data) is not MISSING)
    for number, value, error in items:
        if error:
            yield Record(number, error=error)
        elif not isinstance(value, dict):
            yield Record(number, error=f"expected a JSON object, got {type(value).__name__}")
        elif _lone_surrogate(value):
            yield Record(number, error="not valid UTF-8, or a \\u escape that is half of a surrogate pair")
        else:
            yield map_record(value, number, fmap)


def _peek(stream: IO[bytes]) -> bytes:
    peek = getattr(stream, "peek", None)
    return bytes(peek(SNIFF_BYTES)[:SNIFF_BYTES]) if peek else b""


def detect_format(name: str, head: bytes, text_field: str) -> str:
    """From the file extension, else from the first bytes.

    A first line that starts with ``{`` or ``[`` is JSON; a first line that
    names the text field among delimited columns is CSV, and so are lines
    that all hold the same number of ``;``, tab or ``|`` separated cells (a
    spreadsheet's export piped in, whatever its columns are called); anything
    else is plain text, one comment per line.
    """
    by_extension = _EXTENSIONS.get(Path(name).suffix.lower()) if name != "-" else None
    if by_extension:
        return by_extension
    lines = _head_lines(head)
    first = lines[0].strip() if lines else ""
    if first.startswith(("{", "[")):
        return "jsonl"
    if _names_column(first, text_field) or _table_shaped(lines):
        return "csv"
    return "text"


def _head_lines(head: bytes) -> list[str]:
    codec = "utf-16" if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) else "utf-8-sig"
    text = head.decode(codec, "replace").lstrip("\ufeff")
    return [line for line in text.splitlines() if line.strip()][:6]


def _names_column(header_line: str, text_field: str) -> bool:
    dialect = dialect_of(header_line)
    if dialect is None:
        return False
    try:
        return match_key(text_field, split_line(header_line, dialect)) is not None
    except AmbiguousField:
        return True  # a table; the ambiguity is reported when it is read


def _table_shaped(lines: list[str]) -> bool:
    """At least two lines (all but a cut-off last one) split by ``;``, tab or ``|`` into the same 2+ cells,
    the first of them short names (a header, not two sentences with a semicolon)."""
    complete = lines[:-1] if len(lines) > 2 else lines
    if len(complete) < 2:
        return False
    for delimiter in ";\t|":
        rows = [next(csv.reader([line], delimiter=delimiter), []) for line in complete]
        if len({len(row) for row in rows}) == 1 and len(rows[0]) >= 2 and all(map(_column_name, rows[0])):
            return True
    return False


def _column_name(cell: str) -> bool:
    cell = cell.strip()
    return 0 < len(cell) <= 40 and len(cell.split()) <= 4 and not cell.endswith((".", "!", "?", ","))


def _lines(stream: IO[bytes], codec: str = "utf-8") -> Iterator[tuple[int, bytes]]:
    raws = stream if codec == "utf-8" else utf8_lines(stream, codec)
    for number, raw in enumerate(raws, 1):
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


def nonblank_lines(stream: IO[bytes], codec: str = "utf-8") -> Iterator[tuple[int, bytes]]:
    """``(line number, bytes)`` of every line that is not blank (blank lines are not records)."""
    return ((number, raw) for number, raw in _lines(stream, codec) if raw.strip())


def read_jsonl(stream: IO[bytes], text_field: str, id_field: str) -> Iterator[Record]:
    """One JSON object per line; blank lines are not records."""
    return map(LineParser("jsonl", field_map(None, text_field, id_field)).parse, nonblank_lines(stream))


def json_record(line: str, number: int, fmap: FieldMap) -> Record:
    try:
        data = jsonfast.loads(line)
    except ValueError as exc:
        return Record(number, error=_json_error(exc, line))
    except RecursionError:
        return Record(number, error="bad JSON: nested too deeply")
    if not isinstance(data, dict):
        return Record(number, error=f"expected a JSON object, got {type(data).__name__}")
    if ("\\ud" in line or "\\uD" in line) and _lone_surrogate(data):
        # json accepts "\ud800" alone, but no UTF-8 output can hold it
        return Record(number, error="a \\u escape is half of a surrogate pair, not valid Unicode")
    return map_record(data, number, fmap)


def _json_error(exc: ValueError, line: str) -> str:
    """Where the JSON went wrong: a line cut off inside a string is reported where it ends, not where it began."""
    message, column = getattr(exc, "msg", str(exc)).removesuffix(" at"), getattr(exc, "colno", 0)
    end = len(line.rstrip("\r\n")) + 1
    if message.startswith("Unterminated string") or (message.startswith("Invalid control") and column >= end):
        return f"bad JSON: the line ends inside a string at column {end} (cut off?)"
    return f"bad JSON: {message} at column {column}"


def _lone_surrogate(data: dict[str, Any]) -> bool:
    try:
        json.dumps(data, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def mapping_record(data: dict[str, Any], number: int, text_field: str, id_field: str) -> Record:
    """A record from a parsed row or object; the text must be a non-empty string."""
    return map_record(data, number, field_map(None, text_field, id_field))


def map_record(data: dict[str, Any], number: int, fmap: FieldMap) -> Record:
    """A record from a parsed row or object, its fields found through ``fmap``; the text must be a non-empty string."""
    if not fmap.extra and len(fmap.text) == 1 and fmap.text[0] in data and fmap.id[0] in data:
        return _plain_record(data, number, fmap.text[0], fmap.id[0])  # the usual JSON line: no path to walk
    try:
        record_id = fmap.read("id", first_path(data, fmap.id))
        text = fmap.text_of(data)
        fields = fmap.fields_of(data)
    except AmbiguousField as exc:
        return Record(number, error=str(exc))
    record_id = None if record_id is MISSING else record_id
    name = fmap.text_name
    if (text is MISSING or text is None or (isinstance(text, str) and not text.strip())) and rated(fields):
        return Record(number, "", record_id, fields)  # a rating alone ("FIVE", no comment): answered from its stars
    if text is MISSING:
        return Record(number, id=record_id, fields=fields, error=f"no '{name}' field")
    if text is None:
        return Record(number, id=record_id, fields=fields, error=f"'{name}' is null")
    if not isinstance(text, str):
        return Record(number, id=record_id, fields=fields, error=f"'{name}' is not a string")
    if not text.strip():
        return Record(number, id=record_id, fields=fields, error=f"'{name}' is empty")
    return Record(number, text, record_id, fields)


def _plain_record(data: dict[str, Any], number: int, text_field: str, id_field: str) -> Record:
    text, record_id = data[text_field], data[id_field]
    fields = {k: v for k, v in data.items() if k != text_field and k != id_field}
    if (isinstance(text, str) and text.strip()) or ((text is None or text == "") and rated(fields)):
        return Record(number, text or "", record_id, fields)
    problem = "is null" if text is None else "is not a string" if not isinstance(text, str) else "is empty"
    return Record(number, id=record_id, fields=fields, error=f"'{text_field}' {problem}")


def read_csv(
    stream: IO[bytes], name: str, head: bytes, fmap: FieldMap, codec: str = "utf-8"
) -> tuple[list[str], FieldMap, Iterator[Record]]:
    """The header, the field map resolved against it, and the rows of a CSV file.

    Raises:
        UsageError: the header has no text column, or a field name matches several.
    """
    # surrogateescape keeps going past invalid bytes; rows holding them become error records
    text = io.TextIOWrapper(stream, encoding="utf-8-sig" if codec == "utf-8" else codec,
                            errors="surrogateescape", newline="")  # fmt: skip
    lines = _head_lines(head)
    dialect = dialect_of(lines[0].strip() if lines else "") or csv.excel
    header, reader, tape = open_csv(iter(text), name, dialect)
    if header and header[0].startswith("\ufeff"):
        header[0] = header[0][1:]
    fmap = resolve(fmap, header, name)._replace(keep_rest=True)  # CSV output repeats the input's columns
    return header, fmap, _csv_records(rows(reader, tape, header, dialect), header, fmap, dialect)


def _csv_records(found: Iterator[tuple[int, list[str] | str]], header: list[str], fmap: FieldMap,
                 dialect: type[csv.Dialect]) -> Iterator[Record]:  # fmt: skip
    for number, row in found:
        if isinstance(row, str):
            yield Record(number, error=row)
        else:
            yield _csv_record(row, header, number, fmap, dialect)


def _csv_record(row: list[str], header: list[str], number: int, fmap: FieldMap, dialect: type[csv.Dialect]) -> Record:
    if len(row) > len(header) and not any(row[len(header) :]):
        row = row[: len(header)]  # trailing delimiters (spreadsheets pad rows to the widest one)
    if len(row) != len(header):
        return Record(number, error=f"{len(row)} fields where the header has {len(header)}")
    for cell in row:
        try:
            cell.encode("utf-8")
        except UnicodeEncodeError:
            return Record(number, error="not valid UTF-8")
    nul = nul_error(row, dialect)
    if nul:
        return Record(number, error=nul)
    return map_record(dict(zip(header, row, strict=True)), number, fmap)
