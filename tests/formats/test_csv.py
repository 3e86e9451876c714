"""CSV in and out (issue 16): standard quoting read right, no formulas written.

Input: the files of tests/cases/csv/ are laid out the way Excel, LibreOffice,
Google Sheets and Python's csv module write CSV; every record must come out
with the text Python's csv module reads (with the file's real delimiter), one
record per input record, on the line it starts on (each record's id is that
line). Output: a cell that a spreadsheet would run as a formula is written
with a leading single quote (OWASP), unless ``--csv-raw``.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import support
from replykit.batch.read import Record, open_records

CORPUS = support.TESTS / "cases" / "csv"
# file -> (its real delimiter, its text column)
DIALECTS = {
    "excel_comma_bom_crlf.csv": (",", "text"),
    "excel_semicolon_bom_crlf.csv": (";", "Texte"),
    "excel_comma_crlf.csv": (",", "text"),
    "excel_semicolon_crlf_trailing.csv": (";", "text"),
    "libreoffice_comma_lf.csv": (",", "text"),
    "libreoffice_semicolon_quote_all_text.csv": (";", "text"),
    "google_sheets.csv": (",", "text"),
    "python_csv_excel.csv": (",", "text"),
    "python_csv_quote_all_lf.csv": (",", "text"),
    "python_csv_excel_tab.tsv": ("\t", "text"),
    "issue16.csv": (",", "text"),
}
QUESTION = "Where is my order? Nobody answers."

Cli = Callable[..., Any]


def test_the_corpus_is_listed_whole() -> None:
    on_disk = {p.name for p in CORPUS.iterdir() if p.suffix in (".csv", ".tsv")}
    assert on_disk == set(DIALECTS)


def python_rows(name: str) -> list[dict[str, str]]:
    """The records of a corpus file as Python's csv module reads them with the right dialect."""
    delimiter, _ = DIALECTS[name]
    with open(CORPUS / name, encoding="utf-8-sig", newline="") as handle:
        rows = [row for row in csv.reader(handle, delimiter=delimiter) if row]  # a blank line is not a record
    header = rows[0]
    return [dict(zip(header, row, strict=False)) for row in rows[1:]]


def read(data: bytes, name: str, text_field: str) -> list[Record]:
    """The records ``replykit batch`` reads (stdin when name is ``-``)."""
    reader = open_records(io.BufferedReader(io.BytesIO(data)), name, None, text_field, "id")
    assert reader.format == "csv"
    return list(reader.records)


# ---- reading: the corpus ----------------------------------------------------------


@pytest.mark.parametrize("source", ["file", "stdin"])
@pytest.mark.parametrize("name", sorted(DIALECTS))
def test_corpus_texts_are_what_python_csv_reads(name: str, source: str) -> None:
    _, text_field = DIALECTS[name]
    expected = python_rows(name)
    records = read((CORPUS / name).read_bytes(), name if source == "file" else "-", text_field)
    assert len(records) == len(expected)
    assert [r.text if not r.error else "" for r in records] == [row[text_field] for row in expected]
    assert [r.line for r in records] == [int(row["id"]) for row in expected]  # ids are start lines
    for record, row in zip(records, expected, strict=True):
        # the only errors are empty comments; trailing delimiters are not fields
        assert bool(record.error) == (not row[text_field].strip()), record
        assert "" not in record.fields


@pytest.mark.parametrize("name", sorted(DIALECTS))
def test_batch_gives_one_entry_per_corpus_record_with_its_text(cli: Cli, name: str) -> None:
    _, text_field = DIALECTS[name]
    expected = python_rows(name)
    result = cli("batch", str(CORPUS / name), "--text-field", text_field, "--format", "jsonl", "--triage-only")
    entries = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(entries) == len(expected)
    assert [(e["line"], e["id"], e.get("text", "")) for e in entries] == [
        (int(row["id"]), row["id"], row[text_field]) for row in expected
    ]
    assert result.exit_code == (1 if any("error" in e for e in entries) else 0)


def test_issue_example_on_stdin_keeps_doubled_quotes(run: Callable[..., Any]) -> None:
    result = run("batch", "-", "--format", "jsonl", "--triage-only", input=(CORPUS / "issue16.csv").read_bytes())
    assert (result.returncode, result.stderr) == (0, "")
    texts = [json.loads(line)["text"] for line in result.stdout.splitlines()]
    assert texts == ['He said "hi" to me', "a, b", 'x "y", z', '=HYPERLINK("http://x","click")']


def test_quoted_header_does_not_turn_off_doubled_quotes() -> None:
    data = b'"id";"text"\r\n"1";"x ""y""; z"\r\n'
    for name in ("-", "in.csv"):
        assert [(r.line, r.text) for r in read(data, name, "text")] == [(2, 'x "y"; z')]


def test_data_in_a_column_past_the_header_is_still_an_error() -> None:
    records = read(b"id,text,\n1,hello,\n2,hello,extra\n3,hello\n", "in.csv", "text")
    assert [(r.line, r.text, r.error) for r in records] == [
        (2, "hello", ""),
        (3, "", "3 fields where the header has 2"),
        (4, "hello", ""),
    ]


# ---- writing: formulas --------------------------------------------------------------

DANGEROUS = ["=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20"]
DANGEROUS_IDS = ["equals", "plus", "minus", "at", "tab", "cr", "fw-equals", "fw-plus", "fw-minus", "fw-at"]


def formula_csv(path: Path, start: str) -> Path:
    """A CSV export whose every text cell, and one column name, starts with ``start``."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["id", "author", "text", "platform", f"{start}note"])
    writer.writerow([f"{start}1", f"{start}Sam", f"{start}{QUESTION}", "x", f"{start}cmd|' /C calc'!A0"])
    path.write_text(out.getvalue(), "utf-8")
    return path


def csv_rows(stdout: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(stdout, newline="")))


@pytest.mark.parametrize("start", DANGEROUS, ids=DANGEROUS_IDS)
def test_csv_output_neutralises_formulas_in_every_text_cell(cli: Cli, tmp_path: Path, start: str) -> None:
    path = formula_csv(tmp_path / "in.csv", start)
    raw = cli("batch", str(path), "--format", "csv", "--csv-raw")
    safe = cli("batch", str(path), "--format", "csv")
    assert (raw.exit_code, safe.exit_code) == (0, 0), safe.stderr
    [raw_row], [safe_row] = csv_rows(raw.stdout), csv_rows(safe.stdout)
    # --csv-raw writes the input as it is, and the reply greets the author first (platform x)
    assert (raw_row["id"], raw_row["author"], raw_row["text"]) == (f"{start}1", f"{start}Sam", f"{start}{QUESTION}")
    assert raw_row[f"{start}note".strip()] == f"{start}cmd|' /C calc'!A0"
    greets = bool(start.strip())  # a tab or CR before the author's name is trimmed from the reply
    assert raw_row["public_reply"].startswith(f"{start}Sam") == greets
    # the same cells, and the column name, with a leading single quote; nothing else changes
    assert set(safe_row) == {"'" + c if c.startswith(start) else c for c in raw_row}
    note = f"{start}note".strip()  # a column name is read without surrounding spaces
    safe_values = {k.removeprefix("'"): v for k, v in safe_row.items()}
    for column, value in raw_row.items():
        assert safe_values[column] == ("'" + value if value.startswith(start) else value), column
    for column in ("id", "author", "text", note, *(["public_reply"] if greets else [])):
        assert safe_values[column] == "'" + raw_row[column]


def test_no_cell_of_the_csv_output_starts_a_formula(cli: Cli, tmp_path: Path) -> None:
    for index, start in enumerate(DANGEROUS):
        formula_csv(tmp_path / f"in{index}.csv", start)
    for path in sorted(tmp_path.glob("in*.csv")):
        rows = list(csv.reader(io.StringIO(cli("batch", str(path), "--format", "csv").stdout, newline="")))
        assert len(rows) == 2
        assert not [cell for row in rows for cell in row if cell.startswith(tuple(DANGEROUS))]


def test_json_lines_input_neutralises_text_and_id_but_not_numbers(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    lines = [{"id": "=1", "text": f"@{QUESTION}", "author": "=Sam"}, {"id": -5, "text": f"-{QUESTION}"}]
    path.write_text("".join(json.dumps(o) + "\n" for o in lines), "utf-8")
    first, second = csv_rows(cli("batch", str(path), "--format", "csv", "--triage-only").stdout)
    assert (first["id"], first["text"]) == ("'=1", f"'@{QUESTION}")
    assert json.loads(first["fields"]) == {"author": "=Sam"}  # a JSON object cell starts with {
    assert (second["id"], second["text"]) == ("-5", f"'-{QUESTION}")  # -5 is a number to a spreadsheet


def test_json_lines_and_table_output_are_untouched(cli: Cli, tmp_path: Path) -> None:
    path = formula_csv(tmp_path / "in.csv", "=")
    [entry] = [json.loads(line) for line in cli("batch", str(path), "--format", "jsonl").stdout.splitlines()]
    assert (entry["id"], entry["text"], entry["author"]) == ("=1", f"={QUESTION}", "=Sam")
    assert entry["fields"]["=note"] == "=cmd|' /C calc'!A0"
    assert entry["public_reply"].startswith("=Sam")
    table = cli("batch", str(path), "--format", "table", "--triage-only").stdout
    assert "=1" in table and "=Where is my order" in table and "'=" not in table


def test_jobs_output_is_neutralised_the_same(run: Callable[..., Any], tmp_path: Path) -> None:
    path = formula_csv(tmp_path / "in.csv", "@")
    one = run("batch", str(path), "--format", "csv", "--triage-only")
    two = run("batch", str(path), "--format", "csv", "--triage-only", "--jobs", "2")
    assert (one.returncode, two.returncode) == (0, 0)
    assert one.stdout == two.stdout and f"'@{QUESTION}" in two.stdout


@pytest.mark.parametrize("fmt", [[], ["--format", "jsonl"], ["--format", "table"]], ids=["default", "jsonl", "table"])
def test_csv_raw_without_csv_output_is_a_usage_error(cli: Cli, tmp_path: Path, fmt: list[str]) -> None:
    result = cli("batch", str(formula_csv(tmp_path / "in.csv", "=")), "--csv-raw", *fmt)
    assert result.exit_code == 2 and result.stdout == ""
    assert "--csv-raw" in support.assert_clean_error(result.stderr)


def test_a_lone_carriage_return_inside_a_cell_keeps_its_row_whole(cli: Cli, tmp_path: Path) -> None:
    text = "Where is my order?\rNobody answers."  # an old Mac line break: readers split rows on it
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps({"id": 1, "text": text}) + "\n" + json.dumps({"id": 2, "text": QUESTION}) + "\n")
    for raw in ([], ["--csv-raw"]):
        rows = csv_rows(cli("batch", str(path), "--format", "csv", "--triage-only", *raw).stdout)
        assert [(r["id"], r["text"]) for r in rows] == [("1", text), ("2", QUESTION)]
