"""Batch output formats: JSON lines, CSV, a terminal table, and the summary."""

from __future__ import annotations

import csv
import io
import json
from typing import IO, Any

from replykit.formats.labels import DEFAULT, labels, majority_lang
from replykit.text.normalize import printable

CSV_COLUMNS = (
    "line", "id", "text", "lang", "category", "option", "escalate", "outcome", "action", "topic",
    "solutions", "heard", "public_reply", "private_script", "case_ref", "error",
)  # fmt: skip


# A cell starting with one of these runs as a formula when the CSV is opened in
# Excel or LibreOffice (OWASP "CSV injection"); the fullwidth forms cost nothing.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")


class CsvWriter:
    """One CSV row per entry: the input's columns first (CSV input), then replykit's.

    Input without a header (JSON lines) keeps its other fields as one JSON
    ``fields`` column, since they may differ from record to record. Every text
    cell (input columns and names, comment, author, replies) that could run as
    a formula is neutralised, unless ``raw``.
    """

    def __init__(self, out: IO[str], input_columns: list[str], raw: bool = False, delimiter: str = ",") -> None:
        self.input_columns = list(input_columns)
        self.raw = raw
        # an input column named like one of ours keeps its data under "input.NAME"
        self.headers = [f"input.{c}" if c in CSV_COLUMNS else c for c in self.input_columns]
        tail = [] if input_columns else ["fields"]
        self.columns = [*self.headers, *CSV_COLUMNS, *tail]
        self.writer = csv.writer(out, lineterminator="\n", delimiter=delimiter)
        # csv quotes a cell holding the line terminator but not one holding a lone CR,
        # which readers take as a line break: such a row is written fully quoted
        self.quoted = csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_ALL, delimiter=delimiter)
        self._write_row([self._cell(c) for c in self.columns])

    def write(self, entry: dict[str, Any]) -> None:
        fields = entry.get("fields", {})
        row = {**entry, **{h: fields.get(c) for h, c in zip(self.headers, self.input_columns, strict=True)}}
        row["solutions"] = " ".join(entry.get("solutions", ()))
        row["fields"] = fields if fields and not self.input_columns else None
        self._write_row([self._cell(row.get(key)) for key in self.columns])

    def _write_row(self, cells: list[str]) -> None:
        (self.quoted if any("\r" in cell for cell in cells) else self.writer).writerow(cells)

    def _cell(self, value: Any) -> str:
        cell = _cell(value)
        # only text: a number, a boolean or a JSON object cannot start a formula
        return cell if self.raw or not isinstance(value, str) else neutralise(cell)


def neutralise(cell: str) -> str:
    """The cell as a spreadsheet shows it as text, never runs it: OWASP's leading single quote."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


class Encoder:
    """Turns entries into output bytes; built in each worker process (see batchrun)."""

    header = b""

    def encode(self, entry: dict[str, Any]) -> bytes:
        raise NotImplementedError


class JsonlEncoder(Encoder):
    def encode(self, entry: dict[str, Any]) -> bytes:
        from replykit.text.jsonfast import dumps_line

        return dumps_line(entry)


class CsvEncoder(Encoder):
    """CSV rows; with ``excel`` set to a separator, that separator and a UTF-8 BOM first (formats.excel)."""

    def __init__(self, input_columns: list[str], raw: bool = False, excel: str = "") -> None:
        from replykit.formats.excel import BOM

        self.buffer = io.StringIO()
        self.writer = CsvWriter(self.buffer, input_columns, raw, excel or ",")
        self.header = (BOM if excel else b"") + self._take()

    def encode(self, entry: dict[str, Any]) -> bytes:
        self.writer.write(entry)
        return self._take()

    def _take(self) -> bytes:
        data = self.buffer.getvalue().encode("utf-8", "surrogateescape")
        self.buffer.seek(0)
        self.buffer.truncate()
        return data


def make_encoder(fmt: str, input_columns: list[str], csv_raw: bool = False, excel: str = "") -> Encoder | None:
    """The encoder of a byte format (jsonl, csv); None for the terminal table.

    ``excel``: the separator of a CSV for Excel (with a BOM), or "" for plain CSV.
    """
    if fmt == "jsonl":
        return JsonlEncoder()
    if fmt == "csv":
        return CsvEncoder(input_columns, csv_raw, excel)
    return None


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def print_table(entries: list[dict[str, Any]], color: str) -> None:
    """The entries as a terminal table, labelled in the language most of them are in."""
    from rich.table import Table
    from rich.text import Text

    from replykit.formats.text import make_console

    words = labels(majority_lang(entry.get("lang") for entry in entries))
    table = Table(show_lines=False, header_style="bold")
    for column in ("table.line", "table.id", "category", "outcome", "table.esc", "action", "table.comment"):
        table.add_column(words[column], overflow="fold")
    for entry in entries:
        if "error" in entry:
            cells = [
                str(entry["line"]),
                _plain(entry["id"]),
                words["table.error"],
                "",
                "",
                "",
                printable(entry["error"]),
            ]
            table.add_row(*(Text(c) for c in cells), style="red")
            continue
        if "skipped" in entry:  # already answered (--skip-answered): no category, no reply
            excerpt = printable(entry["text"][:120].replace("\n", " "))
            cells = [str(entry["line"]), _plain(entry["id"]), "", "", "", words["table.answered"], excerpt]
            table.add_row(*(Text(c) for c in cells), style="dim")
            continue
        escalate = words["yes"] if entry["escalate"] else ""
        excerpt = printable(entry["text"][:120].replace("\n", " "))
        cells = [str(entry["line"]), _plain(entry["id"]), entry["category"], entry["outcome"], escalate,
                 entry["action"], excerpt]  # fmt: skip
        table.add_row(*(Text(c) for c in cells), style="bold red" if entry["escalate"] else None)
    make_console(color).print(table)


def _count(number: int, lang: str, key: str) -> str:
    """``1 error``, ``2 errors``; French keeps 0 singular (``0 erreur``)."""
    singular = number == 1 or (number == 0 and lang == "fr")
    return f"{number} {labels(lang)[key if singular else key + '_p']}"


def _plain(value: Any) -> str:
    return "" if value is None else printable(str(value))


def print_summary(summary: dict[str, Any], color: str, *, stderr: bool) -> None:
    from rich.text import Text

    from replykit.formats.text import make_console

    console = make_console(color, stderr=stderr)
    console.print(Text(summary_text(summary)))


def summary_text(summary: dict[str, Any]) -> str:
    """The summary for people, in the language most of the comments are in (as its suggestions are)."""
    lang = next(iter(summary.get("languages") or {}), DEFAULT)  # most common first, as the suggestions chose
    words = labels(lang)
    colon = words[":"]

    def counts(key: str, counter: dict[str, int]) -> str:
        return f"{words[key]}{colon} " + ", ".join(f"{k} {v}" for k, v in counter.items())

    head = [
        _count(summary["records"], lang, "summary.records"),
        _count(summary["errors"], lang, "summary.errors"),
        _count(summary["needs_reply"], lang, "summary.reply"),
        f"{len(summary['escalations'])} {words['summary.escalate']}",
    ]
    lines = [", ".join(head)]
    for item in summary["escalations"]:
        matched = f"{words[';']} ".join(f"{k}{colon} {', '.join(v)}" for k, v in item["matched"].items())
        ident = f" id {item['id']}" if item["id"] is not None else ""
        where = f"{words['summary.escalation']} {words['summary.line']} {item['line']}{ident}"
        lines.append(f"  {where}{colon} {item['outcome']} ({matched})")
    lines += [counts("summary.categories", summary["categories"]), counts("summary.outcomes", summary["outcomes"])]
    if summary["recurring_topics"]:
        lines.append(counts("summary.topics", summary["recurring_topics"]))
    if summary["complaint_terms"]:
        lines.append(counts("summary.terms", summary["complaint_terms"]))
    lines += [f"- {text}" for text in summary["suggestions"]]
    return printable("\n".join(lines))
