"""Finding a field in a record: dotted paths, and names matched without regard to case or accents.

``snippet.topLevelComment.snippet.textDisplay`` walks nested JSON objects; a
key that itself holds a dot (a CSV header ``Review.Title``) is found first.
``commentaire`` finds a ``Commentaire`` column when no other key reads the
same once case and accents are set aside; when several do, the choice is the
user's, so it is an error naming them.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from typing import Any

MISSING = object()  # a key that is absent, as opposed to a key holding null


class AmbiguousField(ValueError):
    """A field name matches several keys once case and accents are set aside."""

    def __init__(self, name: str, candidates: list[str]) -> None:
        super().__init__(f"'{name}' matches several fields: {', '.join(repr(c) for c in candidates)}; name one exactly")


def fold(name: str) -> str:
    """``name`` without case or accents: ``Catégorie`` -> ``categorie``."""
    decomposed = unicodedata.normalize("NFKD", name.strip())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def match_key(name: str, keys: Iterable[str]) -> str | None:
    """The key ``name`` designates: the same key, else the only one equal once folded.

    Raises:
        AmbiguousField: several keys fold to ``name``.
    """
    keys = list(keys)
    if name in keys:
        return name
    wanted = fold(name)
    found = [key for key in keys if isinstance(key, str) and fold(key) == wanted]
    if len(found) > 1:
        raise AmbiguousField(name, found)
    return found[0] if found else None


def get_path(data: Any, path: str) -> Any:
    """The value at ``path`` in ``data`` (dotted for nested objects), or :data:`MISSING`.

    Raises:
        AmbiguousField: a step of the path matches several keys.
    """
    if not isinstance(data, dict):
        return MISSING
    if path in data:  # the fast, usual case, and a key holding a dot
        return data[path]
    key = match_key(path, data)
    if key is not None:
        return data[key]
    head, dot, rest = path.partition(".")
    while dot:
        key = match_key(head, data)
        if key is not None:
            return get_path(data[key], rest)
        step, dot, rest = rest.partition(".")
        head = f"{head}.{step}"
    return MISSING


def first_path(data: Any, paths: Iterable[str]) -> Any:
    """The value at the first of ``paths`` present in ``data``, or :data:`MISSING`."""
    for path in paths:
        value = get_path(data, path)
        if value is not MISSING:
            return value
    return MISSING
