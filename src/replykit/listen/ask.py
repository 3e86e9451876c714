"""For a question: what is asked (its kind) and the question itself reduced to a short clause.

The question is the first sentence ending with "?" (else, for a comment
routed as a question, the first sentence holding an ask cue, else the whole
comment). Its kind is the first ask kind of the rules' ``asks`` list with a
cue in it, else in the comment, else ``other``. The clause is the question
as the customer asked it, in the customer's persons (their "je"/"my" and
the "vous"/"you" they say to the business stay as written: the reply swaps
both itself, ``replykit.reply.voice``): greetings, politeness ("svp",
"please", "merci") and "?" gone, SMS spellings written out ("c possible" ->
"c'est possible", "u" -> "you"), and a yes/no question introduced by "si"
or "whether" ("vous êtes ouverts le 15 août ?" -> "si vous êtes ouverts le
15 août"; "can I book for 6?" -> "whether I can book for 6"). The clause is
empty, and the reply names the kind instead, when the question is longer
than ``MAX_WORDS``, its word order is unsure, or it is no clean question
(a link, a hashtag, an emoji, slang, shouting, several sentences).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from replykit.listen.model import Ask

if TYPE_CHECKING:
    from replykit.listen.reading import Reading
    from replykit.rules.listening import Listening

MAX_WORDS = 16
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]*")
_GREETING = re.compile(
    r"^\s*(?:(?:bonjour|bonsoir|salut|coucou|hello|hi|hey|dear \w+|good morning|good afternoon|madame|monsieur)\b"
    r"[\s,!.:-]*)+(?:[@#]\w+[\s,:-]*)*",
    re.IGNORECASE,
)
_MENTION = re.compile(r"^(?:\s*[@#]\w+[\s,:-]*)+")
_WH_FR = (
    "quand",
    "où",
    "ou",
    "combien",
    "comment",
    "pourquoi",
    "quel",
    "quelle",
    "quels",
    "quelles",
    "qui",
    "à quelle",
    "a quelle",
    "jusqu'à quand",
    "à partir de quand",
    "depuis quand",
    "de quelle",
    "dans quel",
)
_WH_EN = ("when", "where", "what", "which", "how", "why", "who")
_AUX_EN = (
    "are",
    "is",
    "do",
    "does",
    "can",
    "could",
    "will",
    "would",
    "have",
    "has",
    "did",
    "should",
    "may",
    "was",
    "were",
    "am",
)
_PRONOUNS = ("you", "i", "we", "they", "it", "he", "she", "this", "that")
_PREDICATES = frozenset(
    """available open ready possible included free still in on at ok okay suitable accessible
    vegan vegetarian gluten halal allowed sold back closed delivered shipped made done there necessary
    being going""".split()
)
_INVERSION_FR = re.compile(r"^(\w+)-(?:t-)?(vous|il|elle|ils|elles|on|je|nous)\b", re.IGNORECASE)
# Politeness is no part of the question: dropped wherever it stands ("can you please tell me").
_POLITE = {
    "fr": re.compile(r"(?:^|[\s,]+)(?:s'il vous pla[iî]t|s'il te pla[iî]t|svp|stp|merci d'avance|merci beaucoup|merci)"
                     r"(?=$|[\s,.!?])", re.IGNORECASE),
    "en": re.compile(r"(?:^|[\s,]+)(?:please|pls|plz|thanks in advance|thank you|thanks|thx|ty|cheers)(?=$|[\s,.!?])",
                     re.IGNORECASE),
}  # fmt: skip
# Words a customer opens a question with that are not part of it ("so are you open", "du coup vous livrez").
_OPENERS = {
    "fr": ("du coup ", "donc ", "alors ", "et ", "mais ", "sinon ", "bref ", "ok ", "oui ", "euh "),
    "en": ("so ", "and ", "but ", "also ", "ok ", "okay ", "well ", "actually ", "oh ", "hey ", "um ", "erm "),
}
# SMS and informal spellings, written out as a reply can quote them.
_SPELLINGS = {
    "fr": {"c": "c'est", "pr": "pour", "ya": "il y a", "vs": "vous", "ds": "dans", "bcp": "beaucoup", "tt": "tout",
           "qq": "quelque", "qqn": "quelqu'un", "qqch": "quelque chose", "auj": "aujourd'hui", "mtn": "maintenant",
           "pq": "pourquoi", "pk": "pourquoi", "koi": "quoi", "kan": "quand", "ki": "qui", "ke": "que",
           "jsuis": "je suis", "chui": "je suis", "dc": "donc", "rdv": "rendez-vous", "tjrs": "toujours",
           "tjs": "toujours", "jpeux": "je peux", "ct": "c'était", "dispo": "dispo"},
    "en": {"u": "you", "r": "are", "ur": "your", "ya": "you", "cn": "can", "wat": "what", "wot": "what",
           "wen": "when", "im": "I'm", "dont": "don't", "cant": "can't", "wont": "won't", "doesnt": "doesn't",
           "didnt": "didn't", "isnt": "isn't", "2day": "today", "2moro": "tomorrow", "tmrw": "tomorrow",
           "tmr": "tomorrow", "b4": "before", "coz": "because", "cuz": "because", "abt": "about",
           "wanna": "want to", "gonna": "going to", "gotta": "have to", "yall": "you", "y'all": "you",
           "whats": "what's", "wheres": "where's", "hows": "how's", "thru": "through", "pic": "picture"},
}  # fmt: skip
# What still reads informal or is no clean question after the spellings: the clause is left empty.
_INFORMAL = frozenset(
    """lol lmao lmfao rofl omg omfg wtf smh tbh idk ffs fml af ikr bruh smfh stfu pfff pff mdr ptdr jpp wsh
    tkt jsp osef bg ouf putain merde hell heck fuck fucking damn bordel chier""".split()
)
# An order or case number ("#1234") stays out of the clause: it is for the private script only.
_REFERENCE = re.compile(r"\s*#\s?[\w-]*\d[\w-]*")
_NOT_CLEAN = re.compile(r"https?:|www\.|[@#]|\.\.|…|[;:]\s|\s-+\s|--|[!?]|\.\s|[^\w\s'’,\-/€$£%&()\"“”.:]")
_CONTRACTIONS_EN = {"what's": "what is", "where's": "where is", "how's": "how is", "when's": "when is",
                    "who's": "who is", "why's": "why is"}  # fmt: skip
_SUBJECT_FR = (
    "vous ",
    "tu ",
    "on ",
    "il ",
    "elle ",
    "ils ",
    "elles ",
    "je ",
    "j'",
    "c'est",
    "ce ",
    "ça ",
    "ca ",
    "le ",
    "la ",
    "les ",
    "l'",
    "mon ",
    "ma ",
    "mes ",
    "votre ",
    "vos ",
    "notre ",
    "nos ",
    "y a",
    "il y a",
)
_SUBJECT_EN = (
    "you ",
    "i ",
    "we ",
    "they ",
    "it ",
    "he ",
    "she ",
    "there ",
    "the ",
    "my ",
    "your ",
    "our ",
    "this ",
    "that ",
)


def hear_ask(reading: Reading, vocab: Listening | None, is_question: bool) -> Ask | None:
    text = reading.text
    if "?" not in text and not is_question:
        return None
    sentences = [m.group().strip() for m in _SENTENCE.finditer(text) if m.group().strip()]
    question = next((s for s in sentences if s.endswith("?")), None)
    kind = _kind(reading, vocab, question)
    if question is None:
        question = _with_cue(reading, vocab, sentences) or (sentences[0] if sentences else text)
        kind = _kind(reading, vocab, question)
    return Ask(kind, clause(question, reading.lang), question)


def _kind(reading: Reading, vocab: Listening | None, question: str | None) -> str:
    if vocab is None:
        return "other"
    start, end = _token_range(reading, question) if question else (0, len(reading.tokens))
    anywhere = None
    for kind in vocab.asks:
        hits = reading.found(f"ask:{kind}")
        if any(start <= hit.start < end for hit in hits):
            return kind
        if hits and anywhere is None:
            anywhere = kind
    return anywhere or "other"


def _token_range(reading: Reading, sentence: str) -> tuple[int, int]:
    offset = reading.text.find(sentence)
    if offset < 0:
        return 0, len(reading.tokens)
    end_offset = offset + len(sentence)
    indexes = [i for i, (_, s, _) in enumerate(reading.spans) if offset <= s < end_offset]
    return (indexes[0], indexes[-1] + 1) if indexes else (0, 0)


def _with_cue(reading: Reading, vocab: Listening | None, sentences: list[str]) -> str | None:
    if vocab is None:
        return None
    for sentence in sentences:
        start, end = _token_range(reading, sentence)
        if any(start <= hit.start < end for kind in vocab.asks for hit in reading.found(f"ask:{kind}")):
            return sentence
    return None


def clause(question: str, lang: str) -> str:
    """The question as a short clause in the customer's persons, without the question mark.

    "" when it is too long, or still reads informal or unclean once politeness
    is dropped and SMS spellings are written out (a link, a hashtag, an emoji,
    several sentences, shouting): the reply then names the kind of question.
    """
    lang = "fr" if lang == "fr" else "en"
    text = _MENTION.sub("", _GREETING.sub("", question)).strip()
    text = _REFERENCE.sub("", _POLITE[lang].sub("", text)).strip().rstrip("?!. ").strip(" ,")
    text = _written_out(re.sub(r"\s+", " ", text), lang)
    text = _without_opener(text, lang)
    if not text or len(text.split()) > MAX_WORDS or not _clean(text):
        return ""
    text = text[0].lower() + text[1:] if not text[:2].isupper() else text
    return _clause_fr(text) if lang == "fr" else _clause_en(text)


def _written_out(text: str, lang: str) -> str:
    table = _SPELLINGS[lang]

    def spell(match: re.Match[str]) -> str:
        word = match.group()
        full = table.get(word.lower())
        return word if full is None else full

    return re.sub(r"(?<![\w'’])[\w'’]+(?![\w'’])", spell, text)


def _without_opener(text: str, lang: str) -> str:
    lowered = text.lower()
    for opener in _OPENERS[lang]:
        if lowered.startswith(opener):
            return _without_opener(text[len(opener) :].lstrip(" ,"), lang)
    return text


def _clean(text: str) -> bool:
    """Whether ``text`` reads as one plain question: no link, tag, emoji, second sentence, slang or shouting."""
    if _NOT_CLEAN.search(text):
        return False
    words = re.findall(r"[\w']+", text.lower())
    if any(word in _INFORMAL for word in words) or re.search(r"(\w)\1{2,}", text):
        return False
    letters = [char for char in text if char.isalpha()]
    upper = sum(char.isupper() for char in letters)
    return not (len(letters) >= 8 and upper > len(letters) / 2)


def _clause_fr(text: str) -> str:
    lowered = text.lower()
    for prefix, replacement in (("est-ce qu'", "s'"), ("est ce qu'", "s'"), ("est-ce que ", "si "),
                                ("est ce que ", "si ")):  # fmt: skip
        if lowered.startswith(prefix):
            text = replacement + text[len(prefix) :]
            return re.sub(r"^si il", "s'il", text)
    if lowered.startswith(_WH_FR):
        wh = next(w for w in sorted(_WH_FR, key=len, reverse=True) if lowered.startswith(w))
        rest = text[len(wh) :].strip()
        rest = re.sub(r"^est-ce qu(?:e |')", "", rest)
        rest = _uninvert_fr(rest)
        return f"{text[: len(wh)]} {rest}".strip()
    inverted = _INVERSION_FR.match(text)
    if inverted:
        return ("si " + _uninvert_fr(text)).replace("si il", "s'il")
    if not lowered.startswith(_SUBJECT_FR):
        return ""  # no subject at its head: not a question a reply can quote ("que demander de plus")
    return "s'" + text[3:] if text.startswith("il ") else "si " + text


def _uninvert_fr(text: str) -> str:
    match = _INVERSION_FR.match(text)
    if not match:
        return text
    verb, subject = match.group(1), match.group(2)
    return f"{subject.lower()} {verb.lower()}{text[match.end() :]}"


def _clause_en(text: str) -> str:
    head, _, tail = text.partition(" ")
    full = _CONTRACTIONS_EN.get(head.lower().replace("’", "'"))
    words = (f"{full} {tail}" if full else text).strip().split(" ")
    first = words[0].lower()
    if first in _WH_EN:
        wh_len = 2 if len(words) > 2 and words[1].lower() in ("much", "many", "long", "time", "day", "often", "late",
                                                              "early", "soon") else 1  # fmt: skip
        rest = words[wh_len:]
        if len(rest) >= 2 and rest[0].lower() in ("do", "does", "did"):
            rest = rest[1:]  # "when do you open" -> "when you open"
        elif 2 <= len(rest) <= 4 and rest[0].lower() in ("is", "are", "was", "were"):
            rest = [*rest[1:], rest[0]]  # "where is my order" -> "where my order is"
        elif len(rest) >= 2 and rest[0].lower() in _AUX_EN and rest[1].lower() in ("you", "i", "we", "they", "it"):
            rest = [rest[1], rest[0], *rest[2:]]  # "when will you open" -> "when you will open"
        return " ".join(words[:wh_len] + rest)
    if first in _AUX_EN and len(words) >= 2:
        rest = words[1:]
        if first in ("do", "does", "did"):
            body = rest
        elif rest[0].lower() == "you" and len(rest) > 2 and rest[1].lower() in ("guys", "all", "folks"):
            body = [*rest[:2], first, *rest[2:]]  # "are you guys open" -> "you guys are open"
        elif rest[0].lower() in _PRONOUNS or rest[0].lower() == "there":
            body = [rest[0], first, *rest[1:]]  # "are you open" -> "you are open"
        else:
            at = next((i for i, word in enumerate(rest) if i and word.lower() in _PREDICATES), 0)
            if not at or at > 4 or any(char.isdigit() for word in rest[:at] for char in word):
                return ""  # where the subject ends is unsure
            body = [*rest[:at], first, *rest[at:]]  # "is the tart available" -> "the tart is available"
        return "whether " + " ".join(body)
    if not text.lower().startswith(_SUBJECT_EN):
        return ""  # no question word, no auxiliary, no subject: not a question a reply can quote
    return "whether " + text
