"""Colour in text output: --color always|never|auto, NO_COLOR, pipes and terminals."""

from __future__ import annotations

import os
import pty
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

TEXT = "Where is my order? Nobody answers."
SGR = re.compile(r"\x1b\[([0-9;]*)m")


def colour_codes(output: str) -> list[str]:
    """SGR parameters that set a foreground or background colour (bold, dim... excluded)."""
    found = []
    for params in SGR.findall(output):
        parts = params.split(";")
        for i, part in enumerate(parts):
            is_colour = part.isdigit() and (30 <= int(part) <= 38 or 40 <= int(part) <= 48 or 90 <= int(part) <= 107)
            is_colour_value = i > 0 and parts[i - 1] in ("38", "48")  # the 5 of 38;5;N is not a colour code
            if is_colour and not is_colour_value:
                found.append(part)
    return found


@pytest.mark.parametrize("command", [["reply", "--text", TEXT], ["tree"]], ids=["reply", "tree"])
def test_color_always_emits_ansi_colours(cli: Any, command: list[str], no_color_env: None) -> None:
    result = cli(*command, "--color", "always")
    assert (result.exit_code, result.stderr) == (0, "")
    assert colour_codes(result.stdout)


def test_color_always_beats_no_color(cli: Any) -> None:
    result = cli("reply", "--text", TEXT, "--color", "always", env={"NO_COLOR": "1", "TERM": "xterm-256color"})
    assert result.exit_code == 0
    assert colour_codes(result.stdout), "an explicit --color always overrides NO_COLOR"


@pytest.mark.parametrize("command", [["reply", "--text", TEXT], ["tree"]], ids=["reply", "tree"])
def test_color_never_emits_no_escape_at_all(cli: Any, command: list[str], no_color_env: None) -> None:
    result = cli(*command, "--color", "never", env={"FORCE_COLOR": "1"})
    assert (result.exit_code, result.stderr) == (0, "")
    assert "\x1b" not in result.stdout
    assert result.stdout.strip()


def test_piped_output_has_no_escapes_by_default(tmp_path: Path) -> None:
    env = {"TERM": "xterm-256color"}
    full = {k: v for k, v in os.environ.items() if k != "NO_COLOR"} | env
    proc = subprocess.run([sys.executable, "-m", "replykit", "reply", "--text", TEXT],
                          capture_output=True, text=True, env=full, cwd=tmp_path, timeout=60)  # fmt: skip
    assert (proc.returncode, proc.stderr) == (0, "")
    assert "\x1b" not in proc.stdout and proc.stdout.strip()


def run_in_terminal(env_changes: dict[str, str | None], *args: str) -> str:
    """Run replykit with stdout on a pseudo-terminal; return what it wrote."""
    env = dict(os.environ)
    for key, value in env_changes.items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    leader, follower = pty.openpty()
    try:
        proc = subprocess.Popen([sys.executable, "-m", "replykit", "reply", "--text", TEXT, *args],
                                stdout=follower, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, env=env)  # fmt: skip
        os.close(follower)
        chunks = []
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # EIO: the child closed the terminal
                break
            if not chunk:
                break
            chunks.append(chunk)
        assert proc.wait(timeout=60) == 0, proc.stderr.read() if proc.stderr else ""
    finally:
        os.close(leader)
    return b"".join(chunks).decode("utf-8", "replace")


def test_terminal_gets_colour_by_default() -> None:
    out = run_in_terminal({"NO_COLOR": None, "TERM": "xterm-256color"})
    assert colour_codes(out)


def test_no_color_env_turns_colour_off_on_a_terminal() -> None:
    out = run_in_terminal({"NO_COLOR": "1", "TERM": "xterm-256color"})
    assert "Triage" in out or "Tri" in out
    assert colour_codes(out) == []


def test_color_never_on_a_terminal() -> None:
    out = run_in_terminal({"NO_COLOR": None, "TERM": "xterm-256color"}, "--color", "never")
    assert "\x1b" not in out
