"""The two Jinja environments replykit renders with, and nothing else.

* :func:`template_environment` renders reply template files. It is sandboxed,
  strict, and its loader reads only files that really lie inside the templates
  folder: ``..``, absolute names and symlinks that point outside are refused.
* :func:`rule_text_environment` renders short texts written in a rules file
  (a solution's answer). It has **no loader**: a rule pack shared by someone
  else cannot read a file of the folder it runs in and publish it in a reply.
  :func:`rule_text_problem` refuses ``include``, ``import``, ``from`` and
  ``extends`` when the rules are loaded, so the refusal has a location.

Comment text is never template source in either: it is only ever a variable.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from jinja2 import BaseLoader, Environment

_DICT_ATTRIBUTES = frozenset(dir(dict))  # names a dict answers as an attribute, before its items
_FILE_TAGS = {"Include": "include", "Import": "import", "FromImport": "from", "Extends": "extends"}


def _options() -> dict[str, Any]:
    from jinja2 import StrictUndefined

    return {
        "undefined": StrictUndefined,
        "autoescape": False,
        "trim_blocks": True,
        "lstrip_blocks": True,
        "keep_trailing_newline": False,
    }


def template_environment(templates_dir: Path, bytecode_cache: Any = None) -> Environment:
    """A sandboxed, strict environment whose loader stays inside ``templates_dir``."""
    from replykit.text.phrasing import phrasing

    env = _reading_environment()(
        loader=_folder_loader(templates_dir),
        bytecode_cache=bytecode_cache,
        auto_reload=False,  # templates do not change during a run; skip a stat per render
        **_options(),
    )
    env.globals["phrasing"] = phrasing
    return env


def _reading_environment() -> type[Environment]:
    """The sandbox, telling ``replykit.text.phrasing`` each read of an attribute or an item."""
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    from replykit.text import phrasing

    class ReadingEnvironment(ImmutableSandboxedEnvironment):
        def getattr(self, obj: Any, attribute: str) -> Any:
            # ``heard.subject`` on a plain dict: the sandbox would try the attribute first and
            # catch the AttributeError, then read the item; reading the item is the same, faster.
            if type(obj) is dict and attribute in obj and attribute not in _DICT_ATTRIBUTES:
                value = obj[attribute]
            else:
                value = super().getattr(obj, attribute)
            if phrasing.current is not None:
                phrasing.noted_read(obj, "a", attribute, value)
            return value

        def getitem(self, obj: Any, argument: Any) -> Any:
            value = super().getitem(obj, argument)
            if phrasing.current is not None:
                phrasing.noted_read(obj, "i", argument, value)
            return value

    return ReadingEnvironment


def rule_text_environment() -> Environment:
    """A sandboxed, strict environment with no loader: it can read no file at all."""
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    return ImmutableSandboxedEnvironment(loader=None, **_options())


def rule_text_problem(source: str) -> str | None:
    """Why ``source`` may not be rendered as rule text, or None when it may.

    Rule text may use variables, filters and conditions, but no tag that names
    another template (``include``, ``import``, ``from``, ``extends``).
    """
    from jinja2 import TemplateSyntaxError, nodes

    try:
        tree = rule_text_environment().parse(source)
    except TemplateSyntaxError as exc:
        return f"template syntax (line {exc.lineno} of the text): {exc.message}"
    for kind, tag in _FILE_TAGS.items():
        if next(tree.find_all(getattr(nodes, kind)), None) is not None:
            return (
                f"'{{% {tag} %}}' is not allowed in a rules file: rule text cannot read other files "
                "(put shared wording in a reply template instead)"
            )
    return None


def _folder_loader(templates_dir: Path) -> BaseLoader:
    from jinja2 import FileSystemLoader, TemplateError

    class OutsideTemplatesFolder(TemplateError):
        """A template name, or a symlink, that leads outside the templates folder."""

    class FolderLoader(FileSystemLoader):
        """FileSystemLoader that refuses any file whose real path leaves the folder."""

        def get_source(self, environment: Environment, template: str) -> tuple[str, str, Callable[[], bool]]:
            root = os.path.realpath(templates_dir)
            if template.startswith(("/", "\\")) or os.path.isabs(template) or ".." in template.split("/"):
                raise OutsideTemplatesFolder(_outside(template, templates_dir))
            source, filename, uptodate = super().get_source(environment, template)
            real = os.path.realpath(filename)
            if os.path.commonpath([root, real]) != root:
                raise OutsideTemplatesFolder(_outside(template, templates_dir, via_link=True))
            return source, filename, uptodate

    return FolderLoader(str(templates_dir))


def _outside(template: str, templates_dir: Path, *, via_link: bool = False) -> str:
    how = "it is a link to a file" if via_link else "the name points"
    return (
        f"template '{template}' refused: {how} outside {templates_dir}{os.sep} "
        "(a template may only include files inside its own templates folder)"
    )
