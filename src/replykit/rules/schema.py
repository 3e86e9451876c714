"""Validate a parsed rules file and build the :class:`~replykit.rules.model.Rules`.

Every problem is collected with the file, line, column and key path of the
offending value, so one run reports them all (exit code 2 in the CLI).
"""

from __future__ import annotations

from typing import Any

from replykit.errors import RulesError
from replykit.rules import conditions, graph
from replykit.rules.checker import Checker
from replykit.rules.kinds.lexicon import parse_terms
from replykit.rules.lintconf import parse_lint
from replykit.rules.listening import Parts, compile_listening, parse_listening
from replykit.rules.model import (
    ACTIONS,
    CATEGORIES,
    LANGS,
    Localized,
    Node,
    Outcome,
    Reminder,
    Rules,
    Signal,
    Solution,
)
from replykit.rules.signals import check_members, parse_signals
from replykit.rules.yamlsrc import KeyPath, YamlDocument
from replykit.text.jinjaenv import rule_text_problem
from replykit.text.normalize import normalize, tokenize

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
    "listening",
)
PROFILE_KEYS = ("brand", "signature", "phone", "email", "dm", "hours", "website", "default_lang", "extra")
DEFAULT_NEGATORS = {
    "en": ("not", "no", "never", "nothing", "nobody", "without", "hardly", "nor"),
    "fr": ("pas", "ne", "n", "jamais", "aucun", "aucune", "rien", "sans", "ni", "personne"),
}
DEFAULT_POLICY = {"reply_to_general": True, "moderate_inappropriate": True}


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
    listening = Parts()
    if "listening" in top:
        parse_listening(check, top["listening"], listening)
    included: tuple[tuple[str, int, int], ...] = ()
    if "include" in top:
        from replykit.rules.includes import parse_includes

        included = parse_includes(check, top["include"], signals, listening)
    check_members(check, signals)
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
        lint=parse_lint(check, top.get("lint", {})),
        templates_dir=check.string(top["templates"], ("templates",)) if "templates" in top else None,
        includes=included,
        listening=compile_listening(listening),
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


def parse_solutions(check: Checker, value: Any, signals: dict[str, Signal]) -> tuple[Solution, ...]:
    out = []
    for i, item in enumerate(check.sequence(value, ("solutions",))):
        path: KeyPath = ("solutions", i)
        raw = check.mapping(
            item, path, ("id", "method", "terms", "answer", "link", "asks", "fixes"), ("id", "terms", "answer")
        )
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
        asks, fixes = (_identifiers(check, raw.get(key, []), (*path, key)) for key in ("asks", "fixes"))
        out.append(Solution(sol_id, name, answer, link, asks, fixes))
    return tuple(out)


def _identifiers(check: Checker, value: Any, path: KeyPath) -> tuple[str, ...]:
    return tuple(check.identifier(item, (*path, i)) for i, item in enumerate(check.sequence(value, path)))


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
