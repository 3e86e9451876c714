"""The profile must be the business's own, not the shipped example's.

The built-in rules.yaml signs replies as a fictional "Atelier Exemple"
(phone +33 1 23 45 67 89, contact@atelier-exemple.fr,
https://atelier-exemple.fr, "Camille, Atelier Exemple"), so that replykit
answers out of the box. Every reply would send customers to that business.
Each profile field still equal to the example's is an error: run
``replykit init`` (or edit ``profile:``) to give your own. The replykit
repository itself, whose rules.yaml ships the example, lints with
``--allow-example-profile``.

Passing::

    profile:
      brand: "Atelier Lune"
      phone: "01 98 76 54 32"

Failing::

    profile:
      brand: "Atelier Exemple"
    # profile.brand is the example business's ('Atelier Exemple'): ...
"""

from __future__ import annotations

from collections.abc import Iterator

from replykit.lint.problem import Problem
from replykit.lint.target import Target

ID = "example-profile"
LEVEL = "error"


def check(target: Target) -> Iterator[Problem]:
    from replykit.lint.positions import position
    from replykit.rules.example import example_fields

    if target.rules is None:
        return
    where = target.display(target.rules_path)
    for field in example_fields(target.rules.profile):
        line, column = position(target, ("profile", field))
        message = (
            f"profile.{field} is the example business's ({_shown(target.rules.profile[field])}): replies would"
            " send customers to a fictional business; run `replykit init` or edit the profile to use your own"
        )
        yield Problem(where, line, column, LEVEL, message, ID)


def _shown(value: object) -> str:
    text = value if isinstance(value, str) else next(iter(value.values()), "") if isinstance(value, dict) else ""
    return repr(str(text))
