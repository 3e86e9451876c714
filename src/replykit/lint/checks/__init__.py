"""The registry of lint checks: one module per check, listed explicitly."""

from __future__ import annotations

from types import ModuleType

from replykit.lint.checks import (
    aggressive_wording,
    asks_personal_data,
    blaming_customer,
    charged_topic,
    defensive_wording,
    double_exclamation,
    example_misrouted,
    example_profile,
    method_citation,
    missing_template,
    moderation_argues,
    no_empathy,
    no_private_channel,
    promises_gesture,
    regex_backtracking,
    reply_too_long,
    rules_invalid,
    sarcasm,
    shouting,
    solution_generic,
    template_include,
    template_syntax,
    template_twin,
    template_undefined,
)

REGISTRY: dict[str, ModuleType] = {
    module.ID: module
    for module in (
        # the rules file
        rules_invalid,
        example_profile,
        missing_template,
        example_misrouted,
        regex_backtracking,
        solution_generic,
        # the templates
        template_syntax,
        template_include,
        template_twin,
        template_undefined,
        method_citation,
        # the rendered replies
        reply_too_long,
        # tone and method, on the rendered replies (issue 4)
        aggressive_wording,
        defensive_wording,
        sarcasm,
        blaming_customer,
        shouting,
        double_exclamation,
        no_private_channel,
        no_empathy,
        asks_personal_data,
        promises_gesture,
        moderation_argues,
        charged_topic,
    )
}
