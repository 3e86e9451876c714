"""``replykit lint``: check rules and reply templates against the method.

Each check is a module in ``replykit.lint.checks`` with an ``ID`` (kebab-case),
a ``LEVEL`` (error or warning), a docstring that is its documentation (with a
passing and a failing example), and ``check(target) -> Iterator[Problem]``.
The registry below is explicit, as in yamllint: a check exists when it is
listed here.
"""

from __future__ import annotations

from replykit.lint.problem import LEVELS, Problem

__all__ = ["LEVELS", "Problem"]
