"""Validate a parsed rules file and build the :class:`~replykit.model.Rules`.

Every problem is collected with the file, line, column and key path of the
offending value, so one run reports them all (exit code 2 in the CLI).
"""

from __future__ import annotations

import difflib
import re
from typing import Any

from replykit import conditions, graph
from replykit.errors import Location, RulesError
from replykit.jinjaenv import rule_text_problem
from replykit.model import (
    ACTIONS,
    CATEGORIES,
    LANGS,
    METHOD_IDS,
    Localized,
    Node,
    Outcome,
    Reminder,
    Rules,
    Signal,
    Solution,
    Term,
)
from replykit.saferegex import check_syntax
from replykit.textutil import normalize, tokenize
from replykit.yamlsrc import KeyPath, YamlDocument

TOP_KEYS = (
    "version",
    "include",
    "profile",
    "policy",
    "negators",
    "negation_exceptions",
    "signals",
    "tree",
    "outcomes",
    "reminders",
    "solutions",
    "lint",
    "templates",
)
PROFILE_KEYS = ("brand", "signature", "phone", "email", "dm", "hours", "website", "default_lang", "extra")
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
DEFAULT_NEGATORS = {
    "en": ("not", "no", "never", "nothing", "nobody", "without", "hardly", "nor"),
    "fr": ("pas", "ne", "n", "jamais", "aucun", "aucune", "rien", "sans", "ni", "personne"),
}
DEFAULT_POLICY = {"reply_to_general": True, "moderate_inappropriate": True}
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


def build_rules(doc: YamlDocument) -> Rules:
    """Validate ``doc`` and return the compiled rules, or raise :class:`RulesError`."""
    check = Checker(doc)
    top = check.mapping(
        doc.data if doc.data is not None else {}, (), TOP_KEYS, required=("signals", "tree", "outcomes")
    )
    if check.problems:
        raise RulesError(check.problems)
    if top.get("version", 1) != 1:
        check.error(("version",), f"unsupported version {top['version']!r}: this replykit reads version 1")
    signals = parse_signals(check, top.get("signals"))
    included: tuple[tuple[str, int, int], ...] = ()
    if "include" in top:
        from replykit.includes import parse_includes

        included = parse_includes(check, top["include"], signals)
    solutions = parse_solutions(check, top.get("solutions", []), signals)
    policy = parse_policy(check, top.get("policy", {}))
    outcomes = parse_outcomes(check, top.get("outcomes"))
    tree = parse_tree(check, top.get("tree"), signals, policy)
    if not check.problems:
        graph.check(check, tree, outcomes)
    rules = Rules(
        source=doc.filename,
        profile=parse_profile(check, top.get("profile", {})),
        policy=policy,
        negators=parse_negators(check, top.get("negators", {})),
        negation_exceptions=parse_single_words(check, top.get("negation_exceptions", {}), "negation_exceptions", {}),
        signals=signals,
        tree=tuple(tree),
        outcomes=outcomes,
        reminders=parse_reminders(check, top.get("reminders", [])),
        solutions=solutions,
        lint=check.mapping(top.get("lint", {}), ("lint",), None),
        templates_dir=check.string(top["templates"], ("templates",)) if "templates" in top else None,
        includes=included,
    )
    if check.problems:
        raise RulesError(sorted(check.problems, key=lambda p: (p[0].line, p[0].column)))
    return rules


def parse_profile(check: Checker, value: Any) -> dict[str, Localized]:
    raw = check.mapping(value, ("profile",), PROFILE_KEYS)
    profile: dict[str, Localized] = dict.fromkeys(PROFILE_KEYS[:-2], "")
    profile["default_lang"] = "fr"
    for key, item in raw.items():
        path: KeyPath = ("profile", key)
        if key == "default_lang":
            profile[key] = check.choice(item, path, LANGS)
        elif key == "extra":
            extra = check.mapping(item, path, None)
            for name, text in extra.items():
                profile[name] = check.localized(text, (*path, name), allow_empty=True)
        elif key in PROFILE_KEYS:
            profile[key] = check.localized(item if item is not None else "", path, allow_empty=True)
    return profile


def parse_policy(check: Checker, value: Any) -> dict[str, bool]:
    policy = dict(DEFAULT_POLICY)
    for key, item in check.mapping(value, ("policy",), None).items():
        policy[key] = check.boolean(item, ("policy", key))
    return policy


def parse_negators(check: Checker, value: Any) -> dict[str, frozenset[str]]:
    return parse_single_words(check, value, "negators", DEFAULT_NEGATORS)


def parse_single_words(
    check: Checker, value: Any, key: str, defaults: dict[str, tuple[str, ...]]
) -> dict[str, frozenset[str]]:
    """Per-language lists of single words, folded as the matcher folds them."""
    raw = check.mapping(value, (key,), LANGS)
    out = {}
    for lang in LANGS:
        words = check.string_list(raw[lang], (key, lang)) if lang in raw else list(defaults.get(lang, ()))
        tokens = [tokenize(normalize(word)) for word in words]
        for i, (word, toks) in enumerate(zip(words, tokens, strict=True)):
            if word and len(toks) != 1:
                # "no one" would silently make "one" a negator
                check.error((key, lang, i), f"'{word}' is not one word: {key.replace('_', ' ')} are single words")
        out[lang] = frozenset(tok[0] for tok in tokens if len(tok) == 1)
    return out


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


def parse_solutions(check: Checker, value: Any, signals: dict[str, Signal]) -> tuple[Solution, ...]:
    out = []
    for i, item in enumerate(check.sequence(value, ("solutions",))):
        path: KeyPath = ("solutions", i)
        raw = check.mapping(item, path, ("id", "method", "terms", "answer", "link"), ("id", "terms", "answer"))
        if not raw:
            continue
        sol_id = check.identifier(raw.get("id", ""), (*path, "id"))
        name = f"solution:{sol_id}"
        signals[name] = Signal(
            name, "lexicon", method=("O1.2",), terms=parse_terms(check, raw.get("terms"), (*path, "terms"))
        )
        link = check.string(raw.get("link", ""), (*path, "link"), allow_empty=True)
        answer = check.per_lang(raw.get("answer", ""), (*path, "answer"))
        _check_rule_text(check, raw.get("answer"), (*path, "answer"))
        out.append(Solution(sol_id, name, answer, link))
    return tuple(out)


def _check_rule_text(check: Checker, value: Any, path: KeyPath) -> None:
    """Rule text renders without a loader: refuse tags that read files, with their location."""
    texts = {(): value} if isinstance(value, str) else value if isinstance(value, dict) else {}
    for lang, text in texts.items():
        problem = rule_text_problem(text) if isinstance(text, str) else None
        if problem:
            check.error((*path, lang) if lang else path, problem)


def parse_tree(check: Checker, value: Any, signals: dict[str, Signal], policy: dict[str, bool]) -> list[Node]:
    nodes = []
    items = check.sequence(value, ("tree",))
    if value is not None and not items:
        check.error(("tree",), "the tree needs at least one node")
    for i, item in enumerate(items):
        path: KeyPath = ("tree", i)
        raw = check.mapping(item, path, ("id", "method", "when", "then", "else", "description"), ("id", "then", "else"))
        if not raw:
            continue
        nodes.append(
            Node(
                id=check.identifier(raw.get("id", ""), (*path, "id")),
                method=check.methods(raw.get("method", []), (*path, "method")),
                when=conditions.parse(check, raw.get("when", True), (*path, "when"), signals, policy),
                then=check.string(raw.get("then", ""), (*path, "then")),
                otherwise=check.string(raw.get("else", ""), (*path, "else")),
                description=check.string(raw.get("description", ""), (*path, "description"), allow_empty=True),
            )
        )
    return nodes


OUTCOME_KEYS = ("category", "option", "escalate", "action", "method", "templates", "examples", "label", "description")


def parse_outcomes(check: Checker, value: Any) -> dict[str, Outcome]:
    outcomes = {}
    for oid, spec in check.mapping(value, ("outcomes",), None).items():
        path: KeyPath = ("outcomes", oid)
        check.identifier(oid, path)
        raw = check.mapping(spec, path, OUTCOME_KEYS, ("category", "action"))
        if raw:
            outcomes[oid] = parse_outcome(check, oid, raw, path)
    if value is not None and not outcomes and not check.problems:
        check.error(("outcomes",), "at least one outcome is needed")
    return outcomes


def parse_outcome(check: Checker, oid: str, raw: dict[str, Any], path: KeyPath) -> Outcome:
    option = raw.get("option")
    if option not in (1, 2, None) or isinstance(option, bool):
        check.error((*path, "option"), f"option must be 1, 2 or null, got {option!r}")
        option = None
    return Outcome(
        id=oid,
        category=check.choice(raw.get("category", ""), (*path, "category"), CATEGORIES),
        option=option,
        escalate=check.boolean(raw.get("escalate", False), (*path, "escalate")),
        action=check.choice(raw.get("action", ""), (*path, "action"), ACTIONS),
        method=check.methods(raw.get("method", []), (*path, "method")),
        templates=parse_outcome_templates(check, oid, raw.get("templates", {}), (*path, "templates")),
        examples=parse_examples(check, raw.get("examples", {}), (*path, "examples")),
        label=check.per_lang(raw["label"], (*path, "label")) if "label" in raw else {},
        origin=str(check.doc.where((*path, "templates"))),
    )


def parse_outcome_templates(check: Checker, oid: str, value: Any, path: KeyPath) -> dict[str, dict[str, str]]:
    raw = check.mapping(value, path, ("public", "private"))
    out = {}
    for kind in ("public", "private"):
        name = raw.get(kind, f"{oid}.{kind}.j2")
        names = check.per_lang(name, (*path, kind))
        for file in set(names.values()):
            if ".." in file.replace("\\", "/").split("/") or file.startswith(("/", "\\")):
                check.error((*path, kind), f"template name '{file}' must stay inside the templates folder")
        out[kind] = names
    return out


def parse_examples(check: Checker, value: Any, path: KeyPath) -> dict[str, tuple[str, ...]]:
    raw = check.mapping(value, path, LANGS)
    return {lang: tuple(check.string_list(items, (*path, lang))) for lang, items in raw.items()}


def parse_reminders(check: Checker, value: Any) -> tuple[Reminder, ...]:
    out = []
    for i, item in enumerate(check.sequence(value, ("reminders",))):
        path: KeyPath = ("reminders", i)
        raw = check.mapping(item, path, ("id", "method", "text", "categories", "escalate_only"), ("id", "text"))
        if not raw:
            continue
        listed = check.sequence(raw.get("categories", []), (*path, "categories"))
        categories = tuple(check.choice(c, (*path, "categories", j), CATEGORIES) for j, c in enumerate(listed))
        out.append(
            Reminder(
                id=check.identifier(raw.get("id", ""), (*path, "id")),
                method=check.methods(raw.get("method", []), (*path, "method")),
                text=check.per_lang(raw.get("text", ""), (*path, "text")),
                categories=categories,
                escalate_only=check.boolean(raw.get("escalate_only", False), (*path, "escalate_only")),
            )
        )
    return tuple(out)
