"""Every template has its twin in the other language, using the same variables.

``templates/fr/complaint.public.j2`` needs ``templates/en/complaint.public.j2``
and the reverse; the twins must use the same set of variables (a French
reply that names the quick fix while the English one forgets it is a bug in
one of them).

Passing::

    en/praise.public.j2:  Thank you {{ author }}! {{ profile.signature }}
    fr/praise.public.j2:  Merci {{ author }} ! {{ profile.signature }}

Failing::

    en/praise.public.j2:  Thank you {{ author }}! {{ profile.signature }}
    fr/praise.public.j2:  Merci ! {{ profile.signature }}
    # fr/praise.public.j2 and en/praise.public.j2 use different variables: only in en: author
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from replykit.lint.problem import Problem
from replykit.lint.target import Target
from replykit.rules.model import LANGS

ID = "template-twin"
LEVEL = "error"
NAMES = {"en": "English", "fr": "French"}


def check(target: Target) -> Iterator[Problem]:
    folder, env = target.templates_dir, target.template_environment
    if folder is None:
        return
    by_name: dict[str, dict[str, Path]] = {}
    for path in target.template_files():
        by_name.setdefault(path.name, {})[path.parent.name] = path
    for name, twins in sorted(by_name.items()):
        for lang in LANGS:
            if lang not in twins:
                here = next(p for other, p in sorted(twins.items()) if other != lang)
                message = f"no {NAMES[lang]} twin: {lang}/{name} not found in {target.display(folder)}"
                yield Problem(target.display(here), 1, 1, LEVEL, message, ID)
        if len(twins) == len(LANGS):
            yield from _compare(target, env, twins)


def _compare(target: Target, env: Any, twins: dict[str, Path]) -> Iterator[Problem]:
    used = {lang: _variables(env, path) for lang, path in twins.items()}
    if any(names is None for names in used.values()):
        return  # template-syntax reports it
    first, second = LANGS
    only = {lang: sorted(used[lang] - used[other]) for lang, other in ((first, second), (second, first))}  # type: ignore[operator]
    if not any(only.values()):
        return
    detail = "; ".join(f"only in {lang}: {', '.join(names)}" for lang, names in only.items() if names)
    message = f"{second}/{twins[second].name} and {first}/{twins[first].name} use different variables: {detail}"
    yield Problem(target.display(twins[second]), 1, 1, LEVEL, message, ID)


def _variables(env: Any, path: Path) -> set[str] | None:
    from jinja2 import TemplateSyntaxError, meta

    try:
        return set(meta.find_undeclared_variables(env.parse(path.read_text("utf-8"))))
    except (TemplateSyntaxError, OSError, UnicodeDecodeError):
        return None
