"""The installed package: defaults found from anywhere, version, help, exit codes documented."""

from __future__ import annotations

import json
import re
import shutil
import sys
from importlib import metadata
from pathlib import Path

import pytest

import replykit
import support
from replykit.rules.find import default_rules_path, defaults_dir


def test_reply_works_from_any_directory(tmp_path: Path) -> None:
    anywhere = tmp_path / "anywhere"
    anywhere.mkdir()
    proc = support.run("reply", "--text", "Where is my order? Nobody answers.", "--format", "json", cwd=anywhere)
    # the built-in rules: a first run, answered with the example business's details, and told so
    assert proc.returncode == 0
    assert proc.stderr == (
        "replykit: warning: replies use the example business's details (Atelier Exemple);"
        " run `replykit init` to use your own\n"
    )
    assert json.loads(proc.stdout)["public_reply"].strip()
    assert not any(anywhere.iterdir()), "replykit reply must not write into the current folder"


def test_defaults_ship_inside_the_package() -> None:
    package = Path(replykit.__file__).resolve().parent
    if "src" in package.parts and (package.parents[1] / "pyproject.toml").is_file():
        pytest.skip("replykit is imported from a source checkout (editable install): no packaged defaults")
    assert defaults_dir().resolve().is_relative_to(package)
    assert default_rules_path().is_file()
    assert (defaults_dir() / "templates" / "en").is_dir() and (defaults_dir() / "templates" / "fr").is_dir()


def test_defaults_cover_every_outcome_template() -> None:
    rules = support.default_rules()
    for outcome in rules.outcomes.values():
        for kind, names in outcome.templates.items():
            for lang, name in names.items():
                assert (defaults_dir() / "templates" / lang / name).is_file(), f"{lang}/{name} ({kind})"


def test_version(tmp_path: Path) -> None:
    proc = support.run("--version", cwd=tmp_path)
    assert (proc.returncode, proc.stderr) == (0, "")
    assert proc.stdout.strip() == f"replykit {replykit.__version__}"
    assert metadata.version("replykit") == replykit.__version__


def test_help_lists_commands_and_exit_codes(tmp_path: Path) -> None:
    proc = support.run("--help", cwd=tmp_path)
    assert (proc.returncode, proc.stderr) == (0, "")
    for command in ("reply", "tree", "init"):
        assert re.search(rf"(?m)^\W*{command}\b", proc.stdout), command
    flat = " ".join(proc.stdout.replace("│", " ").split())
    assert re.search(r"[Ee]xit codes?", flat)
    for code, meaning in ((0, "success"), (1, "comment"), (2, "rules")):
        assert re.search(rf"\b{code}\b[^;]*{meaning}", flat), (code, meaning)


def test_console_script_is_installed() -> None:
    script = shutil.which("replykit", path=str(Path(sys.executable).parent))
    if script is None:
        pytest.skip("no replykit console script beside this interpreter")
    proc = support.run("--version")  # same entry point through -m
    import subprocess

    direct = subprocess.run([script, "--version"], capture_output=True, text=True, timeout=60)
    assert (direct.returncode, direct.stdout) == (0, proc.stdout)


def test_unknown_command_is_a_usage_error(tmp_path: Path) -> None:
    proc = support.run("replay", "--text", "x", cwd=tmp_path)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
