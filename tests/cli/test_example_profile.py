"""Until the user gives their own details, replies say they use the example business's (issue 14, item 1)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import support
from replykit.lint.checks import example_profile
from replykit.lint.target import Target
from replykit.reply.suggestion import suggest
from replykit.rules.example import EXAMPLE_PROFILE, example_fields
from replykit.rules.find import default_rules_path

WARNING = (
    "replykit: warning: replies use the example business's details (Atelier Exemple);"
    " run `replykit init` to use your own\n"
)
OWN = ("--var", "brand=Atelier Lune", "--var", "signature=Julie", "--var", "phone=01 98 76 54 32",
       "--var", "email=julie@lune.example", "--var", "website=https://lune.example")  # fmt: skip


def test_the_example_values_are_the_shipped_profiles() -> None:
    profile = support.default_rules().profile
    assert example_fields(profile) == list(EXAMPLE_PROFILE)


def test_reply_with_the_example_profile_warns_once_on_stderr(cli: Any) -> None:
    result = cli("reply", "--text", "Where is my order?")
    assert (result.exit_code, result.stderr) == (0, WARNING)
    assert "example business" not in result.stdout  # not repeated in the reply's warnings panel


def test_reply_json_lists_the_warning(cli: Any) -> None:
    result = cli("reply", "--text", "Where is my order?", "--format", "json")
    assert result.stderr == WARNING
    assert WARNING.removeprefix("replykit: warning: ").strip() in json.loads(result.stdout)["warnings"]


def test_one_field_left_is_named() -> None:
    proc = support.run("reply", "--text", "Where is my order?", *OWN[:-2])
    assert proc.returncode == 0
    assert proc.stderr == (
        "replykit: warning: replies use the example business's website (Atelier Exemple);"
        " run `replykit init` to use your own\n"
    )


def test_own_profile_gives_no_warning(cli: Any) -> None:
    result = cli("reply", "--text", "Where is my order?", "--format", "json", *OWN)
    assert (result.exit_code, result.stderr) == (0, "")
    assert json.loads(result.stdout)["warnings"] == []


def test_batch_warns_once_per_run_not_per_record(cli: Any) -> None:
    lines = "".join(json.dumps({"id": i, "text": "Where is my order?"}) + "\n" for i in range(3))
    result = cli("batch", "-", "--format", "jsonl", "--no-summary", input=lines)
    assert (result.exit_code, result.stderr) == (0, WARNING)
    assert len(result.stdout.splitlines()) == 3


def test_batch_with_own_profile_is_quiet(cli: Any) -> None:
    result = cli("batch", "-", "--format", "jsonl", "--no-summary", *OWN, input='{"text": "Where is my order?"}\n')
    assert (result.exit_code, result.stderr) == (0, "")


def test_python_api_carries_the_warning() -> None:
    result = suggest("Where is my order?", rules=support.default_rules())
    assert any("replykit init" in w for w in result.warnings)


def test_lint_reports_each_example_field_at_its_line() -> None:
    problems = list(example_profile.check(Target(default_rules_path())))
    assert [(p.line, p.level) for p in problems] == [(15, "error"), (16, "error"), (19, "error"), (20, "error"),
                                                     (27, "error")]  # fmt: skip
    assert "profile.phone is the example business's ('+33 1 23 45 67 89')" in problems[2].message


def test_lint_fails_on_an_example_field_unless_allowed(cli: Any, minimal_rules: Path) -> None:
    text = minimal_rules.read_text("utf-8").replace('phone: "0100"', 'phone: "+33 1 23 45 67 89"')
    minimal_rules.write_text(text, "utf-8")
    failing = cli("lint", str(minimal_rules), "--format", "parsable")
    assert failing.exit_code == 1
    assert (
        f"{minimal_rules}:6:3: [error] profile.phone is the example business's ('+33 1 23 45 67 89'): replies would"
        " send customers to a fictional business; run `replykit init` or edit the profile to use your own"
        " (example-profile)"
    ) in failing.stdout
    allowed = cli("lint", str(minimal_rules), "--format", "parsable", "--allow-example-profile")
    assert "example-profile" not in allowed.stdout


def test_lint_passes_an_initialised_profile(cli: Any, tmp_path: Path) -> None:
    init = cli("init", str(tmp_path / "p"), "--brand", "Lune", "--signature", "Julie", "--phone", "0198765432",
               "--email", "j@lune.example", "--website", "https://lune.example")  # fmt: skip
    assert init.exit_code == 0, init.stderr
    assert list(example_profile.check(Target(tmp_path / "p" / "rules.yaml"))) == []
