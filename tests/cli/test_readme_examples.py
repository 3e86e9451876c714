"""The README's and the docs' console examples are real: every ``$ ...`` command
of every ```console block of README.md and docs/*.md runs, and must print
exactly what the page shows. No example is skipped; the test fails on drift.

How a page runs (the conventions a page follows, also in docs/development.md):

- **One shell session per page.** The page's ```console blocks run in order in
  one ``bash`` process (``set +e``), so a file made by one block is there for
  the next. Each block starts in the page's scratch folder, a folder laid out
  like the repository (``examples/``, ``rules.yaml``, ``lexicons/``,
  ``listening/`` and ``templates/`` linked, ``../shared`` beside it); a
  ``$ cd`` lasts until the end of its block. ``replykit``, ``python`` and
  ``python3`` are shims that run the Python under test (``replykit`` is
  ``python -m replykit``), with ``NO_COLOR=1``, ``TERM=dumb`` and ``COLUMNS``
  the width of the longest line the page shows for that command (60 at least).
  Only the commands shown after ``$ `` run, nothing else from the page.
- **A command** is a ``$ `` line, with the lines after it while a line ends
  with ``\\``, and ``> `` lines (the shell's continuation prompt, as in
  ``> do ...; done``). What follows it up to the next ``$ `` line is its
  output (stdout and stderr as a terminal shows them). An output whose last
  line is ``...`` shows only its head. ``$?`` and ``${PIPESTATUS[@]}`` are
  those of the command before.
- **/tmp.** An absolute ``/tmp/...`` path in a command stands for the scratch
  folder's own ``tmp/`` (nothing is written to the real /tmp), and is shown
  as ``/tmp/...`` again in the output compared. A ``$ cd /tmp/DIR`` creates DIR.
- **Files a page shows.** (1) ``$ cat FILE`` on a file that does not exist yet
  writes FILE first with the output the page shows (unless that output ends
  with ``...``). (2) A fenced block (```yaml, ```json, ```csv, ```text,
  ```python, ```jinja...) introduced by a line that is only ``\\`NAME\\`:`` or
  that ends with ``(\\`NAME\\`):`` is written, whole, to NAME at
  that point of the session: a NAME under ``/tmp/`` (``/tmp/tpl/rules.yaml``)
  where it says; else where a command of the page names ``/tmp/.../NAME``;
  else in the scratch folder (a ``rules.yaml`` there replaces the default one).
  A file the page needs and cannot show as text (invalid UTF-8, deep nesting)
  is made by a command the page shows (``printf``, ``python3 -c``).
- Outputs that change from run to run are kept out of the pages (case
  references are derived from the comment, not random).

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
import uuid
from functools import cache
from pathlib import Path
from typing import NamedTuple

import pytest

REPO = Path(__file__).resolve().parents[2]
README = REPO / "README.md"
SHARED = REPO.parent / "shared"
TIMEOUT = 1800  # seconds for one page's session (docs/commands.md answers 2,000 comments four times)


def pages() -> list[Path]:
    """README.md and every docs/*.md page, new ones included."""
    return [README, *sorted((REPO / "docs").glob("*.md"))]


class Example(NamedTuple):
    line: int  # of the command in its page
    command: str
    expected: str
    start: int  # character offsets of the expected output in the page
    end: int
    page: str = "README.md"  # the page, from the repository root
    block: int = 0  # which ```console block of the page, from 0

    @property
    def where(self) -> str:
        return f"{self.page}:{self.line}"


class File(NamedTuple):
    """A fenced block the page names: written to ``name`` before the command ``before`` runs."""

    name: str
    content: str
    before: int  # index of the first example after the block


FENCE = re.compile(r"^```([\w+-]*)\n(.*?)^```\s*$", re.S | re.M)
NAMED = (re.compile(r"^`([\w./-]+)`:$"), re.compile(r"\(`([\w./-]+)`\):$"))
TMP = re.compile(r"(?<![\w.~/-])/tmp(?=/|\b)")


def parse(text: str, page: str = "README.md") -> tuple[list[Example], list[File]]:
    """The page's console examples, and the files it names, in page order."""
    found: list[Example] = []
    files: list[File] = []
    block_count = 0
    for fence in FENCE.finditer(text):
        kind, body, offset = fence.group(1), fence.group(2), fence.start(2)
        if kind != "console":
            before = [line for line in text[: fence.start()].splitlines() if line.strip()]
            for pattern in NAMED:
                named = pattern.search(before[-1]) if before else None
                if named:
                    files.append(File(named.group(1), body, len(found)))
                    break
            continue
        lines = body.splitlines(keepends=True)
        commands: list[tuple[int, int, str]] = []  # (start offset, end offset of the command text, command)
        position, i = offset, 0
        while i < len(lines):
            if lines[i].startswith("$ "):
                start, parts = position, [lines[i][2:].rstrip("\n")]
                position += len(lines[i])
                i += 1
                while i < len(lines) and (parts[-1].endswith("\\") or lines[i].startswith("> ")):
                    line = lines[i].rstrip("\n")
                    parts.append(line[2:] if line.startswith("> ") and not parts[-1].endswith("\\") else line)
                    position += len(lines[i])
                    i += 1
                commands.append((start, position, "\n".join(parts)))
            else:
                position += len(lines[i])
                i += 1
        for n, (start, end, command) in enumerate(commands):
            stop = commands[n + 1][0] if n + 1 < len(commands) else offset + len(body)
            line = text.count("\n", 0, start) + 1
            found.append(Example(line, command, text[end:stop], end, stop, page, block_count))
        block_count += 1
    return found, files


def examples(text: str, page: str = "README.md") -> list[Example]:
    return parse(text, page)[0]


def page_examples(page: Path) -> list[Example]:
    return examples(page.read_text("utf-8"), name_of(page))


def name_of(page: Path) -> str:
    return str(page.relative_to(REPO))


def scratch(root: Path) -> Path:
    """A folder like the repository: examples/, rules.yaml and templates/ inside, ../shared beside it."""
    cwd = root / "repo"
    cwd.mkdir()
    for name in ("examples", "rules.yaml", "lexicons", "listening", "templates", "tests"):
        (cwd / name).symlink_to(REPO / name)
    if SHARED.exists():
        (root / "shared").symlink_to(SHARED)
    (root / "tmp").mkdir()
    bin_dir = root / "bin"
    bin_dir.mkdir()
    python = shlex.quote(sys.executable)
    shims = {"replykit": f"exec {python} -m replykit", "python": f"exec {python}", "python3": f"exec {python}"}
    for name, line in shims.items():
        shim = bin_dir / name
        shim.write_text(f'#!/bin/sh\n{line} "$@"\n', "utf-8")
        shim.chmod(0o755)
    return cwd


def width(example: Example) -> int:
    """The width the page's output was made at: its longest line, 60 at least; a ``replykit:`` message on
    stderr is never wrapped, so it does not set the width of the tables beside it."""
    lines = [line for line in example.expected.splitlines() if not line.startswith("replykit: ")]
    return max([60, *(len(line) for line in lines)])


RESTORE = (
    "case ${#__rk_st[@]} in "
    + " ".join(f"{n}) " + " | ".join(f"(exit ${{__rk_st[{k}]}})" for k in range(n)) + ";;" for n in range(1, 9))
    + " esac"
)


def script(text: str, page: str, root: Path, home: Path, stage: Path, mark: str) -> str:
    """The page as one bash session: each command after a marker line, files written where they belong."""
    found, files = parse(text, page)
    tmp = str(root / "tmp")
    assert re.fullmatch(r"[\w/.+-]+", tmp), tmp  # safe to put in a command as it is
    commands = [TMP.sub(tmp, e.command) for e in found]
    named_paths = [word for c in commands for word in re.findall(r"[^\s'\"=]+", c) if word.startswith(tmp + "/")]
    out = ["set +e", "__rk_st=(0)"]
    pending: dict[int, list[str]] = {}
    for n, file in enumerate(files):
        if ".." in Path(file.name).parts or (file.name.startswith("/") and not file.name.startswith("/tmp/")):
            raise ValueError(f"{page}: a named block must be a relative name or one under /tmp/: {file.name}")
        (stage / f"file{n}").write_text(file.content, "utf-8")
        if file.name.startswith("/tmp/"):
            target = TMP.sub(tmp, file.name)
        else:
            target = next((p for p in named_paths if p.endswith("/" + file.name)), str(home / file.name))
        pending.setdefault(file.before, []).append(
            f"mkdir -p {shlex.quote(str(Path(target).parent))}; rm -f {shlex.quote(target)};"
            f" cp {shlex.quote(str(stage / f'file{n}'))} {shlex.quote(target)}"
        )
    block = -1
    for n, (example, command) in enumerate(zip(found, commands, strict=True)):
        out.append('__rk_st=("${PIPESTATUS[@]}")')
        out.extend(pending.pop(n, []))
        if example.block != block:
            block = example.block
            out.append(f"cd {shlex.quote(str(home))}")
        cat = re.fullmatch(r"cat ([\w./-]+)", command)
        if cat and not example.expected.endswith("\n...\n"):
            (stage / f"cat{n}").write_text(example.expected, "utf-8")
            name = shlex.quote(cat.group(1))
            out.append(f"[ -e {name} ] || cp {shlex.quote(str(stage / f'cat{n}'))} {name}")
        cd = re.fullmatch(r"cd (\S+)", command)
        if cd and cd.group(1).startswith(tmp + "/"):
            out.append(f"mkdir -p {shlex.quote(cd.group(1))}")
        out.append(f"export COLUMNS={width(example)}")
        out.append(f"printf '\\n{mark} {n}\\n'")
        out.append(RESTORE)
        out.append(command)
    out.append(f"printf '\\n{mark} end\\n'")
    return "\n".join(out) + "\n"


def session(page: Path, root: Path) -> list[str]:
    """Run the page in ``root``; the output of each of its examples, in order, as the page would show it."""
    text = page.read_text("utf-8")
    home = scratch(root)
    stage = root / ".stage"
    stage.mkdir()
    mark = f"@@replykit-docs-{uuid.uuid4().hex}@@"
    env = {
        **os.environ,
        "PATH": f"{root / 'bin'}{os.pathsep}{os.environ.get('PATH', '')}",
        "NO_COLOR": "1",
        "TERM": "dumb",
        "REPLYKIT_CACHE_DIR": str(root / ".cache"),
        "LC_ALL": "C.UTF-8",
        "HOME": str(root),
    }
    for name in ("FORCE_COLOR", "CLICOLOR_FORCE", "REPLYKIT_RULES", "REPLYKIT_TEMPLATES", "BASH_ENV", "ENV"):
        env.pop(name, None)
    (stage / "session.sh").write_text(script(text, name_of(page), root, home, stage, mark), "utf-8")
    proc = subprocess.run(
        ["bash", "--noprofile", "--norc", str(stage / "session.sh")],
        cwd=home,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        timeout=TIMEOUT,
    )
    output = proc.stdout.decode("utf-8", "replace").replace(str(root / "tmp"), "/tmp")
    parts = re.split(rf"\n{re.escape(mark)} (\d+|end)\n", output)
    outputs = {}
    for label, chunk in zip(parts[1::2], parts[2::2], strict=True):
        if label != "end":
            outputs[int(label)] = "".join(line.rstrip() + "\n" for line in chunk.splitlines())  # no trailing blanks
    count = len(examples(text, name_of(page)))
    return [outputs.get(n, "(the session stopped before this command)\n") for n in range(count)]


@cache
def page_outputs(page: Path) -> tuple[str, ...]:
    with tempfile.TemporaryDirectory() as tmp:
        return tuple(session(page, Path(tmp)))


def shown(output: str, expected: str) -> str:
    """What the page would show of ``output``: the same head when it ends with a ``...`` line."""
    if expected.endswith("\n...\n") or expected == "...\n":
        head = expected.count("\n") - 1
        return "".join(output.splitlines(keepends=True)[:head]) + "...\n"
    return output


ALL = [(page, n, e) for page in pages() for n, e in enumerate(page_examples(page))]  # read once, at collection


def test_the_pages_show_runnable_examples() -> None:
    assert len(page_examples(README)) >= 3
    assert len(ALL) >= 100


@pytest.mark.parametrize(("page", "index", "example"), ALL, ids=[e.where for _, _, e in ALL])
def test_page_example_prints_what_the_page_shows(page: Path, index: int, example: Example) -> None:
    output = page_outputs(page)[index]
    assert shown(output, example.expected) == example.expected, example.where


def update() -> int:
    """Rewrite the output of every example in README.md and docs/; report what changed."""
    for page in pages():
        text = page.read_text("utf-8")
        changes = []
        for example, output in zip(examples(text, name_of(page)), page_outputs(page), strict=True):
            output = shown(output, example.expected)
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
