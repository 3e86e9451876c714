"""``replykit tree``: show the decision tree."""

from __future__ import annotations

import sys
from enum import Enum
from typing import Annotated

import typer

from replykit.cli.options import ColorOption, RulesOption, error_boundary


class TreeFormat(str, Enum):
    text = "text"
    mermaid = "mermaid"


@error_boundary
def tree(
    rules: RulesOption = None,
    fmt: Annotated[
        TreeFormat, typer.Option("--format", "-f", help="text (a tree in the terminal) or mermaid (for docs).")
    ] = TreeFormat.text,
    color: ColorOption = "auto",  # type: ignore[assignment]
) -> int:
    """Draw the decision tree, with the method step IDs of every node.

    Examples: replykit tree; replykit tree --format mermaid > docs/tree.mmd
    """
    from replykit.formats import tree as treeview
    from replykit.rules.load import load_rules

    loaded = load_rules(rules)
    if fmt == TreeFormat.mermaid:
        sys.stdout.write(treeview.mermaid(loaded))
    else:
        from replykit.formats.text import make_console

        make_console(str(getattr(color, "value", color))).print(treeview.rich_tree(loaded))
    return 0
