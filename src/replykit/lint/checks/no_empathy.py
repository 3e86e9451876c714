"""A public reply to a complaint opens with empathy (O1.1).

The rendered public reply of every complaint outcome (and of a vague
dissatisfaction) must hold a ``lint.tone.empathy`` marker ("sorry",
"thank you for", "désolé", "nous comprenons"...).

Passing::

    I'm sorry about your order, {{ author }}. Please call {{ profile.phone }}.

Failing::

    Your order was shipped. Call {{ profile.phone }}.
    # shows no empathy: open with it (O1.1)
"""

from __future__ import annotations

from collections.abc import Iterator

from replykit.lint.problem import Problem
from replykit.lint.target import Target

ID = "no-empathy"
LEVEL = "error"


def check(target: Target) -> Iterator[Problem]:
    from replykit.lint.wording import problems

    return problems(target, ID, LEVEL)
