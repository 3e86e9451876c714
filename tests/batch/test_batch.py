"""``replykit batch``: many comments in, one entry per record out, in order, nothing lost.

In-process runs (the ``cli`` fixture) check what is written; real processes
check exit codes, stdin detection, ``--jobs``, pipes that close early and
Ctrl-C.
"""

from __future__ import annotations

import contextlib
import csv
import io
import itertools
import json
import multiprocessing
import os
import re
import signal
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

import support
from replykit.batch import triage_many
from replykit.batch.read import MAX_LINE_BYTES, Record

# Replies in a real business's name: these tests are not about the first run's example profile.
pytestmark = pytest.mark.usefixtures("own_profile")


COMPLAINT = "Commande jamais reçue, toujours pas remboursé"
PRAISE = "Merci, super accueil !"
QUESTION = "Where is my order? Nobody answers."
INSULT = "You are all idiots and morons"
CLEAR = {COMPLAINT: "complaint", PRAISE: "praise"}  # categories that do not depend on fine tuning
INPUT_KEYS = {"line", "id", "text", "fields"}
REPLY_ONLY = {"public_reply", "private_script", "reminders", "heard", "variant"}
ERROR_KEYS = {"line", "id", "error"}

Cli = Callable[..., Any]


def write_jsonl(path: Path, objects: list[Any]) -> Path:
    path.write_text("".join(json.dumps(o, ensure_ascii=False) + "\n" for o in objects), "utf-8")
    return path


def parse_jsonl(stdout: str) -> list[dict[str, Any]]:
    assert stdout.endswith("\n") or stdout == ""
    return [json.loads(line) for line in stdout.splitlines()]


def stderr_places(stderr: str) -> list[str]:
    """``file:line`` of each ``replykit: error: file:line: message`` line on stderr."""
    assert "Traceback" not in stderr, stderr
    places = []
    for line in stderr.splitlines():
        match = re.match(r"replykit: error: (.+?:\d+): \S", line)
        assert match, f"not a record error line: {line!r}"
        places.append(match[1])
    return places


@pytest.fixture
def reply_json(cli: Cli) -> Callable[[str], dict[str, Any]]:
    """What ``replykit reply --text TEXT --format json`` prints, parsed."""
    cache: dict[str, dict[str, Any]] = {}

    def get(text: str) -> dict[str, Any]:
        if text not in cache:
            result = cli("reply", "--text", text, "--format", "json")
            assert result.exit_code == 0, result.stderr
            cache[text] = json.loads(result.stdout)
        return cache[text]

    return get


# ---- input formats ------------------------------------------------------------


def test_jsonl_entries_are_reply_json_plus_line_id_text_and_fields(
    cli: Cli, tmp_path: Path, reply_json: Callable[[str], Any]
) -> None:
    path = write_jsonl(tmp_path / "export.jsonl", [
        {"id": "c-1", "text": COMPLAINT, "likes": 3, "url": "https://example.org/p/1"},
        {"id": 2, "text": PRAISE, "reactions": {"love": 2}},
        {"text": QUESTION},
    ])  # fmt: skip
    result = cli("batch", str(path))
    assert (result.exit_code, result.stderr) == (0, "")
    entries = parse_jsonl(result.stdout)
    assert [(e["line"], e["id"], e["text"]) for e in entries] == [(1, "c-1", COMPLAINT), (2, 2, PRAISE),
                                                                  (3, None, QUESTION)]  # fmt: skip
    assert [e["fields"] for e in entries] == [{"likes": 3, "url": "https://example.org/p/1"},
                                              {"reactions": {"love": 2}}, {}]  # fmt: skip
    for entry in entries:
        expected = reply_json(entry["text"])
        assert set(entry) == set(expected) | INPUT_KEYS
        assert {k: v for k, v in entry.items() if k not in INPUT_KEYS} == expected
    assert [e["category"] for e in entries[:2]] == [CLEAR[COMPLAINT], CLEAR[PRAISE]]


def test_author_and_platform_fields_reach_the_reply(cli: Cli, tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "in.jsonl", [{"text": PRAISE, "author": "Julie", "platform": "x"}, {"text": PRAISE}])
    with_author, without = parse_jsonl(cli("batch", str(path)).stdout)
    assert (with_author["author"], with_author["platform"]) == ("Julie", "x")
    assert (without["author"], without["platform"]) == ("", "")
    assert "Julie" in with_author["public_reply"] and "Julie" not in without["public_reply"]


def csv_file(path: Path, rows: list[list[str]], delimiter: str = ",", bom: bool = False) -> Path:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + out.getvalue().encode())
    return path


@pytest.mark.parametrize("bom", [False, True], ids=["utf8", "utf8-bom"])
@pytest.mark.parametrize("delimiter", [",", ";", "\t"], ids=["comma", "semicolon", "tab"])
def test_csv_input_any_delimiter(cli: Cli, tmp_path: Path, delimiter: str, bom: bool) -> None:
    path = csv_file(tmp_path / "reviews.csv", [
        ["Réf", "Texte", "Note"],
        ["A1", COMPLAINT.replace(", ", ",\n"), "1"],  # lines 2-3
        ["A2", PRAISE, "5"],  # line 4
    ], delimiter, bom)  # fmt: skip
    result = cli("batch", str(path), "--text-field", "Texte", "--id-field", "Réf")
    assert (result.exit_code, result.stderr) == (0, "")
    entries = parse_jsonl(result.stdout)
    assert [(e["line"], e["id"], e["fields"]) for e in entries] == [(2, "A1", {"Note": "1"}), (4, "A2", {"Note": "5"})]
    assert entries[0]["text"] == COMPLAINT.replace(", ", ",\n")
    assert [e["category"] for e in entries] == ["complaint", "praise"]


def test_csv_output_keeps_the_input_columns_first(cli: Cli, tmp_path: Path) -> None:
    path = csv_file(tmp_path / "avis.csv", [
        ["id", "Date", "Texte", "Auteur"],
        ["1", "2024-05-01", COMPLAINT, "Julie"],
        ["2", "2024-05-02", PRAISE, "Marc"],
    ], ";", bom=True)  # fmt: skip
    result = cli("batch", str(path), "--text-field", "Texte", "--author-field", "Auteur", "--format", "csv")
    assert (result.exit_code, result.stderr) == (0, "")
    rows = list(csv.reader(io.StringIO(result.stdout)))
    header, body = rows[0], rows[1:]
    assert header[:2] == ["Date", "Auteur"]
    assert {"line", "id", "text", "category", "outcome", "public_reply", "error"} <= set(header)
    table = [dict(zip(header, row, strict=True)) for row in body]
    assert [(r["Date"], r["Auteur"], r["id"], r["text"]) for r in table] == [
        ("2024-05-01", "Julie", "1", COMPLAINT), ("2024-05-02", "Marc", "2", PRAISE)]  # fmt: skip
    assert "Julie" in table[0]["public_reply"]  # the author field reached the reply


def test_text_input_one_comment_per_line(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "comments.txt"
    path.write_bytes(f"{COMPLAINT}\r\n\r\n{PRAISE}\n   \n{QUESTION}".encode())
    result = cli("batch", str(path))
    assert (result.exit_code, result.stderr) == (0, "")
    entries = parse_jsonl(result.stdout)
    assert [(e["line"], e["id"], e["text"], e["fields"]) for e in entries] == [
        (1, None, COMPLAINT, {}), (3, None, PRAISE, {}), (5, None, QUESTION, {})]  # fmt: skip


STDIN_INPUTS = {
    "jsonl": "".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in enumerate([COMPLAINT, PRAISE], 1)),
    "csv": f'\ufeffid;text\n1;"{COMPLAINT}"\n2;{PRAISE}\n',
    "text": f"{COMPLAINT}\n{PRAISE}\n",
}


@pytest.mark.parametrize("fmt", list(STDIN_INPUTS))
def test_format_detected_from_the_first_bytes_on_stdin(tmp_path: Path, fmt: str) -> None:
    proc = support.run("batch", "-", "--triage-only", input=STDIN_INPUTS[fmt], cwd=tmp_path)
    assert (proc.returncode, proc.stderr) == (0, "")
    entries = parse_jsonl(proc.stdout)
    assert [e["text"] for e in entries] == [COMPLAINT, PRAISE]
    assert [e["category"] for e in entries] == ["complaint", "praise"]
    expected_ids = {"jsonl": [1, 2], "csv": ["1", "2"], "text": [None, None]}[fmt]
    assert [e["id"] for e in entries] == expected_ids
    assert [e["line"] for e in entries] == ([2, 3] if fmt == "csv" else [1, 2])


def test_format_from_the_extension_and_forced(cli: Cli, tmp_path: Path) -> None:
    line = json.dumps({"id": 1, "text": PRAISE})
    (tmp_path / "export.txt").write_text(line + "\n", "utf-8")
    (tmp_path / "export.jsonl").write_text(line + "\n", "utf-8")
    as_text = parse_jsonl(cli("batch", str(tmp_path / "export.txt"), "--triage-only").stdout)
    as_jsonl = parse_jsonl(cli("batch", str(tmp_path / "export.jsonl"), "--triage-only").stdout)
    forced = parse_jsonl(cli("batch", str(tmp_path / "export.txt"), "-i", "jsonl", "--triage-only").stdout)
    assert (as_text[0]["text"], as_text[0]["id"]) == (line, None)
    assert (as_jsonl[0]["text"], as_jsonl[0]["id"]) == (PRAISE, 1)
    assert forced == as_jsonl
    forced_text = parse_jsonl(cli("batch", str(tmp_path / "export.jsonl"), "--input-format", "text").stdout)
    assert forced_text[0]["text"] == line


# ---- bad records ----------------------------------------------------------------

LATIN1 = "Ma commande est arrivée cassée".encode("latin-1")
TOO_LONG = b"a" * (MAX_LINE_BYTES + 1)

# Per input format: the file's lines, and for each bad record (line, id, error fragment).
BAD_FILES: dict[str, tuple[str, list[bytes], dict[int, tuple[Any, str]]]] = {
    "jsonl": ("in.jsonl", [
        # UTF-8 accents here: the file is UTF-8 with one bad line, not Windows-1252 (batch.encoding)
        json.dumps({"id": 1, "text": COMPLAINT}, ensure_ascii=False).encode(),
        b'{"id": 2, "text": "Where is my order?"',  # 2: bad JSON
        b'["not", "an", "object"]',  # 3
        b'{"id": 4, "comment": "wrong field"}',  # 4: no text
        b"",  # 5: blank, not a record
        b'{"id": 6, "text": "   "}',  # 6: empty
        b'{"id": 7, "text": 12345}',  # 7: not a string
        b'{"id": 8, "text": "' + LATIN1 + b'"}',  # 8: not UTF-8
        b'{"id": 9, "text": "' + TOO_LONG + b'"}',  # 9: over the limit
        b'{"id": 10, "text": "half a pair \\udc80"}',  # 10: no UTF-8 output can hold it
        b"[" * 50_000,  # 11: nested too deeply for the parser
        json.dumps({"id": 12, "text": PRAISE}).encode(),
    ], {2: (None, "bad JSON"), 3: (None, "object"), 4: (4, "'text'"), 6: (6, "empty"), 7: (7, "not a string"),
        8: (None, "UTF-8"), 9: (None, "limit"), 10: (None, ""), 11: (None, "")}),
    "csv": ("in.csv", [
        b"id,text,likes",
        b'1,"' + COMPLAINT.encode() + b'",3',
        b"2,too,many,fields,here",  # 3
        b"3," + LATIN1 + b",0",  # 4
        b"4,,0",  # 5: empty text
        b"5",  # 6: too few fields
        b'6,"' + TOO_LONG + b'",1',  # 7: a field over the limit
        b'7,"' + PRAISE.encode() + b'",1',
    ], {3: (None, "fields"), 4: (None, "UTF-8"), 5: ("4", "empty"), 6: (None, "fields"), 7: (None, "")}),
    "text": ("in.txt", [
        COMPLAINT.encode(),
        LATIN1,  # 2
        TOO_LONG,  # 3
        b"",
        PRAISE.encode(),
    ], {2: (None, "UTF-8"), 3: (None, "limit")}),
}  # fmt: skip


@pytest.mark.parametrize("fmt", list(BAD_FILES))
def test_every_bad_record_is_an_error_entry_in_its_place(tmp_path: Path, fmt: str) -> None:
    name, lines, bad = BAD_FILES[fmt]
    (tmp_path / name).write_bytes(b"\n".join(lines) + b"\n")
    proc = support.run("batch", name, "--triage-only", cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    entries = parse_jsonl(proc.stdout)
    header = 1 if fmt == "csv" else 0
    records = [n for n, line in enumerate(lines, 1) if line and n > header]
    assert [e["line"] for e in entries] == records  # one entry per record, in order
    errors = {e["line"]: e for e in entries if "error" in e}
    assert set(errors) == set(bad)
    for number, (record_id, fragment) in bad.items():
        assert set(errors[number]) == ERROR_KEYS
        assert errors[number]["id"] == record_id
        assert fragment in errors[number]["error"], errors[number]
    good = [e for e in entries if "error" not in e]
    assert [e["category"] for e in good] == ["complaint", "praise"]  # the run went on after the bad ones
    assert stderr_places(proc.stderr) == [f"{name}:{n}" for n in sorted(bad)]


def test_fail_fast_stops_at_the_first_bad_record(tmp_path: Path) -> None:
    name, lines, _ = BAD_FILES["jsonl"]
    (tmp_path / name).write_bytes(b"\n".join(lines) + b"\n")
    proc = support.run("batch", name, "--fail-fast", "--triage-only", cwd=tmp_path)
    assert proc.returncode == 1
    entries = parse_jsonl(proc.stdout)
    assert [e["line"] for e in entries] == [1, 2]
    assert set(entries[-1]) == ERROR_KEYS
    assert stderr_places(proc.stderr) == [f"{name}:2"]


def test_all_records_good_exits_0_even_after_blank_lines(tmp_path: Path) -> None:
    write_jsonl(tmp_path / "ok.jsonl", [{"text": PRAISE}])
    with (tmp_path / "ok.jsonl").open("a") as f:
        f.write("\n\n")
    proc = support.run("batch", "ok.jsonl", "--triage-only", cwd=tmp_path)
    assert (proc.returncode, proc.stderr, len(parse_jsonl(proc.stdout))) == (0, "", 1)


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["nope.jsonl"], "nope.jsonl"),
        (["folder"], "folder"),
        (["in.csv"], "'text'"),
        (["in.csv", "--text-field", "Texte"], "'Texte'"),
    ],
    ids=["missing-file", "directory", "csv-without-text-column", "csv-without-named-column"],
)
def test_unusable_input_is_a_usage_error(tmp_path: Path, args: list[str], fragment: str) -> None:
    (tmp_path / "folder").mkdir()
    csv_file(tmp_path / "in.csv", [["id", "comment"], ["1", PRAISE]])
    proc = support.run("batch", *args, cwd=tmp_path)
    message = support.assert_clean_error(proc.stderr)
    assert (proc.returncode, proc.stdout) == (2, "")
    assert fragment in message


def test_batch_alone_in_a_terminal_is_a_usage_error(tmp_path: Path) -> None:
    # `replykit batch` typed alone must not sit waiting for the terminal; `-` still reads it
    import pty

    leader, follower = pty.openpty()
    try:
        proc = subprocess.run([sys.executable, "-m", "replykit", "batch"], stdin=follower, capture_output=True,
                              text=True, cwd=tmp_path, timeout=30)  # fmt: skip
    finally:
        os.close(follower)
        os.close(leader)
    assert (proc.returncode, proc.stdout) == (2, "")
    assert "FILE" in support.assert_clean_error(proc.stderr)


# ---- order and count with --jobs ------------------------------------------------

VARIED: list[Any] = [
    {"text": COMPLAINT, "likes": 3},
    {"text": PRAISE, "author": "Julie"},
    {"text": QUESTION, "platform": "x"},
    "{not json",
    {"text": "Bonjour, vous ouvrez à quelle heure dimanche ?"},
    {"text": "Where is my order?", "shares": 1_000_000},
    ["a", "list"],
    {"text": "😡😡😡 " * 20},
    {"comment": "no text field"},
    {"text": "Thanks a lot, the repair was quick and the staff lovely."},
    {"text": ""},
    {"text": "Je vais contacter un avocat, c'est une arnaque !"},
    {"text": "ok"},
]


def good_item(item: Any) -> bool:
    return isinstance(item, dict) and bool(item.get("text"))


@pytest.fixture(scope="module")
def varied_jsonl(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """2,200 records (several 256-record chunks) cycling through VARIED, bad records included."""
    lines = []
    for number, item in zip(range(2200), itertools.cycle(VARIED), strict=False):
        if isinstance(item, dict):
            item = {"id": f"r{number}", **item}
        lines.append(item if isinstance(item, str) else json.dumps(item, ensure_ascii=False))
    path = tmp_path_factory.mktemp("jobs") / "varied.jsonl"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path


@pytest.mark.parametrize(
    ("options", "jobs"),
    [([], ["2", "0"]), (["--format", "csv"], ["2"]), (["--triage-only"], ["2"])],
    ids=["jsonl", "csv", "triage-only"],
)
def test_jobs_output_is_identical_to_one_process(varied_jsonl: Path, options: list[str], jobs: list[str]) -> None:
    one = support.run("batch", str(varied_jsonl), *options, "--jobs", "1")
    assert one.returncode == 1  # the bad records
    if "csv" in options:
        rows = list(csv.reader(io.StringIO(one.stdout)))
        assert [int(row[rows[0].index("line")]) for row in rows[1:]] == list(range(1, 2201))
    else:
        assert [json.loads(line)["line"] for line in one.stdout.splitlines()] == list(range(1, 2201))
    bad = [i + 1 for i, item in zip(range(2200), itertools.cycle(VARIED), strict=False) if not good_item(item)]
    assert stderr_places(one.stderr) == [f"{varied_jsonl}:{n}" for n in bad]
    for n in jobs:
        many = support.run("batch", str(varied_jsonl), *options, "--jobs", n)
        assert many.returncode == one.returncode, many.stderr
        assert many.stdout == one.stdout, f"--jobs {n} output differs from --jobs 1"
        assert many.stderr == one.stderr


# ---- a reader that leaves early, Ctrl-C --------------------------------------------


@pytest.fixture(scope="module")
def five_thousand(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("pipe") / "many.jsonl"
    items = itertools.cycle([COMPLAINT, PRAISE, QUESTION])
    return write_jsonl(path, [{"id": i, "text": next(items)} for i in range(5000)])


@pytest.mark.parametrize("when", ["after-one-line", "before-reading"])
@pytest.mark.parametrize("options", [[], ["--jobs", "2"], ["--format", "csv"]], ids=["jsonl", "jobs2", "csv"])
def test_a_reader_that_leaves_early_ends_quietly(five_thousand: Path, options: list[str], when: str) -> None:
    # `replykit batch many.jsonl | head -n 1`: megabytes of output, the reader gone after one line
    read_end, write_end = os.pipe()
    # A run still going after 60 s is stopped with SIGABRT: faulthandler then prints every thread's
    # stack. Its own session, so that its workers (which keep stderr open) can be stopped too.
    env = {**os.environ, "PYTHONFAULTHANDLER": "1"}
    proc = subprocess.Popen([sys.executable, "-m", "replykit", "batch", str(five_thousand), *options],
                            stdout=write_end, stderr=subprocess.PIPE, env=env, start_new_session=True)  # fmt: skip
    os.close(write_end)
    try:
        if when == "after-one-line":
            with os.fdopen(read_end, "rb") as reader:
                first = reader.readline()
            assert first.startswith(b"line," if options[:2] == ["--format", "csv"] else b'{"line":1,'), first[:80]
        else:
            os.close(read_end)
        _, stderr = proc.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        proc.send_signal(signal.SIGABRT)
        proc.wait()
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)  # workers left behind
        _, stderr = proc.communicate()
        pytest.fail(f"still running after 60 s; its threads then:\n{stderr.decode('utf-8', 'replace')}")
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    shown = f"exit code {proc.returncode}, stderr:\n{stderr.decode('utf-8', 'replace')}"
    assert proc.returncode == 0, shown
    assert stderr == b"", shown


@pytest.fixture(scope="module")
def big_jsonl(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """200,000 records: far more than a run gets through before the Ctrl-C."""
    block = "".join(json.dumps({"text": t}, ensure_ascii=False) + "\n" for t in (COMPLAINT, PRAISE, QUESTION))
    path = tmp_path_factory.mktemp("sigint") / "big.jsonl"
    path.write_text(block * 66_667, "utf-8")
    return path


@pytest.mark.parametrize("options", [[], ["--jobs", "2"], ["--format", "csv"]], ids=["jsonl", "jobs2", "csv"])
def test_ctrl_c_exits_130_with_every_line_written_complete(big_jsonl: Path, options: list[str]) -> None:
    code, output, stderr = support.interrupt_mid_run(
        [sys.executable, "-m", "replykit", "batch", str(big_jsonl), *options], pause=0.4
    )
    stdout = output.decode("utf-8")
    assert code == 130, stderr
    assert "Traceback" not in stderr
    assert len(stderr.splitlines()) == 1 and "interrupted" in stderr, stderr
    assert stdout.endswith("\n")
    if "csv" in options:
        rows = list(csv.DictReader(io.StringIO(stdout)))
        assert all(row["error"] == "" and row["category"] for row in rows)
        numbers = [int(row["line"]) for row in rows]
    else:
        numbers = [json.loads(line)["line"] for line in stdout.splitlines()]
    assert numbers == list(range(1, len(numbers) + 1))  # complete, in order, none repeated
    assert len(numbers) < 200_000
    said = re.search(r"after (\d+) records", stderr)
    if said:  # the count it reports is what was written
        assert int(said[1]) == len(numbers)


# ---- record fields reach the rules ----------------------------------------------


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_shares_field_escalates_through_the_viral_signal(cli: Cli, tmp_path: Path, fmt: str) -> None:
    viral = support.default_rules().signals["viral"]
    field, many = viral.field_name, int(viral.minimum) * 10
    if fmt == "jsonl":
        path = write_jsonl(tmp_path / "in.jsonl", [{"text": PRAISE, field: many}, {"text": PRAISE},
                                                   {"text": PRAISE, field: 1}])  # fmt: skip
    else:  # a CSV cell is a string: "5000" counts as the number
        path = csv_file(tmp_path / "in.csv", [["text", field], [PRAISE, str(many)], [PRAISE, ""], [PRAISE, "1"]])
    result = cli("batch", str(path), "--triage-only")
    assert result.exit_code == 0, result.stderr
    shared, plain, few = parse_jsonl(result.stdout)
    assert shared["escalate"] is True
    fired = {signal for step in shared["path"] if step["result"] for signal in step["matched"]}
    assert "viral" in fired
    assert plain["escalate"] is False and plain["category"] == "praise"
    assert few["escalate"] is False and few["category"] == "praise"


# ---- output formats ---------------------------------------------------------------


def test_triage_only_leaves_out_the_replies_and_nothing_else(cli: Cli, tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "in.jsonl", [{"id": 1, "text": COMPLAINT}, {"id": 2, "text": PRAISE},
                                               {"id": 3, "text": QUESTION}, {"id": 4}])  # fmt: skip
    full = parse_jsonl(cli("batch", str(path)).stdout)
    triage = parse_jsonl(cli("batch", str(path), "--triage-only").stdout)
    for f, t in zip(full, triage, strict=True):
        if "error" in f:
            assert t == f
            continue
        assert set(f) - set(t) == REPLY_ONLY
        assert t == {k: v for k, v in f.items() if k not in REPLY_ONLY}


def test_csv_output_one_row_per_record_with_an_error_column(cli: Cli, tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "in.jsonl", [{"id": 1, "text": COMPLAINT, "likes": 3}, {"id": 2},
                                               {"id": 3, "text": PRAISE}])  # fmt: skip
    jsonl_entries = parse_jsonl(cli("batch", str(path)).stdout)
    result = cli("batch", str(path), "--format", "csv")
    assert result.exit_code == 1
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == 3
    assert [r["line"] for r in rows] == ["1", "2", "3"]
    assert [r["id"] for r in rows] == ["1", "2", "3"]
    assert rows[0]["error"] == "" and rows[2]["error"] == ""
    assert rows[1]["error"] == jsonl_entries[1]["error"] and rows[1]["category"] == ""
    for row, entry in ((rows[0], jsonl_entries[0]), (rows[2], jsonl_entries[2])):
        assert (row["text"], row["category"], row["outcome"], row["public_reply"]) == (
            entry["text"], entry["category"], entry["outcome"], entry["public_reply"])  # fmt: skip
    assert json.loads(rows[0]["fields"]) == {"likes": 3}


def test_table_shows_markup_and_escape_codes_in_comments_literally(cli: Cli, tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "in.jsonl", [
        {"id": "[red]id[/red]", "text": "[bold]x[/bold] Merci, super accueil !"},
        {"id": 2, "text": "\x1b[31mWhere is my order?\x1b[0m Nobody answers."},
        {"id": 3, "text": ""},
    ])  # fmt: skip
    result = cli("batch", str(path), "--format", "table", "--color", "never", env={"COLUMNS": "200"})
    assert result.exit_code == 1
    assert "[bold]x[/bold] Merci, super accueil !" in result.stdout
    assert "[red]id[/red]" in result.stdout
    assert "\x1b" not in result.stdout
    assert "Where is my order?" in result.stdout and "[31m" in result.stdout  # shown, not obeyed
    assert "praise" in result.stdout and "empty" in result.stdout


# ---- the Python API -----------------------------------------------------------------


def test_triage_many_on_strings_dicts_and_records(reply_json: Callable[[str], Any]) -> None:
    rules = support.own_rules()
    items: list[Any] = [
        COMPLAINT,
        {"id": "d1", "text": PRAISE, "likes": 4},
        Record(41, QUESTION, "rec", {"platform": "x"}),
    ]
    out = list(triage_many(items, rules))
    assert [(e["line"], e["id"], e["text"], e["fields"]) for e in out] == [
        (1, None, COMPLAINT, {}),
        (2, "d1", PRAISE, {"likes": 4}),
        (41, "rec", QUESTION, {"platform": "x"}),
    ]
    assert {k: v for k, v in out[0].items() if k not in INPUT_KEYS} == reply_json(COMPLAINT)
    assert {k: v for k, v in out[1].items() if k not in INPUT_KEYS} == reply_json(PRAISE)
    assert out[2]["platform"] == "x"


def test_triage_many_bad_items_are_error_entries_in_place() -> None:
    items: list[Any] = ["", "   ", 42, None, {"id": 5, "text": 7}, {"id": 6}, {"id": 7, "text": PRAISE},
                        Record(8, error="bad JSON: at column 3")]  # fmt: skip
    out = list(triage_many(items, support.default_rules(), triage_only=True))
    assert [e["line"] for e in out] == [1, 2, 3, 4, 5, 6, 7, 8]
    assert all(set(e) == ERROR_KEYS for e in out[:6] + out[7:])
    assert [e["id"] for e in out[:6]] == [None, None, None, None, 5, 6]
    assert out[6]["category"] == "praise"
    assert out[7]["error"] == "bad JSON: at column 3"


def test_triage_many_other_field_names() -> None:
    (entry,) = triage_many([{"ref": "x9", "body": PRAISE}], support.default_rules(), text_field="body",
                           id_field="ref", triage_only=True)  # fmt: skip
    assert (entry["id"], entry["text"], entry["fields"], entry["category"]) == ("x9", PRAISE, {}, "praise")


def test_triage_many_is_lazy() -> None:
    taken = 0

    def endless() -> Iterator[str]:
        nonlocal taken
        for text in itertools.cycle([COMPLAINT, PRAISE, QUESTION]):
            taken += 1
            if taken > 100:  # would hang forever on a truly infinite stream
                raise AssertionError("triage_many reads ahead of what is asked")
            yield text

    results = triage_many(endless(), support.default_rules(), triage_only=True)
    assert taken == 0
    first = next(results)
    assert (first["line"], first["text"], taken) == (1, COMPLAINT, 1)
    rest = list(itertools.islice(results, 4))
    assert [e["line"] for e in rest] == [2, 3, 4, 5] and taken == 5


def answer_partition(partition: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """What a Dask, Spark or Ray worker runs on one partition (top level: pickled by name)."""
    from replykit.batch import triage_many

    return list(triage_many(partition, triage_only=True))


def test_partitions_over_processes_give_the_one_process_result() -> None:
    items: list[Any] = [{"id": f"c{i}", **item} if isinstance(item, dict) else {"id": f"c{i}", "text": item}
                        for i, item in zip(range(120), itertools.cycle(VARIED), strict=False)]  # fmt: skip
    partitions = [items[i : i + 25] for i in range(0, len(items), 25)]
    context = multiprocessing.get_context("fork" if hasattr(os, "fork") else "spawn")
    with context.Pool(2) as pool:
        results = [entry for part in pool.map(answer_partition, partitions) for entry in part]
    alone = list(triage_many(items, triage_only=True))
    assert len(results) == len(alone) == 120
    assert sum("error" in e for e in alone) > 0
    # line numbers count within a partition; ids identify the records
    assert [e["id"] for e in results] == [e["id"] for e in alone]
    assert [{k: v for k, v in e.items() if k != "line"} for e in results] == [
        {k: v for k, v in e.items() if k != "line"} for e in alone]  # fmt: skip


def test_repeated_comments_get_the_same_answer_unless_a_field_the_rules_read_differs() -> None:
    # A repeat is answered on its own record: the default rules read `shares`
    # (viral escalates), not `likes`.
    items = [
        {"id": 1, "text": COMPLAINT, "shares": 3, "likes": 1},
        {"id": 2, "text": COMPLAINT, "shares": 3, "likes": 900},
        {"id": 3, "text": COMPLAINT, "shares": 5000},
        {"id": 4, "text": COMPLAINT, "shares": [1, 2]},  # unhashable: answered, not remembered
        {"id": 5, "text": COMPLAINT},
    ]
    out = list(triage_many(items, support.default_rules(), triage_only=True))
    fresh = [next(triage_many([item], support.default_rules(), triage_only=True)) for item in items]
    assert [{**e, "line": 0} for e in out] == [{**e, "line": 0} for e in fresh]
    assert [e["escalate"] for e in out] == [False, False, True, False, False]
    assert out[0]["path"] == out[1]["path"] == out[4]["path"]


def test_policy_overrides_apply_to_every_record_of_a_batch() -> None:
    texts = [INSULT, INSULT, PRAISE, INSULT]
    on = list(triage_many(texts, support.default_rules(), triage_only=True))
    off = list(triage_many(texts, support.default_rules(), triage_only=True,
                           variables={"policy.moderate_inappropriate": "false"}))  # fmt: skip
    assert [e["outcome"] for e in on] == ["moderate", "moderate", "praise", "moderate"]
    assert [e["outcome"] for e in off] == ["inappropriate_calm", "inappropriate_calm", "praise", "inappropriate_calm"]
