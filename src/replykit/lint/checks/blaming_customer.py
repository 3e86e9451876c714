"""A reply never blames the customer (PAUSE).

Checked against ``lint.tone.blaming`` ("you should have", "your fault",
"vous auriez dû"...).

Passing::

    Sorry it went wrong: let's look at it together on {{ profile.phone }}.

Failing::

    You should have read the instructions. Call {{ profile.phone }}.
    # blames the customer: 'read the instructions', 'You should have'
"""

from __future__ import annotations

from collections.abc import Iterator

from replykit.lint.problem import Problem
from replykit.lint.target import Target

ID = "blaming-customer"
LEVEL = "error"


def check(target: Target) -> Iterator[Problem]:
    from replykit.lint.wording import problems

    return problems(target, ID, LEVEL)
