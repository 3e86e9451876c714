"""Every outcome's examples must reach that outcome through the tree.

Each ``outcomes.<id>.examples`` entry is triaged in its own language; one
that ends elsewhere is reported at its place in the rules file with the path
it took. An outcome that sits behind a ``{policy: NAME}`` node is tried with
that policy set the way that leads to it. This makes the tree's own tests
part of lint.

Passing::

    outcomes:
      complaint:
        examples: {en: ["I want a refund"]}   # 'refund*' fires 'unhappy'

Failing::

    outcomes:
      complaint:
        examples: {en: ["Nice shop"]}
    # example went to 'other' via is_complaint:no -> is_question:no
"""

from __future__ import annotations

import copy
from collections.abc import Iterator

from replykit.lint.problem import Problem
from replykit.lint.target import Target
from replykit.rules.model import LANGS, Rules

ID = "example-misrouted"
LEVEL = "error"


def check(target: Target) -> Iterator[Problem]:
    from replykit.errors import ReplykitError
    from replykit.lint.positions import position
    from replykit.triage.walk import triage

    rules = target.rules
    if rules is None:
        return
    where = target.display(target.rules_path)
    for outcome in rules.outcomes.values():
        routed = with_policy_for(rules, outcome.id)
        for lang in LANGS:
            for i, text in enumerate(outcome.examples.get(lang, ())):
                line, column = position(target, ("outcomes", outcome.id, "examples", lang, i))
                try:
                    result = triage(routed, text, lang=lang)
                except ReplykitError as exc:
                    yield Problem(where, line, column, LEVEL, f"example cannot be triaged: {exc}", ID)
                    continue
                if result.outcome.id == outcome.id:
                    continue
                path = " -> ".join(f"{step.node}:{'yes' if step.result else 'no'}" for step in result.path)
                message = (
                    f"{lang} example {text[:60]!r} of outcome '{outcome.id}' went to "
                    f"'{result.outcome.id}' via {path or 'no node'}"
                )
                yield Problem(where, line, column, LEVEL, message, ID)


def with_policy_for(rules: Rules, outcome_id: str) -> Rules:
    """The rules with each policy set so that a ``{policy: NAME}`` node leads to ``outcome_id``."""
    policy = dict(rules.policy)
    for node in rules.tree:
        if node.when[0] == "policy":
            if node.otherwise == outcome_id:
                policy[node.when[1]] = False
            elif node.then == outcome_id:
                policy[node.when[1]] = True
    if policy == rules.policy:
        return rules
    changed = copy.copy(rules)
    changed.policy = policy
    return changed
