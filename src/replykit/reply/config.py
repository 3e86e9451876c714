"""What ``replykit config`` reports: the rules file and templates in use and why, the profile, the policy.

A pure description (a dict with a stable JSON form); the command line prints it.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from replykit.rules.model import Rules

SCHEMA = "replykit.config/1"


def describe_config(rules_path: str | os.PathLike[str] | None = None, templates: Path | None = None) -> dict[str, Any]:
    """The configuration ``reply`` and ``batch`` would use with these options.

    Raises:
        UsageError, RulesError: the rules file is missing or invalid (named as found).
    """
    from replykit.rules.example import example_fields
    from replykit.rules.find import locate_rules
    from replykit.rules.load import load_rules

    path, origin = locate_rules(rules_path)
    rules = load_rules(rules_path)  # not ``path``: a ./rules.yaml's errors must say it was found here
    folder, why = templates_in_use(rules, templates)
    return {
        "schema": SCHEMA,
        "rules": {"path": str(path), "origin": origin},
        "templates": {"path": str(folder), "origin": why},
        "profile": dict(rules.profile),
        "example_fields": example_fields(rules.profile),
        "policy": dict(rules.policy),
    }


def templates_in_use(rules: Rules, explicit: Path | None) -> tuple[Path, str]:
    """The templates folder ``reply`` renders with, and why it is that one."""
    from replykit.reply.suggestion import templates_dir_for
    from replykit.rules.find import defaults_dir

    folder = templates_dir_for(rules, explicit)
    if explicit:
        return folder, "given with --templates"
    if folder == defaults_dir() / "templates":
        return folder, "built-in"
    if rules.templates_dir:
        return folder, "the rules file's templates: key"
    if folder == Path(rules.source).parent / "templates":
        return folder, "beside the rules file"
    return folder, "built-in (no templates/ beside the rules file)"
