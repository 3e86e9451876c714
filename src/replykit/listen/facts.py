"""Facts the customer states: how long, how often, how much, when, and which order or case.

Duration, amount, date and reference are read with the regular expressions
below, on the folded comment (case and accents ignored), each skipped unless
the comment holds a string every match needs; repetition comes from the
``repetition`` cues of the rules, minus those inside a ``not_repetition`` cue
("pas encore reçu" is "not yet", not "again"). Each fact is a
:class:`~replykit.listen.model.Phrase`: ``words`` is the customer's span,
``text`` what a reply may say. A duration's ``text`` is a length as written
("trois semaines", "2h") or a starting point with its preposition ("depuis
lundi", "since Monday"), and its ``kind`` says what the length measures:
``wait`` (how long the customer has waited or been stuck: "depuis trois
semaines", "for 2 hours"), ``after`` (how long after something it happened,
"dripping again 2 days later", "au bout de 3 jours": no wait to say back) or
``late`` (how late something was: "une heure de retard", "45 minutes late").
The reference goes to the private script only.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, NamedTuple

from replykit.listen.model import Duration, Phrase
from replykit.text.lazyre import lazy_compile

if TYPE_CHECKING:
    from replykit.listen.reading import Reading

_NUM_FR = (
    r"\d+|une?|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|quinze|vingt|trente|quarante|quelques|plusieurs"
)
_NUM_EN = (
    r"\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|"
    r"several|a few|few|a couple of"
)
_UNIT_FR = r"min(?:ute)?s?|h(?:eures?)?|jours?|semaines?|mois|ans|annees?"
_UNIT_EN = r"min(?:ute)?s?|hrs?|hours?|days?|weeks?|months?|years?"
_DAYS_FR = r"lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche"
_DAYS_EN = r"monday|tuesday|wednesday|thursday|friday|saturday|sunday"
_MONTHS_FR = r"janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre"
_MONTHS_EN = r"january|february|march|april|may|june|july|august|september|october|november|december"
_POINT_FR = (
    rf"(?:{_DAYS_FR})(?: dernier| soir| matin| midi)?|hier(?: soir| matin| midi)?|ce matin|ce midi|"
    rf"la semaine derniere|le mois dernier|le \d{{1,2}}(?:er)?(?: (?:{_MONTHS_FR}))?|(?:{_MONTHS_FR})|noel|"
    r"\d{1,2}/\d{1,2}(?:/\d{2,4})?|\d{1,2}h\d{0,2}"
)
_POINT_EN = (
    rf"(?:last |this )?(?:{_DAYS_EN})(?: night| morning| evening| afternoon)?|yesterday|this morning|last night|"
    rf"last week|last month|the \d{{1,2}}(?:st|nd|rd|th)|(?:{_MONTHS_EN})(?: \d{{1,2}}(?:st|nd|rd|th)?)?|christmas|"
    r"\d{1,2}/\d{1,2}(?:/\d{2,4})?|\d{1,2}(?::\d{2})? ?(?:am|pm)"
)


class Rule(NamedTuple):
    needs: tuple[str, ...]  # the regex is run only when the folded comment holds one of these
    regex: re.Pattern[str]
    kind: str = "wait"  # for a duration: what the length measures, unless the words after it say (AFTER, LATE)


# Words right after a length that say it is not a wait: "2 jours plus tard", "une heure de retard".
AFTER = lazy_compile(r"^ (?:plus tard|apres|later|afterwards|after that)\b")
LATE = lazy_compile(r"^ (?:de retard|d'avance|en retard|late|behind|overdue|delay)\b")


DURATION = {
    "fr": (
        Rule(
            ("depuis",),
            lazy_compile(
                rf"\bdepuis (?:plus d[e' ] ?|presque |pres d[e' ] ?|bientot )?(?P<t>(?:{_NUM_FR}) ?(?:{_UNIT_FR}))\b"
            ),
        ),
        Rule(("depuis",), lazy_compile(rf"\b(?P<t>depuis (?:{_POINT_FR}))\b")),
        Rule(
            ("fait", "voila", "pendant", "attendu", "attente", "plus d"),
            lazy_compile(
                rf"\b(?:ca fait|cela fait|ça fait|voila|pendant|attendu|attente d[e']|plus d[e'])"
                rf" ?(?:plus d[e' ] ?|presque |pres d[e' ] ?)?(?P<t>(?:{_NUM_FR}) ?(?:{_UNIT_FR}))\b"
            ),
        ),
        Rule(
            ("jour", "semaine", "mois", "heure"),
            lazy_compile(
                rf"\b(?P<t>(?:{_NUM_FR}) (?:jours?|semaines?|mois|heures?))"
                r" (?:que|sans|d'attente|de retard|plus tard|apres)\b"
            ),
        ),
        Rule(("bout",), lazy_compile(rf"\bau bout d[e'] ?(?P<t>(?:{_NUM_FR}) ?(?:{_UNIT_FR}))\b"), "after"),
        Rule(
            ("retard",),
            lazy_compile(
                r"\b(?:retard|retardee?s?) d[e'] ?(?:plus d[e' ] ?|pres d[e' ] ?)?"
                rf"(?P<t>(?:{_NUM_FR}) ?(?:{_UNIT_FR}))\b"
            ),
            "late",
        ),
    ),
    "en": (
        Rule(
            ("for ", "over ", "waited ", "waiting "),
            lazy_compile(
                r"\b(?:for|over|waited|waiting|wait of)(?: for)?"
                r" (?:over |more than |almost |nearly |about |at least )?"
                rf"(?P<t>(?:{_NUM_EN}) ?(?:{_UNIT_EN}))\b"
            ),
        ),
        Rule(("since",), lazy_compile(rf"\b(?P<t>since (?:{_POINT_EN}))\b")),
        Rule(
            ("day", "week", "month", "hour", "min"),
            lazy_compile(
                rf"\b(?P<t>(?:{_NUM_EN}) (?:days?|weeks?|months?|hours?|minutes?|mins?))"
                r" (?:now|later|and still|without|late|delay|behind)\b"
            ),
        ),
        Rule(
            ("delay",),
            lazy_compile(
                r"\b(?:delayed|delay of|delayed by)(?: over| more than| almost| nearly| about)?"
                rf" (?P<t>(?:{_NUM_EN}) ?(?:{_UNIT_EN}))\b"
            ),
            "late",
        ),
    ),
}
AMOUNT = (
    Rule(("€", "$", "£"), lazy_compile(r"[$£€] ?\d+(?:[.,]\d{1,2})?")),
    Rule(
        ("€", "eur", "dollar", "buck", "pound", "£", "$"),
        lazy_compile(r"\b\d+(?:[.,]\d{1,2})? ?(?:€|euros?\b|eur\b|dollars?\b|bucks\b|pounds?\b|£|\$)"),
    ),
)
# What every date match holds: a day or month name, a relative day, or a "/" (a date as figures).
_DATE_NEEDS_FR = (*_DAYS_FR.split("|"), *_MONTHS_FR.split("|"), "hier", "ce matin", "ce midi", "ce soir", "/")
_DATE_NEEDS_EN = (*_DAYS_EN.split("|"), *_MONTHS_EN.split("|"), "yesterday", "tonight", "this morning",
                  "last night", "on the ", "/")  # fmt: skip
DATE = {
    "fr": (
        Rule(
            _DATE_NEEDS_FR,
            lazy_compile(
                rf"\b(?:(?:ce |le )?(?:{_DAYS_FR})(?: dernier| soir| matin| midi| \d{{1,2}})?|"
                rf"hier(?: soir| matin| midi)?|avant hier|ce matin|ce midi|ce soir|"
                rf"le (?:\d{{1,2}}|1er) (?:{_MONTHS_FR})|\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?)\b"
            ),
        ),
    ),
    "en": (
        Rule(
            _DATE_NEEDS_EN,
            lazy_compile(
                rf"\b(?:(?:on |last |this |next )?(?:{_DAYS_EN})(?: night| morning| evening| afternoon)?|"
                rf"yesterday|tonight|this morning|last night|on the \d{{1,2}}(?:st|nd|rd|th)|"
                rf"\d{{1,2}}(?:st|nd|rd|th)? (?:of )?(?:{_MONTHS_EN})|"
                rf"(?:{_MONTHS_EN}) \d{{1,2}}(?:st|nd|rd|th)?|\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?)\b"
            ),
        ),
    ),
}
REFERENCE = (
    Rule(("#",), lazy_compile(r"#\s?(?=[a-z0-9-]*\d)[a-z0-9][a-z0-9-]{2,}")),
    Rule(
        (
            "order",
            "commande",
            "dossier",
            "ticket",
            "case",
            "ref",
            "booking",
            "reservation",
            "facture",
            "invoice",
            "n°",
            "numero",
            "number",
        ),
        lazy_compile(
            r"\b(?:order|commande|dossier|ticket|case|reference|ref|booking|reservation|facture|invoice|numero|number)"
            r"(?: (?:number|numero|no|nr|n°|num|reference|ref))?\.? ?(?:n°|no\.?|#|:)? ?"
            r"(?=[a-z]{0,4}-?\d)[a-z]{0,4}-?\d[a-z0-9-]{3,}\b"
        ),
    ),
)


class Facts(NamedTuple):
    duration: Duration | None
    repetition: Phrase | None
    amount: Phrase | None
    date: Phrase | None
    reference: Phrase | None
    wrote_privately: Phrase | None
    line_down: Phrase | None


def hear_facts(reading: Reading) -> Facts:
    lang = reading.lang
    duration, taken = _duration(reading, DURATION.get(lang, ()))
    reference, _ = _first(reading, REFERENCE, None)
    amount, _ = _first(reading, AMOUNT, None)
    date, _ = _first(reading, DATE.get(lang, ()), taken)
    wrote, down = _cue(reading, "wrote_privately"), _cue(reading, "line_down")
    return Facts(duration, _repetition(reading), amount, date, reference, wrote, down)


_GATES: dict[tuple[str, ...], re.Pattern[str]] = {}


def _gate(needs: tuple[str, ...]) -> re.Pattern[str]:
    """One compiled search for any of ``needs`` (a single C-level scan instead of one ``in`` per string)."""
    gate = _GATES.get(needs)
    if gate is None:
        gate = _GATES[needs] = re.compile("|".join(map(re.escape, needs)))
    return gate


def _duration(reading: Reading, rules: tuple[Rule, ...]) -> tuple[Duration | None, tuple[int, int] | None]:
    best, rule = _match(reading, rules, None)
    if best is None or rule is None:
        return None, None
    start, end = best.span("t")
    words = _source(reading)[start:end].strip()
    after = reading.norm[end : end + 20]
    kind = "late" if LATE.match(after) else "after" if AFTER.match(after) else rule.kind
    return Duration(words, words, kind), best.span()


def _first(
    reading: Reading, rules: tuple[Rule, ...], avoid: tuple[int, int] | None
) -> tuple[Phrase | None, tuple[int, int] | None]:
    best, _ = _match(reading, rules, avoid)
    if best is None:
        return None, None
    group = "t" if "t" in best.re.groupindex else 0
    start, end = best.span(group)
    words = _source(reading)[start:end].strip()
    return Phrase(words, words), best.span()


def _match(
    reading: Reading, rules: tuple[Rule, ...], avoid: tuple[int, int] | None
) -> tuple[re.Match[str] | None, Rule | None]:
    """The earliest match of any of ``rules`` (outside ``avoid``), and its rule."""
    norm = reading.norm
    best: re.Match[str] | None = None
    best_rule = None
    for rule in rules:
        if rule.needs and not _gate(rule.needs).search(norm):
            continue  # no string every match needs: the regex is not run
        for match in rule.regex.finditer(norm):
            if avoid and match.start() < avoid[1] and match.end() > avoid[0]:
                continue
            if best is None or match.start() < best.start():
                best, best_rule = match, rule
            break
    return best, best_rule


def _source(reading: Reading) -> str:
    return reading.text if len(reading.text) == len(reading.norm) else reading.norm


def _cue(reading: Reading, name: str) -> Phrase | None:
    """The first words found for one of the listening cues, as said."""
    hits = reading.found(name)
    if not hits:
        return None
    words = reading.words(hits[0].start, hits[0].end)
    return Phrase(words, words)


def _repetition(reading: Reading) -> Phrase | None:
    hits = reading.found("repetition")
    if not hits:
        return None
    blocked = reading.found("not_repetition")
    # a phrase ("troisième fois") says more than a lone word ("encore", "again")
    for hit in sorted(hits, key=lambda h: (h.start == h.end, h.start, h.start - h.end)):
        if not any(b.start <= hit.start and hit.end <= b.end for b in blocked):
            words = reading.words(hit.start, hit.end)
            return Phrase(words, words)
    return None
