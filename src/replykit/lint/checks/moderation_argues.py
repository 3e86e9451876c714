"""A moderation note states the rule and stops: it never argues back (O2.2).

The public text of a moderation outcome (action ``moderate``) is checked
against ``lint.tone.arguing`` ("that's not true", "for the record",
"c'est faux"...): moderation is no debate.

Passing::

    We have hidden a comment that went against our community guidelines.

Failing::

    We hid this comment. For the record, that's not true.
    # a moderation note argues back (O2.2: no debate): 'For the record', "that's not true"
"""

from __future__ import annotations

from collections.abc import Iterator

from replykit.lint.problem import Problem
from replykit.lint.target import Target

ID = "moderation-argues"
LEVEL = "error"


def check(target: Target) -> Iterator[Problem]:
    from replykit.lint.wording import problems

    return problems(target, ID, LEVEL)
