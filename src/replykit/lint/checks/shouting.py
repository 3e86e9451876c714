"""No shouting in capitals (PAUSE).

A rendered reply made mostly of capitals (over 10 letters), or a run of
three or more words in capitals, reads as shouting. Acronyms alone are fine.

Passing::

    Please call us on {{ profile.phone }}, we will help.

Failing::

    PLEASE CALL US NOW on {{ profile.phone }}.
    # shouting in capitals: 'PLEASE CALL US NOW'
"""

from __future__ import annotations

from collections.abc import Iterator

from replykit.lint.problem import Problem
from replykit.lint.target import Target

ID = "shouting"
LEVEL = "error"


def check(target: Target) -> Iterator[Problem]:
    from replykit.lint.wording import problems

    return problems(target, ID, LEVEL)
