"""``replykit config``: which rules file and templates are used and why, the profile, the policy."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from replykit.cli.options import RulesOption, TextOrJson, error_boundary


@error_boundary
def config(
    rules: RulesOption = None,
    templates: Annotated[
        Path | None, typer.Option("--templates", help="Templates folder (default: beside rules.yaml, or built-in).")
    ] = None,
    fmt: Annotated[TextOrJson, typer.Option("--format", "-f", help="text or json.")] = TextOrJson.text,
) -> int:
    """Show the rules file and templates replies use and why, the profile and the policy.

    The rules file is --rules, else $REPLYKIT_RULES, else ./rules.yaml in the
    current folder, else the built-in one. Examples: replykit config;
    replykit config --format json
    """
    from replykit.formats.dispatch import CONFIG
    from replykit.reply.config import describe_config

    CONFIG[fmt.value](describe_config(rules, templates))
    return 0
