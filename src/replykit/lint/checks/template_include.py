"""A template may include, import or extend only files inside its own templates folder.

A template shared by someone else could otherwise copy any file it can name
(``../rules.yaml``, ``/home/you/.env``, or a symlink placed in ``templates/``
that points elsewhere) into a public reply. Rendering refuses such a file
too; this check reports it before any reply is made. Names built at run time
(``{% include name_var %}``) cannot be checked here and are refused when
rendered.

Passing::

    {% include 'en/_signature.j2' %}

Failing::

    {% include '../rules.yaml' %}
    # template '../rules.yaml' refused: the name points outside the templates folder
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from replykit.lint.problem import Problem
from replykit.lint.target import Target

ID = "template-include"
LEVEL = "error"


def check(target: Target) -> Iterator[Problem]:
    env = target.template_environment
    if env is None:
        return
    for path in target.template_files():
        for line, message in _refused_names(env, path):
            yield Problem(target.display(path), line, 1, LEVEL, message, ID)


def _refused_names(env: Any, path: Path) -> Iterator[tuple[int, str]]:
    from jinja2 import TemplateError, TemplateNotFound, TemplateSyntaxError, nodes

    try:
        tree = env.parse(path.read_text("utf-8"), filename=str(path))
    except (TemplateSyntaxError, OSError, UnicodeDecodeError):
        return  # template-syntax reports it
    for node in tree.find_all((nodes.Include, nodes.Import, nodes.FromImport, nodes.Extends)):
        if not isinstance(node.template, nodes.Const) or not isinstance(node.template.value, str):
            continue
        try:
            env.loader.get_source(env, node.template.value)
        except TemplateNotFound:
            yield node.lineno, f"template '{node.template.value}' not found in the templates folder"
        except TemplateError as exc:
            yield node.lineno, str(exc.message)
