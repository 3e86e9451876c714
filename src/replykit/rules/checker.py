"""The validation helper every part of the rules schema uses: converts values, collects located problems."""

from __future__ import annotations

import difflib
import re
from typing import Any

from replykit.errors import Location
from replykit.rules.model import LANGS, METHOD_IDS, Localized
from replykit.rules.yamlsrc import KeyPath, YamlDocument

_ID = re.compile(r"^[A-Za-z_][A-Za-z0-9_.-]*$")


def did_you_mean(word: str, choices: tuple[str, ...] | list[str]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1)
    hint = f"did you mean '{close[0]}'? " if close else ""
    return f"{hint}expected one of: {', '.join(choices)}"


class Checker:
    """Walks the document, converting values and collecting located problems."""

    def __init__(self, doc: YamlDocument) -> None:
        self.doc = doc
        self.problems: list[tuple[Location, str]] = []
        # The members of the any_of and sum signals, each with its place:
        # checked once every signal, included ones too, is known.
        self.members: dict[str, list[tuple[str, Location]]] = {}

    def error(self, path: KeyPath, message: str) -> None:
        self.problems.append((self.doc.where(path), message))

    def mapping(
        self, value: Any, path: KeyPath, allowed: tuple[str, ...] | None, required: tuple[str, ...] = ()
    ) -> dict[str, Any]:
        if not isinstance(value, dict):
            self.error(path, f"expected a mapping, got {type_name(value)}")
            return {}
        for key in value:
            if allowed is not None and key not in allowed:
                self.error((*path, key), f"unknown key '{key}': {did_you_mean(key, allowed)}")
        for key in required:
            if key not in value:
                self.error(path, f"missing required key '{key}'")
        return value

    def sequence(self, value: Any, path: KeyPath) -> list[Any]:
        if not isinstance(value, list):
            self.error(path, f"expected a list, got {type_name(value)}")
            return []
        return value

    def string(self, value: Any, path: KeyPath, *, allow_empty: bool = False) -> str:
        if not isinstance(value, str):
            self.error(path, f"expected a string, got {type_name(value)}{_quote_hint(value)}")
            return ""
        if not str(value).strip() and not allow_empty:
            self.error(path, "must not be empty")
        return str(value)

    def number(self, value: Any, path: KeyPath) -> float:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self.error(path, f"expected a number, got {type_name(value)}")
            return 0.0
        return float(value)

    def boolean(self, value: Any, path: KeyPath) -> bool:
        if not isinstance(value, bool):
            self.error(path, f"expected true or false, got {type_name(value)}")
            return False
        return value

    def choice(self, value: Any, path: KeyPath, choices: tuple[str, ...]) -> str:
        text = self.string(value, path)
        if text and text not in choices:
            self.error(path, f"unknown value '{text}': {did_you_mean(text, choices)}")
        return text

    def identifier(self, value: Any, path: KeyPath) -> str:
        text = self.string(value, path)
        if text and not _ID.match(text):
            self.error(path, f"'{text}' is not a valid id (letters, digits, _ . -)")
        return text

    def methods(self, value: Any, path: KeyPath) -> tuple[str, ...]:
        items = [value] if isinstance(value, str) else self.sequence(value, path)
        out = []
        for i, item in enumerate(items):
            where = path if isinstance(value, str) else (*path, i)
            method_id = self.string(item, where)
            if method_id and method_id not in METHOD_IDS:
                self.error(where, f"unknown method ID '{method_id}': {did_you_mean(method_id, METHOD_IDS)}")
            out.append(method_id)
        return tuple(out)

    def localized(self, value: Any, path: KeyPath, *, allow_empty: bool = False) -> Localized:
        if isinstance(value, dict):
            self.mapping(value, path, LANGS)
            return {
                lang: self.string(text, (*path, lang), allow_empty=allow_empty)
                for lang, text in value.items()
                if lang in LANGS
            }
        return self.string(value, path, allow_empty=allow_empty)

    def per_lang(self, value: Any, path: KeyPath) -> dict[str, str]:
        """A text required in every language (or one text for all)."""
        text = self.localized(value, path)
        if isinstance(text, str):
            return dict.fromkeys(LANGS, text)
        for lang in LANGS:
            if lang not in text:
                self.error(path, f"missing the '{lang}' text")
        return text

    def string_list(self, value: Any, path: KeyPath) -> list[str]:
        return [self.string(item, (*path, i)) for i, item in enumerate(self.sequence(value, path))]


def _quote_hint(value: Any) -> str:
    # YAML 1.1 silently turns `no` into false and `01234567` into 342391.
    if isinstance(value, bool):
        return " (quote it: YAML reads yes/no/on/off as booleans)"
    if isinstance(value, (int, float)):
        return " (quote it: YAML reads unquoted digits as a number, and 0123 as octal)"
    return ""


def type_name(value: Any) -> str:
    names = {
        dict: "a mapping",
        list: "a list",
        str: "a string",
        bool: "a boolean",
        int: "a number",
        float: "a number",
        type(None): "nothing (null)",
    }
    return names.get(type(value), type(value).__name__)
