"""A solution whose terms are single words must say which questions or complaints it answers.

A solution is given when its terms are in the comment. With no ``asks`` (the
kinds of question it answers) and no ``fixes`` (the complaint aspects it
settles), it answers every question that contains one of its terms: a bare
word such as ``reset`` or ``hours`` then puts the answer under questions about
something else. Declaring ``asks:`` or ``fixes:`` lets the reply give it only
where it fits (docs/rules.md, "solutions").

Passing::

    - id: opening_hours
      asks: [hours]
      terms: {en: [hours, "are you open"]}

Failing::

    - id: opening_hours
      terms: {en: [hours, "are you open"]}
    # 'hours' is a single word and the solution has no asks or fixes: ...
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from replykit.lint.problem import Problem
from replykit.lint.target import Target

ID = "solution-too-generic"
LEVEL = "warning"


def check(target: Target) -> Iterator[Problem]:
    from replykit.lint.positions import document, position

    doc = document(target)
    solutions = doc.data.get("solutions") if doc is not None and isinstance(doc.data, dict) else None
    if not isinstance(solutions, list):
        return
    where = target.display(target.rules_path)
    for i, solution in enumerate(solutions):
        if not isinstance(solution, dict) or solution.get("asks") or solution.get("fixes"):
            continue
        for lang, k, term in _single_words(solution.get("terms")):
            line, column = position(target, ("solutions", i, "terms", lang, k))
            message = (
                f"'{term}' is a single word and solution '{solution.get('id')}' has no asks or fixes: it would"
                " answer every question that says it; declare asks: (question kinds) or fixes: (aspects)"
            )
            yield Problem(where, line, column, LEVEL, message, ID)


def _single_words(terms: Any) -> Iterator[tuple[str, int, str]]:
    if not isinstance(terms, dict):
        return
    for lang, items in terms.items():
        for k, term in enumerate(items if isinstance(items, list) else []):
            if isinstance(term, str) and len(term.rstrip("*").split()) == 1:
                yield lang, k, term
