"""The registry of lint checks: one module per check, listed explicitly."""

from __future__ import annotations

from types import ModuleType

from replykit.lint.checks import (
    example_misrouted,
    method_citation,
    missing_template,
    regex_backtracking,
    reply_too_long,
    rules_invalid,
    template_syntax,
    template_twin,
    template_undefined,
)

REGISTRY: dict[str, ModuleType] = {
    module.ID: module
    for module in (
        # the rules file
        rules_invalid,
        missing_template,
        example_misrouted,
        regex_backtracking,
        # the templates
        template_syntax,
        template_twin,
        template_undefined,
        method_citation,
        # the rendered replies
        reply_too_long,
    )
}
