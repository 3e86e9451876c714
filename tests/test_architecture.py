"""The layout holds: every module imports alone, and no stage imports a later one (docs/architecture.md)."""

from __future__ import annotations

import ast
import subprocess
import sys

import pytest

import support

PACKAGE = support.REPO / "src" / "replykit"
# The order of docs/architecture.md: a package may import the packages of a lower rank only.
# batch, measure and lint sit side by side; measure and lint may read records with batch.
RANK = {
    "errors": 0,
    "text": 1,
    "rules": 2,
    "triage": 3,
    "listen": 4,
    "reply": 5,
    "formats": 6,
    "batch": 7,
    "measure": 8,
    "lint": 8,
    "cli": 9,
    "__main__": 10,
}


def modules() -> list[str]:
    names = []
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        names.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return names


def stage(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else None  # None: the package's own facade (replykit/__init__.py)


def runtime_imports(module: str) -> set[str]:
    """The replykit modules ``module`` imports when it runs: imports for type checking only do not count."""
    path = PACKAGE.parent.joinpath(*module.split("."))
    path = path / "__init__.py" if path.is_dir() else path.with_suffix(".py")
    tree = ast.parse(path.read_text(encoding="utf-8"))
    typing_only = {
        id(node)
        for block in ast.walk(tree)
        if isinstance(block, ast.If) and "TYPE_CHECKING" in ast.unparse(block.test)
        for node in ast.walk(block)
    }
    found = set()
    for node in ast.walk(tree):
        if id(node) in typing_only:
            continue
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("replykit"):
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name.startswith("replykit"))
    return found


@pytest.mark.parametrize("module", modules())
def test_each_module_imports_alone(module: str) -> None:
    proc = subprocess.run([sys.executable, "-c", f"import {module}"], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr


@pytest.mark.parametrize("module", [m for m in modules() if stage(m)])
def test_no_stage_imports_a_later_one(module: str) -> None:
    own = stage(module)
    assert own in RANK, f"{module}: a package docs/architecture.md does not place"
    wrong = []
    for target in sorted(runtime_imports(module)):
        other = stage(target)
        if other is None or other == own or other == "__version__":
            continue
        if RANK[other] >= RANK[own]:
            wrong.append(target)
    assert not wrong, f"{module} ({own}) imports a stage at or after its own: {', '.join(wrong)}"


def test_commands_never_import_the_app() -> None:
    commands = [m for m in modules() if m.startswith("replykit.cli.") and m != "replykit.cli.app"]
    for module in commands:
        assert not any(t.startswith("replykit.cli.app") for t in runtime_imports(module)), module
