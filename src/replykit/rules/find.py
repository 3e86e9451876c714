"""Which rules file: ``--rules``, ``$REPLYKIT_RULES``, ``./rules.yaml`` or the packaged defaults."""

from __future__ import annotations

import os
from pathlib import Path

RULES_ENV = "REPLYKIT_RULES"


def defaults_dir() -> Path:
    """The packaged defaults (rules.yaml and templates/), or the source checkout's."""
    beside = Path(__file__).parents[1] / "defaults"
    if (beside / "rules.yaml").is_file():  # what importlib.resources gives a regular install, 5 ms sooner
        return beside
    from importlib import resources

    packaged = Path(str(resources.files("replykit") / "defaults"))
    if (packaged / "rules.yaml").is_file():
        return packaged
    return Path(__file__).resolve().parents[3]  # running from a source checkout


def default_rules_path() -> Path:
    return defaults_dir() / "rules.yaml"


def find_rules(explicit: str | os.PathLike[str] | None = None) -> Path:
    """``--rules``, else ``$REPLYKIT_RULES``, else ``./rules.yaml``, else the defaults."""
    for candidate in (explicit, os.environ.get(RULES_ENV) or None):
        if candidate:
            return Path(candidate)
    local = Path("rules.yaml")
    return local if local.is_file() else default_rules_path()
