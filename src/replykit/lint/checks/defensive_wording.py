"""A reply listens instead of defending the business (PAUSE).

Checked against ``lint.tone.defensive`` ("not our fault", "as I said",
"calmez-vous"...); ``replykit check`` suggests the calmer wording from
``lint.tone.rewordings`` where there is one.

Passing::

    I'm sorry this happened: let's sort it out together on {{ profile.phone }}.

Failing::

    This is not our fault: the carrier lost it. Call {{ profile.phone }}.
    # defensive wording: 'not our fault'
"""

from __future__ import annotations

from collections.abc import Iterator

from replykit.lint.problem import Problem
from replykit.lint.target import Target

ID = "defensive-wording"
LEVEL = "warning"


def check(target: Target) -> Iterator[Problem]:
    from replykit.lint.wording import problems

    return problems(target, ID, LEVEL)
