"""Text normalisation shared by the matchers and the language detector.

Matching is case- and accent-insensitive: "Remboursé" and "rembourse" are the
same word. Normalisation maps one character to one character wherever it can,
so a match in the normalised text points back at the same span of the
original and the user sees the words they wrote.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_TOKEN = re.compile(r"[^\W_]+|[^\w\s\x00-\x7f]")
_ASCII_TOKEN = re.compile(r"[A-Za-z0-9]+")  # the same tokens when the text is ASCII, found faster
_APOSTROPHES = str.maketrans({"’": "'", "`": "'", "ʼ": "'"})


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    decomposed = unicodedata.normalize("NFKD", char)
    base = "".join(c for c in decomposed if not unicodedata.combining(c))
    return base.lower() if len(base.lower()) == 1 else char.lower()


class _FoldTable(dict[int, str]):
    """A lazy ``str.translate`` table: folds each character once, then caches it."""

    def __missing__(self, code: int) -> str:
        folded = _fold_char(chr(code))
        self[code] = folded
        return folded


_FOLD = _FoldTable()


def fold(text: str) -> str:
    """Lower-case and strip accents: ``"Écœuré"`` becomes ``"ecœure"``."""
    if text.isascii():
        return text.lower()
    return text.translate(_FOLD)


def normalize(text: str) -> str:
    """Fold ``text`` and unify apostrophes; the result has the same length."""
    if text.isascii():  # most comments: two C calls instead of a lookup per character
        return text.replace("`", "'").lower()
    return fold(text.translate(_APOSTROPHES))


def tokenize(normalized: str) -> list[str]:
    """Words (letters and digits) and single symbols such as emoji.

    English "n't" becomes a separate "not" ("don't" gives "do", "not") so that
    negation handling sees it.
    """
    tokens = (_ASCII_TOKEN if normalized.isascii() else _TOKEN).findall(normalized)
    if "n't" in normalized:
        tokens = [tok for tok, _, _ in _split_not(token_spans_raw(normalized))]
    return tokens


def token_spans(normalized: str) -> list[tuple[str, int, int]]:
    """Tokens (as :func:`tokenize`) with their character span in ``normalized``."""
    spans = token_spans_raw(normalized)
    return _split_not(spans) if "n't" in normalized else spans


def token_offsets(normalized: str, tokens: list[str], upto: int | None = None) -> list[tuple[str, int, int]]:
    """The same as :func:`token_spans`, from tokens already found (several times faster).

    Tokens appear in order, so each is the next occurrence after the previous
    one. With ``upto``, only the spans of the first ``upto + 1`` tokens (or
    more) are worked out: evidence rarely needs the end of a long comment.
    """
    spans: list[tuple[str, int, int]] = []
    position, find = 0, normalized.find
    split_not = "n't" in normalized  # "not" stands for the "n't" of "don't", right where "do" ends
    for token in tokens if upto is None else tokens[: upto + 1]:
        if not token:  # a lone "n't" leaves an empty word before its "not": rare, done the long way
            return token_spans(normalized)
        if split_not and token == "not" and normalized.startswith("n't", position):
            start, position = position, position + 3
        else:
            start = find(token, position)
            position = start + len(token)
        spans.append((token, start, position))
    return spans


def token_spans_raw(normalized: str) -> list[tuple[str, int, int]]:
    return [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(normalized)]


def _split_not(spans: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    out: list[tuple[str, int, int]] = []
    for tok, start, end in spans:
        prev = out[-1] if out else None
        if tok == "t" and prev and prev[0].endswith("n") and prev[2] == start - 1:
            out[-1] = (prev[0][:-1], prev[1], prev[2] - 1)
            tok, start = "not", prev[2] - 1
        out.append((tok, start, end))
    return out


_UNPRINTABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """Show control characters and bidi overrides as ``\\x1b``-style escapes.

    Comment text is untrusted: an ANSI or OSC sequence in it must reach the
    terminal as visible text, never as a command. Newlines and tabs stay.
    """
    return _UNPRINTABLE.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
