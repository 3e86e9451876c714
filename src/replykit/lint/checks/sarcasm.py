"""No sarcasm or mockery in a reply (PAUSE).

Checked against ``lint.tone.sarcasm`` ("yeah right", "thanks for nothing",
"mais bien sûr", eye-rolling emoji...).

Passing::

    Thank you for telling us, {{ author }}.

Failing::

    Oh great, another happy customer 🙄
    # sarcastic wording: '🙄', 'Oh great'
"""

from __future__ import annotations

from collections.abc import Iterator

from replykit.lint.problem import Problem
from replykit.lint.target import Target

ID = "sarcasm"
LEVEL = "warning"


def check(target: Target) -> Iterator[Problem]:
    from replykit.lint.wording import problems

    return problems(target, ID, LEVEL)
