"""`replykit reply --edit`: the user rewrites the reply, and it is checked before it is printed."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

import support

# Replies in a real business's name: these tests are not about the first run's example profile.
pytestmark = pytest.mark.usefixtures("own_profile")


COMMENT = "Where is my order? Nobody answers."


def editor(tmp_path: Path, reply: str, status: int = 0) -> str:
    """A stand-in $EDITOR that writes ``reply`` into the file it is given."""
    script = tmp_path / "editor.sh"
    (tmp_path / "reply.txt").write_text(reply, "utf-8")
    script.write_text(f'#!/bin/sh\ncat "{tmp_path / "reply.txt"}" > "$1"\nexit {status}\n', "utf-8")
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return str(script)


def run(tmp_path: Path, reply: str, status: int = 0) -> support.subprocess.CompletedProcess[str]:
    env = {"EDITOR": editor(tmp_path, reply, status), "VISUAL": ""}
    return support.run("reply", "--edit", "--text", COMMENT, "--lang", "en", "--format", "json", env=env)


def test_a_calm_rewrite_is_printed_and_passes(tmp_path: Path) -> None:
    calm = "I'm sorry for the wait, Julie. Please call us on +33 1 23 45 67 89 so we can sort it out."
    proc = run(tmp_path, calm)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["public_reply"] == calm
    review = json.loads(proc.stderr.splitlines()[-1])
    assert review["schema"] == "replykit.check/1" and review["clean"] is True


def test_an_aggressive_rewrite_is_printed_with_its_findings_and_fails(tmp_path: Path) -> None:
    harsh = "Your complaint is ridiculous!! You should have read the terms."
    proc = run(tmp_path, harsh)
    assert proc.returncode == 1
    assert json.loads(proc.stdout)["public_reply"] == harsh
    checks = {f["check"] for f in json.loads(proc.stderr.splitlines()[-1])["findings"]}
    assert {"aggressive-wording", "double-exclamation", "blaming-customer"} <= checks


def test_an_editor_that_fails_changes_nothing(tmp_path: Path) -> None:
    proc = run(tmp_path, "whatever", status=3)
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert proc.stderr.startswith("replykit: error: the editor") and "Traceback" not in proc.stderr


def test_a_missing_editor_is_a_usage_error(tmp_path: Path) -> None:
    env = {"EDITOR": str(tmp_path / "no-such-editor"), "VISUAL": ""}
    proc = support.run("reply", "--edit", "--text", COMMENT, env=env)
    assert proc.returncode == 2
    assert "cannot start the editor" in proc.stderr and "Traceback" not in proc.stderr


def test_a_vague_dissatisfaction_is_checked_as_a_complaint_as_lint_does(tmp_path: Path) -> None:
    # O2.3: lint reviews vague_dissatisfaction's templates as a complaint's; so does reply --edit
    env = {"EDITOR": editor(tmp_path, "Thanks for your feedback."), "VISUAL": ""}
    comment = "Honestly I expected better from you, quite disappointing."
    proc = support.run("reply", "--edit", "--text", comment, "--lang", "en", "--format", "json", env=env)
    assert json.loads(proc.stdout)["outcome"] == "vague_dissatisfaction"
    checks = {f["check"] for f in json.loads(proc.stderr.splitlines()[-1])["findings"]}
    assert "no-private-channel" in checks  # asked of a complaint, not of a general opinion
    assert proc.returncode == 1
