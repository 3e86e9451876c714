"""replykit: answer negative social-media comments with a calm, proven method.

The public API::

    from replykit import load_rules, suggest
    rules = load_rules()                      # ./rules.yaml, $REPLYKIT_RULES or the defaults
    s = suggest("Where is my order?", rules=rules, author="Julie")
    print(s.category, s.public_reply)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["ReplykitError", "Suggestion", "__version__", "load_rules", "suggest"]

if TYPE_CHECKING:
    from replykit.errors import ReplykitError
    from replykit.reply.suggestion import Suggestion, suggest
    from replykit.rules.load import load_rules


def __getattr__(name: str) -> Any:
    # Lazy, so `import replykit` stays cheap for the CLI's fast paths.
    if name == "load_rules":
        from replykit.rules.load import load_rules

        return load_rules
    if name in ("suggest", "Suggestion"):
        from replykit.reply import suggestion

        return getattr(suggestion, name)
    if name == "ReplykitError":
        from replykit.errors import ReplykitError

        return ReplykitError
    raise AttributeError(f"module 'replykit' has no attribute {name!r}")
