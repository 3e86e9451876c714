"""CSV for spreadsheets: what ``batch --csv-dialect excel`` writes so Excel opens it in columns.

Excel reads a CSV file as UTF-8 only when it starts with a byte order mark
(else accents come out as "Ã©"), and French Excel splits columns on ``;``,
not ``,`` (the comma is its decimal mark). So the excel dialect always writes
the BOM, and ``;`` when the input was a ``;`` CSV or the locale is French.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Mapping

BOM = "\ufeff".encode()
DIALECTS = ("default", "excel")


def excel_separator(head: bytes, input_format: str, environ: Mapping[str, str] = os.environ) -> str:
    """``;`` when the input CSV's header is ``;``-separated or the locale is French, else ``,``."""
    if input_format == "csv" and _header_delimiter(head) == ";":
        return ";"
    locale = environ.get("LC_ALL") or environ.get("LANG") or ""
    return ";" if locale.lower().startswith("fr") else ","


def _header_delimiter(head: bytes) -> str | None:
    first = head.removeprefix(BOM).split(b"\n", 1)[0].decode("utf-8", "replace").strip()
    try:
        return csv.Sniffer().sniff(first, delimiters=",;\t|").delimiter
    except csv.Error:
        return None
