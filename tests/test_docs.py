"""The README is true and short for a new user, and the docs hold the reference: every command and option."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

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


def commands() -> list[str]:
    """Every command the application registers: a new one must be documented."""
    return sorted(c.name or c.callback.__name__ for c in support.typer_app().registered_commands)  # type: ignore[union-attr]


def options_of(command: str) -> list[str]:
    proc = support.run(command, "--help")
    assert proc.returncode == 0, proc.stderr
    options = sorted(set(re.findall(r"(?<![\w-])(--[a-z][a-z-]+)", proc.stdout)) - {"--help"})
    assert options, proc.stdout
    return options


def test_readme_opens_with_make_demo_and_make_test() -> None:
    head = "\n".join(readme().splitlines()[:30])
    assert "make demo" in head and "make test" in head


@pytest.mark.parametrize("command", commands())
def test_readme_documents_every_command(command: str) -> None:
    assert f"replykit {command}" in readme()  # the README's table of pages names every command


def test_readme_fits_on_a_few_screens() -> None:
    # issue 14: what replykit does, the two commands, a tour and links; the reference lives in docs/
    assert len(readme().splitlines()) <= 250


@pytest.mark.parametrize("command", ["reply", "batch"])
def test_docs_document_every_option(command: str) -> None:
    text = documented_text()  # the reference pages under docs/ (commands.md; batch inputs: exports.md)
    missing = [option for option in options_of(command) if option not in text]
    assert not missing, f"docs/ do not mention `replykit {command}` {', '.join(missing)}"


@pytest.mark.parametrize("command", [c for c in commands() if c not in ("reply", "batch")])
def test_docs_mention_the_options_of_other_commands(command: str) -> None:
    text = documented_text()
    missing = [option for option in options_of(command) if option not in text]
    assert not missing, f"README.md/docs do not mention `replykit {command}` {', '.join(missing)}"


def test_docs_document_exit_codes() -> None:
    text = (DOCS / "commands.md").read_text("utf-8")
    assert re.search(r"[Ee]xit codes?", text)
    for code in ("0", "1", "2"):
        assert re.search(rf"(?<![\w.]){code}(?![\w.])", text), code


def test_json_schema_keys_are_documented() -> None:
    from replykit import suggest

    keys = suggest("Where is my order?", rules=support.default_rules()).to_dict().keys()
    text = documented_text()
    missing = [key for key in keys if f"`{key}`" not in text and f'"{key}"' not in text]
    assert not missing, f"JSON keys not documented (README.md or docs/*.md): {missing}"


def test_docs_show_the_current_tree_diagram() -> None:
    blocks = re.findall(r"```mermaid\n(.*?)```", (DOCS / "tree.md").read_text("utf-8"), re.DOTALL)
    assert blocks, "docs/tree.md shows the default tree as a ```mermaid block"
    diagram = next((b for b in blocks if b.lstrip().startswith("flowchart")), blocks[0])
    # Up to date: the same edges as `replykit tree --format mermaid` on the default rules.
    assert support.parse_mermaid(diagram)[1] == support.expected_edges(support.default_rules())


RECIPE_MARKER = "# replykit-recipe: multiprocessing"
RECIPE_RECORDS = [
    {"id": "c1", "author": "Julie", "text": "Commande jamais reçue, toujours pas remboursé, c'est honteux"},
    {"id": "c2", "text": "Where is my order #1234? Nobody answers.", "platform": "x"},
    {"id": "c3", "text": "Your prices are a joke", "shares": 1200},
    {"id": "c4", "text": "   "},
    {"id": "c5", "text": "Merci pour la livraison rapide, super boulot", "likes": 12},
]


def readme_python_block(marker: str) -> str:
    for block in re.findall(r"```python\n(.*?)```", (DOCS / "python-api.md").read_text("utf-8"), re.DOTALL):
        if block.startswith(marker):
            return str(block)
    pytest.fail(f"docs/python-api.md has no ```python block starting with {marker!r}")


def test_readme_multiprocessing_recipe_matches_replykit_batch(tmp_path: Path) -> None:
    """The Scaling out recipe runs as printed and answers like `replykit batch`, in order, over many partitions."""
    script = tmp_path / "answer_all.py"
    script.write_text(readme_python_block(RECIPE_MARKER), "utf-8")
    count = 2105  # three partitions of the recipe's 1,000 lines, the last one short
    records = [{**RECIPE_RECORDS[n % len(RECIPE_RECORDS)], "id": f"r{n}"} for n in range(count)]
    comments = tmp_path / "comments.jsonl"
    comments.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), "utf-8")

    proc = subprocess.run([sys.executable, str(script), str(comments)], capture_output=True, cwd=tmp_path, timeout=300)
    assert proc.returncode == 0, proc.stderr.decode("utf-8", "replace")
    entries = [json.loads(line) for line in proc.stdout.decode("utf-8").splitlines()]

    assert [e["id"] for e in entries] == [r["id"] for r in records], "one entry per record, in input order"
    assert [e["line"] for e in entries[999:1001]] == [1000, 1], "line counts from 1 in each partition"
    assert "error" in entries[3] and entries[2]["escalate"] and "viral" in entries[2]["path"][0]["matched"]
    batch = support.run("batch", str(comments), cwd=tmp_path, timeout=300)
    assert batch.returncode == 1, batch.stderr  # the blank comments are error entries
    expected = [json.loads(line) for line in batch.stdout.splitlines()]
    assert len(expected) == count
    for got, want in zip(entries, expected, strict=True):
        assert {**got, "line": 0} == {**want, "line": 0}


def test_docs_document_every_lint_check() -> None:
    from replykit.lint.checks import REGISTRY

    text = documented_text()
    missing = [check_id for check_id in REGISTRY if f"`{check_id}`" not in text]
    assert not missing, f"docs/ do not document the lint checks {', '.join(missing)}"


def test_architecture_lists_every_module() -> None:
    # The layout is how a new contributor finds their way: it must not fall behind the code.
    doc = (support.REPO / "docs" / "architecture.md").read_text(encoding="utf-8")
    layout = doc[doc.index("```\nsrc/replykit/\n") :]
    layout = layout[: layout.index("```", 4)]
    package = support.REPO / "src" / "replykit"
    for module in sorted(package.rglob("*.py")):
        shown = f"{module.parent.name}/" if module.name == "__init__.py" and module.parent != package else module.name
        assert f"── {shown} " in layout, f"{module.relative_to(package)}: not in docs/architecture.md"
    assert "docs/architecture.md" in readme(), "the README points to the architecture"
