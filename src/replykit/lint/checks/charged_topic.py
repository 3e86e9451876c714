"""A reply from the business takes no side: no political, religious or group labels (PUBLIC).

Checked against ``lint.tone.charged`` ("liberals", "immigration",
"gouvernement", "musulmans"...). These are not insults, so this is a warning:
the reply is public and stays, and taking a side turns a customer's complaint
into a debate.

Passing::

    Thank you for telling us, {{ author }}: we'd like to look into it with you.

Failing::

    We never discuss immigration with customers, {{ author }}.
    # names a political, religious or group label: 'immigration'
"""

from __future__ import annotations

from collections.abc import Iterator

from replykit.lint.problem import Problem
from replykit.lint.target import Target

ID = "charged-topic"
LEVEL = "warning"


def check(target: Target) -> Iterator[Problem]:
    from replykit.lint.wording import problems

    return problems(target, ID, LEVEL)
