"""``replykit init`` takes every profile field, and its prompts say what Enter gives (issue 14, item 1)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import support
from replykit.rules.load import load_rules

OPTIONS = ("--brand", "Atelier Lune", "--signature", "Julie, Atelier Lune", "--phone", "01 98 76 54 32",
           "--email", "julie@lune.example", "--website", "https://lune.example", "--hours", "9h-18h",
           "--dm", "un MP", "--default-lang", "en")  # fmt: skip


def profile(folder: Path) -> dict[str, Any]:
    return load_rules(folder / "rules.yaml", use_cache=False).profile


def test_every_profile_field_is_an_option(cli: Any, tmp_path: Path) -> None:
    result = cli("init", str(tmp_path / "p"), *OPTIONS)
    assert (result.exit_code, result.stderr) == (0, "")
    assert profile(tmp_path / "p") == {
        "brand": "Atelier Lune", "signature": "Julie, Atelier Lune", "phone": "01 98 76 54 32",
        "email": "julie@lune.example", "website": "https://lune.example", "hours": "9h-18h", "dm": "un MP",
        "default_lang": "en",
    }  # fmt: skip
    assert "Edit the profile and the solutions table" in result.stdout


def test_fields_not_given_are_left_out_not_kept_from_the_example(cli: Any, tmp_path: Path) -> None:
    result = cli("init", str(tmp_path / "p"), "--brand", "Atelier Lune", "--phone", "01 98 76 54 32")
    assert result.exit_code == 0
    got = profile(tmp_path / "p")
    assert (got["signature"], got["email"], got["website"], got["hours"]) == ("Atelier Lune", "", "", "")
    assert got["dm"] == {"en": "a direct message", "fr": "un message privé"}
    reply = support.run("reply", "--text", "Commande jamais reçue", cwd=tmp_path / "p")
    assert (reply.returncode, reply.stderr) == (0, "")
    assert "01 98 76 54 32" in reply.stdout and "atelier-exemple" not in reply.stdout


def test_no_option_keeps_the_example_and_says_so(cli: Any, tmp_path: Path) -> None:
    result = cli("init", str(tmp_path / "p"))
    assert result.exit_code == 0
    assert "The profile still gives the example business's brand, signature, phone, email, website" in result.stdout


def test_a_default_lang_other_than_en_or_fr_is_a_usage_error(cli: Any, tmp_path: Path) -> None:
    result = cli("init", str(tmp_path / "p"), "--default-lang", "de")
    assert result.exit_code == 2
    assert not (tmp_path / "p").exists()


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("replykit.cli.initcmd._interactive", lambda: True)


@pytest.mark.usefixtures("terminal")
def test_prompts_show_what_enter_gives_and_enter_leaves_a_field_out(cli: Any, tmp_path: Path) -> None:
    # brand typed, signature Enter (the brand), phone typed, e-mail, website and hours Enter (left out)
    result = cli("init", str(tmp_path / "p"), input="Atelier Lune\n\n01 98 76 54 32\n\n\n\n")
    assert result.exit_code == 0, result.stderr
    assert "Business or brand name [leave out]: " in result.stdout
    assert "Signature at the end of replies (e.g. 'Julie, Atelier Lune') [Atelier Lune]: " in result.stdout
    assert "E-mail address customers can write to [leave out]: " in result.stdout
    got = profile(tmp_path / "p")
    assert (got["brand"], got["signature"], got["phone"], got["email"], got["website"]) == (
        "Atelier Lune", "Atelier Lune", "01 98 76 54 32", "", "")  # fmt: skip


@pytest.mark.usefixtures("terminal")
def test_options_given_are_not_asked_again(cli: Any, tmp_path: Path) -> None:
    result = cli("init", str(tmp_path / "p"), *OPTIONS)
    assert result.exit_code == 0
    assert "[leave out]" not in result.stdout


def test_a_solution_naming_a_field_left_out_is_not_given(cli: Any, tmp_path: Path) -> None:
    # the order-tracking answer says "follow your order from {{ profile.website }}": no website, no such answer
    cli("init", str(tmp_path / "p"), "--brand", "Atelier Lune", "--phone", "01 98 76 54 32")
    proc = support.run("reply", "--text", "Where is my order?", "--format", "json", cwd=tmp_path / "p")
    reply = json.loads(proc.stdout)["public_reply"]
    assert "from ," not in reply and "01 98 76 54 32" in reply, reply
