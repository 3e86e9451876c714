"""docs/setup.md's console examples are real: every ``$ ...`` line runs, none skipped, and prints what it shows.

The examples run in order, in one scratch folder holding the repository's
``examples/`` and no rules file (a first run: the built-in rules, with the
example business). ``$ cd DIR`` moves within it. stderr is shown before
stdout, as a terminal shows a warning printed before the reply. An expected
output ending with a ``...`` line shows only the head of the output.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SETUP = REPO / "docs" / "setup.md"


def examples(text: str) -> list[tuple[str, str]]:
    """(command, expected output) of every ``$`` line of the ```console blocks, in order."""
    found = []
    for block in re.finditer(r"```console\n(.*?)```", text, re.S):
        parts = re.split(r"^\$ (.*)\n", block.group(1), flags=re.M)
        found += list(zip(parts[1::2], parts[2::2], strict=True))
    return found


def run(command: str, cwd: Path) -> str:
    argv = shlex.split(command)
    assert argv[0] == "replykit", f"docs/setup.md runs replykit and cd only: {command}"
    env = {**os.environ, "COLUMNS": "100", "NO_COLOR": "1", "TERM": "dumb", "LANG": "C.UTF-8"}
    for name in ("LC_ALL", "REPLYKIT_RULES", "FORCE_COLOR"):
        env.pop(name, None)
    proc = subprocess.run([sys.executable, "-m", "replykit", *argv[1:]], cwd=cwd, env=env, capture_output=True,
                          timeout=300)  # fmt: skip
    return (proc.stderr + proc.stdout).decode("utf-8")


def matches(output: str, expected: str) -> bool:
    lines, want = output.splitlines(), expected.splitlines()
    if want and want[-1] == "...":
        return lines[: len(want) - 1] == want[:-1]
    return lines == want


def test_setup_md_has_examples() -> None:
    assert len(examples(SETUP.read_text("utf-8"))) >= 6


def test_every_example_of_setup_md_runs_and_matches(tmp_path: Path) -> None:
    (tmp_path / "examples").symlink_to(REPO / "examples")
    cwd = tmp_path
    for command, expected in examples(SETUP.read_text("utf-8")):
        if command.startswith("cd "):
            cwd = (cwd / command[3:].strip()).resolve()
            continue
        output = run(command, cwd)
        assert matches(output, expected), f"$ {command}\n--- docs/setup.md shows:\n{expected}--- it prints:\n{output}"


@pytest.mark.parametrize("check", ["example-profile"])
def test_setup_md_documents(check: str) -> None:
    assert f"`{check}`" in SETUP.read_text("utf-8")
