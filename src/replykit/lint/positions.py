"""Positions in the rules file, for checks that work on the compiled rules.

The compiled :class:`~replykit.rules.model.Rules` keep no YAML positions (they are
pickled to the cache); checks that report at an example or a pattern re-read
the file once per target.
"""

from __future__ import annotations

import re
from typing import Any

from replykit.lint.target import Target
from replykit.rules.yamlsrc import KeyPath, YamlDocument

_ORIGIN = re.compile(r":(\d+):(\d+)(?::|$)")


def document(target: Target) -> YamlDocument | None:
    """The rules file with the position of every key path (None when it does not parse)."""
    cached: Any = target.__dict__.get("_lint_yaml_document", False)
    if cached is False:
        from replykit.errors import ReplykitError
        from replykit.rules.yamlsrc import load_yaml

        try:
            text = target.rules_path.read_text("utf-8")
            cached = load_yaml(text, target.display(target.rules_path))
        except (OSError, UnicodeDecodeError, ReplykitError):
            cached = None
        target.__dict__["_lint_yaml_document"] = cached
    return cached  # type: ignore[no-any-return]


def position(target: Target, path: KeyPath) -> tuple[int, int]:
    """Line and column of ``path`` (or of its closest located ancestor); (0, 0) when unknown."""
    doc = document(target)
    if doc is None:
        return 0, 0
    where = doc.where(path)
    return where.line, where.column


def origin_position(origin: str) -> tuple[int, int]:
    """Line and column from an outcome's ``origin`` (``rules.yaml:12:5: outcomes.x.templates``)."""
    match = _ORIGIN.search(origin)
    return (int(match.group(1)), int(match.group(2))) if match else (0, 0)
