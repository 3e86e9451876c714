"""People the customer names: staff praised, blamed or just named ("merci à Julie", "Tom was rude").

A name is a capitalised word that no vocabulary of the rules knows in the
comment's language (so "Service was slow" names nobody), found after a thanks
("merci à", "thanks to"), after a staff role ("la serveuse Julie", "our
waiter Tom") or before "was"/"a été". Its stance comes from the nearest tone
word in the same clause; a thanks makes it praised.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from replykit.listen.model import Person
from replykit.text.lazyre import lazy_compile

if TYPE_CHECKING:
    from replykit.listen.reading import Reading
    from replykit.rules.model import Rules

_NAME = r"(?P<name>[A-ZÀ-Ý][a-zà-ÿ]+(?:-[A-ZÀ-Ý][a-zà-ÿ]+)?)"
_ROLES_FR = (
    r"serveuse|serveur|coiffeuse|coiffeur|esth[ée]ticienne|technicien|plombier|[ée]lectricien|vendeuse|"
    r"vendeur|r[ée]ceptionniste|g[ée]rante?|coach|prof|masseuse|barbier|livreur|conseill[èe]re?|patronne?"
)
_ROLES_EN = (
    r"waitress|waiter|server|stylist|hairdresser|barber|technician|plumber|electrician|receptionist|"
    r"manager|coach|instructor|trainer|driver|therapist|chef|bartender|barista|host|hostess"
)
PATTERNS = {
    "fr": (
        (
            lazy_compile(
                rf"(?i:merci|bravo|félicitations|un grand merci)\s+(?:à\s+|a\s+)?(?:(?i:notre|la|le|mon|ma)\s+)?"
                rf"(?:(?i:{_ROLES_FR})\s+)?{_NAME}"
            ),
            "praised",
        ),
        (lazy_compile(rf"(?i:{_ROLES_FR})\s+{_NAME}"), ""),
        (lazy_compile(rf"{_NAME}\s+(?:a été|était|est|nous a|m'a|s'est)\b"), ""),
    ),
    "en": (
        (
            lazy_compile(
                rf"(?i:thanks|thank you|kudos|shout ?out|big up|props)\s+(?:to\s+)?(?:(?i:our|the|my)\s+)?"
                rf"(?:(?i:{_ROLES_EN})\s+)?{_NAME}"
            ),
            "praised",
        ),
        (lazy_compile(rf"(?i:{_ROLES_EN})\s+(?:called\s+|named\s+)?{_NAME}"), ""),
        (lazy_compile(rf"{_NAME}\s+(?:was|is|has been|were|made|took|helped|looked)\b"), ""),
    ),
}
# What the folded comment must hold for each pattern above to match: a thanks word, a role.
NEEDS = {
    "fr": (
        ("merci", "bravo", "felicitations"),
        tuple(role.replace("[ée]", "e").replace("[èe]", "e").removesuffix("e?") for role in _ROLES_FR.split("|")),
        (),
    ),
    "en": (("thank", "kudos", "shout", "big up", "props"), tuple(_ROLES_EN.split("|")), ()),
}
NOT_NAMES = frozenset(
    """Le La Les Un Une Ce Cette Il Elle On Nous Vous Je Tout Très Merci Bravo Bonjour Bonsoir
    Service Accueil Personne Rien Pas Mais Et Donc Enfin Sinon Vraiment Super Top Madame Monsieur
    The This That It He She We They You I My Our Your Thanks Thank Hello Hi Hey Service Food Staff Everything
    Everyone Nobody Someone Dear Sir Madam Mr Mrs Ms Miss Very Great Good The Today Yesterday""".split()
)


def hear_people(reading: Reading, rules: Rules) -> tuple[Person, ...]:
    patterns = PATTERNS.get(reading.lang, ())
    text = reading.text
    if not any(char.isupper() for char in text[1:]):
        return ()
    found: dict[str, Person] = {}
    folded = reading.norm
    for (regex, stance), needs in zip(patterns, NEEDS[reading.lang], strict=True):
        if needs and not any(word in folded for word in needs):
            continue  # the regex cannot match: skip its scan of every position
        for match in regex.finditer(text):
            name = match.group("name")
            if name in found or not _is_name(rules, reading.lang, name):
                continue
            found[name] = Person(name, stance or _stance(reading, match.start("name")), match.group().strip())
    return tuple(sorted(found.values(), key=lambda p: text.find(p.words)))


def _is_name(rules: Rules, lang: str, name: str) -> bool:
    if name in NOT_NAMES:
        return False
    word = name.lower()
    known = rules.index.langs[lang].candidates(word) if rules.index is not None else []
    vocab = rules.listening.lexicon.langs[lang].candidates(word) if rules.listening is not None else []
    return not any(term.text.rstrip("*") == word or len(term.tokens) == 1 for _, term in [*known, *vocab])


def _stance(reading: Reading, offset: int) -> str:
    at = reading.token_at(offset)
    if at < 0:
        return "named"
    clause = reading.clauses[at]
    best, best_distance = "named", 9
    for name, sign in (("tone:negative", "blamed"), ("tone:positive", "praised")):
        for hit in reading.found(name):
            if reading.clauses[hit.start] != clause:
                continue
            distance = abs(hit.start - at)
            if distance < best_distance:
                flipped = {"blamed": "praised", "praised": "blamed"}[sign] if hit.negated else sign
                best, best_distance = flipped, distance
    return best
