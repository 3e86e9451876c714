"""The thing the customer names, in their words, with the possessive turned around.

"ma commande de 20 croissants" -> "votre commande de 20 croissants", "my save
data" -> "your save data". Only a possessive noun phrase counts: it is the
customer's own thing, named in their words. The phrase ends at punctuation,
at a word that starts a verb or a clause, or after a few words; "de", "of"...
carry it on only when a word follows. None when no phrase reads safely
(a possessive of speech such as "mon avis", "my god", or the business's staff).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from replykit.listen.model import Phrase

if TYPE_CHECKING:
    from replykit.listen.reading import Reading

MAX_WORDS = 6  # the possessive excluded

TURNED = {
    "fr": {"mon": "votre", "ma": "votre", "notre": "votre", "mes": "vos", "nos": "vos"},
    "en": {"my": "your", "our": "your"},
}
# Words that end the phrase: verbs, negations, pronouns, conjunctions, relatives, adverbs.
STOPS = {
    "fr": frozenset(
        """a ai as avons avez ont est etait etaient ete sont sera serait fut soit suis es sommes etes
        qui que qu quand et mais ou donc car ni n ne pas plus jamais je j il elle on nous vous ils elles se s ce c
        ca cela ceci y me m te t lui leur puis toujours deja encore depuis avec sans chez sur sous par pour vers
        comme si lorsque parce alors aussi tres trop bien mal vraiment meme tout toute tous toutes ici la-bas hier
        aujourd demain ce cet cette ces le la les l un une des du au aux dans en a arrive arrivee arrives
        arrivees recu recue recus recues reste restee attend attends attendu fait faite dit vient
        svp stp merci avait avaient avais aura aurait auraient sera seront""".split()
    ),
    "en": frozenset(
        """is was are were be been being am has had have got gets get did does do didn doesn don
        isn wasn aren weren hasn haven hadn won can couldn could would should will shall may might must not no
        never still just already also only even that which who whom whose when where while because since after
        before and but or nor so then than i me he she it we they you him her them us this these those there here
        again ever very too really yet today yesterday tomorrow now arrived came went took left broke stopped
        keeps kept came come comes turned showed looked seems seemed tasted smelled felt
        for from with in on at to by after during about since until please pls plz thanks thank thx cheers""".split()
    ),
}
# Words that carry the phrase on to the next word.
LINKS = {"fr": frozenset({"de", "d", "du", "des", "au", "aux", "en"}), "en": frozenset({"of"})}
# Possessives of speech, not of a thing ("à mon avis", "oh my god"), the business's people, and personal
# data ("our information" at a hotel's check-in): never said back in public.
NOT_THINGS = frozenset(
    """avis dieu part cote sens vie faute tour coeur gout grand grande mere pere tete
    god gosh goodness lord opinion life mind self own fault turn heart goodness way bad
    serveur serveuse serveurs serveuses coiffeur coiffeuse technicien plombier vendeur vendeuse
    waiter waitress server servers stylist hairdresser technician plumber
    information informations info infos details detail data donnees coordonnees""".split()
)
_WORD = re.compile(r"\w")


def hear_object(reading: Reading, prefer: tuple[int, ...] = ()) -> Phrase | None:
    """The possessive phrase covering one of the token positions ``prefer``, else the first one."""
    turned = TURNED.get(reading.lang, {})
    tokens = reading.tokens
    found = []
    for i, token in enumerate(tokens):
        if token in turned:
            end = _phrase_end(reading, i)
            if end > i and tokens[i + 1] not in NOT_THINGS:
                found.append((i, end))
    if not found:
        return None
    start, end = next(((s, e) for s, e in found if any(s < p <= e for p in prefer)), found[0])
    words = reading.words(start, end)
    return Phrase(_turn(reading, start, end), words)


def _phrase_end(reading: Reading, start: int) -> int:
    """The last token of the noun phrase after the possessive at ``start``, or ``start`` when none reads safely."""
    tokens, stops, links = reading.tokens, STOPS[reading.lang], LINKS[reading.lang]
    clauses = reading.clauses
    last = start
    for i in range(start + 1, min(len(tokens), start + 1 + MAX_WORDS)):
        token = tokens[i]
        if clauses[i] != clauses[start] or not _WORD.match(token) or not _joined(reading, i):
            break
        if _hyphenated(reading, i):
            last = i  # "rendez-vous", "chauffe-eau": one word
            continue
        if token == "a" and reading.lang == "fr" and reading.words(i, i) in ("à", "À"):
            token = "au"  # "à" carries the phrase on ("à emporter"); "a" is a verb
        if token in links and i > start + 1:
            if i + 1 < len(tokens) and clauses[i + 1] == clauses[i] and tokens[i + 1] not in stops:
                continue
            break
        if token in stops or (i > start + 1 and _verb_like(token, reading.lang)):
            break
        last = i
    while last > start and (tokens[last] in links or tokens[last] == "a"):
        last -= 1
    return last


def _joined(reading: Reading, i: int) -> bool:
    """Whether only spaces, an apostrophe or a hyphen stand between token ``i`` and the one before."""
    spans = reading.spans
    return not reading.norm[spans[i - 1][2] : spans[i][1]].strip(" '-")


def _hyphenated(reading: Reading, i: int) -> bool:
    spans = reading.spans
    return i > 0 and reading.norm[spans[i - 1][2] : spans[i][1]] == "-"


def _verb_like(token: str, lang: str) -> bool:
    if lang == "fr":
        return len(token) > 5 and token.endswith(("ait", "aient"))  # "ma chambre donnait sur..."
    return len(token) > 4 and token.endswith("ed")


def _turn(reading: Reading, start: int, end: int) -> str:
    """The customer's words from ``start`` to ``end``, every possessive turned to the reply's."""
    turned = TURNED[reading.lang]
    out, position, spans = [], spans_start(reading, start), reading.spans
    for i in range(start, end + 1):
        token = reading.tokens[i]
        out.append(_between(reading, position, spans[i][1]))  # the customer's spacing and apostrophes
        out.append(turned[token] if token in turned else reading.words(i, i))
        position = spans[i][2]
    return "".join(out)


def spans_start(reading: Reading, index: int) -> int:
    return reading.spans[index][1]


def _between(reading: Reading, start: int, end: int) -> str:
    source = reading.text if len(reading.text) == len(reading.norm) else reading.norm
    return source[start:end]
