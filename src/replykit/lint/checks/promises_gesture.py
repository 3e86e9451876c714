"""A public reply never promises a refund, discount or gift (GESTURE).

No systematic commercial gesture: a gesture can close a case that went well,
in private. Checked against ``lint.tone.gesture`` ("we will refund",
"voucher", "code promo", "20% off"...).

Passing::

    Sorry about this: please call {{ profile.phone }} so we can put it right.

Failing::

    Sorry about this: we will refund you and add a voucher.
    # promises a commercial gesture in public (GESTURE: never by default): 'voucher', 'we will refund'
"""

from __future__ import annotations

from collections.abc import Iterator

from replykit.lint.problem import Problem
from replykit.lint.target import Target

ID = "promises-gesture"
LEVEL = "error"


def check(target: Target) -> Iterator[Problem]:
    from replykit.lint.wording import problems

    return problems(target, ID, LEVEL)
