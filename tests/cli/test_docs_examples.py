"""The reference pages' console examples are real: each ``$ replykit ...`` example in
docs/exports.md runs from the repository root and must print exactly what the page shows.

None is skipped: an example that pipes, redirects or names a missing file fails.
After a deliberate change of output, refresh the pages with::

    python tests/cli/test_docs_examples.py --update
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import pytest
from test_readme_examples import REPO, Example, examples, run, runnable, scratch, shown

PAGES = [REPO / "docs" / "exports.md"]
WIDTH = 120  # the pages' terminal: tables are drawn this wide, whatever the longest stderr line


def run_at_width(example: Example, root: Path) -> str:
    # the README's runner takes the terminal width from the longest line shown
    return run(example._replace(expected="x" * WIDTH), root)


def docs_scratch(root: Path) -> Path:
    """The README's scratch folder, with tests/ too: the examples read tests/fixtures/exports/."""
    cwd = scratch(root)
    (cwd / "tests").symlink_to(REPO / "tests")
    return cwd


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return docs_scratch(tmp_path_factory.mktemp("docs"))


CASES = [(page, example) for page in PAGES for example in examples(page.read_text("utf-8"))]


def test_every_page_shows_examples() -> None:
    for page in PAGES:
        assert len(examples(page.read_text("utf-8"))) >= 5, page


@pytest.mark.parametrize(("page", "example"), CASES, ids=[f"{p.name}:{e.line}" for p, e in CASES])
def test_docs_example_prints_what_the_page_shows(page: Path, example: Example, workdir: Path) -> None:
    where = f"{page.relative_to(REPO)}:{example.line}"
    assert runnable(example, workdir), f"{where}: not a self-contained replykit call (no pipe, files that exist)"
    assert shown(run_at_width(example, workdir), example.expected) == example.expected, where


def update() -> int:
    """Rewrite the output of every example of the pages; report what changed."""
    with tempfile.TemporaryDirectory() as tmp:
        cwd = docs_scratch(Path(tmp))
        for page in PAGES:
            text, changes = page.read_text("utf-8"), []
            for example in examples(text):
                output = shown(run_at_width(example, cwd), example.expected)
                if output != example.expected:
                    print(f"{page.name}:{example.line}: updated  $ {example.command[:80]}")
                    changes.append((example.start, example.end, output))
            for start, end, output in reversed(changes):
                text = text[:start] + output + text[end:]
            page.write_text(text, "utf-8")
    return 0


if __name__ == "__main__":
    if sys.argv[1:] != ["--update"]:
        sys.exit(__doc__)
    sys.exit(update())
