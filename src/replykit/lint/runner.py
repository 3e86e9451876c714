"""Run the registered checks on targets, applying levels and inline disables."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from types import ModuleType
from typing import Any

from replykit.errors import UsageError
from replykit.lint.checks import REGISTRY
from replykit.lint.problem import LEVELS, Problem
from replykit.lint.target import Target

_INLINE = re.compile(r"\{#-?\s*replykit:\s*disable=([\w,\s-]+?)\s*-?#\}")


def targets_for(paths: Iterable[str], rules: str | None, templates: str | None) -> list[Target]:
    """Targets from the command line: rules files, folders holding one, or the rules in use."""
    from replykit.rules.find import find_rules

    chosen = list(paths) or [str(find_rules(rules))]
    out = []
    for raw in chosen:
        path = Path(raw)
        if path.is_dir():
            path = path / "rules.yaml"
        if not path.is_file():
            raise UsageError(f"{raw}: no rules file here (expected a rules.yaml or a folder holding one)")
        out.append(Target(path, Path(templates) if templates else None))
    return out


def run(targets: list[Target], skip: frozenset[str] = frozenset()) -> list[Problem]:
    """Every problem of every target, sorted by file and position; the checks in ``skip`` do not run."""
    problems: list[Problem] = []
    for target in targets:
        problems.extend(run_target(target, skip))
    return sorted(set(problems), key=Problem.sort_key)


def run_target(target: Target, skip: frozenset[str] = frozenset()) -> list[Problem]:
    levels = configured_levels(target)
    found: list[Problem] = []
    for check_id, module in REGISTRY.items():
        level = levels.get(check_id, module.LEVEL)
        if level == "off" or check_id in skip:
            continue
        found.extend(p._replace(level=level, check=check_id) for p in module.check(target))
    return [p for p in found if p.check not in inline_disables(p.path)]


def configured_levels(target: Target) -> dict[str, str]:
    """``lint: {checks: {check-id: off|warning|error}}`` from the rules file."""
    raw: Any = target.config.get("checks", {})
    levels = {}
    for check_id, value in raw.items() if isinstance(raw, dict) else []:
        level = value.get("level") if isinstance(value, dict) else value
        if level is False:  # YAML reads an unquoted `off` as false
            level = "off"
        if check_id not in REGISTRY:
            from replykit.lint.positions import position
            from replykit.rules.checker import did_you_mean

            line, column = position(target, ("lint", "checks", check_id))
            hint = did_you_mean(str(check_id), tuple(REGISTRY))
            raise UsageError(f"{target.rules_path}:{line}:{column}: lint.checks.{check_id}: unknown check: {hint}")
        if level not in (*LEVELS, "off"):
            raise UsageError(f"{target.rules_path}: lint.checks.{check_id}: level must be error, warning or off")
        levels[check_id] = str(level)
    return levels


_disable_cache: dict[str, frozenset[str]] = {}


def inline_disables(path: str) -> frozenset[str]:
    """Checks a template turns off for itself with ``{# replykit: disable=check-id #}``."""
    if not path.endswith(".j2"):
        return frozenset()
    if path not in _disable_cache:
        try:
            text = Path(path).read_text("utf-8")
        except OSError:
            text = ""
        ids = {part.strip() for match in _INLINE.finditer(text) for part in match.group(1).split(",")}
        _disable_cache[path] = frozenset(ids)
    return _disable_cache[path]


def documented_checks() -> list[tuple[str, str, str]]:
    """(id, level, docstring) of every check, for ``replykit lint --list``."""
    return [(check_id, module.LEVEL, (module.__doc__ or "").strip()) for check_id, module in REGISTRY.items()]


__all__ = ["ModuleType", "documented_checks", "run", "targets_for"]
