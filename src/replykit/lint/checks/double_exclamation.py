"""No '!!' (or '?!') in a reply: heat, not calm (PAUSE).

One exclamation mark can be warm; two in a row read as raised voice.

Passing::

    Thank you, {{ author }}!

Failing::

    We are on it!! Call {{ profile.phone }}.
    # exclamation marks in a row read as heat, not calm (PAUSE): '!!'
"""

from __future__ import annotations

from collections.abc import Iterator

from replykit.lint.problem import Problem
from replykit.lint.target import Target

ID = "double-exclamation"
LEVEL = "error"


def check(target: Target) -> Iterator[Problem]:
    from replykit.lint.wording import problems

    return problems(target, ID, LEVEL)
