"""Which rules file: ``--rules``, ``$REPLYKIT_RULES``, ``./rules.yaml`` or the packaged defaults."""

from __future__ import annotations

import os
from pathlib import Path

RULES_ENV = "REPLYKIT_RULES"
# Why a rules file is the one in use (``locate_rules``), as ``replykit config`` says it.
GIVEN = "given with --rules"
FROM_ENV = f"from the environment variable {RULES_ENV}"
CURRENT_FOLDER = "found in the current folder"
BUILT_IN = "built-in"


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
    return locate_rules(explicit)[0]


def locate_rules(explicit: str | os.PathLike[str] | None = None) -> tuple[Path, str]:
    """The rules file :func:`find_rules` picks, and why: GIVEN, FROM_ENV, CURRENT_FOLDER or BUILT_IN."""
    if explicit:
        return Path(explicit), GIVEN
    if os.environ.get(RULES_ENV):
        return Path(os.environ[RULES_ENV]), FROM_ENV
    local = Path("rules.yaml")
    return (local, CURRENT_FOLDER) if local.is_file() else (default_rules_path(), BUILT_IN)
