"""Aspects: what the comment is about, from the rules' aspect vocabulary, and how each is judged.

Each aspect found gets a tone from the nearest tone word in the same clause
(a negated one counts the other way: "pas bon", "not cheap"). Where two
aspects' words overlap, the longer term wins ("cold food" is the food's
temperature, not the food). When the word that blames an aspect is itself
another aspect's term ("le plat était froid"), that other aspect is the
complaint. Blame beats praise: an aspect blamed anywhere is blamed, even
where it is praised elsewhere, and its words are the blamed ones; an aspect
marked ``fault`` ("charged twice", "mould") is blamed by its own words.
``subject`` is the first aspect complained about, else the first named
that is not only praised ("love the cut, but the colour went" is about the
colour), where aspects marked ``generic`` in the vocabulary (waiting, the visit,
a defect...) come after the specific ones of the same standing ("j'attends mon
remboursement" is about the refund), and an aspect marked ``incident`` (an
injury, an allergic reaction) comes before everything: in a crisis it is what
the comment is about, whoever is blamed. ``praised`` is the first one
only praised, else the first praised.

A word with two senses ("ouverte": open for business, or an open wound;
"site": a website, or a building site) is listed under an aspect's
``only_near`` and counts for it only when one of its ``near`` words stands
within ``NEAR`` words in the same clause ("ouvert le dimanche", "site web").
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from replykit.listen.model import Aspect

if TYPE_CHECKING:
    from replykit.listen.reading import Reading
    from replykit.rules.listening import Listening
    from replykit.rules.model import Hit

REACH = 5  # how many words away a tone word may stand from the aspect it judges
NEAR = 3  # how many words away a context word may stand from a two-sense word it settles


class Found(NamedTuple):
    id: str
    start: int
    end: int


class Tone(NamedTuple):
    sign: int  # -1 blamed, +1 praised
    start: int
    end: int


class Heard(NamedTuple):
    aspects: tuple[Aspect, ...]
    subject: Aspect | None
    praised: Aspect | None
    blamed: frozenset[str]  # ids of the aspects complained about


NONE = Heard((), None, None, frozenset())


def hear_aspects(reading: Reading, vocab: Listening) -> Heard:
    found = _claimed(reading)
    if not found:
        return NONE
    tones = _tones(reading)
    first: dict[str, Found] = {}
    blamed_at: dict[str, Found] = {}  # where each aspect is first blamed: the customer's words for it
    signs: dict[str, set[int]] = {}
    blamed_via: dict[str, str] = {}  # aspect -> the aspect whose own word blames it
    for item in found:
        first.setdefault(item.id, item)
        tone = _nearest(reading, item, tones)
        if tone is None:
            continue
        signs.setdefault(item.id, set()).add(tone.sign)
        if tone.sign < 0 and item.id not in blamed_at:
            blamed_at[item.id] = item
            other = next((f.id for f in found if f.id != item.id and f.start <= tone.start <= f.end), None)
            if other and other not in vocab.generic:
                blamed_via[item.id] = other
    aspects = tuple(_aspect(reading, vocab, blamed_at.get(item.id, item)) for item in first.values())
    by_id = {aspect.id: aspect for aspect in aspects}
    # Blame beats praise: an aspect blamed anywhere is blamed, even if praised elsewhere
    # ("pizza is good... pass on the calamari, it is soggy" is a remark about the food).
    blamed = [a.id for a in aspects if -1 in signs.get(a.id, ()) or a.id in vocab.faults]
    incident = next((a.id for a in aspects if a.id in vocab.incidents), None)
    praised_only = {a for a, seen in signs.items() if seen == {1}}
    named = [a.id for a in aspects if a.id not in praised_only] + [a.id for a in aspects if a.id in praised_only]
    subject_id = incident or _subject(named, blamed, blamed_via, vocab.generic)
    praised_id = _praised([a.id for a in aspects], signs)
    return Heard(aspects, by_id[subject_id], by_id[praised_id] if praised_id else None, frozenset(blamed))


def _praised(named: list[str], signs: dict[str, set[int]]) -> str | None:
    """The first aspect only praised, else the first praised at all."""
    only = next((a for a in named if signs.get(a) == {1}), None)
    return only or next((a for a in named if 1 in signs.get(a, ())), None)


def _subject(named: list[str], blamed: list[str], via: dict[str, str], generic: frozenset[str]) -> str:
    """First blamed specific, first blamed, first named specific, first named."""
    for candidates, specific in ((blamed, True), (blamed, False), (named, True), (named, False)):
        for aspect_id in candidates:
            if not specific or aspect_id not in generic:
                return via.get(aspect_id, aspect_id) if aspect_id in blamed else aspect_id
    return named[0]


def _claimed(reading: Reading) -> list[Found]:
    """Aspect hits in the comment's order; a hit inside a longer one found there does not count."""
    hits = [
        Found(name[7:], hit.start, hit.end)
        for name, found in reading.hits.items()
        if name.startswith("aspect:")
        for hit in found
    ]
    hits += _settled(reading)
    hits.sort(key=lambda f: (f.start, f.start - f.end))
    kept: list[Found] = []
    claimed = -1
    for item in hits:
        if item.start > claimed:
            kept.append(item)
            claimed = item.end
        elif kept and item.end <= claimed and (item.start, item.end) == (kept[-1].start, kept[-1].end):
            kept.append(item)  # the same words in two aspects: both are named
    return kept


def _settled(reading: Reading) -> list[Found]:
    """The two-sense words (``maybe:<aspect>``) with one of their context words near, in the same clause."""
    out = []
    for name, found in reading.hits.items():
        if not name.startswith("maybe:"):
            continue
        aspect_id = name[6:]
        near = reading.found(f"near:{aspect_id}")
        if not near:
            continue
        clauses = reading.clauses
        for hit in found:
            if any(
                clauses[other.start] == clauses[hit.start]
                and (0 < other.start - hit.end <= NEAR or 0 < hit.start - other.end <= NEAR)
                for other in near
            ):
                out.append(Found(aspect_id, hit.start, hit.end))
    return out


def _tones(reading: Reading) -> list[Tone]:
    out = []
    for name, sign in (("tone:negative", -1), ("tone:positive", 1)):
        for hit in reading.found(name):
            out.append(Tone(-sign if _negated(hit) else sign, hit.start, hit.end))
    return out


def _negated(hit: Hit) -> bool:
    return hit.negated


def _nearest(reading: Reading, item: Found, tones: list[Tone]) -> Tone | None:
    clauses = reading.clauses
    clause = clauses[item.start]
    best, best_distance = None, REACH + 1
    for tone in tones:
        if tone.start <= item.end and tone.end >= item.start:
            distance = 0  # the aspect's own word judges it ("froid", "retard")
        elif clauses[tone.start] != clause:
            continue
        else:
            distance = tone.start - item.end if tone.start > item.end else item.start - tone.end
        if distance < best_distance:
            best, best_distance = tone, distance
    return best


def _aspect(reading: Reading, vocab: Listening, item: Found) -> Aspect:
    forms = vocab.aspects[item.id]
    form = forms.get(reading.lang) or next(iter(forms.values()))
    return Aspect(item.id, form.phrase, form.the, form.gender, form.number, reading.words(item.start, item.end))
