"""Missing files and folders where files belong: one clear line naming the path, exit 2, for every command."""

from __future__ import annotations

from pathlib import Path

import pytest

import support

# Replies in a real business's name: these tests are not about the first run's example profile.
pytestmark = pytest.mark.usefixtures("own_profile")


CASES = [
    ("reply", "{missing}", "no such file"),
    ("reply", "{folder}", "is a directory, not a file"),
    ("batch", "{missing}", "no such file"),
    ("batch", "{folder}", "is a directory, not a file"),
    ("eval", "{missing}", "no such file"),
    ("eval", "{folder}", "no TRADE.LANG.yaml case files"),
    ("learn", "{missing} --preset offensive_en", "no such file"),
    ("learn", "{folder} --preset offensive_en", "is a directory, not a file"),
    ("check", "{missing}", "no such file"),
    ("check", "{folder}", "is a directory, not a file"),
    ("lint", "--rules {missing}", "no rules file here"),
    ("lint", "--rules {folder}", "no rules file here"),
    ("reply", "--text hello --rules {missing}", "cannot read rules file"),
    ("reply", "--text hello --rules {folder}", "is not a file"),
    ("reply", "--text hello --templates {missing}", "templates folder not found"),
    ("tree", "--rules {folder}", "is not a file"),
]


@pytest.mark.parametrize(
    ("command", "args", "message"), CASES, ids=[f"{c}-{a.split()[-1]}-{i}" for i, (c, a, _) in enumerate(CASES)]
)
def test_a_bad_path_is_one_line_naming_it(tmp_path: Path, command: str, args: str, message: str) -> None:
    folder = tmp_path / "a-folder"
    folder.mkdir()
    missing = tmp_path / "not-there.txt"
    argv = args.format(missing=missing, folder=folder).split()
    proc = support.run(command, *argv)
    assert proc.returncode == 2, proc.stdout + proc.stderr
    line = support.assert_clean_error(proc.stderr)
    shown = missing if "{missing}" in args else folder
    assert line.startswith(f"{shown}:") and message in line, line
