"""``replykit reply`` end to end, in-process (typer's CliRunner): options and formats.

Stdout, stderr and the exit code are asserted together.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

import support

# Replies in a real business's name: these tests are not about the first run's example profile.
pytestmark = pytest.mark.usefixtures("own_profile")


FRENCH = "Commande jamais reçue, toujours pas remboursé, c'est honteux"
ENGLISH = "Where is my order #123? Nobody answers."


def ok(result: Any) -> str:
    assert (result.exit_code, result.stderr) == (0, ""), result.stderr
    return str(result.stdout)


def reply_json(cli: Any, *args: str) -> dict[str, Any]:
    return json.loads(ok(cli("reply", "--format", "json", *args)))  # type: ignore[no-any-return]


# ---- language ----------------------------------------------------------------------


def test_reply_is_in_the_comment_language(cli: Any) -> None:
    fr = reply_json(cli, "--text", FRENCH)
    en = reply_json(cli, "--text", ENGLISH)
    assert (fr["lang"], en["lang"]) == ("fr", "en")
    assert support.language_of(fr["public_reply"]) == "fr"
    assert support.language_of(en["public_reply"]) == "en"


@pytest.mark.parametrize(("text", "forced"), [(FRENCH, "en"), (ENGLISH, "fr")])
def test_lang_option_forces_the_reply_language(cli: Any, text: str, forced: str) -> None:
    data = reply_json(cli, "--text", text, "--lang", forced)
    assert (data["lang"], data["lang_source"]) == (forced, "forced")
    assert support.language_of(data["public_reply"] + "\n" + data["private_script"]) == forced


def test_lang_auto_is_detection(cli: Any) -> None:
    assert reply_json(cli, "--text", FRENCH, "--lang", "auto")["lang_source"] == "detected"


def test_unknown_lang_is_a_usage_error(cli: Any) -> None:
    result = cli("reply", "--text", FRENCH, "--lang", "de")
    assert result.exit_code == 2 and result.stdout == ""
    assert "--lang" in result.stderr and "Traceback" not in result.stderr


# ---- profile variables, author, platform ---------------------------------------------


def test_var_contact_details_reach_the_complaint_reply(cli: Any) -> None:
    data = reply_json(cli, "--text", FRENCH, "--var", "phone=04 99 88 77 66", "--var", "email=sav@lune.example")
    assert data["category"] == "complaint"
    assert "04 99 88 77 66" in data["public_reply"] or "sav@lune.example" in data["public_reply"]
    assert support.PERSONAL_DATA_REQUEST["fr"].search(data["public_reply"]) is None
    assert support.TU_FORMS.search(data["public_reply"]) is None


@pytest.mark.parametrize(("outcome_id", "lang", "text"),
                         [p for p in support.example_params(support.default_rules())
                          if support.default_rules().outcomes[p.values[0]].category == "complaint"])  # fmt: skip
def test_complaint_examples_give_the_contact_from_var(cli: Any, outcome_id: str, lang: str, text: str) -> None:
    data = reply_json(cli, "--text", text, "--var", "phone=04 99 88 77 66", "--var", "email=sav@lune.example")
    assert "04 99 88 77 66" in data["public_reply"] or "sav@lune.example" in data["public_reply"], data["public_reply"]


def test_author_appears_in_the_reply(cli: Any) -> None:
    for text in (FRENCH, ENGLISH):
        assert "Zéphyrine" in reply_json(cli, "--text", text, "--author", "Zéphyrine")["public_reply"]


@pytest.mark.parametrize("text", [FRENCH, ENGLISH])
def test_platform_x_with_a_long_author_fits_280(cli: Any, text: str) -> None:
    data = reply_json(cli, "--text", text, "--author", support.LONG_AUTHOR, "--platform", "x")
    assert len(data["public_reply"]) <= 280 and data["warnings"] == []


def test_short_options(cli: Any) -> None:
    data = reply_json(cli, "-t", ENGLISH, "-a", "Julie", "-p", "x", "-l", "fr")
    assert (data["author"], data["platform"], data["lang"]) == ("Julie", "x", "fr")


def test_comment_from_a_file(cli: Any, tmp_path: Path) -> None:
    (tmp_path / "c.txt").write_text(FRENCH, "utf-8")
    assert reply_json(cli, str(tmp_path / "c.txt")) == reply_json(cli, "--text", FRENCH)


def test_explicit_templates_folder(cli: Any, tmp_path: Path, minimal_rules: Path) -> None:
    custom = tmp_path / "my-templates"
    import shutil

    shutil.copytree(minimal_rules.parent / "templates", custom)
    (custom / "en" / "complaint.public.j2").write_text("CUSTOM {{ author }}")
    data = reply_json(cli, "--rules", str(minimal_rules), "--templates", str(custom), "--text", "refund", "-a", "Jo")
    assert data["public_reply"] == "CUSTOM Jo"


# ---- untrusted text is shown literally, never interpreted -------------------------------

INJECTION = "{{ 7*7 }} {% for x in range(3) %}x{% endfor %} [bold red]boom[/bold red] \x1b[31mred\x1b]0;title\x07 end"
LITERALS = ("{{ 7*7 }}", "{% for x in range(3) %}x{% endfor %}", "[bold red]boom[/bold red]")


def echo_rules(minimal_rules: Path) -> Path:
    """The minimal rules with a signal whose evidence is the whole comment, as written."""
    text = minimal_rules.read_text("utf-8").replace("      any: ['\\?']\n", "      any: ['.+']\n    raw: true\n")
    assert "raw: true" in text
    minimal_rules.write_text(text, "utf-8")
    return minimal_rules


def visible(output: str, fmt: str) -> str:
    """What a reader sees: Markdown backslash escapes removed."""
    return re.sub(r"\\(.)", r"\1", output) if fmt == "markdown" else output


@pytest.mark.parametrize("fmt", ["text", "markdown", "json"])
def test_comment_markup_and_escapes_are_shown_literally(cli: Any, minimal_rules: Path, fmt: str) -> None:
    rules = echo_rules(minimal_rules)
    out = ok(cli("reply", "--rules", str(rules), "--text", f"boom {INJECTION}", "--format", fmt, "--color", "never"))
    assert "\x1b" not in out and "\x07" not in out
    if fmt == "json":
        matched = [w for step in json.loads(out)["path"] for words in step["matched"].values() for w in words]
        assert f"boom {INJECTION}" in matched, matched  # exact round trip, escapes included
        assert "\\u001b" in out
        return
    seen = visible(out, fmt)
    for literal in LITERALS:
        assert literal in seen, f"{literal!r} not shown in:\n{out}"
    assert "[31mred" in seen and "]0;title" in seen
    assert "boom 49" not in seen and "xxx" not in seen


@pytest.mark.parametrize("fmt", ["text", "markdown", "json"])
def test_author_markup_and_escapes_are_shown_literally(cli: Any, fmt: str) -> None:
    author = f"Eve {INJECTION}"
    out = ok(cli("reply", "--text", FRENCH, "--author", author, "--format", fmt, "--color", "never"))
    assert "\x1b" not in out and "\x07" not in out
    assert "Eve 49" not in out
    if fmt == "json":
        data = json.loads(out)
        assert data["author"] == author
        assert "Eve {{ 7*7 }}" in data["public_reply"]
        return
    seen = visible(out, fmt)
    assert "Eve {{ 7*7 }}" in seen
    assert "[bold red]boom[/bold red]" in seen


def test_escapes_stay_inert_even_with_colour_forced(cli: Any) -> None:
    out = ok(cli("reply", "--text", INJECTION + " commande jamais reçue", "--author", f"Eve {INJECTION}",
                 "--color", "always"))  # fmt: skip
    assert "\x1b]0;" not in out and "\x07" not in out and "\x1b[31mred" not in out


@pytest.mark.parametrize("fmt", ["text", "markdown", "json"])
def test_injection_via_a_real_process(fmt: str, tmp_path: Path) -> None:
    proc = support.run("reply", "--text", INJECTION, "--author", f"Eve {INJECTION}", "--format", fmt, cwd=tmp_path)
    assert (proc.returncode, proc.stderr) == (0, "")
    assert "\x1b" not in proc.stdout and "\x07" not in proc.stdout and "Eve 49" not in proc.stdout


# ---- what each format shows -------------------------------------------------------------


def test_text_output_shows_triage_replies_and_checklist(cli: Any) -> None:
    data = reply_json(cli, "--text", FRENCH, "--author", "Julie")
    out = ok(cli("reply", "--text", FRENCH, "--author", "Julie"))
    flat = re.sub(r"[\s│╭╮╰╯─]+", " ", out)
    for needle in (data["outcome"], data["case_ref"], *(s["node"] for s in data["path"])):
        assert needle in out, needle
    for line in data["public_reply"].splitlines():
        if line.strip():
            assert " ".join(line.split()) in flat, line
    for reminder in data["reminders"]:
        assert " ".join(reminder["text"].split()) in flat, reminder["text"]


@pytest.mark.parametrize("fmt", ["text", "markdown", "json"])
def test_no_public_reply_is_shown_as_such(cli: Any, minimal_rules: Path, fmt: str) -> None:
    rules = str(support.with_policy_node(minimal_rules))
    args = ["reply", "--rules", rules, "--text", "hello", "--var", "policy.reply_to_general=false", "--format", fmt]
    out = ok(cli(*args))
    assert "quiet" in out and "Watch the thread" in out
    if fmt == "json":
        assert json.loads(out)["public_reply"] == ""


def test_markdown_output_quotes_the_public_reply(cli: Any) -> None:
    data = reply_json(cli, "--text", ENGLISH, "--author", "Julie")
    out = ok(cli("reply", "--text", ENGLISH, "--author", "Julie", "--format", "markdown"))
    assert out.startswith("#")
    for line in data["public_reply"].splitlines():
        assert (f"> {line}" if line else ">") in out.splitlines(), line
    assert data["case_ref"] in out and data["outcome"] in visible(out, "markdown")
    assert out.count("- [ ] ") == len(data["reminders"])


def test_reply_help_documents_options_and_examples(cli: Any) -> None:
    out = ok(cli("reply", "--help"))
    for option in (
        "--text",
        "--author",
        "--platform",
        "--lang",
        "--rules",
        "--templates",
        "--var",
        "--format",
        "--color",
    ):
        assert option in out, option
