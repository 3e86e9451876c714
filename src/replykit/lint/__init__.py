"""Beside the pipeline, lint: rules, templates and replies checked against the method.

Holds the runner (``runner``), the tone and method review of one reply
(``tone``), the draft-check core of ``replykit check`` and ``reply --edit``
with its check levels (``draft``, ``editor``), what checks
look at (``target``, ``samples``, ``positions``, ``wording``, ``problem``)
and one module per check in ``checks/``, listed in its registry.

Each check is a module in ``replykit.lint.checks`` with an ``ID`` (kebab-case),
a ``LEVEL`` (error or warning), a docstring that is its documentation (with a
passing and a failing example), and ``check(target) -> Iterator[Problem]``.
The registry in ``replykit.lint.checks`` is explicit, as in yamllint: a check
exists when it is listed there.

May import: the pipeline, ``replykit.formats`` and ``replykit.batch``. Never
``measure`` or ``cli``.
"""

from __future__ import annotations

from replykit.lint.problem import LEVELS, Problem

__all__ = ["LEVELS", "Problem"]
