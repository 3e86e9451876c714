"""The customer's question said back in the business's voice.

The listening stage reduces a question to a clause in the customer's persons
(docs/heard.md: I/my/je/mon are the customer, you/your/vous/votre the
business): "si vous êtes ouverts le 15 août", "whether you deliver on Sundays",
"if my partner and I can book for six". A reply saying it back speaks from the
other side: "si nous sommes ouverts le 15 août", "whether we deliver on
Sundays", "if your partner and you can book for six". Both sides are swapped at
once, word by word, with a small table of the common verb forms; a clause this
table does not cover keeps its words. English "you" becomes "we" as a subject
and "us" as an object ("if I can pay you by card" -> "if you can pay us by
card").
"""

from __future__ import annotations

import re
from itertools import pairwise

from replykit.listen.ask import BASE_VERBS

_EN = {
    "you": "we", "your": "our", "yours": "ours", "you're": "we're", "you've": "we've", "you'll": "we'll",
    "i": "you", "my": "your", "mine": "yours", "i'm": "you're", "i've": "you've", "i'll": "you'll",
    "me": "you", "am": "are", "are": "are", "we": "you", "our": "your", "us": "you", "myself": "yourself",
    "yourself": "ourselves", "ourselves": "yourselves", "we're": "you're", "we've": "you've", "we'll": "you'll",
}  # fmt: skip
# After these words an English "you" is a subject ("whether you deliver"); elsewhere an object ("pay you").
_EN_SUBJECT_AFTER = frozenset(
    "whether if when where how what why which who that and or but long much many soon often time late early "
    "still also".split()
)
# Before these words an English "you" is a subject wherever it stands ("the rules you have", "you think you can").
_EN_VERB_AFTER = frozenset(
    "can could will would should shall may might must have had has are were do did don't didn't can't won't "
    "think know need want mean said told say get got".split()
)
_EN_CAUSATIVE = frozenset("let make help have see watch hear get want need ask tell told allow expect".split())
_FR = {
    "vous": "nous", "votre": "notre", "vos": "nos", "êtes": "sommes", "avez": "avons", "faites": "faisons",
    "dites": "disons", "je": "vous", "j'": "vous ", "mon": "votre", "ma": "votre", "mes": "vos", "me": "vous",
    "m'": "vous ", "moi": "vous", "nous": "vous", "notre": "votre",
    "nos": "vos", "sommes": "êtes", "avons": "avez",
}  # fmt: skip
_PIECES = {
    "fr": re.compile(r"rendez-vous|[jm]'|\w+|\W+", re.IGNORECASE),  # "j'ai": "j'" and "ai"; "rendez-vous" is one noun
    "en": re.compile(r"\w+(?:'\w+)?|\W+"),  # "you're" is one word
}


_EN_YOU_ALL = re.compile(r"\b(?:you|u) (?:guys|all|folks|people|lot)\b|\by'?all\b", re.IGNORECASE)

# "do you", "can you": "you" is the subject after an auxiliary, never the object of a verb.
_AUXILIARIES = frozenset(
    "do does did can could will would should shall may might must have has had be is are was were".split()
)


def in_our_voice(clause: str, lang: str) -> str:
    """``clause`` with the customer's and the business's persons swapped."""
    if not clause:
        return ""
    table = _FR if lang == "fr" else _EN
    clause = clause.replace("’", "'")
    if lang != "fr":  # "whether you guys deliver": "whether we deliver", never "we guys"
        clause = _EN_YOU_ALL.sub("you", clause)
    pieces = _PIECES["fr" if lang == "fr" else "en"].findall(clause)
    spoken = [i for i, piece in enumerate(pieces) if piece.strip()]
    following = {i: pieces[j].lower() for i, j in pairwise(spoken)}
    words, previous = [], ""
    for i, piece in enumerate(pieces):
        words.append(_swap(piece, previous, following.get(i, ""), table, lang))
        if piece.strip():
            previous = piece.lower()
    out = "".join(words)
    if lang == "fr":
        out = re.sub(r"\bsi il", "s'il", out)
    return re.sub(r"\s{2,}", " ", out).strip()


def _swap(word: str, previous: str, following: str, table: dict[str, str], lang: str) -> str:
    lower = word.lower()
    if lang == "fr":
        if previous in ("je", "j'"):
            return _verb_after_vous(word)
        if previous == "vous" and re.fullmatch(r"\w+ez", lower):
            return word[:-2] + "ons"  # "vous livrez" -> "nous livrons"
        if previous == "nous" and re.fullmatch(r"\w+ons", lower):
            return word[:-3] + "ez"  # "nous pouvons" -> "vous pouvez"
    if lang == "en" and lower == "you" and previous and previous not in _EN_SUBJECT_AFTER:
        verb = previous in BASE_VERBS or previous in ("bring", "brought", "tell", "told", "ask", "asked", "thank")
        if verb and previous not in _AUXILIARIES:
            return "us"  # "what we can do to bring you back": the object of a verb
        subject = (following in _EN_VERB_AFTER or following in BASE_VERBS or following.endswith("ed")) and (
            previous not in _EN_CAUSATIVE  # "let you know": an object still
        )
        return "we" if subject else "us"  # "the news you can cover", "what service you use"
    if lang == "en" and lower == "am" and previous != "i":
        return word  # "tomorrow AM"
    if lang == "en" and lower == "was" and previous in ("i", "we"):
        return "were"  # "if I was charged" -> "if you were charged"
    if lower in table:
        swapped = table[lower]
        keep_capital = word[:1].isupper() and lower not in ("i", "i'm", "i've", "i'll")  # "I" is upper anywhere
        return swapped[:1].upper() + swapped[1:] if keep_capital else swapped
    return word


def _verb_after_vous(verb: str) -> str:
    """je peux -> vous pouvez; j'aimerais -> vous aimeriez (a few forms, then the word as is)."""
    lower = verb.lower()
    known = {"ai": "avez", "peux": "pouvez", "veux": "voulez", "dois": "devez", "suis": "êtes", "sais": "savez",
             "vais": "allez", "fais": "faites", "aimerais": "aimeriez", "voudrais": "voudriez"}  # fmt: skip
    if lower in known:
        return known[lower]
    if lower.endswith("rais"):
        return verb[:-4] + "riez"
    if lower.endswith("e"):
        return verb + "z"
    return verb
