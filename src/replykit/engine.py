"""Triage: run one comment through the decision tree.

The result says which outcome was reached and why: every node visited, the
method steps it implements, whether its condition held, and the words or
values that made the signals fire.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from replykit import conditions
from replykit import lang as langmod
from replykit import signals as sig
from replykit.errors import InputError
from replykit.model import LANGS, Outcome, Rules
from replykit.textutil import normalize, token_spans

MAX_ANALYSED_CHARS = 20_000  # a 5 MB paste is analysed on its head, not rejected


class Step(NamedTuple):
    """One node visited on the way to the outcome."""

    node: str
    method: tuple[str, ...]
    result: bool
    matched: dict[str, list[str]]  # signal name -> words or values that fired it

    def to_dict(self) -> dict[str, Any]:
        return {"node": self.node, "method": list(self.method), "result": self.result, "matched": self.matched}


class Triage(NamedTuple):
    """Where a comment goes in the tree, and why."""

    lang: str
    lang_source: str  # detected | forced | default
    outcome: Outcome
    path: tuple[Step, ...]
    topic: str = ""  # a short label for the subject, in `lang`, from the rules
    solution_ids: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()


class Facts:
    """Everything a condition may ask about one comment; signals computed on demand."""

    def __init__(
        self,
        rules: Rules,
        text: str,
        norm: str,
        spans: list[tuple[str, int, int]],
        lang: str,
        fields: dict[str, Any],
        policy: dict[str, bool],
    ) -> None:
        self.rules, self.text, self.norm, self.spans = rules, text, norm, spans
        self.lang, self.fields, self.policy = lang, fields, policy
        self._lexicon: dict[str, list[sig.Hit]] | None = None
        self._cache: dict[str, tuple[float, bool, list[str]]] = {}

    def signal_value(self, name: str) -> tuple[float, bool]:
        value, fired, _ = self.signal(name)
        return value, fired

    def evidence(self, name: str) -> list[str]:
        """What made ``name`` fire, if it was computed for this comment."""
        cached = self._cache.get(name)
        return cached[2] if cached else []

    def field_value(self, name: str) -> Any:
        return self.fields.get(name)

    def signal(self, name: str) -> tuple[float, bool, list[str]]:
        if name not in self._cache:
            self._cache[name] = self._compute(self.rules.signals[name])
        return self._cache[name]

    def _compute(self, signal: Any) -> tuple[float, bool, list[str]]:
        hits: list[sig.Hit] = []
        if signal.kind == "lexicon":
            found = self.lexicon_hits().get(signal.name)
            value, hits = sig.lexicon_value(signal, found) if found else (0.0, hits)
        elif signal.kind == "pattern":
            text = self.text if signal.raw else self.norm
            hits = sig.pattern_hits(self.rules.index.patterns(signal.name, self.lang), text)
            value = float(len(hits))
        elif signal.kind == "stat":
            value = sig.measure(signal.measure, self.text)
        else:
            value = self._field_value(signal)
        if not (value > 0 and conditions.within(value, signal.minimum, signal.maximum)):
            return value, False, []
        return value, True, self._evidence(signal, value, hits)

    def _field_value(self, signal: Any) -> float:
        raw = self.fields.get(signal.field_name)
        if signal.values:
            return 1.0 if raw is not None and str(raw).casefold() in signal.values else 0.0
        return sig.field_number(raw)

    def _evidence(self, signal: Any, value: float, hits: list[sig.Hit]) -> list[str]:
        if signal.kind == "stat":
            return [f"{signal.measure}={value:g}"]
        if signal.kind == "field":
            return [f"{signal.field_name}={self.fields.get(signal.field_name)}"]
        return list(dict.fromkeys(self.excerpt(h) for h in hits))

    def lexicon_hits(self) -> dict[str, list[sig.Hit]]:
        if self._lexicon is None:
            negators = self.rules.negators[self.lang]
            self._lexicon = self.rules.index.scan(self.spans, self.lang, negators)
        return self._lexicon

    def excerpt(self, hit: sig.Hit) -> str:
        source = self.text if len(self.text) == len(self.norm) else self.norm
        return source[hit.start : hit.end]


def triage(rules: Rules, text: str, *, lang: str | None = None, fields: dict[str, Any] | None = None) -> Triage:
    """Run ``text`` through ``rules`` and return the outcome with its explanation.

    Raises:
        InputError: the comment is empty or only whitespace.
    """
    if not text or not text.strip():
        raise InputError("the comment is empty: nothing to answer")
    notes = []
    if len(text) > MAX_ANALYSED_CHARS:
        notes.append(f"the comment has {len(text):,} characters; the first {MAX_ANALYSED_CHARS:,} were analysed")
        text = text[:MAX_ANALYSED_CHARS]
    norm = normalize(text)
    spans = token_spans(norm)
    chosen, source = _language(rules, spans, text, lang)
    facts = Facts(rules, text, norm, spans, chosen, fields or {}, rules.policy)
    outcome, path = walk(rules, facts)
    topic, solution_ids = _topic_and_solutions(rules, facts)
    return Triage(chosen, source, outcome, path, topic, solution_ids, tuple(notes))


def _language(rules: Rules, spans: list[tuple[str, int, int]], text: str, forced: str | None) -> tuple[str, str]:
    if forced:
        if forced not in LANGS:
            raise InputError(f"unknown language '{forced}' (expected one of: {', '.join(LANGS)})")
        return forced, "forced"
    return langmod.detect([tok for tok, _, _ in spans], text, rules.default_lang)


def walk(rules: Rules, facts: Facts) -> tuple[Outcome, tuple[Step, ...]]:
    """Follow the tree from its first node to an outcome."""
    nodes = rules.nodes
    current = rules.root.id
    path = []
    while current in nodes:  # the schema guarantees the tree has no cycle
        node = nodes[current]
        result = conditions.evaluate(node.when, facts)
        # Only the signals the condition actually looked at: explaining must
        # not compute (and compile regexes for) what evaluation short-circuited.
        matched = {name: facts.evidence(name) for name in conditions.signals_in(node.when)}
        path.append(Step(node.id, node.method, result, {k: v for k, v in matched.items() if v}))
        current = node.then if result else node.otherwise
    return rules.outcomes[current], tuple(path)


def _topic_and_solutions(rules: Rules, facts: Facts) -> tuple[str, tuple[str, ...]]:
    best, best_value = "", 0.0
    for signal in rules.signals.values():
        if signal.topic and facts.lang in signal.topic:
            value, fired, _ = facts.signal(signal.name)
            if fired and value > best_value:
                best, best_value = signal.topic[facts.lang], value
    solutions = tuple(s.id for s in rules.solutions if facts.signal(s.signal)[1])
    return best, solutions
