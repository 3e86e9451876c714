"""Every template's first line cites the method steps it implements.

The first line must be a Jinja comment ``{# method: ID ID ... #}`` listing
step IDs of the method (PAUSE, PUBLIC, READ, ROUTE, REPLY, O1.1 to O1.7,
GESTURE, O2.1 to O2.3, ESCALATE), so a reviewer can check the text against
the steps it claims.

Passing::

    {# method: O1.1 O1.3 #}
    We are sorry about this, {{ author }}. Call us on {{ profile.phone }}.

Failing::

    {# method: O1.1 EMPATHY #}
    We are sorry about this, {{ author }}. Call us on {{ profile.phone }}.
    # unknown method ID 'EMPATHY' in the citation
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from replykit.lint.problem import Problem
from replykit.lint.target import Target

ID = "method-citation"
LEVEL = "warning"

_CITATION = re.compile(r"^\{#-?\s*method:(.*?)-?#\}\s*$")


def check(target: Target) -> Iterator[Problem]:
    from replykit.rules.model import METHOD_IDS

    for path in target.template_files():
        try:
            first = next(iter(path.read_text("utf-8").splitlines()), "")
        except (OSError, UnicodeDecodeError):
            continue  # template-syntax reports it
        match = _CITATION.match(first.strip())
        ids = match.group(1).split() if match else []
        where = target.display(path)
        if not ids:
            message = "the first line must cite the method IDs the template implements: {# method: ID ID #}"
            yield Problem(where, 1, 1, LEVEL, message, ID)
            continue
        for unknown in dict.fromkeys(i for i in ids if i not in METHOD_IDS):
            message = f"unknown method ID '{unknown}' in the citation (known: {', '.join(METHOD_IDS)})"
            yield Problem(where, 1, 1, LEVEL, message, ID)
