"""The ``listening:`` section: the vocabularies the listening stage reads a comment with.

It may stand in rules.yaml or in the files it includes (the default rules
keep it in ``listening/aspects.yaml`` and ``listening/cues.yaml``); sections
from several files are merged, and an aspect, channel or ask kind defined
twice is a located error in the file that repeats it. Every list of words is
written and matched like the terms of a lexicon signal: the compiled form is
one :class:`~replykit.rules.kinds.lexicon.LexiconIndex` of pseudo-signals
(``aspect:delivery``, ``tone:negative``, ``channel:phone``, ``ask:hours``...,
and for the words that need a context or have exceptions ``maybe:<aspect>``,
``near:<aspect>``, ``except:<signal>``), so a comment is scanned once for all
of them. A rules file without the
section hears no aspect and no cue.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple

from replykit.errors import Location
from replykit.rules.kinds.lexicon import LexiconIndex, parse_exceptions, parse_term, parse_terms
from replykit.rules.model import LANGS, Signal, Term

if TYPE_CHECKING:  # a loaded rules file unpickles this module: it must not import the YAML parser
    from replykit.rules.checker import Checker
    from replykit.rules.yamlsrc import KeyPath

# The channel ids and ask kinds of `heard` (replykit.listen.model re-exports them).
CHANNELS = ("phone", "email", "chat", "dm", "shop", "form")
ASK_KINDS = (
    "hours", "holiday", "price", "availability", "booking", "area", "access", "quote",
    "dietary", "delivery", "order_status", "refund", "how_to", "account", "cancel", "payment", "product",
    "contact", "status", "other",
)  # fmt: skip
SECTION_KEYS = (
    "tone", "aspects", "channels", "unanswered", "repetition", "not_repetition", "wrote_privately", "line_down", "asks",
)  # fmt: skip
TONES = ("negative", "positive")
TONE_KEYS = (*TONES, "except")
FORM_KEYS = ("phrase", "the", "gender", "number", "terms", "only_near", "except")
NEAR_KEYS = ("terms", "near")
GENDERS = ("m", "f")
NUMBERS = ("s", "p")

Terms = dict[str, tuple[Term, ...]]


class AspectForm(NamedTuple):
    """How a reply names an aspect in one language."""

    phrase: str  # "votre livraison" (possessive when the thing is the customer's, else definite: "l'hygiène")
    the: str  # "la livraison"
    gender: str  # "m" | "f" in French, "" in English
    number: str  # "s" | "p"


class Listening(NamedTuple):
    """The compiled vocabularies: aspect forms in file order, and one index for every word list."""

    aspects: dict[str, dict[str, AspectForm]]  # aspect id -> lang -> form
    channels: tuple[str, ...]  # channel ids defined, in file order
    asks: tuple[str, ...]  # ask kinds defined, in file order (the first found wins)
    lexicon: LexiconIndex  # every word list, one pseudo-signal each
    generic: frozenset[str] = frozenset()  # aspects a subject only when no specific one is heard
    incidents: frozenset[str] = frozenset()  # aspects that are the subject whenever heard (an injury, a reaction)
    faults: frozenset[str] = frozenset()  # aspects whose words state the problem ("débité deux fois"): blamed


class Parts:
    """The ``listening:`` sections read so far (rules.yaml and included files), before compiling."""

    def __init__(self) -> None:
        self.lists: dict[str, list[Terms]] = {}  # pseudo-signal name -> term maps to join
        self.exceptions: dict[str, list[Terms]] = {}  # pseudo-signal name -> `except:` phrases to join
        self.forms: dict[str, dict[str, AspectForm]] = {}
        self.channels: list[str] = []
        self.asks: list[str] = []
        self.generic: list[str] = []
        self.incidents: list[str] = []
        self.faults: list[str] = []
        self.origins: dict[str, str] = {}  # "aspect:x" -> "file:line:col", for duplicate errors

    def add(self, name: str, terms: Terms, exceptions: Terms | None = None) -> None:
        self.lists.setdefault(name, []).append(terms)
        if exceptions:
            self.exceptions.setdefault(name, []).append(exceptions)

    def claim(self, check: Checker, name: str, path: KeyPath) -> bool:
        """Record where ``name`` is defined; False (and a located error) when it already is."""
        if name in self.origins:
            kind, _, ident = name.partition(":")
            check.error(path, f"{kind} '{ident}' is already defined at {self.origins[name]}")
            return False
        self.origins[name] = _place(check.doc.where(path))
        return True


def parse_listening(check: Checker, value: Any, parts: Parts, path: KeyPath = ("listening",)) -> None:
    """Validate one ``listening:`` section and add it to ``parts``; problems go to ``check``."""
    raw = check.mapping(value, path, SECTION_KEYS)
    if "tone" in raw:
        tone = check.mapping(raw["tone"], (*path, "tone"), TONE_KEYS)
        # `except`: phrases a tone word inside does not judge ("bon cadeau", "kind of", "frais de port").
        unless = parse_exceptions(check, tone["except"], (*path, "tone", "except")) if "except" in tone else {}
        for name in TONES:
            if name in tone:
                parts.add(f"tone:{name}", parse_terms(check, tone[name], (*path, "tone", name)), unless)
    for key in ("unanswered", "repetition", "not_repetition", "wrote_privately", "line_down"):
        if key in raw:
            parts.add(key, parse_terms(check, raw[key], (*path, key)))
    if "aspects" in raw:
        _parse_aspects(check, raw["aspects"], (*path, "aspects"), parts)
    if "channels" in raw:
        _parse_channels(check, raw["channels"], (*path, "channels"), parts)
    if "asks" in raw:
        for kind, terms in check.mapping(raw["asks"], (*path, "asks"), ASK_KINDS).items():
            if kind in ASK_KINDS and parts.claim(check, f"ask:{kind}", (*path, "asks", kind)):
                parts.asks.append(kind)
                parts.add(f"ask:{kind}", parse_terms(check, terms, (*path, "asks", kind)))


def _parse_aspects(check: Checker, value: Any, path: KeyPath, parts: Parts) -> None:
    for aspect_id, spec in check.mapping(value, path, None).items():
        where: KeyPath = (*path, aspect_id)
        check.identifier(aspect_id, where)
        raw = check.mapping(spec, where, (*LANGS, "description", "generic", "incident", "fault"))
        if raw and not any(lang in raw for lang in LANGS):
            check.error(where, f"aspect '{aspect_id}' needs at least one language ({', '.join(LANGS)})")
        if not raw or not parts.claim(check, f"aspect:{aspect_id}", where):
            continue
        forms: dict[str, AspectForm] = {}
        terms: dict[str, Forms] = {}
        unless: Terms = {}
        for lang in LANGS:
            if lang in raw:
                form, lang_terms = _parse_form(check, raw[lang], (*where, lang), lang)
                forms[lang] = form
                terms[lang] = lang_terms
                if isinstance(raw[lang], dict) and "except" in raw[lang]:
                    unless[lang] = _term_list(check, raw[lang]["except"], (*where, lang, "except"))
        parts.forms[aspect_id] = forms
        if "generic" in raw and check.boolean(raw["generic"], (*where, "generic")):
            parts.generic.append(aspect_id)
        if "incident" in raw and check.boolean(raw["incident"], (*where, "incident")):
            parts.incidents.append(aspect_id)
        if "fault" in raw and check.boolean(raw["fault"], (*where, "fault")):
            parts.faults.append(aspect_id)
        parts.add(f"aspect:{aspect_id}", {lang: form_terms[0] for lang, form_terms in terms.items()}, unless)
        # Terms with two senses count for the aspect only near one of their `near` words (listen/aspects.py).
        for name, index in (("maybe", 1), ("near", 2)):
            context = {lang: form_terms[index] for lang, form_terms in terms.items() if form_terms[index]}
            if context:
                parts.add(f"{name}:{aspect_id}", context)


Forms = tuple[tuple[Term, ...], tuple[Term, ...], tuple[Term, ...]]  # terms, only_near terms, their near words


def _parse_form(check: Checker, value: Any, path: KeyPath, lang: str) -> tuple[AspectForm, Forms]:
    required = ("phrase", "the", "terms", "gender") if lang == "fr" else ("phrase", "the", "terms")
    raw = check.mapping(value, path, FORM_KEYS, required)
    gender = check.choice(raw["gender"], (*path, "gender"), GENDERS) if "gender" in raw else ""
    form = AspectForm(
        phrase=check.string(raw.get("phrase", ""), (*path, "phrase")) if "phrase" in raw else "",
        the=check.string(raw.get("the", ""), (*path, "the")) if "the" in raw else "",
        gender=gender,
        number=check.choice(raw.get("number", "s"), (*path, "number"), NUMBERS),
    )
    items = check.sequence(raw["terms"], (*path, "terms")) if "terms" in raw else []
    terms = (parse_term(check, item, (*path, "terms", i)) for i, item in enumerate(items))
    maybe: tuple[Term, ...] = ()
    near: tuple[Term, ...] = ()
    if "only_near" in raw:
        where = (*path, "only_near")
        context = check.mapping(raw["only_near"], where, NEAR_KEYS, NEAR_KEYS)
        maybe, near = (_term_list(check, context.get(key), (*where, key)) for key in NEAR_KEYS)
    return form, (tuple(term for term in terms if term), maybe, near)


def _term_list(check: Checker, value: Any, path: KeyPath) -> tuple[Term, ...]:
    items = check.sequence(value, path) if value is not None else []
    terms = (parse_term(check, item, (*path, i)) for i, item in enumerate(items))
    return tuple(term for term in terms if term)


def _parse_channels(check: Checker, value: Any, path: KeyPath, parts: Parts) -> None:
    for channel, spec in check.mapping(value, path, CHANNELS).items():
        where: KeyPath = (*path, channel)
        if channel not in CHANNELS or not parts.claim(check, f"channel:{channel}", where):
            continue
        raw = check.mapping(spec, where, ("terms", "failed"), ("terms",))
        parts.channels.append(channel)
        if "terms" in raw:
            parts.add(f"channel:{channel}", parse_terms(check, raw["terms"], (*where, "terms")))
        if "failed" in raw:
            parts.add(f"failed:{channel}", parse_terms(check, raw["failed"], (*where, "failed")))


def compile_listening(parts: Parts) -> Listening:
    """One lexicon index over every word list; aspects, channels and ask kinds in file order."""
    signals = {}
    for name, maps in parts.lists.items():
        signals[name] = Signal(name, "lexicon", terms=_joined(maps))
    # `except:` phrases are scanned with the rest, as ``except:<name>``: the listening stage drops a hit of
    # <name> found inside one (listen/reading.py), which costs nothing when none is in the comment.
    for name, maps in parts.exceptions.items():
        signals[f"except:{name}"] = Signal(f"except:{name}", "lexicon", terms=_joined(maps))
    index = LexiconIndex(signals)
    return Listening(
        parts.forms, tuple(parts.channels), tuple(parts.asks), index, frozenset(parts.generic),
        frozenset(parts.incidents), frozenset(parts.faults),
    )  # fmt: skip


def _joined(maps: list[Terms]) -> Terms:
    joined: dict[str, list[Term]] = {}
    for terms in maps:
        for lang, items in terms.items():
            joined.setdefault(lang, []).extend(items)
    return {lang: tuple(items) for lang, items in joined.items()}


def _place(where: Location) -> str:
    return f"{where.file}:{where.line}:{where.column}"
