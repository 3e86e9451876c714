"""The ``signals:`` section: each signal's common keys and the keys of its kind."""

from __future__ import annotations

import re
from typing import Any

from replykit.rules.checker import Checker
from replykit.rules.model import LANGS, Signal, Term
from replykit.rules.yamlsrc import KeyPath
from replykit.text.normalize import normalize, tokenize
from replykit.text.saferegex import check_syntax

SIGNAL_KEYS = {
    "lexicon": ("terms", "negation", "window", "topic"),
    "pattern": ("patterns", "raw"),
    "stat": ("measure",),
    "field": ("field", "values"),
}
SIGNAL_COMMON = ("kind", "method", "description", "min", "max")
MEASURES = ("caps_ratio", "exclamations", "questions", "length", "words", "emoji", "urls", "mentions", "repeated_punct")
NEGATION_MODES = ("ignore", "exclude", "require")
LANG_KEYS = (*LANGS, "any")


def parse_signals(check: Checker, value: Any) -> dict[str, Signal]:
    signals = {}
    for name, spec in check.mapping(value, ("signals",), None).items():
        path: KeyPath = ("signals", name)
        check.identifier(name, path)
        signal = parse_signal(check, name, spec, path)
        if signal:
            signals[name] = signal
    return signals


def parse_signal(check: Checker, name: str, spec: Any, path: KeyPath) -> Signal | None:
    raw = check.mapping(spec, path, None, required=("kind",))
    kind = check.choice(raw.get("kind", ""), (*path, "kind"), tuple(SIGNAL_KEYS)) if raw else ""
    if kind not in SIGNAL_KEYS:
        return None
    check.mapping(raw, path, SIGNAL_COMMON + SIGNAL_KEYS[kind])
    common: dict[str, Any] = {
        "name": name,
        "kind": kind,
        "method": check.methods(raw.get("method", []), (*path, "method")),
        "description": check.string(raw.get("description", ""), (*path, "description"), allow_empty=True),
        "minimum": check.number(raw["min"], (*path, "min")) if "min" in raw else 1.0,
        "maximum": check.number(raw["max"], (*path, "max")) if "max" in raw else None,
    }
    return _KIND_PARSERS[kind](check, raw, path, common)


def _lexicon(check: Checker, raw: dict[str, Any], path: KeyPath, common: dict[str, Any]) -> Signal:
    terms = parse_terms(check, raw.get("terms"), (*path, "terms"))
    topic = check.localized(raw.get("topic", {}), (*path, "topic")) if "topic" in raw else {}
    return Signal(
        **common,
        terms=terms,
        negation=check.choice(raw.get("negation", "ignore"), (*path, "negation"), NEGATION_MODES),
        window=int(check.number(raw.get("window", 3), (*path, "window"))),
        topic=dict.fromkeys(LANGS, topic) if isinstance(topic, str) else topic,
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


def _pattern(check: Checker, raw: dict[str, Any], path: KeyPath, common: dict[str, Any]) -> Signal:
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


def _stat(check: Checker, raw: dict[str, Any], path: KeyPath, common: dict[str, Any]) -> Signal:
    measure = check.choice(raw.get("measure", ""), (*path, "measure"), MEASURES)
    return Signal(**common, measure=measure)


def _field(check: Checker, raw: dict[str, Any], path: KeyPath, common: dict[str, Any]) -> Signal:
    values = tuple(v.casefold() for v in check.string_list(raw.get("values", []), (*path, "values")))
    return Signal(**common, field_name=check.string(raw.get("field", ""), (*path, "field")), values=values)


_KIND_PARSERS = {"lexicon": _lexicon, "pattern": _pattern, "stat": _stat, "field": _field}
