"""The registry of lint checks: one module per check, listed explicitly."""

from __future__ import annotations

from types import ModuleType

from replykit.lint.checks import reply_too_long, rules_invalid, template_syntax

REGISTRY: dict[str, ModuleType] = {module.ID: module for module in (rules_invalid, template_syntax, reply_too_long)}
