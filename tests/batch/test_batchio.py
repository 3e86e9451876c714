"""Reading exported comments (replykit.batch.read): JSON lines, CSV and plain text.

Every record keeps the line it starts on; a record that cannot be used is an
error record in its place, and the records after it are still read.
"""

from __future__ import annotations

import csv
import io
import json

import pytest

from replykit.batch.read import MAX_LINE_BYTES, Record, detect_format, open_records
from replykit.errors import UsageError

COMPLAINT = "Commande jamais reçue, toujours pas remboursé"
PRAISE = "Merci, super accueil !"
QUESTION = "Where is my order? Nobody answers."


def read(data: bytes, name: str = "-", fmt: str | None = None, text_field: str = "text",
         id_field: str = "id") -> tuple[str, list[str], list[Record]]:  # fmt: skip
    """``(format, columns, records)`` as ``replykit batch`` reads them (stdin when name is ``-``)."""
    reader = open_records(io.BufferedReader(io.BytesIO(data)), name, fmt, text_field, id_field)
    return reader.format, reader.columns, list(reader.records)


def jsonl(*objects: object) -> bytes:
    return "".join(json.dumps(o, ensure_ascii=False) + "\n" for o in objects).encode()


# ---- JSON lines ---------------------------------------------------------------


def test_jsonl_keeps_id_text_fields_and_line_numbers() -> None:
    data = (
        b"\xef\xbb\xbf"
        + jsonl({"id": "a1", "text": COMPLAINT, "likes": 12, "author": "Julie"})
        + b"\n   \n"  # blank lines are not records, but they count as lines
        + json.dumps({"text": PRAISE, "id": 2, "meta": {"x": [1, 2]}}).encode()
        + b"\r\n"
        + jsonl({"text": QUESTION})
    )
    fmt, _, records = read(data)
    assert fmt == "jsonl"
    assert [r.line for r in records] == [1, 4, 5]
    assert [r.id for r in records] == ["a1", 2, None]
    assert [r.text for r in records] == [COMPLAINT, PRAISE, QUESTION]
    assert records[0].fields == {"likes": 12, "author": "Julie"}
    assert records[1].fields == {"meta": {"x": [1, 2]}}
    assert records[2].fields == {}
    assert not any(r.error for r in records)


def test_jsonl_other_text_and_id_fields() -> None:
    _, _, records = read(jsonl({"ref": 9, "body": PRAISE, "text": "not this one"}), text_field="body", id_field="ref")
    assert (records[0].id, records[0].text, records[0].fields) == (9, PRAISE, {"text": "not this one"})


# (id, the bad line, a fragment of the error, whether the record's id is kept)
BAD_JSONL = [
    ("bad-json", b'{"text": "x",}', "bad JSON", False),
    ("truncated", b'{"text": "Where is', "bad JSON", False),
    ("array", b'["text", "x"]', "object", False),
    ("string", b'"Where is my order?"', "object", False),
    ("number", b"42", "object", False),
    ("missing-text", b'{"id": 7, "comment": "x"}', "'text'", True),
    ("null-text", b'{"id": 7, "text": null}', "'text'", True),
    ("empty-text", b'{"id": 7, "text": "  "}', "empty", True),
    ("number-text", b'{"id": 7, "text": 42}', "not a string", True),
    ("list-text", b'{"id": 7, "text": ["a"]}', "not a string", True),
    ("latin-1", '{"id": 7, "text": "Commande arrivée cassée"}'.encode("latin-1"), "UTF-8", False),
    ("over-limit", b'{"id": 7, "text": "' + b"a" * MAX_LINE_BYTES + b'"}', "limit", False),
    ("nested-too-deep", b"[" * 100_000, "", False),
    ("lone-surrogate", b'{"id": 7, "text": "Where is \\ud800 my order?"}', "", False),
]


@pytest.mark.parametrize(("line", "fragment", "keeps_id"), [pytest.param(*c[1:], id=c[0]) for c in BAD_JSONL])
def test_jsonl_bad_record_is_an_error_in_its_place(line: bytes, fragment: str, keeps_id: bool) -> None:
    data = jsonl({"id": 1, "text": COMPLAINT}) + line + b"\n" + jsonl({"id": 3, "text": PRAISE})
    _, _, records = read(data)
    assert [r.line for r in records] == [1, 2, 3]
    assert not records[0].error and not records[2].error
    assert records[2].text == PRAISE
    bad = records[1]
    assert bad.error and fragment in bad.error, bad.error
    assert not bad.text
    if keeps_id:  # the id of a parsed record is kept, so the user can find it
        assert bad.id == 7


# ---- CSV ------------------------------------------------------------------------


def csv_bytes(rows: list[list[str]], delimiter: str, bom: bool) -> bytes:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="\n").writerows(rows)
    return (b"\xef\xbb\xbf" if bom else b"") + out.getvalue().encode()


CSV_ROWS = [
    ["id", "text", "likes"],
    ["1", COMPLAINT.replace(", ", ",\n"), "3"],  # a quoted field over two lines: lines 2-3
    ["2", PRAISE, "0"],  # line 4
    [],  # line 5: blank, not a record
    ["3", QUESTION, "12"],  # line 6
]


@pytest.mark.parametrize("bom", [False, True], ids=["utf8", "utf8-bom"])
@pytest.mark.parametrize("delimiter", [",", ";", "\t"], ids=["comma", "semicolon", "tab"])
@pytest.mark.parametrize("name", ["-", "export.csv"], ids=["sniffed", "extension"])
def test_csv_any_delimiter_with_or_without_bom(name: str, delimiter: str, bom: bool) -> None:
    fmt, columns, records = read(csv_bytes(CSV_ROWS, delimiter, bom), name)
    assert fmt == "csv"
    assert columns == ["id", "text", "likes"]
    assert [r.line for r in records] == [2, 4, 6]
    assert [r.id for r in records] == ["1", "2", "3"]
    assert [r.text for r in records] == [COMPLAINT.replace(", ", ",\n"), PRAISE, QUESTION]
    assert [r.fields for r in records] == [{"likes": "3"}, {"likes": "0"}, {"likes": "12"}]
    assert not any(r.error for r in records)


def test_csv_text_field_names_the_column_and_detects_it() -> None:
    data = csv_bytes([["Réf", "Texte", "Note"], ["A-1", PRAISE, "5"]], ";", bom=True)
    fmt, columns, records = read(data, text_field="Texte", id_field="Réf")
    assert (fmt, columns) == ("csv", ["Réf", "Texte", "Note"])
    assert (records[0].id, records[0].text, records[0].fields) == ("A-1", PRAISE, {"Note": "5"})


def test_csv_missing_text_column_is_a_usage_error() -> None:
    data = csv_bytes([["id", "comment"], ["1", PRAISE]], ",", bom=False)
    with pytest.raises(UsageError) as info:
        read(data, "reviews.csv")
    message = str(info.value)
    assert message.startswith("reviews.csv:1:") and "'text'" in message and "id, comment" in message


def test_csv_bad_rows_are_errors_in_their_place() -> None:
    lines = [
        b"id,text",
        b'1,"' + COMPLAINT.encode() + b'"',  # line 2
        b"2,too,many,fields",  # line 3
        b"3",  # line 4: too few
        "4,Ma commande est arrivée cassée".encode("latin-1"),  # line 5: not UTF-8
        b'5,"' + b"a" * (MAX_LINE_BYTES + 10) + b'"',  # line 6: a field over the limit
        b"6,",  # line 7: empty text
        b'7,"' + PRAISE.encode() + b'"',  # line 8
    ]
    data = b"\n".join(lines) + b"\n"
    _, _, records = read(data, "x.csv")
    assert [r.line for r in records] == [2, 3, 4, 5, 6, 7, 8]
    errors = {r.line: r.error for r in records if r.error}
    assert set(errors) == {3, 4, 5, 6, 7}
    assert "4 fields" in errors[3] and "1 fields" in errors[4]
    assert "UTF-8" in errors[5]
    assert "limit" in errors[6]
    assert "empty" in errors[7]
    assert [(r.id, r.text) for r in records if not r.error] == [("1", COMPLAINT), ("7", PRAISE)]


def test_csv_detected_only_when_the_header_names_the_text_field() -> None:
    data = csv_bytes([["id", "comment"], ["1", PRAISE]], ",", bom=False)
    assert read(data)[0] == "text"  # on stdin, without --text-field comment: one comment per line
    assert read(data, text_field="comment")[0] == "csv"


# ---- plain text -----------------------------------------------------------------


def test_text_one_comment_per_line_blank_lines_skipped() -> None:
    data = ("\ufeff" + COMPLAINT + "\r\n\r\n   \n" + PRAISE + "\n" + QUESTION).encode()  # no final newline
    fmt, _, records = read(data)
    assert fmt == "text"
    assert [(r.line, r.text) for r in records] == [(1, COMPLAINT), (4, PRAISE), (5, QUESTION)]
    assert all(r.id is None and r.fields == {} and not r.error for r in records)


def test_text_bad_lines_are_errors_in_their_place() -> None:
    data = (
        COMPLAINT.encode() + b"\n"
        + "Ma commande est arrivée cassée\n".encode("latin-1")
        + b"a" * (MAX_LINE_BYTES + 1) + b"\n"
        + PRAISE.encode() + b"\n"
    )  # fmt: skip
    _, _, records = read(data, "comments.txt")
    assert [r.line for r in records] == [1, 2, 3, 4]
    column = len("Ma commande est arriv") + 1  # where the latin-1 é is
    assert "UTF-8" in records[1].error and f"column {column} " in records[1].error
    assert "limit" in records[2].error
    assert (records[0].text, records[3].text) == (COMPLAINT, PRAISE)


# ---- detection ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("a.jsonl", "jsonl"),
        ("a.ndjson", "jsonl"),
        ("A.JSON", "jsonl"),
        ("a.csv", "csv"),
        ("a.tsv", "csv"),
        ("a.txt", "text"),
    ],
)
def test_format_from_the_extension_wins_over_the_content(name: str, expected: str) -> None:
    for head in (b'{"text": "x"}\n', b"id,text\n1,x\n", b"Hello there\n"):
        assert detect_format(name, head, "text") == expected


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b'{"text": "x"}\n', "jsonl"),
        (b'\xef\xbb\xbf  {"text": "x"}\n', "jsonl"),
        (b"id,text,likes\n1,x,2\n", "csv"),
        (b"id;text\n1;x\n", "csv"),
        (b"id\ttext\n1\tx\n", "csv"),
        (b"\xef\xbb\xbfid|text\n1|x\n", "csv"),
        (b"Hello, where is my order?\n", "text"),
        (b"", "text"),
    ],
    ids=["json", "json-bom", "comma", "semicolon", "tab", "pipe-bom", "sentence", "empty"],
)
def test_format_from_the_first_bytes(head: bytes, expected: str) -> None:
    assert detect_format("-", head, "text") == expected
    assert detect_format("export", head, "text") == expected  # no extension: same as stdin


def test_forced_format_reads_json_lines_as_text() -> None:
    line = json.dumps({"text": PRAISE})
    fmt, _, records = read((line + "\n").encode(), "export.jsonl", fmt="text")
    assert fmt == "text" and records[0].text == line
