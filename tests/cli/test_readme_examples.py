"""The README's and the docs' console examples are real: each ``$ replykit ...``
example is run and must print exactly what the page shows.

An example whose output ends with a ``...`` line shows only the head of it.
Self-contained: no pipe, no redirection, and every file it names exists (the
bundled ``examples/``, or ``../shared/data`` beside the repository). Examples
run in a scratch folder laid out like the repository's parent, so files they
write (``learn -o``) never land in the repository.

After a deliberate change of output, refresh the README and the docs with::

    python tests/cli/test_readme_examples.py --update
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import NamedTuple

import pytest

REPO = Path(__file__).resolve().parents[2]
README = REPO / "README.md"
# The README and the reference pages split from it; rules.md and templates.md show examples run in a folder of
# their own (issue 14: every page to run, as a shell session).
PAGES = [README] + [REPO / "docs" / f"{name}.md" for name in
                    ("commands", "configuration", "json", "python-api", "tree", "safety", "development")]  # fmt: skip
SHARED = REPO.parent / "shared"


class Example(NamedTuple):
    line: int  # of the command in its page
    command: str
    expected: str
    start: int  # character offsets of the expected output in README.md
    end: int
    folder: str  # where the block's `$ cd` lines lead, from the scratch folder ("" for itself)
    page: str = "README.md"  # the page, from the repository root

    @property
    def where(self) -> str:
        return f"{self.page}:{self.line}"


def examples(text: str, page: str = "README.md") -> list[Example]:
    found = []
    for block in re.finditer(r"```console\n(.*?)```", text, re.S):
        offset, folder = block.start(1), ""
        commands = list(re.finditer(r"^\$ (.*)\n", block.group(1), re.M))
        for i, match in enumerate(commands):
            start = offset + match.end()
            end = offset + (commands[i + 1].start() if i + 1 < len(commands) else len(block.group(1)))
            line = text.count("\n", 0, offset + match.start()) + 1
            command = match.group(1)
            if command.startswith("cd "):  # an absolute folder in the README stands for the scratch folder
                target = command[3:].strip()
                folder = "" if target.startswith("/") else str(Path(folder) / target)
            found.append(Example(line, command, text[start:end], start, end, folder, page))
    return found


def replykit_only(example: Example) -> bool:
    """A plain ``replykit`` call: no pipe, redirection or shell expansion."""
    return example.command.startswith("replykit ") and not any(c in example.command for c in "|<>;$`")


def runnable(example: Example, root: Path) -> bool:
    command, cwd = example.command, root / example.folder
    if not replykit_only(example):
        return False
    paths = [arg for arg in shlex.split(command)[1:] if "/" in arg or re.search(r"\.(txt|jsonl|csv|json|yaml)$", arg)]
    written = {
        arg for i, arg in enumerate(shlex.split(command)) if i and shlex.split(command)[i - 1] in ("-o", "--output")
    }
    return all((cwd / path).exists() for path in paths if path not in written)


def run(example: Example, root: Path) -> str:
    argv = shlex.split(example.command)
    # The width the README's output was made at: its longest line.
    width = max((len(line) for line in example.expected.splitlines()), default=0)
    env = {
        **os.environ,
        "COLUMNS": str(max(width, 60)),
        "NO_COLOR": "1",
        "TERM": "dumb",
        "REPLYKIT_CACHE_DIR": str(root / ".cache"),
    }
    for name in ("FORCE_COLOR", "CLICOLOR_FORCE"):
        env.pop(name, None)
    proc = subprocess.run(
        [sys.executable, "-m", "replykit", *argv[1:]],
        cwd=root / example.folder,
        env=env,
        capture_output=True,
        timeout=300,
    )
    output = (proc.stdout + proc.stderr).decode("utf-8")
    return "".join(line.rstrip() + "\n" for line in output.splitlines())  # the README keeps no trailing blanks


def scratch(root: Path) -> Path:
    """A folder like the repository: examples/, rules.yaml and templates/ inside, ../shared beside it."""
    cwd = root / "repo"
    cwd.mkdir()
    for name in ("examples", "rules.yaml", "lexicons", "listening", "templates"):
        (cwd / name).symlink_to(REPO / name)
    if SHARED.exists():
        (root / "shared").symlink_to(SHARED)
    return cwd


def page_examples(page: Path) -> list[Example]:
    return examples(page.read_text("utf-8"), str(page.relative_to(REPO)))


def test_the_readme_shows_runnable_examples() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        cwd = scratch(Path(tmp))
        assert sum(runnable(e, cwd) for e in page_examples(README)) >= 3
        assert sum(runnable(e, cwd) for page in PAGES for e in page_examples(page)) >= 15


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return scratch(tmp_path_factory.mktemp("readme"))


PLAIN = [e for page in PAGES for e in page_examples(page) if replykit_only(e)]  # read once, at collection


@pytest.mark.parametrize("example", PLAIN, ids=[e.where for e in PLAIN])
def test_readme_example_prints_what_the_readme_shows(example: Example, workdir: Path) -> None:
    if not runnable(example, workdir):
        pytest.skip("names a file the page makes with a shell command (cat, jq) first")  # issue 14: to run too
    assert shown(run(example, workdir), example.expected) == example.expected, example.where


def shown(output: str, expected: str) -> str:
    """What the README would show of ``output``: the same head when it ends with a ``...`` line."""
    if expected.endswith("\n...\n"):
        head = expected.count("\n") - 1
        return "".join(output.splitlines(keepends=True)[:head]) + "...\n"
    return output


def update() -> int:
    """Rewrite the output of every runnable example in README.md and docs/; report what changed."""
    for page in PAGES:
        text = page.read_text("utf-8")
        changes = []
        with tempfile.TemporaryDirectory() as tmp:
            cwd = scratch(Path(tmp))
            for example in page_examples(page):  # in order: an example may use what an earlier one made
                if runnable(example, cwd):
                    output = shown(run(example, cwd), example.expected)
                    if output != example.expected:
                        print(f"{example.where}: updated  $ {example.command[:80]}")
                        changes.append((example.start, example.end, output))
        for start, end, output in reversed(changes):
            text = text[:start] + output + text[end:]
        page.write_text(text, "utf-8")
    return 0


if __name__ == "__main__":
    if sys.argv[1:] != ["--update"]:
        sys.exit(__doc__)
    sys.exit(update())
