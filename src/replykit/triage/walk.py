"""Triage: run one comment through the decision tree.

The result says which outcome was reached and why: every node visited, the
method steps it implements, whether its condition held, and the words or
values that made the signals fire.
"""

from __future__ import annotations

from functools import partial
from typing import Any, NamedTuple

from replykit.errors import InputError
from replykit.rules import conditions
from replykit.rules.kinds import REGISTRY as KINDS
from replykit.rules.kinds.lexicon import lexicon_value
from replykit.rules.model import LANGS, Hit, Node, Outcome, Rules, Signal
from replykit.text.normalize import normalize, token_offsets, tokenize
from replykit.triage import language as langmod

MAX_ANALYSED_CHARS = 20_000  # a 5 MB paste is analysed on its head, not rejected


class Step(NamedTuple):
    """One node visited on the way to the outcome."""

    node: str
    method: tuple[str, ...]
    result: bool
    consulted: list[str]  # the fired signals its condition consulted, in order (repeats included)
    facts: Facts  # where their evidence is found, when it is asked for

    @property
    def matched(self) -> dict[str, list[str]]:
        """Signal name -> the words or values that fired it: what decided the node.

        Looked up on demand: most callers (eval, routing) never show the path,
        and the words of a lexicon hit cost more to find than the hit itself.
        """
        if not self.consulted:
            return {}
        facts = self.facts
        return {name: words for name in dict.fromkeys(self.consulted) if (words := facts.evidence(name))}

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


# Step(...) runs a Python-level __new__; this builds the same named tuple in C.
_new_step = partial(tuple.__new__, Step)

NO_EVIDENCE_YET: list[str] = []  # a marker, compared by identity: see Facts.evidence()


class Facts:
    """Everything a condition may ask about one comment; signals computed on demand."""

    def __init__(
        self,
        rules: Rules,
        text: str,
        norm: str,
        tokens: list[str],
        lang: str,
        fields: dict[str, Any],
        policy: dict[str, bool],
    ) -> None:
        self.rules, self.text, self.norm, self.tokens = rules, text, norm, tokens
        self._spans: list[tuple[str, int, int]] | None = None
        self.lang, self.fields, self.policy = lang, fields, policy
        self._cache: dict[str, tuple[float, bool, list[str]]] = {}
        self.fired_names: set[str] = set()  # settled signals (see _scan_lexicons) that fired
        self._details: dict[str, Any] = {}  # what fired signals found, turned into evidence on demand
        self.notes: list[str] = []  # what the user should know about this analysis
        self.seen: list[str] = []  # fired signals the current node's condition consulted
        self._scan_lexicons()

    def _scan_lexicons(self) -> None:
        # One pass finds every lexicon term; settling the lexicon signals with
        # hits now costs less than dispatching them one by one later (those
        # without hits are simply absent: see signal()). The words shown as
        # evidence are only looked up for the signals an explanation names.
        rules = self.rules
        exceptions = rules.negation_exceptions.get(self.lang, frozenset())
        hits = rules.index.scan(self.tokens, self.lang, rules.negators[self.lang], exceptions)
        signals, cache, fired = self.rules.index.lexicon_signals, self._cache, self.fired_names
        for name, found in hits.items():
            signal = signals[name]
            value, kept = lexicon_value(signal, found)
            if value > 0 and conditions.within(value, signal.minimum, signal.maximum):
                cache[name] = (value, True, NO_EVIDENCE_YET)
                self._details[name] = kept
                fired.add(name)
            else:
                cache[name] = (value, False, [])
        for signal in rules.index.unions:  # members first: a union of unions is settled too
            value = KINDS[signal.kind].value_from_scan(signal, fired, cache)
            if value > 0 and conditions.within(value, signal.minimum, signal.maximum):
                cache[signal.name] = (value, True, NO_EVIDENCE_YET)
                fired.add(signal.name)
            elif value:
                cache[signal.name] = (value, False, [])

    def evidence(self, name: str) -> list[str]:
        """The words or values that fired signal ``name`` (empty when it did not fire).

        Looked up on the first request: a fired signal's evidence is only
        needed when an explanation shows it.
        """
        value, fired = self.signal_value(name)
        if not fired:
            return []
        words = self._cache[name][2]
        if words is NO_EVIDENCE_YET:
            signal = self.rules.signals[name]
            words = KINDS[signal.kind].evidence(self, signal, value, self._details.get(name))
            self._cache[name] = (value, fired, words)
        return words

    def signal_value(self, name: str) -> tuple[float, bool]:
        """The value of signal ``name`` and whether it fired, computed on the first request."""
        found = self._cache.get(name)
        if found is None:
            if name in self.rules.index.settled:  # the scan found nothing for it
                return 0.0, False
            found = self._cache[name] = self._compute(self.rules.signals[name])
        return found[0], found[1]

    def field_value(self, name: str) -> Any:
        return self.fields.get(name)

    def signal(self, name: str) -> tuple[float, bool, list[str]]:
        """The value of signal ``name``, whether it fired, and its evidence."""
        value, fired = self.signal_value(name)
        return value, fired, self.evidence(name)

    def _compute(self, signal: Signal) -> tuple[float, bool, list[str]]:
        kind = KINDS[signal.kind]
        value, details = kind.value(self, signal)
        if not (value > 0 and conditions.within(value, signal.minimum, signal.maximum)):
            return value, False, []
        if signal.members:
            # A union's evidence may compute members the walk did not need,
            # and their notes (a regex stopped) belong to this triage: now.
            return value, True, kind.evidence(self, signal, value, details)
        self._details[signal.name] = details
        return value, True, NO_EVIDENCE_YET

    def excerpt(self, start: int, end: int) -> str:
        """The comment's own characters between two offsets (the folded ones if lengths differ)."""
        source = self.text if len(self.text) == len(self.norm) else self.norm
        return source[start:end]

    def token_excerpt(self, hit: Hit) -> str:
        spans = self._spans
        if spans is None or len(spans) <= hit.end:  # offsets only as far as evidence needs them
            spans = self._spans = token_offsets(self.norm, self.tokens, max(hit.end, 2 * len(spans or ())))
        return self.excerpt(spans[hit.start][1], spans[hit.end][2])


def triage(rules: Rules, text: str, *, lang: str | None = None, fields: dict[str, Any] | None = None) -> Triage:
    """Run ``text`` through ``rules`` and return the outcome with its explanation.

    A review with a rating and no text (a ``stars`` field) is answered from its rating alone.

    Raises:
        InputError: the comment is empty or only whitespace, and carries no rating.
    """
    if (not text or not text.strip()) and not rated(fields):
        raise InputError("the comment is empty: nothing to answer")
    notes = []
    if len(text) > MAX_ANALYSED_CHARS:
        notes.append(f"the comment has {len(text):,} characters; the first {MAX_ANALYSED_CHARS:,} were analysed")
        text = text[:MAX_ANALYSED_CHARS]
    norm = normalize(text)
    tokens = tokenize(norm)
    chosen, source = _language(rules, tokens, text, lang)
    facts = Facts(rules, text, norm, tokens, chosen, fields or {}, rules.policy)
    outcome, path = walk(rules, facts)
    topic, solution_ids = _topic_and_solutions(rules, facts)
    return Triage(chosen, source, outcome, path, topic, solution_ids, (*notes, *facts.notes))


def rated(fields: dict[str, Any] | None) -> bool:
    """Whether the record carries a star rating (``stars``, 1 to 5): reason enough to answer without text."""
    stars = (fields or {}).get("stars")
    return isinstance(stars, int | float) and not isinstance(stars, bool) and 1 <= stars <= 5


def _language(rules: Rules, tokens: list[str], text: str, forced: str | None) -> tuple[str, str]:
    if forced:
        if forced not in LANGS:
            raise InputError(f"unknown language '{forced}' (expected one of: {', '.join(LANGS)})")
        return forced, "forced"
    return langmod.language_of(rules, tokens, text)


def walk(rules: Rules, facts: Facts) -> tuple[Outcome, tuple[Step, ...]]:
    """Follow the tree from its first node to an outcome."""
    nodes = compiled_nodes(rules)
    current = rules.root.id
    path = []
    while current in nodes:  # the schema guarantees the tree has no cycle
        node, check = nodes[current]
        # What decides the node: the fired signals its condition consults, in
        # the order it consults them (short-circuited parts are not explanations).
        facts.seen = []
        result = check(facts)
        path.append(_new_step((node.id, node.method, result, facts.seen, facts)))
        current = node.then if result else node.otherwise
    return rules.outcomes[current], tuple(path)


CompiledNode = tuple[Node, conditions.Check]


def compiled_nodes(rules: Rules) -> dict[str, CompiledNode]:
    """Each node with its condition compiled, built once per rules object."""
    compiled: dict[str, CompiledNode] | None = getattr(rules, "_compiled_nodes", None)
    if compiled is None:
        settled = rules.index.settled
        compiled = {node.id: (node, conditions.compile_condition(node.when, settled)) for node in rules.tree}
        rules._compiled_nodes = compiled  # type: ignore[attr-defined]
    return compiled


def _topic_and_solutions(rules: Rules, facts: Facts) -> tuple[str, tuple[str, ...]]:
    # Topic and solution signals are lexicons: the scan settled those that fired.
    fired = facts.fired_names
    best, best_value = "", 0.0
    for signal in rules.index.topic_signals:
        if signal.name in fired and facts.lang in signal.topic:
            value = facts.signal_value(signal.name)[0]
            if value > best_value:
                best, best_value = signal.topic[facts.lang], value
    solutions = tuple(s.id for s in rules.solutions if s.signal in fired)
    return best, solutions
