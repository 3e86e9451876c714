"""Which matched solutions a reply may give: the ones that answer what was asked or settle the complaint.

A solution's terms only say that the comment mentions its subject. Given
under a complaint it does not fix, its answer reads as a reproach ("cakes
are ordered 48 h ahead" under a birthday cake that never came), so a
solution is kept only:

- under a question, when it declares no ``asks`` nor ``fixes``, or the
  question's kind is one of its ``asks``, or an aspect heard is one of its
  ``fixes``;
- under a complaint that is not escalated, when an aspect heard is one of its
  ``fixes``.

Praise, general opinions, moderation and crises get no solution.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from replykit.listen.model import Heard
    from replykit.rules.model import Rules, Solution
    from replykit.triage.walk import Triage


def relevant_solutions(rules: Rules, result: Triage, heard: Heard) -> tuple[str, ...]:
    """The ids of the solutions matched in ``result`` that fit what the customer said."""
    if not result.solution_ids:
        return ()
    aspects = {aspect.id for aspect in heard.aspects}
    kind = heard.ask.kind if heard.ask else ""
    by_id = {solution.id: solution for solution in rules.solutions}
    outcome = result.outcome
    return tuple(
        sid for sid in result.solution_ids if _fits(by_id[sid], outcome.category, outcome.escalate, kind, aspects)
    )


def _fits(solution: Solution, category: str, escalate: bool, kind: str, aspects: set[str]) -> bool:
    fixes_it = bool(aspects.intersection(solution.fixes))
    if category == "question":
        return (not solution.asks and not solution.fixes) or kind in solution.asks or fixes_it
    return category == "complaint" and not escalate and fixes_it
