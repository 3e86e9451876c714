"""French or English, guessed from function words; no model, no network.

Short social-media comments rarely share content words between the two
languages, but almost always contain a few articles, pronouns or auxiliaries.
We count those, add a little weight for French accented letters, and fall
back on the profile's default language when there is no evidence at all
(emoji only, a URL, a name).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from replykit.rules.model import Rules

_FR = frozenset(
    """
le la les un une des du de et est sont pas ne plus je tu il elle nous vous ils elles
mon ma mes ton ta tes son sa ses notre votre vos leur leurs ce cet cette ces qui que quoi
dans sur pour par avec sans chez mais ou donc car tres toujours jamais rien depuis deja
avez ai as avons ont suis es sommes etes etait fait faire merci bonjour bonsoir salut
commande livraison colis rembourse remboursement client aucun aucune cest
j c d l m n s qu quand comment pourquoi aussi encore apres avant hier aujourd hui
""".split()
)

_EN = frozenset(
    """
the an and is are was were be been not no my your our their his her its it this that
these those i you he she we they him them what which who when where why how with
without for from to of in on at by but or so very always never nothing since already
have has had do does did done will would can could should thank thanks hello hi please
order delivery refund customer get got still just any
""".split()
)

_FR_LETTERS = frozenset("éèêàùçôîûëïœ")

# Tie-breakers for comments without function words ("Overpriced garbage"):
# letter sequences far more common in one language's words than the other's.
_EN_SHAPES = ("ing", "ed", "ly", "th", "wh", "ck", "sh", "ght", "oo", "ee", "w", "y", "k")
_FR_SHAPES = ("eau", "eux", "aux", "oi", "ou", "ais", "ait", "ez", "qu", "ette", "ier", "che", "gn")


def language_of(rules: Rules, tokens: list[str], raw_text: str) -> tuple[str, str]:
    """The language of a comment or a draft reply, the same for every command (triage, check, tone).

    :func:`detect` with the rules' default language and the votes of their
    vocabulary, so ``check`` and ``reply`` never disagree on a short text.
    """
    return detect(tokens, raw_text, rules.default_lang, rules.index.language_votes)


def detect(
    tokens: list[str], raw_text: str, default: str, vocabulary: Callable[[list[str]], tuple[int, int]] | None = None
) -> tuple[str, str]:
    """Return ``(lang, how)`` where ``how`` is ``"detected"`` or ``"default"``.

    ``vocabulary`` counts the words only one language's rules know, (fr, en):
    for telegraphic comments without function words ("panne box connexion"),
    the words the rules look for say more than letter shapes do.
    """
    fr = float(sum(map(_FR.__contains__, tokens)))
    en = float(sum(map(_EN.__contains__, tokens)))
    if not raw_text.isascii():
        lowered = raw_text.lower()
        fr += sum(map(lowered.count, _FR_LETTERS)) * 0.5
    if fr == en and vocabulary is not None:
        fr, en = vocabulary(tokens)
    if fr == en:
        fr, en = _shape_score(tokens, _FR_SHAPES), _shape_score(tokens, _EN_SHAPES)
        if abs(fr - en) < 1:
            return default, "default"
    return ("fr" if fr > en else "en"), "detected"


def _shape_score(tokens: list[str], shapes: tuple[str, ...]) -> float:
    return float(sum(1 for tok in tokens if tok.isalpha() and any(shape in tok for shape in shapes)))
