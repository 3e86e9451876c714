"""``batch --csv-dialect excel``: French Excel opens the answers in columns, accents intact (issue 14, item 3)."""

from __future__ import annotations

import csv
import io
import json

import pytest

import support
from replykit.formats.excel import excel_separator

COMMENT = "Commande jamais reçue, c'est honteux ! Où est mon gâteau ?"
OWN = ("--var", "brand=Atelier Lune", "--var", "signature=Julie", "--var", "phone=01 98 76 54 32",
       "--var", "email=julie@lune.example", "--var", "website=https://lune.example")  # fmt: skip
BOM = b"\xef\xbb\xbf"


def batch(*args: str, input: bytes, lang: str = "C.UTF-8") -> tuple[bytes, str, int]:
    proc = support.run("batch", "-", "--format", "csv", "--no-summary", *OWN, *args, input=input,
                       env={"LANG": lang, "LC_ALL": ""})  # fmt: skip
    return proc.stdout.encode("utf-8"), proc.stderr, proc.returncode


def rows(data: bytes, delimiter: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig")), delimiter=delimiter))


def test_semicolon_input_gives_bom_and_semicolons() -> None:
    data, stderr, code = batch("--csv-dialect", "excel", "--text-field", "texte",
                               input=f"id;texte\n7;{COMMENT}\n".encode())  # fmt: skip
    assert (code, stderr) == (0, "")
    assert data.startswith(BOM + b"line;id;text;lang;")
    (row,) = rows(data, ";")
    assert row["text"] == COMMENT and row["id"] == "7" and row["category"]


def test_french_locale_gives_semicolons_for_json_input() -> None:
    data, _, code = batch("--csv-dialect", "excel", input=(json.dumps({"text": COMMENT}) + "\n").encode(),
                          lang="fr_FR.UTF-8")  # fmt: skip
    assert code == 0 and data.startswith(BOM + b"line;id;text;")
    assert rows(data, ";")[0]["text"] == COMMENT


def test_comma_input_elsewhere_gives_bom_and_commas() -> None:
    data, _, code = batch("--csv-dialect", "excel", input=f'id,text\n1,"{COMMENT}"\n'.encode())
    assert code == 0 and data.startswith(BOM + b"line,id,text,")
    assert rows(data, ",")[0]["text"] == COMMENT


def test_default_output_is_unchanged() -> None:
    data, _, code = batch("--text-field", "texte", input=f"id;texte\n7;{COMMENT}\n".encode(), lang="fr_FR.UTF-8")
    assert code == 0 and data.startswith(b"line,id,text,")


def test_excel_needs_csv_output() -> None:
    proc = support.run("batch", "-", "--format", "jsonl", "--csv-dialect", "excel", input='{"text": "x"}\n')
    assert proc.returncode == 2
    assert support.assert_clean_error(proc.stderr) == "--csv-dialect excel applies to --format csv only"


@pytest.mark.parametrize(
    ("head", "fmt", "env", "expected"),
    [(b"a;text\n", "csv", {}, ";"), (b"a,text\n", "csv", {"LANG": "fr_BE.UTF-8"}, ";"),
     (b"a,text\n", "csv", {"LANG": "en_US.UTF-8"}, ","), (b'{"text": "a;b"}\n', "jsonl", {}, ","),
     (b"x\n", "text", {"LC_ALL": "fr_FR"}, ";")],
)  # fmt: skip
def test_separator_choice(head: bytes, fmt: str, env: dict[str, str], expected: str) -> None:
    assert excel_separator(head, fmt, env) == expected
