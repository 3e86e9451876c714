"""For a question: what is asked (its kind) and the question itself reduced to a short clause.

The question is the first sentence ending with "?" (else, for a comment
routed as a question, the first sentence holding an ask cue, else the whole
comment). Its kind is the first ask kind of the rules' ``asks`` list with a
cue in it, else in the comment, else ``other``. The clause is the question
as a reply can quote it: greetings and "?" gone, the customer's "je"/"my"
turned to "vous"/"your", and a yes/no question introduced by "si" or
"whether" ("vous êtes ouverts le 15 août ?" -> "si vous êtes ouverts le 15
août"; "are you open on Sunday?" -> "whether you are open on Sunday"). The
"vous"/"you" the customer says to the business stays as written. A question
longer than ``MAX_WORDS`` keeps its kind with an empty clause.
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
    vegan vegetarian gluten halal allowed sold back closed delivered shipped made done there necessary""".split()
)
_INVERSION_FR = re.compile(r"^(\w+)-(?:t-)?(vous|il|elle|ils|elles|on|je|nous)\b", re.IGNORECASE)
_FR_FIRST_PERSON = {
    "je suis": "vous êtes",
    "j'ai": "vous avez",
    "je peux": "vous pouvez",
    "je veux": "vous voulez",
    "je dois": "vous devez",
    "je vais": "vous allez",
    "je sais": "vous savez",
    "je fais": "vous faites",
    "je voudrais": "vous voudriez",
    "j'aimerais": "vous aimeriez",
    "je pourrais": "vous pourriez",
    "puis-je": "vous pouvez",
    "mon ": "votre ",
    "ma ": "votre ",
    "mes ": "vos ",
}
_EN_FIRST_PERSON = {
    "i am": "you are",
    "i'm": "you're",
    "i was": "you were",
    "i ": "you ",
    "my ": "your ",
    "mine": "yours",
}


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
    """The question as a short clause in the reply's words, without the question mark ("" when too long)."""
    text = _MENTION.sub("", _GREETING.sub("", question)).strip().rstrip("?!. ").strip()
    text = re.sub(r"\s+", " ", text)
    if not text or len(text.split()) > MAX_WORDS:
        return ""
    text = text[0].lower() + text[1:] if not text[:2].isupper() else text
    return _clause_fr(text) if lang == "fr" else _clause_en(text)


def _clause_fr(text: str) -> str:
    lowered = text.lower()
    for prefix, replacement in (("est-ce qu'", "s'"), ("est ce qu'", "s'"), ("est-ce que ", "si "),
                                ("est ce que ", "si ")):  # fmt: skip
        if lowered.startswith(prefix):
            text = replacement + text[len(prefix) :]
            text = re.sub(r"^si il", "s'il", text)
            return _turn(text, _FR_FIRST_PERSON)
    if lowered.startswith(_WH_FR):
        wh = next(w for w in sorted(_WH_FR, key=len, reverse=True) if lowered.startswith(w))
        rest = text[len(wh) :].strip()
        rest = re.sub(r"^est-ce qu(?:e |')", "", rest)
        rest = _uninvert_fr(rest)
        return _turn(f"{text[: len(wh)]} {rest}".strip(), _FR_FIRST_PERSON)
    inverted = _INVERSION_FR.match(text)
    if inverted:
        text = _uninvert_fr(text)
        return _turn("si " + text, _FR_FIRST_PERSON).replace("si il", "s'il")
    text = _turn(text, _FR_FIRST_PERSON)
    return "s'" + text[3:] if text.startswith("il ") else "si " + text


def _uninvert_fr(text: str) -> str:
    match = _INVERSION_FR.match(text)
    if not match:
        return text
    verb, subject = match.group(1), match.group(2)
    return f"{subject.lower()} {verb.lower()}{text[match.end() :]}"


def _clause_en(text: str) -> str:
    words = text.split(" ")
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
        return _turn(" ".join(words[:wh_len] + rest), _EN_FIRST_PERSON)
    if first in _AUX_EN and len(words) >= 2:
        rest = words[1:]
        if first in ("do", "does", "did"):
            body = rest
        elif rest[0].lower() in _PRONOUNS or rest[0].lower() == "there":
            body = [rest[0], first, *rest[1:]]  # "are you open" -> "you are open"
        else:
            at = next((i for i, word in enumerate(rest) if i and word.lower() in _PREDICATES), 0)
            if not at:
                return ""  # where the subject ends is unsure
            body = [*rest[:at], first, *rest[at:]]  # "is the tart available" -> "the tart is available"
        return "whether " + _turn(" ".join(body), _EN_FIRST_PERSON)
    return "whether " + _turn(text, _EN_FIRST_PERSON)


def _turn(text: str, table: dict[str, str]) -> str:
    """The customer's first person turned to the second: "je peux" -> "vous pouvez", "my" -> "your"."""
    padded = f" {text} "
    for mine, yours in table.items():
        padded = re.sub(rf"(?<=[\s'])({re.escape(mine)})", yours, padded, flags=re.IGNORECASE)
    return padded.strip()
