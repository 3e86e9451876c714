"""Tone and method review of a reply: the words a calm reply avoids, and what it must hold.

Pure functions, no printing. The word lists live in the rules file's ``lint:``
section (``lint: {tone: {aggressive: {terms: {en: [...]}, patterns: {...}}}}``,
documented in rules.yaml), so users extend them; a list missing from the user's
rules falls back to the one in the built-in rules. Matching works like the
engine's lexicons: case- and accent-insensitive words, phrases and ``stem*``
on :func:`replykit.text.normalize.normalize`'d text, and regexes on the same text.
"""

from __future__ import annotations

import re
from typing import Any, NamedTuple

from replykit.errors import UsageError
from replykit.rules.model import LANGS, Outcome, Rules
from replykit.text.normalize import normalize, token_spans
from replykit.text.saferegex import BoundedPattern, PatternStopped, check_syntax

# Word-list names in ``lint.tone`` and what they are for.
LISTS = {
    "aggressive": "aggressive or insulting wording (PAUSE)",
    "defensive": "defensive wording (PAUSE)",
    "sarcasm": "sarcasm or mockery (PAUSE)",
    "blaming": "blaming the customer (PAUSE)",
    "personal_data": "asking for personal data in public (O1.3)",
    "gesture": "promising a refund, discount or gift (GESTURE)",
    "empathy": "empathy markers (O1.1)",
    "private_channel": "markers of the business's own private channel (O1.3)",
    "arguing": "arguing back (O2.2)",
    "charged": "political, religious or group labels a business reply takes no side on (PUBLIC)",
}

# Finding kinds (the lint check IDs) and the list each one reads.
WORDING_KINDS = {
    "aggressive-wording": "aggressive",
    "defensive-wording": "defensive",
    "sarcasm": "sarcasm",
    "blaming-customer": "blaming",
    "asks-personal-data": "personal_data",
    "promises-gesture": "gesture",
    "moderation-argues": "arguing",
    "charged-topic": "charged",
}
TONE_KINDS = (
    "aggressive-wording",
    "defensive-wording",
    "sarcasm",
    "blaming-customer",
    "shouting",
    "double-exclamation",
    "charged-topic",
)
PUBLIC_KINDS = ("asks-personal-data", "promises-gesture")
KINDS = (*TONE_KINDS, *PUBLIC_KINDS, "no-private-channel", "no-empathy", "moderation-argues")

MESSAGES = {
    "aggressive-wording": "aggressive wording",
    "defensive-wording": "defensive wording",
    "sarcasm": "sarcastic wording",
    "blaming-customer": "blames the customer",
    "shouting": "shouting in capitals",
    "double-exclamation": "exclamation marks in a row read as heat, not calm (PAUSE)",
    "asks-personal-data": "asks for personal data in public (O1.3: give your own contact instead)",
    "promises-gesture": "promises a commercial gesture in public (GESTURE: never by default)",
    "no-private-channel": "offers no private channel: give your phone, e-mail or DM (O1.3)",
    "no-empathy": "shows no empathy: open with it (O1.1)",
    "moderation-argues": "a moderation note argues back (O2.2: no debate)",
    "charged-topic": "names a political, religious or group label: a reply from the business takes no side (PUBLIC)",
}

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
_PHONE = re.compile(r"(?<![\w+])\+?\d[\d .()-]{5,}\d(?!\w)")
_BANGS = re.compile(r"!{2,}|[!?]*![!?]*\?[!?]*!|¡{2,}")
_CAPS_WORD = re.compile(r"\b[A-ZÀ-ÖØ-Þ]{2,}\b")
_SENTENCE = re.compile(r"[.!?\n]+")


class Finding(NamedTuple):
    """One problem in a reply: its kind (a lint check ID), span, words and advice."""

    kind: str
    start: int
    end: int
    text: str  # the offending words as written
    message: str
    suggestion: str = ""  # a calmer wording, when the rules provide one

    def to_dict(self) -> dict[str, Any]:
        return self._asdict()


class _Term(NamedTuple):
    text: str
    tokens: tuple[tuple[str, bool], ...]


class _Index(NamedTuple):
    """Terms by first word (exact) and by first-word stem, as the engine's lexicon index."""

    exact: dict[str, list[_Term]]
    stems: dict[str, list[_Term]]
    lengths: tuple[int, ...]


def _index(terms: tuple[_Term, ...]) -> _Index:
    exact: dict[str, list[_Term]] = {}
    stems: dict[str, list[_Term]] = {}
    for term in terms:
        if term.tokens:
            first, is_stem = term.tokens[0]
            (stems if is_stem else exact).setdefault(first, []).append(term)
    return _Index(exact, stems, tuple(sorted({len(s) for s in stems})))


class _LangLists(NamedTuple):
    terms: dict[str, _Index]
    patterns: dict[str, tuple[BoundedPattern, ...]]
    rewordings: dict[str, str]  # normalised phrase -> calmer wording


class ToneRules(NamedTuple):
    langs: dict[str, _LangLists]


_compiled: dict[int, tuple[Rules, ToneRules]] = {}


def tone_rules(rules: Rules) -> ToneRules:
    """The compiled word lists of ``rules`` (memoised per rules object).

    Raises:
        UsageError: the ``lint.tone`` section has the wrong shape.
    """
    hit = _compiled.get(id(rules))
    if hit is not None and hit[0] is rules:
        return hit[1]
    section = _section(rules)
    defaults = _default_section(rules)
    langs = {}
    for lang in LANGS:
        terms, patterns = {}, {}
        for name in LISTS:
            raw = section.get(name, defaults.get(name, {}))
            where = f"lint.tone.{name}"
            if not isinstance(raw, dict):
                raise UsageError(f"{rules.source}: {where}: expected a mapping with 'terms' and/or 'patterns'")
            unknown = set(raw) - {"terms", "patterns"}
            if unknown:
                raise UsageError(f"{rules.source}: {where}: unknown key '{sorted(unknown)[0]}' (use terms, patterns)")
            terms[name] = _index(tuple(_term(t) for t in _strings(raw.get("terms", {}), lang, f"{where}.terms", rules)))
            patterns[name] = tuple(
                _regex(p, f"{where}.patterns", rules)
                for p in _strings(raw.get("patterns", {}), lang, f"{where}.patterns", rules)
            )
        rewordings = section.get("rewordings", defaults.get("rewordings", {}))
        langs[lang] = _LangLists(terms, patterns, _rewordings(rewordings, lang, rules))
    compiled = ToneRules(langs)
    _compiled[id(rules)] = (rules, compiled)
    return compiled


def _section(rules: Rules) -> dict[str, Any]:
    tone = rules.lint.get("tone", {}) if isinstance(rules.lint, dict) else {}
    if not isinstance(tone, dict):
        raise UsageError(f"{rules.source}: lint.tone: expected a mapping of word lists")
    unknown = set(tone) - set(LISTS) - {"rewordings"}
    if unknown:
        raise UsageError(
            f"{rules.source}: lint.tone: unknown list '{sorted(unknown)[0]}' (known: {', '.join(LISTS)}, rewordings)"
        )
    return tone


def _default_section(rules: Rules) -> dict[str, Any]:
    from replykit.rules.find import default_rules_path
    from replykit.rules.load import load_rules

    path = default_rules_path()
    if str(path) == rules.source:
        return {}
    try:
        return _section(load_rules(path))
    except Exception:  # the built-in rules always load; never fail a user's run on them
        return {}


def _strings(raw: Any, lang: str, where: str, rules: Rules) -> list[str]:
    if not isinstance(raw, dict) or not all(k in (*LANGS, "any") for k in raw):
        raise UsageError(f"{rules.source}: {where}: expected a mapping of en, fr (or any) to lists of strings")
    out: list[str] = []
    for key in (lang, "any"):
        items = raw.get(key, [])
        if not isinstance(items, list) or not all(isinstance(i, str) and i.strip() for i in items):
            raise UsageError(f"{rules.source}: {where}.{key}: expected a list of non-empty strings")
        out += items
    return out


def _term(text: str) -> _Term:
    tokens = []
    for word in text.split():
        stem = word.endswith("*")
        for tok, _, _ in token_spans(normalize(word.rstrip("*"))):
            tokens.append((tok, False))
        if stem and tokens:
            tokens[-1] = (tokens[-1][0], True)
    return _Term(text, tuple(tokens))


def _regex(source: str, where: str, rules: Rules) -> BoundedPattern:
    # Checked against Python's re syntax, run with a time limit (see replykit.text.saferegex).
    try:
        re.compile(source, re.IGNORECASE)
    except re.error as exc:
        raise UsageError(f"{rules.source}: {where}: {source!r} is not a valid regex: {exc}") from None
    if problem := check_syntax(source):
        raise UsageError(f"{rules.source}: {where}: {source!r} is not supported: {problem}")
    return BoundedPattern(source, re.IGNORECASE)


def _rewordings(raw: Any, lang: str, rules: Rules) -> dict[str, str]:
    if not isinstance(raw, dict):
        raise UsageError(f"{rules.source}: lint.tone.rewordings: expected a mapping of en, fr to phrase: wording")
    items = raw.get(lang, {})
    if not isinstance(items, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in items.items()):
        raise UsageError(f"{rules.source}: lint.tone.rewordings.{lang}: expected a mapping of phrase: calmer wording")
    return {" ".join(tok for tok, _, _ in token_spans(normalize(k))): v for k, v in items.items()}


def category_of(outcome: Outcome) -> str:
    """What the method asks of this outcome's public reply: the ``category`` of :func:`review`.

    The one rule for ``lint``, ``reply --edit`` and the choices of ``check --for``.
    """
    if outcome.action == "moderate":
        return "moderation"
    if outcome.category in ("complaint", "question"):
        return outcome.category
    if outcome.option == 1:  # O2.3: a vague dissatisfaction is handled as a complaint
        return "complaint"
    return ""


def review(
    text: str,
    lang: str | None = None,
    rules: Rules | None = None,
    *,
    category: str = "",
    public: bool = True,
    contacts: tuple[str, ...] = (),
) -> list[Finding]:
    """Every tone and method finding in ``text``, sorted by position.

    Args:
        text: the reply (a draft, or a rendered template).
        lang: ``"en"`` or ``"fr"``; detected from the text when None.
        rules: compiled rules (their ``lint.tone`` lists); the discovered rules when None.
        category: what the reply answers: ``complaint`` and ``question`` also need a
            private channel (O1.3), ``complaint`` empathy (O1.1), ``moderation`` no debate (O2.2).
        public: False for a private script: only the wording checks apply.
        contacts: the business's own phone, e-mail or DM wording, counted as a private channel.
    """
    if rules is None:
        from replykit.rules.load import load_rules

        rules = load_rules()
    normalized = normalize(text)
    spans = token_spans(normalized)
    if lang not in LANGS:
        from replykit.triage.language import language_of

        lang = language_of(rules, [tok for tok, _, _ in spans], text)[0]
    lists = tone_rules(rules).langs[lang]
    matches = {name: _matches(lists, name, normalized, spans) for name in LISTS}
    found: list[Finding] = []
    kinds = [k for k in WORDING_KINDS if k in TONE_KINDS or (public and k in PUBLIC_KINDS)]
    if public and category == "moderation":
        kinds.append("moderation-argues")
    for kind in kinds:
        name = WORDING_KINDS[kind]
        for start, end in matches[name]:
            if kind == "asks-personal-data" and _private_in_sentence(text, start, end, matches["private_channel"]):
                continue  # "DM us your order number" asks in private, as O1.3 wants
            words = text[start:end]
            key = " ".join(tok for tok, _, _ in token_spans(normalized[start:end]))
            found.append(Finding(kind, start, end, words, MESSAGES[kind], lists.rewordings.get(key, "")))
    found += _shouting(text) + _bangs(text)
    if public and text.strip():
        if category in ("complaint", "question") and not (
            matches["private_channel"] or _has_contact(text, normalized, contacts)
        ):
            found.append(Finding("no-private-channel", 0, 0, "", MESSAGES["no-private-channel"]))
        if category == "complaint" and not matches["empathy"]:
            found.append(Finding("no-empathy", 0, 0, "", MESSAGES["no-empathy"]))
    return sorted(set(found), key=lambda f: (f.start, f.end, KINDS.index(f.kind)))


def _matches(lists: _LangLists, name: str, normalized: str, spans: list[tuple[str, int, int]]) -> list[tuple[int, int]]:
    out = []
    index = lists.terms[name]
    for i, (tok, _, _) in enumerate(spans):
        candidates = index.exact.get(tok, [])
        for length in index.lengths:
            if length > len(tok):
                break
            candidates = candidates + index.stems.get(tok[:length], [])
        for term in candidates:
            if _term_at(term, spans, i):
                out.append((spans[i][1], spans[i + len(term.tokens) - 1][2]))
    for pattern in lists.patterns[name]:
        try:
            matches = pattern.matches(normalized)
        except PatternStopped as exc:  # a hostile tone list must not hang the lint run
            raise UsageError(f"lint.tone.{name}: {exc}") from None
        out += [(m.start(), m.end()) for m in matches if m.end() > m.start()]
    return _merge(out)


def _term_at(term: _Term, spans: list[tuple[str, int, int]], i: int) -> bool:
    if not term.tokens or i + len(term.tokens) > len(spans):
        return False
    for (want, stem), (tok, _, _) in zip(term.tokens, spans[i : i + len(term.tokens)], strict=False):
        if not (tok.startswith(want) if stem else tok == want):
            return False
    return True


def _merge(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping matches become one span."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(ranges):
        if out and start < out[-1][1]:
            out[-1] = (out[-1][0], max(end, out[-1][1]))
        else:
            out.append((start, end))
    return out


def _private_in_sentence(text: str, start: int, end: int, private: list[tuple[int, int]]) -> bool:
    bounds = [0, *(m.end() for m in _SENTENCE.finditer(text)), len(text)]
    lo = max(b for b in bounds if b <= start)
    hi = min((b for b in bounds if b >= end), default=len(text))
    return any(lo <= s and e <= hi for s, e in private)


def _has_contact(text: str, normalized: str, contacts: tuple[str, ...]) -> bool:
    if _EMAIL.search(text) or _PHONE.search(text):
        return True
    return any(c.strip() and normalize(c.strip()) in normalized for c in contacts)


def _shouting(text: str) -> list[Finding]:
    """Mostly capitals (over 10 letters), or a run of three or more shouted words."""
    letters = [c for c in text if c.isalpha()]
    upper = sum(c.isupper() for c in letters)
    if len(letters) >= 10 and upper / len(letters) > 0.6:
        stripped = text.strip()
        start = text.find(stripped[:1]) if stripped else 0
        return [Finding("shouting", start, start + len(stripped), stripped, MESSAGES["shouting"])]
    out: list[tuple[int, int]] = []
    run: list[re.Match[str]] = []
    for m in _CAPS_WORD.finditer(text):
        if run and text[run[-1].end() : m.start()].strip(" ,;:-") != "":
            run = []
        run.append(m)
        if len(run) >= 3 and sum(len(r.group()) for r in run) >= 10:
            out.append((run[0].start(), run[-1].end()))
    return [Finding("shouting", s, e, text[s:e], MESSAGES["shouting"]) for s, e in _merge(out)]


def _bangs(text: str) -> list[Finding]:
    return [
        Finding("double-exclamation", m.start(), m.end(), m.group(), MESSAGES["double-exclamation"])
        for m in _BANGS.finditer(text)
    ]


def contacts_of(profile: dict[str, Any], lang: str) -> tuple[str, ...]:
    """The business's own phone, e-mail and DM wording from a profile (localised or not)."""
    out = []
    for key in ("phone", "email", "dm"):
        value = profile.get(key)
        if isinstance(value, dict):
            value = value.get(lang) or next(iter(value.values()), "")
        if isinstance(value, str) and value.strip():
            out.append(value)
    return tuple(out)
