"""How a question reads: its sentences, its words once greetings and mentions are gone, and whether it is a jab.

Shared by the routing (the ``asked_questions`` measure: a jab such as "Seriously?"
or "c'est normal ?" asks nothing) and by the listening stage, which says the
question back (``replykit.listen.ask``): one list decides both.

``prepared`` is the question without greetings, @mentions, politeness ("svp",
"please"), order references ("#1234"), openers ("so", "du coup") and the "?",
SMS spellings written out ("u" -> "you", "c" -> "c'est").
"""

from __future__ import annotations

import functools
import re

from replykit.text.lazyre import lazy_compile as rx  # compiled on first use: importing costs nothing

# A sentence ends at a run of ".", "!" or "?" followed by a space or the end, or at a line break.
_END = rx(r"[.!?]+(?=\s|$)|\n|[.!?]+(?=[A-Z][a-z])")

# Abbreviations a sentence does not end at: "St. John's", "Mr. Smith", "U.S."
_ABBREVIATION = rx(r"(?:^|[\s(])(?:st|mr|mrs|ms|dr|mt|jr|sr|vs|approx|dept|mme|mlle|[a-z])$", re.IGNORECASE)

GREETING = rx(
    r"^\s*(?:(?:bonjour|bonsoir|salut|coucou|hello|hi|hey|hiya|dear \w+|good morning|good afternoon|good evening"
    r"|madame|monsieur|bjr|slt|rt)\b[\s,!.:-]*)+",
    re.IGNORECASE,
)

MENTION = rx(r"^(?:\s*[@#]\w+[\s,:-]*)+")

_TRAILING_MENTION = rx(r"(?:[\s,]+@\w+)+\s*$")

# A hashtag a sentence says as a word, after a preposition or an article ("delays out of #DFW", "in #seattle"):
# the word without its "#". A tag stuck on the end ("open on Sunday #brunch") still makes the question unclean.
_INLINE_TAG = rx(
    r"((?:\b(?:in|to|from|at|of|for|on|near|via|into|with|and|or|the|a|an|à|au|aux|de|du|des|le|la|les|sur|pour|"
    r"vers|chez|avec|et|ou)|,)\s)[#@]([A-Za-zÀ-ÿ][A-Za-zÀ-ÿ_]*)\b(?![@#])",
    re.IGNORECASE,
)
# A tag or a mention inside a sentence, words on both sides, is said as a word too ("can I see @Imaginedragons in
# Atlanta", "tickets for the #DestinationDragons show").
_MID_TAG = rx(r"(?<=\w )[#@]([A-Za-zÀ-ÿ][A-Za-zÀ-ÿ_]*)\b(?![@#])(?=\s+[A-Za-zÀ-ÿ])")

# Politeness is no part of the question: dropped wherever it stands ("can you please tell me").
POLITE = {
    "fr": rx(r"(?:^|[\s,]+)(?:s'il vous pla[iî]t|s'il te pla[iî]t|svp|stp|merci d'avance|merci beaucoup|merci)"
                     r"(?=$|[\s,.!?])", re.IGNORECASE),
    "en": rx(r"(?:^|[\s,]+)(?:please|pls|plz|thanks in advance|thank you|thanks|thx|ty|cheers|kindly)"
                     r"(?=$|[\s,.!?])", re.IGNORECASE),
}  # fmt: skip

# Words a customer opens a question with that are not part of it ("so are you open", "du coup vous livrez").
OPENERS = {
    "fr": ("du coup ", "donc ", "alors ", "et ", "mais ", "sinon ", "bref ", "ok ", "oui ", "euh ", "au fait ",
           "petite question ", "une question ", "question ", "juste ", "dites ", "hello ", "re "),
    "en": ("so ", "and ", "or ", "but ", "also ", "ok ", "okay ", "well ", "actually ", "oh ", "hey ", "um ", "erm ",
           "quick question ", "question ", "honest question ", "one more question ", "another question ",
           "btw ", "by the way ", "just curious ", "out of curiosity ", "folks ", "guys ", "team ", "right ",
           "hi there ", "now ", "then ", "hmm ", "yes ", "no "),
}  # fmt: skip

# SMS and informal spellings, written out as a reply can quote them.
SPELLINGS = {
    "fr": {"c": "c'est", "pr": "pour", "ya": "il y a", "vs": "vous", "ds": "dans", "bcp": "beaucoup", "tt": "tout",
           "qq": "quelque", "qqn": "quelqu'un", "qqch": "quelque chose", "auj": "aujourd'hui", "mtn": "maintenant",
           "pq": "pourquoi", "pk": "pourquoi", "koi": "quoi", "kan": "quand", "ki": "qui", "ke": "que",
           "jsuis": "je suis", "chui": "je suis", "dc": "donc", "rdv": "rendez-vous", "tjrs": "toujours",
           "tjs": "toujours", "jpeux": "je peux", "ct": "c'était", "dispo": "dispo", "y'a": "il y a",
           "y'aura": "il y aura", "y'avait": "il y avait",
           "y’a": "il y a"},
    "en": {"u": "you", "r": "are", "ur": "your", "ya": "you", "cn": "can", "wat": "what", "wot": "what",
           "wen": "when", "im": "I'm", "dont": "don't", "cant": "can't", "wont": "won't", "doesnt": "doesn't",
           "didnt": "didn't", "isnt": "isn't", "2day": "today", "2moro": "tomorrow", "tmrw": "tomorrow",
           "tmr": "tomorrow", "b4": "before", "coz": "because", "cuz": "because", "abt": "about",
           "wanna": "want to", "gonna": "going to", "gotta": "have to", "yall": "you", "y'all": "you",
           "whats": "what's", "wheres": "where's", "hows": "how's", "thru": "through", "pic": "picture",
           "w/": "with", "pls": "please", "i": "I"},
}  # fmt: skip

# Questions that are no question: a jab to answer as a complaint, never to thank for asking.
RHETORICAL = {
    "en": rx(
        r"^(?:(?:are|r) (?:you|u)(?: guys)? (?:serious|kidding|joking|for real|insane|crazy|mad|stupid|dumb|high|"
        r"drunk|joking me|taking the piss|trying)|is this (?:a joke|real|serious|for real|how you|what you call)|"
        r"seriously|really|huh|wtf|what the (?:hell|heck|fuck|f)|how hard (?:is|can|could)|who needs|"
        r"how (?:gross|ridiculous|stupid|rude|pathetic|disgusting|unprofessional|sad|embarrassing) (?:is|was|are)|"
        r"how (?:is|was) (?:this|that|it) (?:ok|okay|acceptable|fair|possible|legal|right|normal|allowed)|"
        r"(?:what's|what is) wrong with|(?:do|did) you (?:even|really) (?:care|read|listen)|don't you (?:care|think|"
        r"read)|who does that|how dare|why (?:would|do|did) (?:you|anyone|anybody) (?:even|ever|hate|treat|keep|"
        r"bother)|why would (?:you|anyone)|"
        r"is (?:it|this|that) (?:normal|acceptable|ok|okay|fair)(?!\s+(?:to|if|for|with)\b)|"
        r"are you (?:happy|"
        r"proud|ashamed)|(?:do|did) you (?:think|honestly think|seriously think) (?:this|that|it) is|"
        r"is anyone (?:even )?(?:there|listening|home|awake)|anyone (?:there|home|listening)|hello|what now|"
        r"what(?:'s| is) (?:with|the point|the deal)|can (?:you|u) say|(?:do|did) (?:you|u|ya) (?:really |"
        r"even |honestly |seriously )?(?:believe|recall|remember|realize|realise|care|get it)|"
        r"(?:do|did) (?:you|u|ya) (?:really|even|honestly|seriously) mean|"
        r"(?:do|did) (?:you|u|ya) (?:really |even |honestly |seriously )think|"
        r"(?:ya|you) know|what are you (?:talking about|on about)|what do you mean|who cares|why not|since when|"
        r"what(?:'s| is) your point|what gives|what the he'll|what(?:'s| is) better than|(?:so )?(?:you|u) mean|"
        r"(?:so )?(?:you're|you are) saying|didn't you hear|haven't you heard|(?:have you |you )?(?:ever )?heard of|"
        # "you guys call this chicken?", "and you call yourselves a bakery?": scorn, not a question
        r"(?:and |so )?(?:you|u|ya|y'all)(?: guys| all| people| lot)? (?:call|calling) (?:this|that|these|those|it|"
        r"yourself|yourselves)|(?:this|that) is what you call)\b",
        re.IGNORECASE,
    ),
    "fr": rx(
        r"^(?:vous (?:êtes|etes) (?:sérieux|serieux|sérieuses|fous|malades)|c'est une (?:blague|plaisanterie|honte)|"
        r"sérieusement|serieusement|vraiment|allo|allô|on en parle|vous vous (?:foutez|moquez)|vous (?:rigolez|"
        r"plaisantez)|c'est (?:quoi ce|normal|possible (?:ça|ca)|une honte)|est-ce normal|est ce normal|"
        r"c'est normal|non mais|vous trouvez (?:ça|ca) normal|(?:ça|ca) vous (?:fait rire|amuse)|il y a quelqu'un|"
        r"y a quelqu'un|quelqu'un (?:est là|pour)|vous (?:faites|foutez) quoi|c'est quoi (?:le problème|ce|votre)|"
        r"que demander de plus|que dire|quoi dire|à quoi (?:ça|ca) sert|a quoi (?:ça|ca) sert|"
        r"pour qui vous (?:vous )?prenez|"
        # "vous appelez ça une pizza ?", "c'est ça que vous appelez un gâteau ?": du mépris, pas une question
        r"(?:et )?vous appelez (?:ça|ca|cela)|c'est (?:ça|ca) que vous appelez|"
        # "est-ce ainsi que vous traitez vos clients ?": "is this how you treat customers?"
        r"(?:est-ce|est ce|c'est) (?:vraiment |donc )?(?:ainsi|comme (?:ça|ca|cela)) "
        r"que vous (?:traitez|parlez|accueillez))\b",
        re.IGNORECASE,
    ),
}

# Asking whether anyone is there ("hello?", "y a quelqu'un ?"): no question to say back, and no jab either.
_PRESENCE = rx(
    r"^(?:hello|hallo|allo|allô|is anyone|is anybody|anyone|anybody|(?:il )?y a quelqu'un|y'a quelqu'un|"
    r"quelqu'un est là|quelqu'un pour)\b",
    re.IGNORECASE,
)

# A wait said back as a question is indignation, not a question ("14 hours?", "2 heures ?!").
_WAIT = rx(
    r"^(?:only |just |over |more than |plus de |déjà |deja )?\d+(?:[.,]\d+)?\s*(?:h|hrs?|hours?|mins?|minutes?|"
    r"days?|weeks?|months?|heures?|jours?|semaines?|mois)$",
    re.IGNORECASE,
)

# A customer's words echoed back as a jab: "use the app you say??", "patienter, vous dites ?".
_ECHO = rx(r"(?:,\s*|\b)(?:you say|u say|you said|vous dites|tu dis|vous avez dit)$", re.IGNORECASE)

# An order or case number ("#1234") stays out of the clause: it is for the private script only.
REFERENCE = rx(r"\s*#\s?[\w-]*\d[\w-]*")


def split_sentences(text: str) -> list[str]:
    """The sentences of ``text``, each with its end mark; "St. John's" and "9.45" end none."""
    out, start = [], 0
    for mark in _END.finditer(text):
        if mark.group() == "." and _ABBREVIATION.search(text[start : mark.start()]):
            continue
        sentence = text[start : mark.end()].strip()
        if sentence:
            out.append(sentence)
        start = mark.end()
    tail = text[start:].strip()
    return [*out, tail] if tail else out


def rhetorical(question: str, lang: str) -> bool:
    """Whether ``question`` is a jab rather than a question ("are you serious?", "c'est normal ?")."""
    lang = "fr" if lang == "fr" else "en"
    return is_jab(prepared(question, lang).replace("’", "'"), lang)


def is_jab(text: str, lang: str) -> bool:
    """Whether ``text``, already ``prepared``, is a jab rather than a question."""
    return bool(RHETORICAL[lang].match(text) or _ECHO.search(text) or _WAIT.match(text))


def prepared(question: str, lang: str) -> str:
    """The question without greetings, mentions, politeness, references, SMS spellings and openers."""
    text = question.replace("&amp;", "&").replace("&gt;", ">").replace("&lt;", "<").replace("’", "'").strip()
    text = re.sub(r"(\w)\s*-*>\s*(\w)", r"\1 to \2", text)  # "LAX->JFK": LAX to JFK
    text = re.sub(r"\b(a|an|phone|another|the|your|contact) #(?=\s|$)", r"\1 number", text)  # "a phone #"
    text = re.sub(r"\b([A-Z][A-Za-z]+) - ([A-Z][A-Za-z]+)\b", r"\1 to \2", text)  # "BUF - FLL": BUF to FLL
    previous = None
    while previous != text:
        previous = text
        text = re.sub(r"^[^\w@#\"“'(]+", "", text)  # ".@united", "& @united", "👍 When are you"
        text = MENTION.sub("", GREETING.sub("", text)).strip()
    text = _TRAILING_MENTION.sub("", text)
    text = _MID_TAG.sub(r"\1", _INLINE_TAG.sub(lambda m: m.group(1) + m.group(2), text))
    text = REFERENCE.sub("", POLITE[lang].sub("", text)).strip().rstrip("?!. ").strip(" ,")
    text = _written_out(re.sub(r"\s+", " ", text), lang)
    return uncapitalised(_without_opener(text, lang))


def uncapitalised(text: str) -> str:
    """ "Are you open" -> "are you open"; "I", "UPS" and "DM" keep their capitals."""
    first = text.split(" ", 1)[0]
    if not text or first == "I" or first.startswith("I'") or (len(first) > 1 and first.isupper()):
        return text
    return text[0].lower() + text[1:]


def _written_out(text: str, lang: str) -> str:
    table = SPELLINGS[lang]

    def spell(match: re.Match[str]) -> str:
        word = match.group()
        full = table.get(word.lower())
        return word if full is None else full

    return re.sub(r"(?<![\w'’/])[\w'’/]+(?![\w'’/])", spell, text)


def _without_opener(text: str, lang: str) -> str:
    lowered = text.lower()
    for opener in OPENERS[lang]:
        word = opener.strip()
        if lowered.startswith(word) and lowered[len(word) : len(word) + 1] in (" ", ",", ":", "-"):
            return _without_opener(text[len(word) :].lstrip(" ,:-"), lang)
    return text


def asked_questions(text: str, lang: str = "") -> int:
    """How many sentences of ``text`` hold a "?" and ask something: jabs and "anyone there?" left out.

    ``lang`` ("en" or "fr") reads the jabs of that language only; "" reads both (slower).
    """
    return _questions(text, lang).count("asked")


def jabs(text: str, lang: str = "") -> int:
    """How many sentences of ``text`` hold a "?" and are jabs ("Seriously?", "c'est normal ?")."""
    return _questions(text, lang).count("jab")


@functools.lru_cache(maxsize=64)  # the routing reads both measures of one comment: it is split once
def _questions(text: str, lang: str) -> tuple[str, ...]:
    """Each sentence holding a "?" ("?!", "?@brand" and "?n" included), as "asked", "jab" or "presence"
    (asking whether anyone is there, or nothing at all: "hello???")."""
    if "?" not in text:
        return ()
    langs = (lang,) if lang in ("en", "fr") else ("en", "fr")
    found = []
    for sentence in (s for s in split_sentences(text) if "?" in s):
        said = {one: prepared(sentence, one).replace("’", "'") for one in langs}
        if any(_PRESENCE.match(t) or not t.strip() for t in said.values()):  # "hello???": nothing asked
            found.append("presence")
        else:
            found.append("jab" if any(is_jab(t, one) for one, t in said.items()) else "asked")
    return tuple(found)
