"""Signal detectors: lexicons, regex patterns, text statistics, record fields.

All lexicon signals of a language share one index, so a comment is scanned
once whatever the number of signals: each token is looked up as an exact word
and as the stems of its prefixes, and phrase tails are checked only on a hit.
"""

from __future__ import annotations

import re
from functools import partial
from typing import Any, NamedTuple

from replykit.rules.model import LANGS, Signal, Term
from replykit.text.saferegex import BoundedPattern, PatternStopped

Entry = tuple[str, Term]  # (signal name, term)


class Hit(NamedTuple):
    """One matched term (or regex match) with its span in the comment."""

    text: str  # the term as written in rules.yaml, or the regex match
    weight: float
    negated: bool
    start: int
    end: int


# Words of a link ("https", "t", "co" of t.co): they are not the comment's language.
_URL_PIECES = frozenset({"http", "https", "www", "com", "co", "org", "net", "fr", "ly", "bit", "url"})
_STRETCHED = re.compile(r"([^\W\d_])\1{2,}")  # a letter written three times or more in a row

# Hit(...) runs a Python-level __new__; this builds the same named tuple in C.
_new_hit = partial(tuple.__new__, Hit)


class _LangIndex:
    def __init__(self) -> None:
        self.exact: dict[str, list[Entry]] = {}
        self.stems: dict[str, list[Entry]] = {}
        # Phrases starting with two plain words, found by that pair: a phrase
        # starting with "i" or "not" would otherwise be tried at every "i".
        self.pairs: dict[tuple[str, str], list[Entry]] = {}
        self.stem_lengths: tuple[int, ...] = ()

    def add(self, name: str, term: Term) -> None:
        (first, is_stem), *rest = term.tokens
        if rest and not is_stem and not rest[0][1]:
            self.pairs.setdefault((first, rest[0][0]), []).append((name, term))
            return
        table = self.stems if is_stem else self.exact
        table.setdefault(first, []).append((name, term))

    def freeze(self) -> None:
        self.stem_lengths = tuple(sorted({len(stem) for stem in self.stems}))
        self.pair_starts = frozenset(first for first, _ in self.pairs)
        self.memo: dict[str, list[Entry]] = {}

    def candidates(self, token: str) -> list[Entry]:
        """The terms whose first word is ``token`` or a stem of it (memoised: words repeat).

        A word stretched for emphasis ("nuuuul", "meeeerde", "sooooo") is also
        looked up with each run of three or more letters cut to one and to two.
        """
        found = self.memo.get(token)
        if found is None:
            found = self._lookup(token)
            if _STRETCHED.search(token):
                for variant in dict.fromkeys((_STRETCHED.sub(r"\1", token), _STRETCHED.sub(r"\1\1", token))):
                    found = found + [entry for entry in self._lookup(variant) if entry not in found]
            if len(self.memo) > 100_000:  # a bound for endless batches
                self.memo.clear()
            self.memo[token] = found
        return found

    def _lookup(self, token: str) -> list[Entry]:
        found = self.exact.get(token, [])
        for length in self.stem_lengths:
            if length > len(token):
                break
            more = self.stems.get(token[:length])
            if more:
                found = found + more
        return found

    def __getstate__(self) -> dict[str, Any]:
        return {**self.__dict__, "memo": {}}


class LexiconIndex:
    """Every lexicon term of a rules file, indexed by first token, per language."""

    def __init__(self, signals: dict[str, Signal]) -> None:
        self.langs = {lang: _LangIndex() for lang in LANGS}
        self.pattern_sources: dict[str, tuple[Signal, int]] = {}
        self._compiled: dict[str, list[Prefiltered]] = {}
        self.windows = {s.name: s.window for s in signals.values() if s.kind == "lexicon"}
        self.lexicon_signals = {s.name: s for s in signals.values() if s.kind == "lexicon"}
        self.topic_signals = tuple(s for s in signals.values() if s.topic)
        for signal in signals.values():
            if signal.kind == "lexicon":
                self._add_terms(signal)
            elif signal.kind == "pattern":
                self._add_patterns(signal)
        for index in self.langs.values():
            index.freeze()

    def _add_terms(self, signal: Signal) -> None:
        for lang, terms in signal.terms.items():
            for target in LANGS if lang == "any" else (lang,):
                for term in terms:
                    self.langs[target].add(signal.name, term)

    def _add_patterns(self, signal: Signal) -> None:
        self.pattern_sources[signal.name] = (signal, 0 if signal.raw else re.IGNORECASE)

    def patterns(self, name: str, lang: str) -> list[Prefiltered]:
        """The regexes of a pattern signal in ``lang`` (and ``any``), compiled on first use.

        Compiling every pattern of the default rules costs ~35 ms, more than a
        whole ``reply``; one comment needs those of a few signals, in one language.
        """
        key = f"{name}\0{lang}"
        if key not in self._compiled:
            signal, flags = self.pattern_sources[name]
            sources = [*signal.patterns.get(lang, ()), *signal.patterns.get("any", ())]
            self._compiled[key] = [prefiltered(p, flags) for p in sources]
        return self._compiled[key]

    def language_votes(self, tokens: list[str]) -> tuple[int, int]:
        """How many words only the French terms, and only the English terms, start with: (fr, en)."""
        fr_index, en_index = self.langs["fr"], self.langs["en"]
        fr = en = 0
        for token in tokens:
            if len(token) < 2 or token in _URL_PIECES:
                continue
            in_fr, in_en = bool(fr_index.candidates(token)), bool(en_index.candidates(token))
            fr += in_fr and not in_en
            en += in_en and not in_fr
        return fr, en

    def __getstate__(self) -> dict[str, Any]:
        # Compiled patterns would be recompiled on unpickling: keep the cache lean.
        return {**self.__dict__, "_compiled": {}}

    def scan(
        self, tokens: list[str], lang: str, negators: frozenset[str], exceptions: frozenset[str] = frozenset()
    ) -> dict[str, list[Hit]]:
        """All lexicon hits in a tokenised comment, grouped by signal name.

        A hit's ``start`` and ``end`` are token indexes (first and last token).
        A negator followed within two words by one of ``exceptions`` ("no
        problem", "pas de souci") negates that word and nothing after it.
        """
        index, windows = self.langs[lang], self.windows
        pairs, pair_starts, memo = index.pairs, index.pair_starts, index.memo
        hits: dict[str, list[Hit]] = {}
        last_negator = -1_000_000
        last = len(tokens) - 1
        negation_stop = last  # the last token the current negator reaches
        for i, token in enumerate(tokens):
            entries = memo.get(token)  # inlined: most words were seen before
            if entries is None:
                entries = index.candidates(token)
            if token in pair_starts and i < last:
                paired = pairs.get((token, tokens[i + 1]))
                if paired:
                    entries = entries + paired
            for name, term in entries:
                end = i if len(term.tokens) == 1 else _phrase_end(term, tokens, i)
                if end >= 0:
                    negated = i - last_negator <= windows[name] and i <= negation_stop
                    found = hits.get(name)
                    if found is None:
                        found = hits[name] = []
                    found.append(_new_hit((term.text, term.weight, negated, i, end)))
            if token in negators:
                last_negator, negation_stop = i, _negation_stop(tokens, i, exceptions)
        return hits


def _negation_stop(tokens: list[str], at: int, exceptions: frozenset[str]) -> int:
    """The last token the negator at ``at`` can negate: an exception word within two words, or the end."""
    if exceptions:
        for k in range(at + 1, min(at + 3, len(tokens))):
            if tokens[k] in exceptions:
                return k
    return len(tokens) - 1


def _phrase_end(term: Term, tokens: list[str], start: int) -> int:
    """Index of the last token of ``term`` matched at ``start``, or -1."""
    rest = term.tokens[1:]
    if start + len(rest) >= len(tokens):
        return -1 if rest else start
    for offset, (word, is_stem) in enumerate(rest, start + 1):
        token = tokens[offset]
        if not (token.startswith(word) if is_stem else token == word):
            return -1
    return start + len(rest)


def lexicon_value(signal: Signal, hits: list[Hit]) -> tuple[float, list[Hit]]:
    """Sum of the weights of the distinct terms kept under the negation mode."""
    if signal.negation == "exclude":
        hits = [h for h in hits if not h.negated]
    elif signal.negation == "require":
        hits = [h for h in hits if h.negated]
    seen: dict[str, Hit] = {}
    for hit in hits:
        seen.setdefault(hit.text, hit)
    return sum(h.weight for h in seen.values()), list(seen.values())


class Prefiltered(NamedTuple):
    """A regex and strings at least one of which every match contains (none when unsure)."""

    regex: BoundedPattern
    needles: tuple[str, ...]


_ESCAPE = re.compile(r"\\.")


def prefiltered(source: str, flags: int) -> Prefiltered:
    from replykit.text.regexinfo import required_any

    if flags & re.IGNORECASE and not any(c.isupper() for c in _ESCAPE.sub("", source)):
        # The folded text is already lower-case: without IGNORECASE the regex
        # engine can skip ahead to the letters it needs (up to 2x faster).
        flags &= ~re.IGNORECASE
    return Prefiltered(BoundedPattern(source, flags), required_any(source, flags))


def pattern_hits(patterns: list[Prefiltered], text: str, stopped: list[str] | None = None) -> list[Hit]:
    """Distinct matches of a signal's patterns.

    A regex engine tries most patterns at every position of the text;
    checking first, in C, for substrings one of which every match must
    contain skips the regex for most comments. A regex that runs past its
    time limit finds nothing, and why goes to ``stopped``.
    """
    hits: dict[str, Hit] = {}
    contains = text.__contains__
    for regex, needles in patterns:
        if needles and not any(map(contains, needles)):
            continue
        try:
            matches = regex.matches(text)
        except PatternStopped as exc:
            if stopped is not None:
                stopped.append(str(exc))
            continue
        for match in matches:
            if match.group() and match.group() not in hits:
                hits[match.group()] = Hit(match.group(), 1.0, False, match.start(), match.end())
    return list(hits.values())


_EMOJI = re.compile("[\U0001f000-\U0001faff\u2600-\u27bf\u2b00-\u2bff\ufe0f]")
_URL = re.compile(r"https?://\S+|\bwww\.\S+")
_MENTION = re.compile(r"(?<!\w)@\w+")
_RUN = re.compile(r"[!?]{2,}")


def measure(name: str, text: str) -> float:
    """A text statistic of the raw comment (see the `stat` signal kind)."""
    if name == "caps_ratio":
        letters = [c for c in _MENTION.sub("", text) if c.isalpha()]
        return sum(c.isupper() for c in letters) / len(letters) if len(letters) >= 8 else 0.0
    if name == "exclamations":
        return float(text.count("!"))
    if name == "questions":
        return float(text.count("?"))
    if name == "length":
        return float(len(text))
    if name == "words":
        return float(len(text.split()))
    if name == "emoji":
        return float(len(_EMOJI.findall(text)))
    if name == "urls":
        return float(len(_URL.findall(text)))
    if name == "mentions":
        return float(len(_MENTION.findall(text)))
    if name == "repeated_punct":
        return float(max((len(m) for m in _RUN.findall(text)), default=0))
    raise ValueError(name)


def field_number(value: Any) -> float:
    from replykit.rules.conditions import to_number

    return to_number(value) or 0.0
