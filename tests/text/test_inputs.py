"""Reading the comment: bad input gets one clear line on stderr and the documented exit code.

These run ``python -m replykit`` as a real process: exit codes, stdin and
stderr are what a user sees.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

import support

# (id, arguments, stdin, exit code, a fragment the message must contain)
# Replies in a real business's name: these tests are not about the first run's example profile.
pytestmark = pytest.mark.usefixtures("own_profile")


BAD_INPUT = [
    ("empty-text", ["--text", ""], None, 1, "empty"),
    ("whitespace-text", ["--text", "  \n\t  "], None, 1, "empty"),
    ("whitespace-stdin", [], " \n\t\n   ", 1, "empty"),
    ("empty-stdin-dash", ["-"], "", 1, "empty"),
    ("missing-file", ["nope.txt"], None, 2, "nope.txt"),
    ("directory", ["."], None, 2, "."),
    ("file-and-text", ["comment.txt", "--text", "x"], None, 2, "--text"),
    ("unknown-var", ["--text", "x", "--var", "brnad=Acme"], None, 2, "did you mean 'brand'"),
    ("var-without-value", ["--text", "x", "--var", "brand"], None, 2, "brand"),
    ("unknown-policy", ["--text", "x", "--var", "policy.reply_to_all=false"], None, 2, "policy.reply_to_all"),
    ("bad-policy-value", ["--text", "x", "--var", "policy.reply_to_general=maybe"], None, 2, "maybe"),
    ("missing-rules", ["--text", "x", "--rules", "nope.yaml"], None, 2, "nope.yaml"),
    ("missing-templates", ["--text", "x", "--templates", "no-such-dir"], None, 2, "no-such-dir"),
]


@pytest.mark.parametrize(("args", "stdin", "code", "fragment"), [pytest.param(*c[1:], id=c[0]) for c in BAD_INPUT])
def test_bad_input_is_one_clear_line(tmp_path: Path, args: list[str], stdin: str | None, code: int,
                                     fragment: str) -> None:  # fmt: skip
    (tmp_path / "comment.txt").write_text("Where is my order?", "utf-8")
    proc = support.run("reply", *args, input=stdin, cwd=tmp_path)
    message = support.assert_clean_error(proc.stderr)
    assert proc.returncode == code, proc.stderr
    assert fragment in message
    assert proc.stdout == ""


@pytest.mark.parametrize("source", ["file", "stdin"])
def test_invalid_utf8_names_file_line_and_column(tmp_path: Path, source: str) -> None:
    data = "Ma commande\nest arrivée cassée".encode("latin-1")  # é is one byte, 0xe9, at line 2 column 10
    column = "est arriv".__len__() + 1
    if source == "file":
        (tmp_path / "latin1.txt").write_bytes(data)
        proc = support.run("reply", "latin1.txt", cwd=tmp_path)
        name = "latin1.txt"
    else:
        proc = support.run("reply", input=data, cwd=tmp_path)
        name = "<stdin>"
    message = support.assert_clean_error(proc.stderr)
    assert proc.returncode == 1
    assert message.startswith(f"{name}:2:{column}:"), message
    assert "UTF-8" in message


def test_utf8_bom_and_crlf_are_fine(tmp_path: Path) -> None:
    (tmp_path / "c.txt").write_bytes("\ufeffCommande jamais reçue,\r\ntoujours pas remboursé".encode())
    proc = support.run("reply", "c.txt", "--format", "json", cwd=tmp_path)
    assert (proc.returncode, proc.stderr) == (0, "")
    assert json.loads(proc.stdout)["lang"] == "fr"


@pytest.mark.parametrize("dash", [[], ["-"]], ids=["piped", "dash"])
def test_comment_from_stdin(tmp_path: Path, dash: list[str]) -> None:
    comment = "Commande jamais reçue, toujours pas remboursé"
    proc = support.run("reply", *dash, "--format", "json", input=comment, cwd=tmp_path)
    assert (proc.returncode, proc.stderr) == (0, "")
    data = json.loads(proc.stdout)
    assert (
        data["public_reply"]
        and data["case_ref"] == json.loads(support.run("reply", "-f", "json", "-t", comment).stdout)["case_ref"]
    )


def test_five_megabyte_comment_is_answered_with_a_warning(tmp_path: Path) -> None:
    sentence = "Where is my order? Nobody answers the phone. "
    huge = sentence * (5 * 1024 * 1024 // len(sentence))
    started = time.monotonic()
    proc = support.run("reply", "--format", "json", input=huge, cwd=tmp_path)
    elapsed = time.monotonic() - started
    assert (proc.returncode, proc.stderr) == (0, "")
    data = json.loads(proc.stdout)
    assert data["public_reply"]
    assert any(re.search(r"analy[sz]", w, re.IGNORECASE) for w in data["warnings"]), data["warnings"]
    assert elapsed < 20, f"{elapsed:.1f}s for a 5 MB comment"
    short = json.loads(support.run("reply", "--format", "json", "--text", sentence).stdout)
    assert short["warnings"] == []


def test_five_megabyte_comment_warning_in_text_output(tmp_path: Path) -> None:
    from replykit import suggest
    from replykit.formats.labels import warning as said_in

    huge = "Commande jamais reçue. " * 250_000
    (tmp_path / "big.txt").write_text(huge, "utf-8")
    proc = support.run("reply", "big.txt", cwd=tmp_path)
    assert (proc.returncode, proc.stderr) == (0, "")
    data = suggest(huge, rules=support.own_rules()).to_dict()  # the rules the CLI runs with here
    assert data["warnings"]
    shown = " ".join(re.sub(r"[│╭╮╰╯─]", " ", proc.stdout).split())
    for warning in data["warnings"]:  # said in the reply's language (formats/labels.py)
        assert " ".join(said_in(warning, data["lang"]).split()) in shown, warning


@pytest.mark.parametrize("fmt", ["text", "json", "markdown"])
def test_emoji_only_comment(fmt: str, tmp_path: Path) -> None:
    proc = support.run("reply", "--text", "😡😡😡🤬", "--format", fmt, cwd=tmp_path)
    assert (proc.returncode, proc.stderr) == (0, "")
    assert proc.stdout.strip()
    if fmt == "json":
        data = json.loads(proc.stdout)
        assert data["lang"] in support.LANGS and data["lang_source"] == "default"


def test_template_failing_at_run_time_is_a_template_error(tmp_path: Path, minimal_rules: Path) -> None:
    (minimal_rules.parent / "templates" / "en" / "other.public.j2").write_text("Hello\n{{ 1 // 0 }}\n")
    proc = support.run("reply", "--rules", str(minimal_rules), "--text", "x", cwd=tmp_path)
    message = support.assert_clean_error(proc.stderr)
    assert proc.returncode == 2
    assert message.startswith(str(minimal_rules.parent / "templates" / "en" / "other.public.j2") + ":2:"), message


def test_no_comment_and_stdin_a_terminal_is_a_usage_error(tmp_path: Path) -> None:
    # `replykit reply` typed alone in a terminal must not sit waiting for input.
    import os
    import pty
    import subprocess
    import sys

    leader, follower = pty.openpty()
    try:
        proc = subprocess.run([sys.executable, "-m", "replykit", "reply"], stdin=follower, capture_output=True,
                              text=True, cwd=tmp_path, timeout=30)  # fmt: skip
    finally:
        os.close(follower)
        os.close(leader)
    assert proc.returncode == 2 and proc.stdout == ""
    assert "--text" in support.assert_clean_error(proc.stderr)


@pytest.mark.parametrize(
    "args",
    [
        ("reply", "--text", "Where is my order?"),
        ("reply", "--text", "Where is my order?", "--format", "json"),
        ("reply", "--text", "Where is my order?", "--format", "markdown"),
        ("tree",),
        ("tree", "--format", "mermaid"),
    ],
    ids=["text", "json", "markdown", "tree", "mermaid"],
)
def test_a_reader_that_leaves_early_ends_quietly(args: tuple[str, ...]) -> None:
    # `replykit ... | head -n 1`: the reader is gone before we write.
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "replykit", *args], stdout=write_end, stderr=subprocess.PIPE, timeout=60
        )
    finally:
        os.close(write_end)
    stderr = proc.stderr.decode("utf-8", "replace")
    assert proc.returncode == 0, stderr
    assert stderr == ""
