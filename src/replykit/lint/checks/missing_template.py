"""Every outcome needs its public and private template in each language.

An outcome ``complaint`` uses ``en/complaint.public.j2``,
``en/complaint.private.j2``, ``fr/complaint.public.j2`` and
``fr/complaint.private.j2`` under the templates folder (or the names its
``templates:`` key gives). A missing file is reported at the outcome in the
rules file.

Passing::

    outcomes:
      complaint: {category: complaint, action: reply_private}
    # templates/en/complaint.public.j2, en/complaint.private.j2,
    # fr/complaint.public.j2 and fr/complaint.private.j2 all exist

Failing::

    outcomes:
      complaint: {category: complaint, action: reply_private}
    # templates/fr/complaint.private.j2 does not exist
    # outcome 'complaint' has no private template in fr: fr/complaint.private.j2 not found in templates
"""

from __future__ import annotations

from collections.abc import Iterator

from replykit.lint.problem import Problem
from replykit.lint.target import Target
from replykit.rules.model import LANGS

ID = "missing-template"
LEVEL = "error"


def check(target: Target) -> Iterator[Problem]:
    from replykit.lint.positions import origin_position

    rules, folder = target.rules, target.templates_dir
    if rules is None or folder is None:
        return
    where = target.display(target.rules_path)
    for outcome in rules.outcomes.values():
        line, column = origin_position(outcome.origin)
        for kind in ("public", "private"):
            for lang in LANGS:
                file = outcome.templates[kind].get(lang)
                if file is None:
                    message = f"outcome '{outcome.id}' declares no {kind} template in {lang}"
                elif not (folder / lang / file).is_file():
                    message = (
                        f"outcome '{outcome.id}' has no {kind} template in {lang}: "
                        f"{lang}/{file} not found in {target.display(folder)}"
                    )
                else:
                    continue
                yield Problem(where, line, column, LEVEL, message, ID)
