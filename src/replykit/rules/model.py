"""The validated, compiled form of a rules file.

Named tuples and one dataclass, so a compiled :class:`Rules` pickles to the
cache and loads back without PyYAML or re-validation. Named tuples rather
than frozen dataclasses because they are defined about ten times faster, and
every ``replykit`` call imports this module.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, NamedTuple

LANGS = ("en", "fr")
LANG_KEYS = (*LANGS, "any")  # where terms and patterns are listed: a language, or both
CATEGORIES = ("complaint", "question", "general", "inappropriate", "praise", "other")
# Label maps (eval, learn): "*rest" in a map names the class of every category it does not name.
REST = "rest"
REST_TARGET = "*rest"
ACTIONS = ("reply", "reply_private", "moderate", "escalate", "monitor")

# Stable step IDs of ../shared/METHOD.md (the method replykit encodes).
METHOD_IDS = (
    "PAUSE",
    "PUBLIC",
    "READ",
    "ROUTE",
    "REPLY",
    "O1.1",
    "O1.2",
    "O1.3",
    "O1.4",
    "O1.5",
    "O1.6",
    "O1.7",
    "GESTURE",
    "O2.1",
    "O2.2",
    "O2.3",
    "ESCALATE",
)

# A localised string: the same text for every language, or one per language.
Localized = str | dict[str, str]

# Conditions are nested tuples, evaluated by replykit.rules.conditions:
#   ("signal", name, min, max) ("field", name, min, max, values) ("lang", lang)
#   ("policy", name) ("all", conds) ("any", conds) ("not", cond) ("true",)
Condition = tuple[Any, ...]


class Term(NamedTuple):
    """One lexicon entry: a word, a ``stem*`` or a phrase, with its weight."""

    text: str  # as written in rules.yaml, shown to the user as evidence
    tokens: tuple[tuple[str, bool], ...]  # (token, is_stem) after normalisation
    weight: float = 1.0


class Hit(NamedTuple):
    """One matched term (or regex match) with its span in the comment."""

    text: str  # the term as written in rules.yaml, or the regex match
    weight: float
    negated: bool
    start: int
    end: int


class Signal(NamedTuple):
    """A named detector; ``kind`` picks which of the option groups applies (see ``rules/kinds/``)."""

    name: str
    kind: str  # lexicon | pattern | stat | field | any_of | sum
    method: tuple[str, ...] = ()
    description: str = ""
    # lexicon
    terms: dict[str, tuple[Term, ...]] = {}
    negation: str = "ignore"  # ignore | exclude | require
    window: int = 3
    topic: dict[str, str] = {}
    negation_side: str = "before"  # before | after | both: where a negator must stand
    exceptions: dict[str, tuple[Term, ...]] = {}  # `except:` phrases that swallow a term found inside them
    overlap: str = "all"  # all | longest: whether a term inside a longer one found there still counts
    # pattern
    patterns: dict[str, tuple[str, ...]] = {}
    raw: bool = False
    pattern_weights: dict[str, tuple[float, ...]] = {}  # parallel to `patterns`; empty when every weight is 1
    # stat
    measure: str = ""
    # field
    field_name: str = ""
    values: tuple[str, ...] = ()
    # any_of, sum: the signals combined, by name
    members: tuple[str, ...] = ()
    # threshold shared by every kind: fires when minimum <= value <= maximum
    minimum: float = 1.0
    maximum: float | None = None


class Node(NamedTuple):
    id: str
    method: tuple[str, ...]
    when: Condition
    then: str
    otherwise: str
    description: str = ""


class Outcome(NamedTuple):
    id: str
    category: str
    option: int | None
    escalate: bool
    action: str
    method: tuple[str, ...]
    templates: dict[str, dict[str, str]]  # kind (public/private) -> lang -> file name
    examples: dict[str, tuple[str, ...]]
    label: dict[str, str] = {}
    origin: str = ""  # "rules.yaml:120:5: outcomes.x.templates", for template errors


class Reminder(NamedTuple):
    id: str
    method: tuple[str, ...]
    text: dict[str, str]
    categories: tuple[str, ...] = ()  # empty: every category
    escalate_only: bool = False


class Solution(NamedTuple):
    """A quick fix from the user's FAQ table (O1.2)."""

    id: str
    signal: str  # the hidden lexicon signal that detects it
    answer: dict[str, str]
    link: str = ""
    asks: tuple[str, ...] = ()  # the kinds of question it answers (heard.ask.kind); none: any question
    fixes: tuple[str, ...] = ()  # the aspects of a complaint it settles (heard.aspects); none: no complaint


@dataclass(eq=False)
class Rules:
    """Everything the engine needs, validated; build it with ``load_rules``."""

    source: str
    profile: dict[str, Localized]
    policy: dict[str, bool]
    negators: dict[str, frozenset[str]]
    signals: dict[str, Signal]
    tree: tuple[Node, ...]
    outcomes: dict[str, Outcome]
    reminders: tuple[Reminder, ...]
    solutions: tuple[Solution, ...]
    lint: dict[str, Any] = field(default_factory=dict)
    templates_dir: str | None = None  # set by the rules file's `templates:` key
    includes: tuple[tuple[str, int, int], ...] = ()  # included files: (resolved path, mtime_ns, size)
    index: Any = None  # replykit.rules.kinds.lexicon.LexiconIndex, built once per load
    patterns: Any = None  # replykit.rules.kinds.pattern.PatternIndex, built once per load
    nodes: dict[str, Node] = field(default_factory=dict)
    checked_templates: set[str] = field(default_factory=set)  # folders known to hold every template
    # Words that, within two words after a negator, mean it negates nothing that
    # follows: "no problem, it arrived", "pas de souci, c'est reçu".
    negation_exceptions: dict[str, frozenset[str]] = field(default_factory=dict)
    listening: Any = None  # replykit.rules.listening.Listening: the vocabularies of the listening stage

    def __post_init__(self) -> None:
        self.nodes = {node.id: node for node in self.tree}

    def __getstate__(self) -> dict[str, Any]:
        # Compiled closures and per-process checks are rebuilt after loading.
        state = dict(self.__dict__)
        state.pop("_compiled_nodes", None)
        state.pop("_templates_dirs", None)
        state.pop("_policy_variants", None)
        state["checked_templates"] = set()
        return state

    @property
    def root(self) -> Node:
        return self.tree[0]

    @property
    def default_lang(self) -> str:
        lang = self.profile.get("default_lang", "fr")
        return lang if isinstance(lang, str) and lang in LANGS else "fr"
