"""The ``lint:`` section: check levels and the tone word lists, validated with their positions.

Which check IDs exist is the business of ``replykit.lint`` (a later stage):
the schema checks the shape of ``lint.checks`` and each level, and the lint
runner reports an unknown check ID at its place.
"""

from __future__ import annotations

import re
from typing import Any

from replykit.rules.checker import Checker, type_name
from replykit.rules.model import LANG_KEYS, LANGS
from replykit.rules.yamlsrc import KeyPath
from replykit.text.saferegex import check_syntax

LINT_KEYS = ("checks", "tone")
LEVELS = ("error", "warning", "off")
# The word lists of ``lint.tone`` (replykit.lint.tone.LISTS says what each is for).
TONE_LISTS = (
    "aggressive",
    "defensive",
    "sarcasm",
    "blaming",
    "personal_data",
    "gesture",
    "empathy",
    "private_channel",
    "arguing",
    "charged",
)


def parse_lint(check: Checker, value: Any) -> dict[str, Any]:
    """The ``lint:`` mapping, as written, once every part of it is checked."""
    raw = check.mapping(value, ("lint",), LINT_KEYS)
    if "checks" in raw:
        _checks(check, raw["checks"], ("lint", "checks"))
    if "tone" in raw:
        _tone(check, raw["tone"], ("lint", "tone"))
    return raw


def _checks(check: Checker, value: Any, path: KeyPath) -> None:
    for check_id, item in check.mapping(value, path, None).items():
        where: KeyPath = (*path, check_id)
        if isinstance(item, dict):
            check.mapping(item, where, ("level",), required=("level",))
            item, where = item.get("level", "error"), (*where, "level")
        if item is not False:  # YAML reads an unquoted `off` as false
            check.choice(item, where, LEVELS)


def _tone(check: Checker, value: Any, path: KeyPath) -> None:
    for name, item in check.mapping(value, path, (*TONE_LISTS, "rewordings")).items():
        if name == "rewordings":
            _rewordings(check, item, (*path, name))
        elif name in TONE_LISTS:
            lists = check.mapping(item, (*path, name), ("terms", "patterns"))
            for key in ("terms", "patterns"):
                if key in lists:
                    _words(check, lists[key], (*path, name, key), regex=key == "patterns")


def _words(check: Checker, value: Any, path: KeyPath, *, regex: bool) -> None:
    for lang, items in check.mapping(value, path, LANG_KEYS).items():
        for i, text in enumerate(check.string_list(items, (*path, lang))):
            if regex and text:
                _regex(check, text, (*path, lang, i))


def _regex(check: Checker, source: str, path: KeyPath) -> None:
    try:
        re.compile(source, re.IGNORECASE)
    except re.error as exc:
        check.error(path, f"invalid regular expression: {exc}")
        return
    if problem := check_syntax(source):
        check.error(path, f"regular expression not supported: {problem}")


def _rewordings(check: Checker, value: Any, path: KeyPath) -> None:
    for lang, items in check.mapping(value, path, LANGS).items():
        for phrase, wording in check.mapping(items, (*path, lang), None).items():
            if not isinstance(phrase, str):
                check.error((*path, lang), f"a phrase to reword is a string, got {type_name(phrase)}")
            check.string(wording, (*path, lang, phrase))
