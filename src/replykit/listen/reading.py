"""One comment, read once for the listening stage: folded text, words, clauses, vocabulary hits.

Every concern (aspects, object, facts, channels, people, ask) reads the same
:class:`Reading`, so the comment is normalised, tokenised and scanned for all
the listening vocabularies only once. Positions are token indexes; ``words``
turns them back into the customer's own characters.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from replykit.rules.model import Hit
from replykit.text.normalize import normalize, token_offsets, tokenize

if TYPE_CHECKING:
    from replykit.rules.model import Rules

MAX_CHARS = 20_000  # as triage: a huge paste is read on its head
# What ends a clause between two words: punctuation, and the words that turn a sentence around.
_CLAUSE_MARKS = frozenset(".!?;,:\n()")
_SENTENCE_MARKS = frozenset(".!?\n")
_TURNS = frozenset({"mais", "but", "however", "cependant", "pourtant", "although", "though", "sauf", "except",
                    "whereas", "tandis", "alors"})  # fmt: skip
NO_HITS: list[Hit] = []
# One compiled search per set of marks: the comment is scanned once in C, not once per gap between words.
_MARKS = {marks: re.compile("|".join(map(re.escape, sorted(marks)))) for marks in (_CLAUSE_MARKS, _SENTENCE_MARKS)}


def _without_exceptions(hits: dict[str, list[Hit]]) -> dict[str, list[Hit]]:
    """The hits of each word list minus those inside one of its ``except:`` phrases ("bon cadeau", "kind of")."""
    for name in [name for name in hits if name.startswith("except:")]:
        unless = hits.pop(name)
        target = name[7:]
        if target in hits:
            hits[target] = [
                hit for hit in hits[target] if not any(u.start <= hit.start <= hit.end <= u.end for u in unless)
            ]
    return hits


class Reading:
    """The comment as the listening concerns see it."""

    def __init__(self, rules: Rules, text: str, lang: str) -> None:
        self.text = text[:MAX_CHARS]
        self.lang = lang
        self.norm = normalize(self.text)
        self.tokens = tokenize(self.norm)
        vocab = rules.listening
        self.hits: dict[str, list[Hit]] = {}
        if vocab is not None and self.tokens:
            exceptions = rules.negation_exceptions.get(lang, frozenset())
            self.hits = _without_exceptions(vocab.lexicon.scan(self.tokens, lang, rules.negators[lang], exceptions))
        self._spans: list[tuple[str, int, int]] | None = None
        self._clauses: list[int] | None = None
        self._sentences: list[int] | None = None

    def found(self, name: str) -> list[Hit]:
        return self.hits.get(name, NO_HITS)

    @property
    def spans(self) -> list[tuple[str, int, int]]:
        if self._spans is None:
            self._spans = token_offsets(self.norm, self.tokens)
        return self._spans

    def words(self, start: int, end: int) -> str:
        """The customer's characters from token ``start`` to token ``end`` (inclusive)."""
        spans = self.spans
        source = self.text if len(self.text) == len(self.norm) else self.norm
        return source[spans[start][1] : spans[end][2]]

    def token_at(self, offset: int) -> int:
        """The index of the token that starts at character ``offset``, or -1."""
        for i, (_, start, _) in enumerate(self.spans):
            if start >= offset:
                return i if start == offset else -1
        return -1

    @property
    def clauses(self) -> list[int]:
        """A clause number for each token: punctuation and "mais"/"but" start a new one."""
        if self._clauses is None:
            self._clauses = self._numbered(_CLAUSE_MARKS, _TURNS)
        return self._clauses

    @property
    def sentences(self) -> list[int]:
        """A sentence number for each token."""
        if self._sentences is None:
            self._sentences = self._numbered(_SENTENCE_MARKS, frozenset())
        return self._sentences

    def _numbered(self, marks: frozenset[str], turns: frozenset[str]) -> list[int]:
        """A number per token, one more after a mark between two tokens or at a turning word."""
        found = _MARKS[marks].finditer(self.norm)
        at = [m.start() for m in found]
        out, number, k, count = [], 0, 0, len(at)
        for token, start, end in self.spans:
            if (k < count and at[k] < start) or token in turns:
                number += 1
            while k < count and at[k] < end:
                k += 1  # marks before this token, and inside it, are spent
            out.append(number)
        return out
