"""The typer-free fast path for `replykit reply` must accept exactly what typer accepts, and mean the same."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import typer
import typer.testing

import support
from replykit.cli import fastpath

# Options the fast path leaves to typer on purpose: it returns None and typer runs the call.
TYPER_ONLY = {"--edit", "-e", "--help", "-h"}


# click objects are used by attribute only: typer >= 0.26 ships its own copy of click.
def reply_command() -> Any:
    return typer.main.get_command(support.typer_app()).commands["reply"]  # type: ignore[attr-defined]


def typer_options() -> dict[str, Any]:
    options = [p for p in reply_command().params if p.param_type_name == "option"]
    return {name: p for p in options for name in p.opts}


def test_the_fast_path_knows_every_option_of_the_typer_command() -> None:
    assert set(typer_options()) - TYPER_ONLY == set(fastpath.OPTIONS)


@pytest.mark.parametrize("name", sorted(fastpath.OPTIONS))
def test_each_option_has_the_same_choices_and_repetition(name: str) -> None:
    option = typer_options()[name]
    _, choices, repeatable = fastpath.OPTIONS[name]
    typer_choices = tuple(option.type.choices) if hasattr(option.type, "choices") else None
    assert choices == typer_choices
    assert repeatable is bool(option.multiple)


@pytest.mark.parametrize(
    "argv",
    [
        ["--text", "Où est ma commande ?"],
        ["-t", "x", "-a", "Julie", "-p", "x", "-l", "fr", "-f", "json"],
        ["comment.txt", "--format=markdown", "--color", "never"],
        ["-", "--var", "brand=Acme", "--var", "policy.reply_to_general=false", "--rules", "r.yaml"],
        ["--templates", "tpl", "--", "-weird-name.txt"],
    ],
)
def test_the_fast_path_passes_what_typer_passes(argv: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[fastpath.ReplyArgs] = []

    def capture(args: fastpath.ReplyArgs) -> int:
        seen.append(args)
        return 0

    monkeypatch.setattr(fastpath, "run_reply", capture)
    result = typer.testing.CliRunner().invoke(support.typer_app(), ["reply", *argv])
    assert result.exit_code == 0, result.output
    fast = fastpath.parse_reply_args(argv)
    assert fast is not None
    assert seen == [fast]


@pytest.mark.parametrize("argv", [["--edit", "--text", "x"], ["--help"], ["--lang", "de"], ["--bogus"], ["a", "b"]])
def test_anything_else_is_left_to_typer(argv: list[str]) -> None:
    assert fastpath.parse_reply_args(argv) is None


def test_paths_arrive_as_paths() -> None:
    parsed = fastpath.parse_reply_args(["--rules", "r.yaml", "--templates", "t"])
    assert parsed == fastpath.ReplyArgs(rules=Path("r.yaml"), templates=Path("t"))


def test_lint_format_choices_are_auto_and_the_dispatch_table() -> None:
    from replykit.formats import dispatch

    params = typer.main.get_command(support.typer_app()).commands["lint"].params  # type: ignore[attr-defined]
    choices = next(p.type.choices for p in params if "--format" in getattr(p, "opts", ()))
    assert tuple(choices) == ("auto", *dispatch.LINT)


@pytest.mark.parametrize(
    ("command", "option", "table"),
    [
        ("reply", "--format", "REPLY"),
        ("check", "--format", "CHECK"),
        ("batch", "--summary-format", "BATCH_SUMMARY"),
        ("eval", "--format", "EVAL"),
        ("learn", "--format", "LEARN"),
    ],
)
def test_format_choices_are_the_dispatch_tables(command: str, option: str, table: str) -> None:
    from replykit.formats import dispatch

    params = typer.main.get_command(support.typer_app()).commands[command].params  # type: ignore[attr-defined]
    choices = next(p.type.choices for p in params if option in getattr(p, "opts", ()))
    assert tuple(choices) == tuple(getattr(dispatch, table))
