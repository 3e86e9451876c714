"""A reply never insults, swears or shows contempt (PAUSE).

Public replies and private scripts are rendered for every outcome and sample
context, and checked against the ``lint.tone.aggressive`` words and patterns
of rules.yaml (en, fr): an angry brand turns the critic into a victim.

Passing::

    I'm sorry about the delay, {{ author }}. Please call us on {{ profile.phone }}.

Failing::

    Stop whining, this is ridiculous. Call {{ profile.phone }}.
    # aggressive wording: 'ridiculous'
"""

from __future__ import annotations

from collections.abc import Iterator

from replykit.lint.problem import Problem
from replykit.lint.target import Target

ID = "aggressive-wording"
LEVEL = "error"


def check(target: Target) -> Iterator[Problem]:
    from replykit.lint.wording import problems

    return problems(target, ID, LEVEL)
