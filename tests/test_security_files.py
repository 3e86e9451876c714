"""Rule packs and templates shared by others cannot read the user's files (SECURITY.md).

Every case runs in a folder holding ``secret.txt``, the file a hostile pack
would like to publish; its content must appear in no output: stdout, stderr
or a batch output file.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

import support
from replykit import ReplykitError, load_rules, suggest
from replykit.errors import RulesError

SECRET = "SECRET-TOKEN-7f3a9c"
PASSWORD_COMMENT = "I can't log in, I forgot my password"
ANSWER = '"The \\"Forgot password\\" link on the sign-in page sends a new one within minutes."'
FILE_TAGS = {
    "include": "{% include 'secret.txt' %}",
    "import": "{% import 'secret.txt' as s %}",
    "from": "{% from 'secret.txt' import x %}",
    "extends": "{% extends 'secret.txt' %}",
}
FORMATS = ("text", "json", "markdown")


@pytest.fixture
def pack(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the shipped rules and templates, run from a folder holding secret.txt."""
    folder = tmp_path / "pack"
    folder.mkdir()
    # a real business's profile: these tests are about files, not the example-profile warning
    (folder / "rules.yaml").write_text(
        support.with_own_profile((support.REPO / "rules.yaml").read_text("utf-8")), "utf-8"
    )
    shutil.copytree(support.REPO / "lexicons", folder / "lexicons")
    shutil.copytree(support.REPO / "listening", folder / "listening")
    shutil.copytree(support.REPO / "templates", folder / "templates")
    (folder / "secret.txt").write_text(SECRET + "\n", "utf-8")
    monkeypatch.chdir(folder)
    return folder


def poison_answer(pack: Path, tag: str) -> int:
    """Put ``tag`` into the English password-reset answer; return the line it is on."""
    rules = pack / "rules.yaml"
    text = rules.read_text("utf-8")
    assert ANSWER in text
    rules.write_text(text.replace(ANSWER, f'"Reset it here. {tag}"', 1), "utf-8")
    return 1 + text[: text.index(ANSWER)].count("\n")


def outputs_of(proc: subprocess.CompletedProcess[str]) -> str:
    return proc.stdout + proc.stderr


@pytest.mark.parametrize("tag", FILE_TAGS)
@pytest.mark.parametrize("fmt", FORMATS)
def test_rule_text_that_reads_a_file_is_a_located_error_before_anything_is_printed(
    pack: Path, tag: str, fmt: str
) -> None:
    line = poison_answer(pack, FILE_TAGS[tag])
    proc = support.run("reply", "--text", PASSWORD_COMMENT, "--format", fmt, cwd=pack)
    assert proc.returncode == 2
    assert proc.stdout == ""
    message = support.assert_clean_error(proc.stderr)
    assert message.startswith(f"rules.yaml (found in the current folder): rules.yaml:{line}:")
    assert f"solutions[1].answer.en: '{{% {tag} %}}' is not allowed in a rules file" in message
    assert SECRET not in outputs_of(proc)


def test_rule_text_that_reads_a_file_stops_a_batch_before_any_output(pack: Path) -> None:
    poison_answer(pack, FILE_TAGS["include"])
    (pack / "in.jsonl").write_text(json.dumps({"text": PASSWORD_COMMENT}) + '\n{"text": "thanks"}\n', "utf-8")
    for fmt in ("jsonl", "csv", "table"):
        proc = support.run("batch", "in.jsonl", "--format", fmt, cwd=pack)
        assert proc.returncode == 2 and proc.stdout == ""
        assert "solutions[1].answer.en: '{% include %}' is not allowed" in support.assert_clean_error(proc.stderr)
        assert SECRET not in outputs_of(proc)


def test_lint_reports_rule_text_that_reads_a_file_at_its_location(pack: Path) -> None:
    line = poison_answer(pack, FILE_TAGS["import"])
    proc = support.run("lint", "--format", "parsable", cwd=pack)
    assert proc.returncode == 1
    assert f"rules.yaml:{line}:7: [error] solutions[1].answer.en: '{{% import %}}' is not allowed" in proc.stdout
    assert SECRET not in outputs_of(proc)


def test_suggest_refuses_rule_text_that_reads_a_file(pack: Path) -> None:
    poison_answer(pack, FILE_TAGS["include"])
    with pytest.raises(RulesError) as caught:
        suggest(PASSWORD_COMMENT, rules=load_rules(pack / "rules.yaml"), lang="en")
    assert "solutions[1].answer.en" in str(caught.value)
    assert SECRET not in str(caught.value)


def test_rule_text_keeps_variables_and_conditions(pack: Path) -> None:
    poison_answer(pack, "{% if profile.website %}See {{ profile.website | upper }}.{% endif %}")
    result = suggest(PASSWORD_COMMENT, rules=load_rules(pack / "rules.yaml"), lang="en")
    assert "Reset it here. See HTTPS://" in result.public_reply


def test_a_cached_compile_cannot_carry_old_rule_text_past_the_check(pack: Path) -> None:
    """Even rules compiled by an older replykit render rule text without any loader."""
    from replykit.reply.render import render_string

    with pytest.raises(ReplykitError) as caught:
        render_string("Reset it here. {% include 'secret.txt' %}", {})
    assert SECRET not in str(caught.value)


def add_include(pack: Path, name: str) -> None:
    for lang in ("en", "fr"):
        template = pack / "templates" / lang / "complaint.public.j2"
        template.write_text(template.read_text("utf-8") + f"{{% include '{name}' %}}\n", "utf-8")


def link_outside(pack: Path) -> str:
    link = pack / "templates" / "en" / "notes.txt"
    try:
        os.symlink(pack / "secret.txt", link)
    except OSError:
        pytest.skip("symlinks are not available here")
    return "en/notes.txt"


INCLUDES = {
    "parent": lambda pack: "../secret.txt",
    "absolute": lambda pack: str(pack / "secret.txt"),
    "symlink": link_outside,
}
COMPLAINT = "Where is my order #123? Nobody answers."


@pytest.mark.parametrize("how", INCLUDES)
@pytest.mark.parametrize("fmt", FORMATS)
def test_a_template_cannot_include_a_file_outside_its_folder(pack: Path, how: str, fmt: str) -> None:
    name = INCLUDES[how](pack)
    add_include(pack, name)
    proc = support.run("reply", "--text", COMPLAINT, "--lang", "en", "--format", fmt, cwd=pack)
    assert proc.returncode == 2 and proc.stdout == ""
    message = support.assert_clean_error(proc.stderr)
    assert message.startswith("templates/en/complaint.public.j2:")
    assert f"template '{name}' refused" in message and "outside templates/" in message
    assert SECRET not in outputs_of(proc)


@pytest.mark.parametrize("how", INCLUDES)
def test_a_batch_never_writes_a_file_included_from_outside_the_templates(pack: Path, how: str) -> None:
    add_include(pack, INCLUDES[how](pack))
    (pack / "in.jsonl").write_text(json.dumps({"text": COMPLAINT}) + "\n", "utf-8")
    for fmt in ("jsonl", "csv", "table"):
        proc = support.run("batch", "in.jsonl", "--format", fmt, cwd=pack)
        assert proc.returncode == 2
        assert "Where is my order" not in proc.stdout  # headers or an empty table at most, no record
        assert "refused" in support.assert_clean_error(proc.stderr)
        assert SECRET not in outputs_of(proc)


@pytest.mark.parametrize("how", INCLUDES)
def test_suggest_refuses_a_template_include_outside_the_folder(pack: Path, how: str) -> None:
    add_include(pack, INCLUDES[how](pack))
    with pytest.raises(ReplykitError) as caught:
        suggest(COMPLAINT, rules=load_rules(pack / "rules.yaml"), lang="en")
    assert "refused" in str(caught.value) and SECRET not in str(caught.value)


@pytest.mark.parametrize("how", INCLUDES)
def test_lint_reports_a_template_include_outside_the_folder(pack: Path, how: str) -> None:
    name = INCLUDES[how](pack)
    add_include(pack, name)
    proc = support.run("lint", "--format", "parsable", cwd=pack)
    assert proc.returncode == 1
    assert f"[error] template '{name}' refused" in proc.stdout and "(template-include)" in proc.stdout
    assert SECRET not in outputs_of(proc)


def test_a_template_may_include_a_file_inside_its_own_folder(pack: Path) -> None:
    for lang in ("en", "fr"):
        (pack / "templates" / lang / "_ps.j2").write_text("PS: we read every message.\n", "utf-8")
    add_include(pack, "en/_ps.j2")
    result = suggest(COMPLAINT, rules=load_rules(pack / "rules.yaml"), lang="en")
    assert result.public_reply.endswith("PS: we read every message.")
