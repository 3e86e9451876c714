"""Excel's encodings, folded field names, piped CSV, and every CSV defect with no record lost."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import support

# About reading exports, not the first run: as a user who gave their own details (no example-profile warning).
pytestmark = pytest.mark.usefixtures("own_profile")

EXPORTS = support.TESTS / "fixtures" / "exports"
GUESS = "replykit: reading {} as Windows-1252 (not valid UTF-8); use --encoding to choose\n"


def batch(*args: str, input: bytes | None = None, cwd: Path = EXPORTS) -> tuple[list[dict[str, Any]], str, int]:
    proc = support.run("batch", *args, "--triage-only", "--format", "jsonl", "--no-summary", input=input, cwd=cwd)
    return [json.loads(line) for line in proc.stdout.splitlines()], proc.stderr, proc.returncode


TEXTS = ["Gâteau pas prêt à l'heure, très déçue", "Pain rassis et caissière désagréable"]


@pytest.mark.parametrize(
    ("fixture", "args", "note"),
    [
        ("excel-fr.csv", (), GUESS.format("excel-fr.csv")),
        ("excel-fr.csv", ("--encoding", "cp1252"), ""),
        ("excel-unicode.csv", (), ""),
        ("excel-utf8-bom.csv", (), ""),
    ],
    ids=["windows-1252-detected", "windows-1252-forced", "utf-16-bom", "utf-8-bom"],
)
def test_excel_encodings(fixture: str, args: tuple[str, ...], note: str) -> None:
    entries, stderr, code = batch(fixture, "--text-field", "commentaire", *args)
    assert code == 0 and stderr == note  # the guess stated once, not per row
    assert [e["text"] for e in entries] == TEXTS
    assert entries[0]["fields"] == {"Date": "2026-11-28", "Auteur": "Julie", "Note": "1"}


def test_windows_1252_piped_in_is_detected_as_csv() -> None:
    data = (EXPORTS / "excel-fr.csv").read_bytes()
    entries, stderr, code = batch("-", "--text-field", "Commentaire", input=data)
    assert code == 0 and stderr == GUESS.format("<stdin>")
    assert [e["text"] for e in entries] == TEXTS


def test_piped_semicolon_csv_without_the_text_column_is_the_same_error_as_the_file() -> None:
    data = (EXPORTS / "excel-utf8-bom.csv").read_bytes()
    piped, by_name = support.run("batch", "-", input=data), support.run("batch", "excel-utf8-bom.csv", cwd=EXPORTS)
    assert piped.returncode == by_name.returncode == 2 and piped.stdout == ""
    expected = "no 'text' column (columns: Date, Auteur, Commentaire, Note); see --text-field\n"
    assert piped.stderr == f"replykit: error: <stdin>:1: {expected}"
    assert by_name.stderr == f"replykit: error: excel-utf8-bom.csv:1: {expected}"


@pytest.mark.parametrize(
    "data",
    [
        "Où est ma commande ? Personne ne répond ; déçue\nGreat, thanks, see you\n",
        "Jamais reçu ma commande ; très déçue.\nLe pain était rassis ; dommage.\n",
    ],
    ids=["one-semicolon", "a-semicolon-a-line"],
)
def test_plain_text_with_commas_and_semicolons_stays_text(data: str) -> None:
    entries, _, code = batch("-", input=data.encode())
    assert code == 0 and [e["line"] for e in entries] == [1, 2]


def test_an_ambiguous_field_name_names_the_candidates() -> None:
    proc = support.run("batch", "-", "--text-field", "TEXTE", input="id;Texte;texte\n1;a;b\n")
    assert proc.returncode == 2 and proc.stdout == ""
    assert (
        proc.stderr
        == "replykit: error: <stdin>:1: 'TEXTE' matches several fields: 'Texte', 'texte'; name one exactly\n"
    )


def test_a_file_of_utf8_with_one_latin1_line_reports_that_line(tmp_path: Path) -> None:
    lines = ["Commande reçue cassée".encode(), "Colis arrivé en retard".encode("latin-1"), b"Still waiting"]
    (tmp_path / "c.txt").write_bytes(b"\n".join(lines) + b"\n")
    entries, stderr, code = batch("c.txt", cwd=tmp_path)
    assert code == 1 and len(entries) == 3 and "not valid UTF-8" in entries[1]["error"]
    assert "Windows-1252" not in stderr  # never garbles the good lines


# ---- CSV defects: every file has a header and 4 records, one a line ----------------------------

DEFECTS = {
    "defect-unclosed-quote.csv": {
        2: "a quoted field opened at column 3 runs over 4 lines (to line 5) and swallowed 3 rows"
    },
    "defect-stray-quote.csv": {},
    "defect-fields.csv": {2: "5 fields where the header has 3", 3: "2 fields where the header has 3"},
    "defect-nul.csv": {2: "a NUL byte at column 11"},
    "defect-line-endings.csv": {},
}


@pytest.mark.parametrize("fixture", list(DEFECTS))
def test_csv_defect_loses_no_record(fixture: str) -> None:
    data = (EXPORTS / fixture).read_bytes()
    records = len([line for line in data.replace(b"\r\n", b"\n").replace(b"\r", b"\n").split(b"\n") if line]) - 1
    entries, stderr, code = batch(fixture)
    assert len(entries) == records == 4  # input lines against output records
    assert [e["line"] for e in entries] == [2, 3, 4, 5]
    errors = {e["line"]: e["error"] for e in entries if "error" in e}
    assert set(errors) == set(DEFECTS[fixture])
    for line, message in DEFECTS[fixture].items():
        assert errors[line].startswith(message)
        assert f"replykit: error: {fixture}:{line}: {message}" in stderr
    assert code == (1 if errors else 0)
    assert "Traceback" not in stderr and len(stderr.splitlines()) == len(errors)


def test_a_multiline_comment_is_no_defect(tmp_path: Path) -> None:
    (tmp_path / "m.csv").write_text('id,text,stars\n1,"Commande perdue.\nPersonne ne répond, rien.",1\n2,Late,1\n')
    entries, _, code = batch("m.csv", cwd=tmp_path)
    assert code == 0 and [e["line"] for e in entries] == [2, 4]
    assert entries[0]["text"] == "Commande perdue.\nPersonne ne répond, rien."


# ---- JSON: the true column, null text ------------------------------------------------------------


def test_a_truncated_json_line_is_reported_where_it_ends(tmp_path: Path) -> None:
    line = '{"id": 1, "text": "Bonjour, ma commande est en retard'
    (tmp_path / "t.jsonl").write_text(line + "\n")
    entries, _, code = batch("t.jsonl", cwd=tmp_path)
    assert code == 1 and f"at column {len(line) + 1}" in entries[0]["error"]
    assert "ends inside a string" in entries[0]["error"]


def test_null_text_is_said_to_be_null(tmp_path: Path) -> None:
    (tmp_path / "n.jsonl").write_text('{"id": 1, "text": null}\n{"id": 2}\n')
    entries, _, _ = batch("n.jsonl", cwd=tmp_path)
    assert [e["error"] for e in entries] == ["'text' is null", "no 'text' field"]
