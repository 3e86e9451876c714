"""``replykit config`` says which rules and templates replies use and why; a stray ./rules.yaml is named."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import support
from replykit.reply.config import describe_config
from replykit.rules.find import default_rules_path, defaults_dir

STRAY = "name: my-app\nversion: 3\nservices:\n  web: {}\n"


@pytest.fixture
def project(cli: Any, _isolated_cwd: Path) -> Path:
    result = cli("init", "shop", "--brand", "Atelier Lune", "--phone", "01 98 76 54 32")
    assert result.exit_code == 0
    return _isolated_cwd / "shop"


def test_built_in_rules_and_the_example_profile(cli: Any) -> None:
    result = cli("config")
    assert (result.exit_code, result.stderr) == (0, "")
    lines = result.stdout.splitlines()
    assert lines[0] == f"rules: {default_rules_path()} (built-in)"
    assert lines[1] == f"templates: {defaults_dir() / 'templates'} (built-in)"
    assert "  phone: +33 1 23 45 67 89" in lines
    assert "  reply_to_general: true" in lines
    assert lines[-1] == (
        "The profile's brand, signature, phone, email, website are the example business's:"
        " run `replykit init` to use your own."
    )


def test_rules_in_the_current_folder(cli: Any, project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(project)
    data = json.loads(cli("config", "--format", "json").stdout)
    assert data["rules"] == {"path": "rules.yaml", "origin": "found in the current folder"}
    assert data["templates"] == {"path": "templates", "origin": "beside the rules file"}
    assert data["profile"]["brand"] == "Atelier Lune" and data["example_fields"] == []
    assert data["policy"] == {"reply_to_general": True, "moderate_inappropriate": True}


def test_environment_variable_and_flag(cli: Any, project: Path, minimal_rules: Path) -> None:
    env = {"REPLYKIT_RULES": str(project / "rules.yaml")}
    data = json.loads(cli("config", "--format", "json", env=env).stdout)
    assert data["rules"]["origin"] == "from the environment variable REPLYKIT_RULES"
    data = json.loads(cli("config", "--format", "json", "--rules", str(minimal_rules), env=env).stdout)
    assert data["rules"] == {"path": str(minimal_rules), "origin": "given with --rules"}
    assert data["templates"]["origin"] == "beside the rules file"


def test_python_api(project: Path) -> None:
    assert describe_config(project / "rules.yaml")["profile"]["phone"] == "01 98 76 54 32"


def test_profile_values_are_shown_as_data_not_terminal_codes(cli: Any, tmp_path: Path) -> None:
    result = cli("init", str(tmp_path / "p"), "--brand", "Evil\x1b[31m [bold]x[/bold]")
    assert result.exit_code == 0
    shown = cli("config", "--rules", str(tmp_path / "p" / "rules.yaml")).stdout
    assert "  brand: Evil\\x1b[31m [bold]x[/bold]" in shown.splitlines()


@pytest.mark.parametrize("command", [("reply", "--text", "hello"), ("config",), ("batch", "-")])
def test_a_stray_rules_file_here_is_named_in_every_error(command: tuple[str, ...], _isolated_cwd: Path) -> None:
    (_isolated_cwd / "rules.yaml").write_text(STRAY, "utf-8")
    proc = support.run(*command, input="hello\n", cwd=_isolated_cwd)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    lines = proc.stderr.splitlines()
    assert len(lines) == 5
    assert all(
        line.startswith("replykit: error: rules.yaml (found in the current folder): rules.yaml:") for line in lines
    )
    assert "unknown key 'name'" in lines[0]
