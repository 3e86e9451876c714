"""The README is true for a new user: every command and every `reply` option is documented."""

from __future__ import annotations

import re

import pytest

import support

README = support.REPO / "README.md"
DOCS = support.REPO / "docs"


def readme() -> str:
    if not README.is_file():
        pytest.fail("README.md is missing")
    return README.read_text("utf-8")


def documented_text() -> str:
    parts = [readme()] + [p.read_text("utf-8") for p in sorted(DOCS.glob("*.md"))] if DOCS.is_dir() else [readme()]
    return "\n".join(parts)


def options_of(command: str) -> list[str]:
    proc = support.run(command, "--help")
    assert proc.returncode == 0, proc.stderr
    options = sorted(set(re.findall(r"(?<![\w-])(--[a-z][a-z-]+)", proc.stdout)) - {"--help"})
    assert options, proc.stdout
    return options


def test_readme_opens_with_make_demo_and_make_test() -> None:
    head = "\n".join(readme().splitlines()[:30])
    assert "make demo" in head and "make test" in head


@pytest.mark.parametrize("command", ["reply", "tree", "init"])
def test_readme_documents_every_command(command: str) -> None:
    assert f"replykit {command}" in readme()


def test_readme_documents_every_reply_option() -> None:
    text = readme()
    missing = [option for option in options_of("reply") if option not in text]
    assert not missing, f"README.md does not mention: {', '.join(missing)}"


@pytest.mark.parametrize("command", ["tree", "init"])
def test_docs_mention_the_options_of_other_commands(command: str) -> None:
    text = documented_text()
    missing = [option for option in options_of(command) if option not in text]
    assert not missing, f"README.md/docs do not mention `replykit {command}` {', '.join(missing)}"


def test_readme_documents_exit_codes() -> None:
    text = readme()
    assert re.search(r"[Ee]xit codes?", text)
    for code in ("0", "1", "2"):
        assert re.search(rf"(?<![\w.]){code}(?![\w.])", text), code


def test_json_schema_keys_are_documented() -> None:
    from replykit import suggest

    keys = suggest("Where is my order?", rules=support.default_rules()).to_dict().keys()
    text = documented_text()
    missing = [key for key in keys if f"`{key}`" not in text and f'"{key}"' not in text]
    assert not missing, f"JSON keys not documented (README.md or docs/*.md): {missing}"


def test_readme_shows_the_current_tree_diagram() -> None:
    blocks = re.findall(r"```mermaid\n(.*?)```", readme(), re.DOTALL)
    assert blocks, "README.md shows the default tree as a ```mermaid block"
    diagram = next((b for b in blocks if b.lstrip().startswith("flowchart")), blocks[0])
    # Up to date: the same edges as `replykit tree --format mermaid` on the default rules.
    assert support.parse_mermaid(diagram)[1] == support.expected_edges(support.default_rules())
