"""Every reply template must be valid Jinja2.

Reported at ``template:line`` with Jinja's own message.

Passing::

    {% if author %}Hello {{ author }},{% endif %}

Failing::

    {% if author %}Hello {{ author }},
    # Unexpected end of template: Jinja was looking for 'endif'
"""

from __future__ import annotations

from collections.abc import Iterator

from replykit.lint.problem import Problem
from replykit.lint.target import Target

ID = "template-syntax"
LEVEL = "error"


def check(target: Target) -> Iterator[Problem]:
    from jinja2 import TemplateSyntaxError

    env = target.template_environment
    if env is None:
        return
    for path in target.template_files():
        try:
            env.parse(path.read_text("utf-8"), filename=str(path))
        except TemplateSyntaxError as exc:
            yield Problem(target.display(path), exc.lineno or 1, 1, LEVEL, exc.message or "syntax error", ID)
        except (OSError, UnicodeDecodeError) as exc:
            yield Problem(target.display(path), 0, 0, LEVEL, f"cannot read: {exc}", ID)
