"""A public reply to a complaint or question offers the business's own private channel (O1.3).

The rendered public reply of every complaint and question outcome (and of a
vague dissatisfaction, handled as a complaint) must hold the profile's phone,
e-mail or DM wording, a phone number or e-mail address, or a
``lint.tone.private_channel`` marker ("call us", "DM", "message privé").

Passing::

    Sorry about this, {{ author }}: please call us on {{ profile.phone }}.

Failing::

    Sorry about this, {{ author }}, we are looking into it.
    # offers no private channel: give your phone, e-mail or DM (O1.3)
"""

from __future__ import annotations

from collections.abc import Iterator

from replykit.lint.problem import Problem
from replykit.lint.target import Target

ID = "no-private-channel"
LEVEL = "error"


def check(target: Target) -> Iterator[Problem]:
    from replykit.lint.wording import problems

    return problems(target, ID, LEVEL)
