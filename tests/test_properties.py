"""Property tests over arbitrary Unicode (issue 6): no comment, however strange, breaks replykit.

Control characters, bidi overrides (U+202E, U+2066), zero-width joiners,
combining marks, emoji-only comments, French and English mixed, invalid UTF-8
and lone surrogates (``\\ud800`` escapes in JSON lines): ``suggest`` always
routes to an outcome of the rules and renders both replies (or raises the
documented InputError for an empty comment); ``reply``, ``batch`` and
``check`` exit with a documented code, never a traceback, and ``batch``
writes exactly one line per record. Examples are derandomized (the same on
every run and in CI); the in-process CliRunner does most runs, a few real
processes check the whole way through.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

import support
from replykit.batch.read import MAX_LINE_BYTES
from replykit.errors import ExitCode, InputError
from replykit.reply.suggestion import suggest

# Replies in a real business's name: these tests are not about the first run's example profile.
pytestmark = pytest.mark.usefixtures("own_profile")


FAST = settings(max_examples=150, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])  # fmt: skip
SLOW = settings(FAST, max_examples=40)
PROCESSES = settings(FAST, max_examples=4)

RULES = support.default_rules()
EXIT_CODES = {int(code) for code in ExitCode}

# ---- strategies -------------------------------------------------------------------

SPECIAL = ["\u202e", "\u202d", "\u2066", "\u2067", "\u2068", "\u2069", "\u200b", "\u200c", "\u200d", "\u2060",
           "\ufeff", "\u0301", "\u0308", "\u20dd", "\x00", "\x07", "\x7f", "\x1b[31m", "\x1b]8;;http://x.test\x07",
           "\r", "\n", "\t", "\x0b", "\x85", "\u2028", "\u2029", "\ufffd", "\U0010ffff"]  # fmt: skip
EMOJI = ["😡", "👍", "🤬", "💩", "🙏", "👨\u200d👩\u200d👧", "🇫🇷", "❤️", "🔥", "👍🏽", "😂"]
WORDS = ["commande", "jamais", "reçue", "remboursement", "arnaque", "avocat", "merci", "nul", "où", "est", "ma",
         "refund", "order", "never", "arrived", "scam", "lawyer", "thanks", "terrible", "where", "is", "my",
         "idiot", "?", "!!!", "@support", "#1234", "https://example.com", "{{ 7*7 }}", "{% raw %}", "[bold]x[/bold]",
         "café", "ÉNORME", "e\u0301le\u0300ve", "boycott", "police", "viral", "toujours",
         "personne ne répond"]  # fmt: skip
WHITESPACE = " \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2003\u2028\u2029\u202f\u205f\u3000"

piece = st.one_of(
    st.sampled_from(SPECIAL), st.sampled_from(EMOJI), st.sampled_from(WORDS), st.text(max_size=8), st.characters()
)
mixed = st.tuples(st.lists(piece, max_size=30), st.sampled_from([" ", "", "\n", " \u200d"])).map(
    lambda parts: parts[1].join(parts[0])
)
emoji_only = st.lists(st.sampled_from(EMOJI), min_size=1, max_size=12).map("".join)
whitespace_only = st.text(alphabet=WHITESPACE, max_size=12)
# Every code point but lone surrogates (a Python str can hold one; no UTF-8 text can).
texts = st.one_of(st.text(), mixed, emoji_only, whitespace_only)
lone_surrogate = st.sampled_from(["\ud800", "\udbff", "\udc00", "\udfff", "\ud83d"])
with_surrogate = st.tuples(mixed, lone_surrogate, mixed).map("".join)


# ---- helpers ----------------------------------------------------------------------

RUNNER = CliRunner()


def invoke(*args: str, input: bytes | None = None) -> Any:
    """The typer app in-process; a Python exception fails the test (catch_exceptions=False)."""
    return RUNNER.invoke(support.typer_app(), list(args), input=input, catch_exceptions=False)


def no_traceback(*outputs: str) -> None:
    for output in outputs:
        assert "Traceback" not in output, output


def jsonl(stdout: str) -> list[dict[str, Any]]:
    """The entries of JSON-lines output: split on newlines only (U+2028 or U+0085 may sit inside a string)."""
    assert stdout.endswith("\n"), stdout[-200:]
    return [json.loads(line) for line in stdout[:-1].split("\n")]


def assert_answered(entry: dict[str, Any]) -> None:
    """A suggestion (JSON) that routes to an outcome of the rules, with both replies rendered."""
    assert entry["outcome"] in RULES.outcomes, entry["outcome"]
    assert entry["public_reply"].strip(), entry
    assert entry["private_script"].strip(), entry


def expected_reply_code(data: bytes) -> int:
    """What ``replykit reply -`` must answer for these stdin bytes (README, Exit codes)."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return ExitCode.INPUT_ERROR
    return ExitCode.OK if text.strip() else ExitCode.INPUT_ERROR


# ---- the Python API ---------------------------------------------------------------


@FAST
@given(text=st.one_of(texts, with_surrogate))
def test_suggest_always_answers_or_refuses_an_empty_comment(text: str) -> None:
    if not text.strip():
        with pytest.raises(InputError):
            suggest(text, rules=RULES)
        return
    result = suggest(text, rules=RULES)
    assert result.outcome in RULES.outcomes
    assert result.lang in support.LANGS
    assert result.public_reply.strip() and result.private_script.strip()


def one_megabyte_line() -> str:
    """A single line of a little over 1,000,000 bytes (under the batch limit) of every kind of piece."""
    unit = " ".join(WORDS + EMOJI + [c for c in SPECIAL if not c.isspace()]) + " "
    text = unit * (1_000_000 // len(unit.encode("utf-8")) + 1)
    assert 1_000_000 < len(text.encode("utf-8")) < MAX_LINE_BYTES and "\n" not in text
    return text


def test_suggest_on_a_one_megabyte_comment() -> None:
    text = one_megabyte_line()
    result = suggest(text, rules=RULES)
    assert result.outcome in RULES.outcomes
    assert result.public_reply.strip() and result.private_script.strip()


# ---- replykit reply ---------------------------------------------------------------


@FAST
@given(text=texts)
def test_reply_text_exits_0_with_replies_or_1_for_an_empty_comment(text: str) -> None:
    result = invoke("reply", f"--text={text}", "--format", "json")
    no_traceback(result.stdout, result.stderr)
    if text.strip():
        assert result.exit_code == ExitCode.OK, result.stderr
        assert_answered(json.loads(result.stdout))
    else:
        assert result.exit_code == ExitCode.INPUT_ERROR
        assert support.assert_clean_error(result.stderr) == "the comment is empty: nothing to answer"


stdin_bytes = st.one_of(
    texts.map(lambda t: t.encode("utf-8")),
    texts.map(lambda t: b"\xef\xbb\xbf" + t.encode("utf-8")),
    st.binary(max_size=64),
    st.tuples(texts, st.sampled_from([b"\xff", b"\xc3", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"\x80"]), texts).map(
        lambda parts: parts[0].encode("utf-8") + parts[1] + parts[2].encode("utf-8")
    ),
)


@FAST
@given(data=stdin_bytes)
def test_reply_stdin_exits_0_with_replies_or_1_for_unusable_bytes(data: bytes) -> None:
    result = invoke("reply", "-", "--format", "json", input=data)
    no_traceback(result.stdout, result.stderr)
    assert result.exit_code == expected_reply_code(data), result.stderr
    if result.exit_code == ExitCode.OK:
        assert_answered(json.loads(result.stdout))
    else:
        support.assert_clean_error(result.stderr)


@PROCESSES
@given(text=texts.filter(lambda t: "\x00" not in t))  # an argument cannot hold a NUL byte
@example(text="\u202eerdnommoc\u2066 jamais reçue\u2069 refund 👨\u200d👩\u200d👧 e\u0301\u0301\x1b[2J")
@example(text=" \u2003\n\t")
def test_reply_text_in_a_real_process(text: str) -> None:
    # the typer-free fast path (replykit/cli/fastpath.py) answers `reply --text` in a real process
    proc = support.run("reply", f"--text={text}", "--format", "json")
    no_traceback(proc.stdout, proc.stderr)
    if text.strip():
        assert (proc.returncode, proc.stderr) == (ExitCode.OK, "")
        assert_answered(json.loads(proc.stdout))
    else:
        assert proc.returncode == ExitCode.INPUT_ERROR
        support.assert_clean_error(proc.stderr)


@PROCESSES
@given(data=stdin_bytes)
@example(data=b"\xef\xbb\xbf\xe2\x80\xae commande \xff jamais")
@example(data="🤬🤬🤬\u200d".encode())
def test_reply_in_a_real_process(data: bytes) -> None:
    proc = support.run("reply", "-", "--format", "json", input=data)
    no_traceback(proc.stdout, proc.stderr)
    assert proc.returncode == expected_reply_code(data), proc.stderr
    if proc.returncode == ExitCode.OK:
        assert_answered(json.loads(proc.stdout))


def test_reply_on_a_one_megabyte_comment_from_stdin() -> None:
    data = one_megabyte_line().encode("utf-8")
    result = invoke("reply", "-", "--format", "json", input=data)
    assert result.exit_code == ExitCode.OK, result.stderr
    assert_answered(json.loads(result.stdout))
    proc = support.run("reply", "--format", "json", input=data)  # piped: stdin without "-"
    assert (proc.returncode, proc.stderr) == (ExitCode.OK, "")
    assert_answered(json.loads(proc.stdout))


def test_batch_on_a_one_megabyte_line() -> None:
    def record(text: str) -> bytes:
        return json.dumps({"id": 1, "text": text}, ensure_ascii=False).encode("utf-8")

    text = one_megabyte_line()
    excess = len(record(text)) - (MAX_LINE_BYTES - 1)  # escapes make the line longer than the text
    line = record(text[: len(text) - max(excess, 0)])
    assert 1_000_000 < len(line) < MAX_LINE_BYTES
    result = invoke("batch", "-", "--input-format", "jsonl", input=line + b"\n" + line)
    assert result.exit_code == ExitCode.OK, result.stderr
    entries = jsonl(result.stdout)
    assert [e["line"] for e in entries] == [1, 2]
    for entry in entries:
        assert_answered(entry)


# ---- replykit batch ---------------------------------------------------------------

# (kind, line bytes without the newline): "ok" must be answered, "error" must be an
# error entry, "any" is either, "blank" is not a record.
ok_record = texts.filter(lambda t: bool(t.strip())).map(
    lambda t: ("ok", json.dumps({"id": 7, "text": t, "likes": 3}, ensure_ascii=False).encode("utf-8"))
)
empty_record = whitespace_only.map(lambda t: ("error", json.dumps({"text": t}).encode("utf-8")))
surrogate_record = with_surrogate.map(lambda t: ("error", json.dumps({"id": "s", "text": t}).encode("ascii")))


def _bad_utf8(parts: tuple[str, bytes]) -> tuple[str, bytes]:
    text, bad = parts
    return "error", b'{"text": "' + bad + json.dumps(text, ensure_ascii=False)[1:].encode("utf-8") + b"}"


bad_utf8_record = st.tuples(texts, st.sampled_from([b"\xff", b"\xc3", b"\xed\xa0\x80", b"\x80"])).map(_bad_utf8)
no_text_record = texts.map(lambda t: ("error", json.dumps({"body": t}, ensure_ascii=False).encode("utf-8")))
bad_json = mixed.filter(lambda t: t.strip() and not t.strip().startswith(("{", "[", '"'))).map(
    lambda t: ("error", ("{" + t).replace("\n", " ").encode("utf-8"))
)
any_bytes = st.binary(max_size=80).map(lambda b: ("any", b.replace(b"\n", b" ")))
blank = st.sampled_from([b"", b" ", b"\t", b"\r", b"  \x0b\x0c "]).map(lambda b: ("blank", b))
batch_lines = st.lists(
    st.one_of(ok_record, empty_record, surrogate_record, bad_utf8_record, no_text_record, bad_json, any_bytes, blank),
    min_size=1,
    max_size=12,
)


def batch_input(lines: list[tuple[str, bytes]], trailing_newline: bool) -> tuple[bytes, list[tuple[int, str]]]:
    """The JSONL bytes, and ``(line number, kind)`` of each record (the non-blank lines)."""
    data = b"\n".join(raw for _, raw in lines) + (b"\n" if trailing_newline else b"")
    records = [(number, kind) for number, (kind, raw) in enumerate(lines, 1) if raw.strip()]
    return data, records


def assert_batch_output(code: int, stdout: str, stderr: str, records: list[tuple[int, str]]) -> None:
    no_traceback(stdout, stderr)
    entries = jsonl(stdout) if stdout else []
    assert [entry["line"] for entry in entries] == [number for number, _ in records]  # one per record, in order
    for entry, (number, kind) in zip(entries, records, strict=True):
        if kind == "ok":
            assert "error" not in entry, (number, entry)
            assert_answered(entry)
        elif kind == "error":
            assert entry.get("error"), (number, entry)
        else:
            assert entry.get("error") or entry["outcome"] in RULES.outcomes
    failed = any("error" in entry for entry in entries)
    assert code == (ExitCode.INPUT_ERROR if failed else ExitCode.OK), stderr
    assert len(stderr.splitlines()) == sum("error" in entry for entry in entries)  # one message per bad record


@SLOW
@given(lines=batch_lines, trailing_newline=st.booleans())
def test_batch_writes_one_line_per_record_and_a_documented_exit_code(
    lines: list[tuple[str, bytes]], trailing_newline: bool
) -> None:
    data, records = batch_input(lines, trailing_newline)
    result = invoke("batch", "-", "--input-format", "jsonl", input=data)
    assert_batch_output(result.exit_code, result.stdout, result.stderr, records)


EVERY_KIND = [
    ("ok", '{"id": 1, "text": "\u202eremboursement\u2066 refund 🤬\u200d e\u0301"}'.encode()),
    ("error", b'{"id": 2, "text": "broken \\ud800 half"}'),
    ("error", b'{"id": 3, "text": "bad \xff byte"}'),
    ("error", b'{"id": 4, "body": "no text"}'),
    ("blank", b"  "),
    ("error", b'{"id": 5, "text": "cut'),
    ("ok", '{"id": 6, "text": "\u2028\u0085 où est ma commande ?"}'.encode()),
]


@PROCESSES
@given(lines=batch_lines)
@example(lines=EVERY_KIND)
def test_batch_in_a_real_process(lines: list[tuple[str, bytes]]) -> None:
    data, records = batch_input(lines, trailing_newline=True)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "comments.jsonl"
        path.write_bytes(data)
        proc = support.run("batch", str(path), "--jobs", "2")
    assert_batch_output(proc.returncode, proc.stdout, proc.stderr, records)


def test_batch_lines_at_the_size_limit() -> None:
    def line(size: int) -> bytes:  # ``size`` bytes with the newline
        head = '{"id": 1, "text": "refund é👍\u202e '.encode()
        return head + b"x" * (size - len(head) - 3) + b'"}\n'

    under, over = line(MAX_LINE_BYTES), line(MAX_LINE_BYTES + 1)  # the limit counts the newline
    assert (len(under), len(over)) == (MAX_LINE_BYTES, MAX_LINE_BYTES + 1)
    json.loads(under)  # a valid record: only the size differs
    result = invoke("batch", "-", "--input-format", "jsonl", "--triage-only", input=under + over + under)
    entries = jsonl(result.stdout)
    assert [e["line"] for e in entries] == [1, 2, 3]
    assert "error" not in entries[0] and "error" not in entries[2]
    assert "limit" in entries[1]["error"]
    assert result.exit_code == ExitCode.INPUT_ERROR


# ---- replykit check ---------------------------------------------------------------

DRAFT = "Calm down, it's not our fault!! Please send us a private message."


@pytest.fixture(scope="module")
def check_rules() -> Any:
    """A copy of the minimal rules, and how ``check`` answers DRAFT with it untouched."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "minimal"
        shutil.copytree(support.MINIMAL, folder)
        rules = folder / "rules.yaml"
        original = rules.read_text("utf-8")
        assert '      en: ["I want a refund"]\n' in original and "  - id: is_question\n" in original
        baseline = invoke("check", "--rules", str(rules), "--text", DRAFT)
        assert baseline.exit_code == 1 and "Calm down" in baseline.stdout  # findings: the draft is checked
        yield rules, original, baseline


def with_text(original: str, text: str, escaped: bool) -> str:
    """The rules with ``text`` as an English example and as a node description (a YAML double-quoted string)."""
    quoted = json.dumps(text, ensure_ascii=escaped)
    return original.replace('      en: ["I want a refund"]\n', f"      en: [{quoted}]\n").replace(
        "  - id: is_question\n", f"  - id: is_question\n    description: {quoted}\n"
    )


@SLOW
@given(text=st.one_of(texts, with_surrogate), escaped=st.booleans())
def test_check_with_arbitrary_text_in_the_rules(check_rules: Any, text: str, escaped: bool) -> None:
    rules, original, baseline = check_rules
    try:
        rules.write_text(with_text(original, text, escaped), "utf-8", errors="surrogatepass")
        result = invoke("check", "--rules", str(rules), "--text", DRAFT)
    finally:
        rules.write_text(original, "utf-8")
    no_traceback(result.stdout, result.stderr)
    assert result.exit_code in EXIT_CODES - {ExitCode.INTERNAL_ERROR}
    if result.exit_code == ExitCode.CONFIG_ERROR:  # a raw control character YAML refuses, an empty example
        assert not escaped or "\\ud" in json.dumps(text).lower() or not text.strip(), result.stderr
        assert all(line.startswith("replykit: error: ") for line in result.stderr.splitlines()), result.stderr
    else:  # the draft's findings do not depend on the rules' examples and descriptions
        assert (result.exit_code, result.stdout) == (baseline.exit_code, baseline.stdout), result.stderr
