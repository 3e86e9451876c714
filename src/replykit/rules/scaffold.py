"""Copy the default rules and templates into a folder for the user to edit."""

from __future__ import annotations

import json
import os
import re
import tempfile
from pathlib import Path

from replykit.errors import UsageError
from replykit.rules.find import defaults_dir
from replykit.rules.load import compile_rules

PROFILE_FIELDS = ("brand", "signature", "phone", "email")


def init_project(target: Path, profile: dict[str, str], *, force: bool = False) -> list[Path]:
    """Write ``rules.yaml`` and ``templates/`` into ``target``; return the files written.

    Raises:
        UsageError: a file exists and ``force`` is False, or ``target`` is not a folder.
    """
    source = defaults_dir()
    if target.exists() and not target.is_dir():
        raise UsageError(f"{target}: exists and is not a folder")
    plan = {target / "rules.yaml": set_profile((source / "rules.yaml").read_text("utf-8"), profile)}
    for template in sorted((source / "templates").rglob("*.j2")):
        plan[target / "templates" / template.relative_to(source / "templates")] = template.read_text("utf-8")
    existing = [path for path in plan if path.exists()]
    if existing and not force:
        names = ", ".join(str(p) for p in existing[:3]) + (" ..." if len(existing) > 3 else "")
        raise UsageError(f"{names}: already exists; nothing was written (use --force to overwrite)")
    compile_rules(plan[target / "rules.yaml"], str(target / "rules.yaml"))  # never write broken rules
    for path, text in plan.items():
        write_atomic(path, text)
    return list(plan)


def set_profile(rules_text: str, values: dict[str, str]) -> str:
    """Replace profile entries in the YAML text, keeping every comment and the layout."""
    for key, value in values.items():
        if key not in PROFILE_FIELDS:
            raise UsageError(f"unknown profile field '{key}'")
        if value:
            rules_text = _replace_profile_key(rules_text, key, value)
    return rules_text


def _replace_profile_key(text: str, key: str, value: str) -> str:
    # The key's line and any more-indented continuation lines under it.
    entry = re.compile(rf"(?m)^(  {key}:)[^\n]*\n(?:    [^\n]*\n)*")
    profile = re.search(r"(?m)^profile:\n(?:(?: [^\n]*)?\n)*", text)
    if not profile:
        raise UsageError("the default rules.yaml has no profile section")
    block = entry.sub(lambda m: f"{m.group(1)} {json.dumps(value, ensure_ascii=False)}\n", profile.group(), count=1)
    return text[: profile.start()] + block + text[profile.end() :]


def write_atomic(path: Path, text: str) -> None:
    """Write through a temporary file and rename, so a crash never leaves half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
