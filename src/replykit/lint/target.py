"""What the checks look at: one rules file and its templates, loaded once and shared."""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import Any

from replykit.errors import ReplykitError
from replykit.rules.model import LANGS, Rules


class Target:
    """A rules file with its templates folder; each property is computed once."""

    def __init__(self, rules_path: Path, templates: Path | None = None) -> None:
        self.rules_path = rules_path
        self._templates = templates
        self.load_error: ReplykitError | None = None

    @cached_property
    def rules(self) -> Rules | None:
        """The compiled rules, or None (with ``load_error`` set) when they do not load."""
        from replykit.rules.load import load_rules

        try:
            return load_rules(self.rules_path, use_cache=False)
        except ReplykitError as exc:
            self.load_error = exc
        return None

    @cached_property
    def templates_dir(self) -> Path | None:
        from replykit.reply.suggestion import templates_dir_for

        if self.rules is None:
            return self._templates
        try:
            return templates_dir_for(self.rules, self._templates)
        except ReplykitError:
            return None

    @cached_property
    def template_environment(self) -> Any:
        """The Jinja environment replies render with for this templates folder, or None without one."""
        from replykit.reply.render import environment

        folder = self.templates_dir
        return environment(folder) if folder is not None else None

    @cached_property
    def config(self) -> dict[str, Any]:
        """The rules file's ``lint:`` section (check levels, word lists)."""
        return dict(self.rules.lint) if self.rules is not None else {}

    def template_files(self) -> list[Path]:
        folder = self.templates_dir
        if folder is None or not folder.is_dir():
            return []
        return sorted(p for lang in LANGS for p in (folder / lang).glob("*.j2"))

    def display(self, path: Path) -> str:
        """A path as the user gave it: relative to the working directory when possible."""
        try:
            return str(path.relative_to(Path.cwd()))
        except ValueError:
            return str(path)
