"""The rules file must load: valid YAML, known keys and types, a sound tree.

Every schema problem (unknown key, wrong type, dangling reference, cycle,
unreachable node or outcome, bad regex, unknown signal or method ID) is
reported at its ``file:line:column``.

Passing::

    tree:
      - {id: is_complaint, when: unhappy, then: complaint, else: other}

Failing::

    tree:
      - {id: is_complaint, when: unhappy, then: complain, else: other}
    # 'complain' is neither a node nor an outcome: did you mean 'complaint'?
"""

from __future__ import annotations

from collections.abc import Iterator

from replykit.errors import RulesError
from replykit.lint.problem import Problem
from replykit.lint.target import Target

ID = "rules-invalid"
LEVEL = "error"


def check(target: Target) -> Iterator[Problem]:
    if target.rules is not None or target.load_error is None:
        return
    error = target.load_error
    if isinstance(error, RulesError):
        for location, message in error.problems:
            where = f"{location.keypath}: {message}" if location.keypath else message
            yield Problem(location.file, location.line, location.column, LEVEL, where, ID)
    else:
        yield Problem(target.display(target.rules_path), 0, 0, LEVEL, str(error), ID)
