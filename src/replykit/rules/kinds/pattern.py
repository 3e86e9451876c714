"""The ``pattern`` kind: regular expressions, on the folded comment or on the comment as written."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, NamedTuple

from replykit.rules.model import LANG_KEYS, LANGS, Hit, Signal
from replykit.text.saferegex import BoundedPattern, PatternStopped, check_syntax

if TYPE_CHECKING:
    from replykit.rules.checker import Checker
    from replykit.rules.yamlsrc import KeyPath
    from replykit.triage.walk import Facts

KIND = "pattern"
KEYS = ("patterns", "raw")


def parse(check: Checker, raw: dict[str, Any], path: KeyPath, common: dict[str, Any]) -> Signal:
    patterns = {}
    for lang, items in check.mapping(raw.get("patterns"), (*path, "patterns"), LANG_KEYS).items():
        regexes = check.string_list(items, (*path, "patterns", lang))
        for i, regex in enumerate(regexes):
            try:
                re.compile(regex)
            except re.error as exc:
                check.error((*path, "patterns", lang, i), f"invalid regular expression: {exc}")
                continue
            if problem := check_syntax(regex):  # rare: what re accepts, the bounded engine runs
                check.error((*path, "patterns", lang, i), f"regular expression not supported: {problem}")
        patterns[lang] = tuple(regexes)
    raw_text = check.boolean(raw.get("raw", False), (*path, "raw"))
    return Signal(**common, patterns=patterns, raw=raw_text)


def value(facts: Facts, signal: Signal) -> tuple[float, list[Hit]]:
    text = facts.text if signal.raw else facts.norm
    stopped: list[str] = []
    hits = pattern_hits(facts.rules.patterns.compiled(signal.name, facts.lang), text, stopped)
    facts.notes.extend(f"signal '{signal.name}': {why} (see `replykit lint`)" for why in stopped)
    return float(len(hits)), hits


def evidence(facts: Facts, signal: Signal, value: float, details: list[Hit]) -> list[str]:
    return list(dict.fromkeys(facts.excerpt(h.start, h.end) for h in details))


class Prefiltered(NamedTuple):
    """A regex and strings at least one of which every match contains (none when unsure)."""

    regex: BoundedPattern
    needles: tuple[str, ...]


_ESCAPE = re.compile(r"\\.")

# A pattern ready to compile: (source, flags, needles).
Source = tuple[str, int, tuple[str, ...]]


class PatternIndex:
    """Every pattern signal of a rules file; its regexes compiled on first use, per language.

    Compiling every pattern of the default rules costs ~35 ms, more than a
    whole ``reply``; one comment needs those of a few signals, in one
    language. The needles of the prefilter are found when the rules are
    compiled (and cached with them), not when a comment is answered.
    """

    def __init__(self, signals: dict[str, Signal]) -> None:
        self.sources: dict[str, list[Source]] = {}
        self._compiled: dict[str, list[Prefiltered]] = {}
        for signal in signals.values():
            if signal.kind == KIND:
                for lang in LANGS:
                    found = [*signal.patterns.get(lang, ()), *signal.patterns.get("any", ())]
                    self.sources[f"{signal.name}\0{lang}"] = [_source(p, signal.raw) for p in found]

    def compiled(self, name: str, lang: str) -> list[Prefiltered]:
        """The regexes of pattern signal ``name`` in ``lang`` (and ``any``)."""
        key = f"{name}\0{lang}"
        found = self._compiled.get(key)
        if found is None:
            found = self._compiled[key] = [
                Prefiltered(BoundedPattern(source, flags), needles) for source, flags, needles in self.sources[key]
            ]
        return found

    def __getstate__(self) -> dict[str, Any]:
        # Compiled patterns would be recompiled on unpickling: keep the cache lean.
        return {**self.__dict__, "_compiled": {}}


def _source(source: str, raw: bool) -> Source:
    from replykit.text.regexinfo import required_any

    flags = 0 if raw else re.IGNORECASE
    if flags & re.IGNORECASE and not any(c.isupper() for c in _ESCAPE.sub("", source)):
        # The folded text is already lower-case: without IGNORECASE the regex
        # engine can skip ahead to the letters it needs (up to 2x faster).
        flags &= ~re.IGNORECASE
    return source, flags, required_any(source, flags)


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
