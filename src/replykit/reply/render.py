"""Render reply templates with Jinja2, safely.

Templates are trusted-ish files the user controls; comment text is not. The
environment is sandboxed (a shared template cannot reach Python internals),
undefined variables are errors (a typo never posts "Hello ,"), and the
comment is never part of a template source, so ``{{ }}`` in a comment stays
text.
"""

from __future__ import annotations

import functools
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from replykit.errors import TemplateError
from replykit.rules.model import Outcome
from replykit.text.jinjaenv import rule_text_environment, template_environment

if TYPE_CHECKING:
    from jinja2 import Environment

PLATFORM_LIMITS = {"x": 280, "twitter": 280, "threads": 500, "bluesky": 300, "mastodon": 500}
_BLANK_RUNS = re.compile(r"\n{3,}")
_environments: dict[str, Environment] = {}


def environment(templates_dir: Path) -> Environment:
    """One sandboxed, strict environment per templates folder, reused."""
    # Keyed on the absolute spelling (no symlink resolution: it costs stat calls per comment).
    key = str(templates_dir) if templates_dir.is_absolute() else os.path.join(os.getcwd(), templates_dir)
    if key not in _environments:
        _environments[key] = _make_environment(templates_dir)
    return _environments[key]


def _make_environment(templates_dir: Path) -> Environment:
    from jinja2 import FileSystemBytecodeCache

    return template_environment(templates_dir, _bytecode_cache(FileSystemBytecodeCache))


def _bytecode_cache(factory: Any) -> Any:
    import os

    from replykit.rules.load import cache_dir

    if os.environ.get("REPLYKIT_NO_CACHE"):
        return None
    folder = cache_dir() / "templates"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return factory(str(folder))


def template_name(outcome: Outcome, kind: str, lang: str) -> str:
    return f"{lang}/{outcome.templates[kind][lang]}"


def check_templates(outcomes: dict[str, Outcome], templates_dir: Path, checked: set[str]) -> None:
    """Fail early, with the rules location, if any outcome lacks a template file.

    ``checked`` remembers the folders already verified for these outcomes.

    Raises:
        TemplateError: one line per missing file.
    """
    key = str(templates_dir)
    if key in checked:
        return
    missing = [
        f"{outcome.origin}: template '{name}' not found in {templates_dir}"
        for outcome in outcomes.values()
        for kind in ("public", "private")
        for lang in outcome.templates[kind]
        if not (templates_dir / (name := template_name(outcome, kind, lang))).is_file()
    ]
    if missing:
        raise TemplateError("\n".join(missing))
    checked.add(key)


def render(templates_dir: Path, outcome: Outcome, kind: str, lang: str, context: dict[str, Any]) -> str:
    """Render the ``kind`` (public or private) template of ``outcome`` in ``lang``.

    Raises:
        TemplateError: the template is missing, broken, or uses an unknown variable.
    """
    from jinja2 import TemplateError as JinjaError
    from jinja2 import TemplateNotFound, TemplateSyntaxError

    name = template_name(outcome, kind, lang)
    try:
        template = environment(templates_dir).get_template(name)
        text = template.render(context)
    except TemplateNotFound:
        where = f"{outcome.origin}: " if outcome.origin else ""
        raise TemplateError(f"{where}template '{name}' not found in {templates_dir}") from None
    except TemplateSyntaxError as exc:
        raise TemplateError(f"{templates_dir / name}:{exc.lineno}: template syntax: {exc.message}") from None
    except Exception as exc:  # a Jinja error, or an expression failing at run time ({{ 1 // 0 }})
        where = f"{templates_dir / name}:{_template_line(exc, name)}"
        detail = str(exc) if isinstance(exc, JinjaError) else f"{type(exc).__name__}: {exc}"
        raise TemplateError(f"{where}: cannot render: {detail}") from None
    return tidy(text)


def _template_line(exc: BaseException, name: str) -> int:
    """The template line an error happened on (Jinja rewrites tracebacks to point there)."""
    line, tb = 0, exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename.replace("\\", "/").endswith(name):
            line = tb.tb_lineno
        tb = tb.tb_next
    return line or 1


def tidy(text: str) -> str:
    """Trim lines and collapse runs of blank lines left by template logic."""
    lines = [line.rstrip() for line in text.strip().splitlines()]
    return _BLANK_RUNS.sub("\n\n", "\n".join(lines))


_solution_templates: dict[str, Any] = {}


@functools.cache
def _rule_text_env() -> Environment:
    return rule_text_environment()


def _solution_template(source: str) -> Any:
    # Compiled once per text: a batch renders the same few quick fixes thousands of times.
    # Rule text gets the loader-less environment: it can never read a file.
    if source not in _solution_templates:
        _solution_templates[source] = _rule_text_env().from_string(source)
    return _solution_templates[source]


def render_string(source: str, context: dict[str, Any]) -> str:
    """Render a short template written in rules.yaml (a solution's answer)."""
    from jinja2 import TemplateError as JinjaError

    try:
        return tidy(_solution_template(source).render(context))
    except Exception as exc:  # a Jinja error, or an expression failing at run time
        detail = str(exc) if isinstance(exc, JinjaError) else f"{type(exc).__name__}: {exc}"
        raise TemplateError(f"cannot render solution text {source[:40]!r}: {detail}") from None
