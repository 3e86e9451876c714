"""A public reply never asks for personal data in public (O1.3).

Asking the customer to post a phone number, address, e-mail, order or
account number under the thread is reported (``lint.tone.personal_data``
patterns); giving the business's own phone or e-mail is the right way, and
"DM us your order number" (a private channel in the same sentence) is fine.

Passing::

    Sorry about this: please call us on {{ profile.phone }} with your order number.

Failing::

    Sorry about this: please post your order number below.
    # asks for personal data in public (O1.3: give your own contact instead): 'post your order number below'
"""

from __future__ import annotations

from collections.abc import Iterator

from replykit.lint.problem import Problem
from replykit.lint.target import Target

ID = "asks-personal-data"
LEVEL = "error"


def check(target: Target) -> Iterator[Problem]:
    from replykit.lint.wording import problems

    return problems(target, ID, LEVEL)
