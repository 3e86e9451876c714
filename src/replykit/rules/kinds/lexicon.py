"""The ``lexicon`` kind: words, stems and phrases, weighted, with negation.

All lexicon signals of a language share one index, so a comment is scanned
once whatever the number of signals: each token is looked up as an exact word
and as the stems of its prefixes, and phrase tails are checked only on a hit.
The scan settles every lexicon signal before the walk (see
``replykit.triage.walk.Facts``): :func:`value` is only asked about those
without a hit.

Three keys refine what a hit is worth; they are options of this kind, not
kinds of their own, because each one filters the hits of one lexicon and
needs that lexicon's terms, tokens and negators (a separate kind would have
to repeat the terms or point to another signal):

- ``negation_side: before | after | both`` (default ``before``): where a
  negator must stand to negate a term, so ``negation: require`` can read
  "ça marche pas" and "works not" (a negator within ``window`` words after);
- ``except:`` phrases, per language like ``terms``: a term found inside one
  of them does not count (``casse`` in "casse croûte");
- ``overlap: all | longest`` (default ``all``): with ``longest``, words are
  claimed from left to right by the longest term found there, and a term
  over words already claimed does not count ("chaque fois" inside "à chaque
  fois").

The scan's loop is the same for every signal: these keys are applied
afterwards, only to the hits of the signals that use them (``_refine``), so
rules that do not use them cost nothing more.
"""

from __future__ import annotations

import re
from functools import partial
from typing import TYPE_CHECKING, Any

from replykit.rules.kinds.any_of import settled_by_scan
from replykit.rules.model import LANG_KEYS, LANGS, Hit, Signal, Term
from replykit.text.normalize import normalize, tokenize

if TYPE_CHECKING:
    from replykit.rules.checker import Checker
    from replykit.rules.yamlsrc import KeyPath
    from replykit.triage.walk import Facts

KIND = "lexicon"
KEYS = ("terms", "negation", "window", "topic", "negation_side", "except", "overlap")
NEGATION_MODES = ("ignore", "exclude", "require")
NEGATION_SIDES = ("before", "after", "both")
OVERLAP_MODES = ("all", "longest")


def parse(check: Checker, raw: dict[str, Any], path: KeyPath, common: dict[str, Any]) -> Signal:
    terms = parse_terms(check, raw.get("terms"), (*path, "terms"))
    topic = check.localized(raw.get("topic", {}), (*path, "topic")) if "topic" in raw else {}
    return Signal(
        **common,
        terms=terms,
        negation=check.choice(raw.get("negation", "ignore"), (*path, "negation"), NEGATION_MODES),
        window=int(check.number(raw.get("window", 3), (*path, "window"))),
        topic=dict.fromkeys(LANGS, topic) if isinstance(topic, str) else topic,
        negation_side=check.choice(raw.get("negation_side", "before"), (*path, "negation_side"), NEGATION_SIDES),
        exceptions=parse_exceptions(check, raw["except"], (*path, "except")) if "except" in raw else {},
        overlap=check.choice(raw.get("overlap", "all"), (*path, "overlap"), OVERLAP_MODES),
    )


def parse_terms(check: Checker, value: Any, path: KeyPath) -> dict[str, tuple[Term, ...]]:
    if value is None:
        check.error(path, "missing required key 'terms'")
        return {}
    out = {}
    for lang, items in check.mapping(value, path, LANG_KEYS).items():
        terms = []
        for i, item in enumerate(check.sequence(items, (*path, lang))):
            term = parse_term(check, item, (*path, lang, i))
            if term:
                terms.append(term)
        out[lang] = tuple(terms)
    return out


def parse_exceptions(check: Checker, value: Any, path: KeyPath) -> dict[str, tuple[Term, ...]]:
    """``except:`` phrases per language (or ``any``), written and folded like terms, without weights."""
    out = {}
    for lang, items in check.mapping(value, path, LANG_KEYS).items():
        phrases = []
        for i, item in enumerate(check.sequence(items, (*path, lang))):
            if isinstance(item, dict):
                check.error((*path, lang, i), "an exception is a phrase, without a weight")
                continue
            phrase = parse_term(check, item, (*path, lang, i))
            if phrase:
                phrases.append(phrase)
        out[lang] = tuple(phrases)
    return out


def parse_term(check: Checker, item: Any, path: KeyPath) -> Term | None:
    weight = 1.0
    if isinstance(item, dict):
        if len(item) != 1:
            check.error(path, 'a weighted term is a one-key mapping such as {"rembours*": 2}')
            return None
        item, weight = next(iter(item.items()))
        weight = check.number(weight, path)
    text = check.string(item, path)
    tokens = tuple((tok.rstrip("*"), tok.endswith("*")) for tok in _term_tokens(text))
    if text and not tokens:
        check.error(path, f"term '{text}' has no letters, digits or emoji to match")
        return None
    return Term(text, tokens, weight) if tokens else None


def _term_tokens(text: str) -> list[str]:
    # A trailing '*' marks a stem; keep it attached to its word while tokenising.
    words = normalize(text).replace("*", "\u2217").split()
    out: list[str] = []
    for word in words:
        parts = tokenize(word.replace("\u2217", ""))
        if parts and word.endswith("\u2217"):
            parts[-1] += "*"
        out.extend(parts)
    return out


Entry = tuple[str, Term]  # (signal name, term)


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
        self.windows = {s.name: s.window for s in signals.values() if s.kind == "lexicon"}
        self.lexicon_signals = {s.name: s for s in signals.values() if s.kind == "lexicon"}
        self.topic_signals = tuple(s for s in signals.values() if s.topic)
        # Unions of lexicons (any_of, sum) follow from the scan too: with the
        # lexicons, the signals a comment's scan settles before the walk.
        self.unions = settled_by_scan(signals, frozenset(self.lexicon_signals))
        self.settled = frozenset(self.lexicon_signals).union(s.name for s in self.unions)
        # Signals whose hits the scan filters afterwards (negation_side, except, overlap).
        self.refined = {
            s.name: s
            for s in self.lexicon_signals.values()
            if s.negation_side != "before" or s.exceptions or s.overlap != "all"
        }
        self.exceptions: dict[str, dict[str, tuple[Term, ...]]] = {
            lang: {
                s.name: (*s.exceptions.get(lang, ()), *s.exceptions.get("any", ()))
                for s in self.refined.values()
                if s.exceptions
            }
            for lang in LANGS
        }
        self._plain_words = {
            phrase: frozenset(word for word, is_stem in phrase.tokens if not is_stem)
            for by_signal in self.exceptions.values()
            for phrases in by_signal.values()
            for phrase in phrases
        }
        for signal in signals.values():
            if signal.kind == "lexicon":
                self._add_terms(signal)
        for index in self.langs.values():
            index.freeze()

    def _add_terms(self, signal: Signal) -> None:
        for lang, terms in signal.terms.items():
            for target in LANGS if lang == "any" else (lang,):
                for term in terms:
                    self.langs[target].add(signal.name, term)

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
        refined = self.refined.keys() & hits.keys()
        if refined:
            present = frozenset(tokens)
            for name in refined:
                hits[name] = self._refine(self.refined[name], hits[name], tokens, present, lang, negators, exceptions)
        return hits

    def _refine(
        self,
        signal: Signal,
        found: list[Hit],
        tokens: list[str],
        present: frozenset[str],
        lang: str,
        negators: frozenset[str],
        exceptions: frozenset[str],
    ) -> list[Hit]:
        """The hits of one signal after its ``except:``, ``overlap`` and ``negation_side`` keys."""
        phrases = self.exceptions[lang].get(signal.name)
        if phrases:
            # Most exception phrases have a plain word this comment does not contain (``present``): they cannot match.
            phrases = tuple(phrase for phrase in phrases if self._plain_words[phrase].issubset(present))
            if phrases:
                found = [hit for hit in found if not _inside_exception(hit, phrases, tokens)]
        if signal.overlap == "longest" and len(found) > 1:
            found = _longest_first(found)
        if signal.negation_side != "before" and found:
            after = _negators_after(tokens, negators, exceptions)
            keep_before = signal.negation_side == "both"
            window = signal.window
            found = [
                hit._replace(negated=(keep_before and hit.negated) or any(0 < p - hit.end <= window for p in after))
                for hit in found
            ]
        return found


def _inside_exception(hit: Hit, phrases: tuple[Term, ...], tokens: list[str]) -> bool:
    """Whether one of ``phrases`` is found at a place that covers the whole hit."""
    for phrase in phrases:
        words = phrase.tokens
        length = len(words)
        for start in range(max(0, hit.end - length + 1), min(hit.start, len(tokens) - length) + 1):
            if all(
                tokens[start + k].startswith(word) if is_stem else tokens[start + k] == word
                for k, (word, is_stem) in enumerate(words)
            ):
                return True
    return False


def _longest_first(found: list[Hit]) -> list[Hit]:
    """Words claimed from left to right by the longest term found there; hits over claimed words dropped."""
    kept = []
    claimed = -1  # the last token index already claimed
    for hit in sorted(found, key=lambda h: (h.start, h.start - h.end)):
        if hit.start > claimed:
            kept.append(hit)
            claimed = hit.end
    return kept


def _negators_after(tokens: list[str], negators: frozenset[str], exceptions: frozenset[str]) -> list[int]:
    """Positions of the negators that may negate the words before them.

    A negator followed within two words by one of ``exceptions`` ("no problem",
    "pas de souci") negates that word, not what came before it.
    """
    return [
        i
        for i, token in enumerate(tokens)
        if token in negators and not any(tokens[k] in exceptions for k in range(i + 1, min(i + 3, len(tokens))))
    ]


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
    if len(hits) == 1:  # most signals hit once in a comment
        return hits[0].weight, hits
    seen: dict[str, Hit] = {}
    for hit in hits:
        seen.setdefault(hit.text, hit)
    return sum(h.weight for h in seen.values()), list(seen.values())


def value(facts: Facts, signal: Signal) -> tuple[float, None]:
    return 0.0, None  # settled by the scan: no hit, no value


def evidence(facts: Facts, signal: Signal, value: float, details: list[Hit]) -> list[str]:
    return list(dict.fromkeys(facts.token_excerpt(h) for h in details))
