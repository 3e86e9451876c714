"""Templates may only use the variables the renderer provides.

Every outcome's public and private templates are rendered under
``StrictUndefined`` with sample contexts (each language, platform, author,
topic and quick fix); a variable or attribute the renderer does not provide
is reported at ``template:line``, once per template and variable. The
variables are documented in docs/templates.md.

Passing::

    Hello {{ author }}, call us on {{ profile.phone }} ({{ case_ref }}).

Failing::

    Hello {{ customer_name }}, call us on {{ profile.fax }}.
    # variable 'customer_name' is not provided by the renderer
    # variable 'profile.fax' is not provided by the renderer
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from replykit.lint.problem import Problem
from replykit.lint.target import Target

ID = "template-undefined"
LEVEL = "error"

MAX_PER_RENDER = 20
_UNDEFINED = re.compile(r"^'([^']+)' is undefined$")
_ATTRIBUTE = re.compile(r"has no attribute '([^']+)'$")


def check(target: Target) -> Iterator[Problem]:
    from jinja2 import TemplateSyntaxError

    from replykit.lint.samples import samples
    from replykit.reply.render import environment, template_name

    rules, folder = target.rules, target.templates_dir
    if rules is None or folder is None:
        return
    env = environment(folder)
    found: dict[tuple[str, str], int] = {}
    broken: set[str] = set()
    for sample in samples(rules):
        for kind in ("public", "private"):
            name = template_name(sample.outcome, kind, sample.lang)
            if name in broken or not (folder / name).is_file():
                continue  # missing-template and template-syntax report these
            try:
                for variable, line in _undefined(env, folder, name, sample.context):
                    found.setdefault((name, variable), line)
            except TemplateSyntaxError:
                broken.add(name)
    for (name, variable), line in sorted(found.items()):
        message = f"variable '{variable}' is not provided by the renderer (see docs/templates.md)"
        yield Problem(target.display(folder / name), line, 1, LEVEL, message, ID)


def _undefined(env: Any, folder: Path, name: str, context: dict[str, Any]) -> list[tuple[str, int]]:
    """Every undefined variable one render meets: each is stubbed in turn and the render retried."""
    from jinja2 import ChainableUndefined, UndefinedError

    from replykit.reply.render import _template_line

    template = env.get_template(name)
    copied = False
    found: list[tuple[str, int]] = []
    for _ in range(MAX_PER_RENDER):
        try:
            template.render(context)
        except UndefinedError as exc:
            line = _template_line(exc, name)
            variable = _variable(env, folder / name, line, exc.message or "")
            found.append((variable, line))
            if not copied:
                context, copied = copy.deepcopy(context), True
            if not _stub(context, variable, ChainableUndefined(name=variable)):
                break
        except Exception:  # other run-time failures are not this check's business
            break
        else:
            break
    return found


def _stub(context: dict[str, Any], variable: str, value: Any) -> bool:
    """Define ``variable`` (``name`` or ``name.attr``) in ``context``; False when it cannot be."""
    *parents, last = variable.split(".")
    holder: Any = context
    for part in parents:
        holder = holder.get(part) if isinstance(holder, dict) else None
    if not isinstance(holder, dict) or last in holder:
        return False
    holder[last] = value
    return True


def _variable(env: Any, path: Path, line: int, message: str) -> str:
    """The undefined name as written in the template: ``author``, ``profile.fax``."""
    plain = _UNDEFINED.match(message)
    if plain:
        return plain.group(1)
    attribute = _ATTRIBUTE.search(message)
    if not attribute:
        return message
    attr = attribute.group(1)
    return _dotted(env, path, line, attr) or attr


def _dotted(env: Any, path: Path, line: int, attr: str) -> str | None:
    from jinja2 import nodes

    try:
        tree = env.parse(path.read_text("utf-8"))
    except Exception:
        return None
    candidates: list[Any] = [
        node for node in tree.find_all((nodes.Getattr, nodes.Getitem)) if node.lineno == line and _key(node) == attr
    ]
    for node in candidates:
        parts = [attr]
        inner = node.node
        while isinstance(inner, (nodes.Getattr, nodes.Getitem)) and _key(inner) is not None:
            parts.append(str(_key(inner)))
            inner = inner.node
        if isinstance(inner, nodes.Name):
            parts.append(inner.name)
            return ".".join(reversed(parts))
    return None


def _key(node: Any) -> str | None:
    from jinja2 import nodes

    if isinstance(node, nodes.Getattr):
        return str(node.attr)
    if isinstance(node.arg, nodes.Const):
        return str(node.arg.value)
    return None
