"""For a question: what is asked (its kind) and the question itself reduced to a short clause.

The question is the first sentence ending with "?" that is no rhetorical
jab ("are you serious?", "c'est une blague ?") and reads as a clause, else the
first such sentence (for a comment routed as a question without "?", the first
sentence holding an ask cue, else the whole comment). A sentence ends at
".", "!", "?" or a line break, not at "St." or "9.45".

Its kind is the first ask kind of the rules' ``asks`` list with a cue in it,
else in another question of the comment, else in the comment, else ``other``.
A cue weighted below 1 is a weak one ("ça revient", "internet" for
``status``): it counts only when the cues of its kind in the whole comment
weigh 1 together ("plus d'internet, ça revient quand ?", not "le pain aux
figues, ça revient quand ?").

The clause is the question as the customer asked it, in the customer's
persons (their "je"/"my" and the "vous"/"you" they say to the business stay as
written: the reply swaps both itself, ``replykit.reply.voice``), in the word
order of indirect speech: greetings, mentions, politeness ("svp", "please")
and "?" gone, SMS spellings written out ("c possible" -> "c'est possible",
"u" -> "you"), lead-ins dropped ("quick question", "I was wondering if",
"je voulais savoir si"), a yes/no question introduced by "si" or "whether"
("vous êtes ouverts le 15 août ?" -> "si vous êtes ouverts le 15 août"; "can
the plumber come on Friday?" -> "whether the plumber can come on Friday";
"does it come with a charger?" -> "whether it comes with a charger"), a
wh-question put back in statement order ("when will my order arrive" ->
"when my order will arrive", "ça revient quand" -> "quand ça revient").

A long sentence is reduced to the question it ends with ("I left my scarf on
the plane, is there any way to get it back" -> "whether there is any way to get
it back"), and a question still too long loses a trailing condition ("... if
the flight leaves in a few hours"). The clause is empty, and the reply names
the kind instead, when no such clause reads safely: longer than
``MAX_WORDS``, its word order unsure, a rhetorical jab, a question about who we
are ("are you a bot?"), no word of substance ("can you do that?"), or no clean
question (a link, a stray hashtag, an emoji, slang, shouting).

When there is no clause, ``about`` is what the question asks about, as a short
noun phrase with the possessive turned around (the reply's voice, as the
``object`` of ``heard``): the thing after "any news on", "what about", "des
nouvelles de", "à quand"; else the customer's own possessive noun phrase in a
short question ("my cake order" -> "your cake order"); else the definite
phrase of an aspect the question names in the customer's own word ("the
check-in"), never another word for it ("the login" for "the app"), never a
word said as a verb ("it should work"). ``channel`` is the channel a
``contact`` question names ("can I DM you?": ``dm``), for the reply to answer
with it.
"""

from __future__ import annotations

import itertools
import re
from typing import TYPE_CHECKING

from replykit.listen.model import Ask, Aspect
from replykit.listen.object import hear_object
from replykit.text.lazyre import lazy_compile as rx  # compiled on first use: importing ask costs nothing
from replykit.text.normalize import normalize
from replykit.text.questions import is_jab, prepared, rhetorical, split_sentences, uncapitalised

if TYPE_CHECKING:
    from collections.abc import Iterator

    from replykit.listen.reading import Reading
    from replykit.rules.listening import Listening
    from replykit.rules.model import Hit

MAX_WORDS = 16
_WH_FR = (
    "quand", "où", "ou", "combien", "comment", "pourquoi", "quel", "quelle", "quels", "quelles", "qui", "à quelle",
    "a quelle", "à quel", "a quel", "jusqu'à quand", "à partir de quand", "depuis quand", "de quelle", "dans quel",
)  # fmt: skip
_WH_EN = ("when", "where", "what", "which", "how", "why", "who")
# "how much", "what time": the wh-word and the word after it ask together.
_WH_PAIRS_EN = frozenset(
    "much many long time day days often late early soon far old big kind sort type size sizes exactly else".split()
)
_BE = frozenset({"is", "are", "was", "were", "am"})
_DO = frozenset({"do", "does", "did"})
_MODALS = frozenset({"can", "could", "will", "would", "should", "may", "might", "must", "shall"})
_HAVE = frozenset({"have", "has"})
_AUX_EN = _BE | _DO | _MODALS | _HAVE
_NEGATED_AUX_EN = frozenset(
    """isn't aren't wasn't weren't don't doesn't didn't can't couldn't won't wouldn't shouldn't haven't hasn't
    isnt arent wasnt werent doesnt didnt couldnt wouldnt shouldnt havent hasnt""".split()
)
# A subject in one word ("whether someone can help"); "you guys", "you all": "you".
_PRONOUNS = frozenset("you i we they it he she there someone somebody anyone anybody everyone everybody one".split())
_DEMONSTRATIVES = frozenset({"this", "that", "these", "those"})
_YOU_PLURAL = frozenset({"guys", "all", "folks", "people", "lot"})
# What follows "is/are <subject>": the subject ends before it ("is the tart available").
_PREDICATES = frozenset(
    """available open ready possible included free still ok okay suitable accessible vegan vegetarian gluten
    halal allowed sold back closed delivered shipped made done there necessary being going down up working
    broken general normal late delayed cancelled canceled full booked real true safe worth right correct wrong
    due refundable valid expired coming leaving running flying served required needed covered supposed able
    happening planned scheduled confirmed affected different same enough finished fixed fine better worse
    on-time late early busy quiet current open closed expensive cheap waterproof washable suitable compatible
    dishwasher-safe organic fresh homemade handmade local new old only also not still already really""".split()
)
# Two words that say what the subject is ("on time", "in stock"): stronger than a preposition on its own.
_PREDICATE_PAIRS = frozenset(
    {"on time", "on sale", "on schedule", "on track", "on its", "on the", "in stock", "sold out", "up and",
     "back up", "back in", "still on", "still open", "running late"}
)  # fmt: skip
# The "-ing" forms that end a subject ("is the shop opening", but not "is the parking free").
_GERUNDS = frozenset(
    """coming going leaving running flying happening working getting being doing opening closing delivering
    shipping taking offering looking boarding landing departing arriving operating serving selling accepting
    waiting staying""".split()
)
# Past participles without "-ed" ("has my parcel been sent").
_PARTICIPLES = frozenset(
    """been done gone seen given taken made sent paid bought left lost found got gotten held kept brought
    shown known told sold put set run flown broken chosen eaten written stolen driven begun""".split()
)
# "Fix", "come", "arrive": a base verb after "can/will/does <subject>" ends the subject.
BASE_VERBS = _VERBS = frozenset(
    """be have get come go make take give send deliver arrive ship cost work fit help change see show fly leave run
    stay open close use accept apply include need book hold wait last start end pay buy order return refund
    cancel move reschedule fix repair replace install check call contact reach email text message dm answer
    reply respond tell let know find put keep bring carry add remove upgrade transfer switch sit board land
    depart park eat drink try taste hear sell stock restock do happen become offer provide allow serve cover
    charge travel look sound count matter affect expire reopen update appear load process print collect pick
    drop visit run sort mend cut colour color dye trim style quote price cater host hire rent lend teach train
    join sign log access receive hold book ring require take resume begin reflect announce operate stop honor honour
    waive match extend credit solve improve launch release land depart board transfer refund replace exchange
    swap earn redeem apply count expire renew freeze pause suspend cancel confirm reserve list post tweet follow
    ask explain mention share include exclude cook bake prepare decorate write engrave wrap gift clean wash paint
    build design code host migrate backup back restore reset recover unlock verify approve process deliver post
    assemble measure adjust alter hem tailor shorten lengthen style wax thread tint massage treat train coach
    teach instruct supervise watch film stream play broadcast show air sponsor donate support cover insure""".split()
)
_THIRD = {"have": "has", "do": "does", "go": "goes", "be": "is"}
_PAST = {
    "be": "was", "have": "had", "get": "got", "come": "came", "go": "went", "make": "made", "take": "took",
    "give": "gave", "send": "sent", "see": "saw", "find": "found", "pay": "paid", "buy": "bought",
    "leave": "left", "lose": "lost", "hear": "heard", "say": "said", "tell": "told", "know": "knew",
    "put": "put", "bring": "brought", "think": "thought", "keep": "kept", "hold": "held", "fly": "flew",
    "run": "ran", "sell": "sold", "do": "did", "forget": "forgot", "read": "read", "cut": "cut", "set": "set",
    "let": "let", "mean": "meant", "begin": "began", "eat": "ate", "drink": "drank", "feel": "felt",
    "meet": "met", "sit": "sat", "stand": "stood", "understand": "understood", "write": "wrote",
    "break": "broke", "choose": "chose", "ring": "rang", "catch": "caught", "teach": "taught", "win": "won",
    "shut": "shut", "hit": "hit", "spend": "spent", "build": "built", "lend": "lent", "stop": "stopped",
    "ship": "shipped", "drop": "dropped", "plan": "planned", "chat": "chatted", "shop": "shopped",
    "swap": "swapped", "skip": "skipped", "open": "opened", "hire": "hired", "dye": "dyed",
}  # fmt: skip
_ENGLISH_PREPOSITIONS = frozenset("on in at from to for near with by under inside outside over into".split())
_DETERMINERS = frozenset("the a an my your our his her their this that these those any some every each".split())
_INVERSION_FR = rx(r"^(\w+)-(?:t-)?(vous|il|elle|ils|elles|on|je|nous)\b", re.IGNORECASE)
# Inversions customers write without the hyphen ("pouvez vous", "est il").
_LOOSE_INVERSION_FR = rx(
    r"^(\w+ez|est|sont|a|ont|peut|faut|avez|êtes|etes|peux|dois|sais) (vous|il|elle|ils|elles|on)\b", re.IGNORECASE
)
# A subject then its inverted pronoun: "le magasin est-il ouvert" -> "si le magasin est ouvert".
_NOUN_INVERSION_FR = rx(r"^((?:le|la|les|l'|mon|ma|mes|votre|vos|ce|cette|ces)\s?[\w' -]{1,40}?) (\w+)-(?:t-)?"
                                r"(il|elle|ils|elles)\b", re.IGNORECASE)  # fmt: skip
# Lead-ins before the question itself, which then follows in indirect order ("I was wondering if you ...").
_LEAD_INS = {
    "en": rx(
        r"^(?:i (?:was|am|'m) (?:just )?wondering|just wondering|wondering|i wonder|i'd like to know|i would like to "
        r"know|i want to know|i need to know|i'm curious|(?:do|does) (?:you|anyone|anybody|someone) know|anyone know|"
        r"anybody know|anyone knows|anybody knows|"
        r"(?:can|could|would) (?:you|someone|somebody|anyone|anybody) (?:tell|let) me(?: know)?|"
        r"(?:can|could) (?:you|someone) (?:advise|confirm|explain)(?: to me)?|let me know|(?:any|no) ideas?|"
        r"(?:can|may) i ask|mind if i ask|is it possible to (?:know|find out)|any (?:word|news|update|info)(?: on)?)"
        r"[\s,:-]*"
        r"(?=(?:if|whether|when|where|what|which|how|why|who)\b)",
        re.IGNORECASE,
    ),
    "fr": rx(
        r"^(?:je (?:voulais|voudrais|souhaiterais|souhaite|veux|aimerais|voulait) savoir|j'aimerais savoir|"
        r"je me demandais|(?:pourriez|pouvez)[- ]vous me dire|vous pouvez me dire|(?:pourriez|pouvez)[- ]vous "
        r"m'indiquer|savez[- ]vous|vous savez|est[- ]ce que vous savez|dites[- ]moi|une idée de|aucune idée de|"
        r"on peut savoir|peut-on savoir|puis-je savoir|je peux savoir|(?:est-il |c'est |serait-il )?possible de "
        r"savoir|je cherche à savoir)[\s,:-]*"
        r"(?=(?:si|s'|quand|où|ou|comment|combien|pourquoi|quel|quelle|quels|quelles|à quelle|a quelle|ce qu)\b)",
        re.IGNORECASE,
    ),
}
# Tags that turn a statement into a question ("changes are made by phone, right?").
_TAGS = {
    "en": rx(r"(?:,\s*(?:right|correct|yes|no|yeah|ok|okay)|(?:,\s*|\s+)(?:or not|am i right|am i correct|"
                     r"is that right|is that correct|or is it just me|or just me|or is it only me|do you think|"
                     r"you think))$",
                     re.IGNORECASE),
    "fr": rx(r"(?:,\s*(?:non|oui|hein|ok)|(?:,\s*|\s+)(?:ou pas|c'est ça|c'est bien ça|n'est-ce pas|"
                     r"ou c'est (?:juste |que )?(?:moi|chez moi)))$",
                     re.IGNORECASE),
}  # fmt: skip
# What still reads informal or is no clean question after the spellings: the clause is left empty.
_INFORMAL = frozenset(
    """lol lmao lmfao rofl omg omfg wtf smh tbh idk ffs fml af ikr bruh smfh stfu pfff pff mdr ptdr jpp wsh
    tkt jsp osef bg ouf putain merde hell heck fuck fucking damn bordel chier dafuq niquer nique niqué connard
    connards enculé enculés salope batard bâtard abruti abrutis crap shit bullshit""".split()
)
# Questions about who the business is ("are you a bot?", "vous êtes un robot ?"): "whether we are a bot" reads wrong.
_IDENTITY = {
    "en": rx(r"\b(?:you|u) (?:guys )?(?:are|r|were) (?:a|an|the only)\b|^(?:are|were) (?:you|u) (?:a|an)\b",
                     re.IGNORECASE),
    "fr": rx(r"\b(?:vous (?:êtes|etes)|êtes-vous|etes-vous|es-tu|tu es) (?:un|une)\b", re.IGNORECASE),
}  # fmt: skip
# Words that carry no substance: a clause needs one more word than these ("whether we can do that" says nothing).
_FUNCTION_WORDS = frozenset(
    """whether when where what which how why who whom that this these those there here then than with without have
    has had does did done will would could should shall might must been being were your yours ours mine they them
    their from into onto about over under just also very some more most much many such only even still anything
    something nothing everything anyone someone everyone anybody somebody nobody again please really there
    other others another same else make made does going come able sure
    quand comment combien pourquoi quel quelle quels quelles avec sans pour dans chez vous nous votre notre vos
    nos leur leurs elle elles ils sont était était être avoir fait faire faut peut peux pouvez pouvons
    quelque chose quelqu'un rien tout tous toute toutes aussi encore même très plus moins ceci cela comme
    possible savoir
    the and for you are can was our any all how who why its his her him she not but get got way one out off too
    yet now see say did has had may let who whom own per via yes les des une est que qui pas par sur mon ton son
    nos vos ses aux eux moi toi ici été ont peu non oui quoi think know mean""".split()
)
_NOT_CLEAN = rx(
    r"https?:|www\.|[@#]|\.\.|…|[;:]\s|\s-+\s|--|[!?]|(?<!\bSt)(?<!\bMr)(?<!\bMrs)(?<!\bDr)(?<!\bMt)(?<!\b[A-Z])\.\s"
    r"|,(?=[^\d\s])|[;:]$|[^\w\s'’,\-/€$£%&()\"“”.:]"
)
# Where a long sentence breaks before the question it ends with: punctuation, or "but"/"so"/"mais".
_BREAK = {
    "en": rx(r"(?:[,;:]|\s[-–—]+|\)|\b(?:but|so|and|then|because|if|now))\s+", re.IGNORECASE),
    "fr": rx(r"(?:[,;:]|\s[-–—]+|\)|\b(?:mais|donc|alors|et|du coup|sinon|bref))\s+", re.IGNORECASE),
}
# How a question starts: a long sentence is cut before one, after punctuation or "but"/"mais".
_HEAD = {
    "en": rx(
        r"(?:(?:is|are|was|were) (?:there|it|this|that|my|your|the|a|an|any)|(?:can|could|should|will|would|do|did|"
        r"may|am|have|has) (?:i|we|you|they|it|someone|anyone|my|the)|(?:does|did) (?:it|this|that|my|the|your|"
        r"anyone)|(?:how|when|where|what|why|which|who)(?:'s| (?:do|does|did|can|could|will|would|should|is|are|"
        r"was|were|much|many|long|time|kind|size))|(?:is there )?any (?:chance|way)|what are the (?:odds|chances)|"
        r"do you think)\s",
        re.IGNORECASE,
    ),
    "fr": rx(
        r"(?:est[- ]ce (?:que|qu')|(?:pouvez|pourriez|avez|êtes|etes|savez|faites|acceptez|prenez|livrez|"
        r"proposez|vendez)[- ]vous|puis-je|peut-on|faut-il|est-il|y a-t-il|(?:c'est |est-il |serait-il )?possible "
        r"(?:de|d')|"
        r"vous (?:pouvez|pourriez|avez|êtes|faites|livrez|acceptez|proposez) |on peut |je peux |il y a moyen|"
        r"(?:quand|comment|combien|pourquoi|où|quel|quelle|quels|quelles|à quelle) )",
        re.IGNORECASE,
    ),
}
# The heads a question may start with mid-sentence, with no punctuation before it ("I left my scarf on the
# plane is there a way to get it back"): the unmistakable ones only.
_MID_HEAD = {
    "en": rx(
        r"\b(?:(?:is|are) there|(?:can|could|should|do|did|will|may|am) (?:i|we)|(?:can|could|will|would|do|did) you|"
        r"(?:do|will|can|are) they|(?:does|will|can|is) it|"
        r"how (?:do|can|long|much|many)|when (?:will|do|does|can)|where (?:do|can))\s",
        re.IGNORECASE,
    ),
    "fr": rx(
        r"\b(?:est[- ]ce (?:que|qu')|(?:pouvez|pourriez|avez|savez)-vous|puis-je|peut-on|y a-t-il)", re.IGNORECASE
    ),
}
# A head right after a question word is part of its question ("quand est-ce que ça revient").
_AFTER_WH = {
    "en": rx(r"\b(?:when|where|what|which|how|why|who)(?:\s+\S+){0,2}\s+$", re.IGNORECASE),
    "fr": rx(r"\b(?:quand|où|comment|combien|pourquoi|quel|quelle|quels|quelles)(?:\s+\S+){0,2}\s+$", re.IGNORECASE),
}
# A second question after the first, said the direct way: the clause keeps the first.
_SECOND = {
    "en": rx(r",?\s+(?:or|and if so|if so)\s+(?:can|could|do|does|did|is|are|am|will|would|should|must|have|"
                     r"has|how|what|when|where|why)\s.*$", re.IGNORECASE),
    "fr": rx(r",?\s+(?:ou|et si oui|si oui)\s+(?:est-ce|est ce|puis-je|dois-je|faut-il|peut-on|comment|combien|"
                     r"quand|pourquoi)\b.*$", re.IGNORECASE),
}  # fmt: skip
# Subordinate tails a too-long question loses ("... if the flight is leaving in a few hours").
_TAIL = {
    "en": rx(r"(?:,\s*|\s+)(?:if|because|since|as|while|after|before|without|so that|even though|even if"
                     r"|even when|though|or do|or can|or is|or are|or will|or should|or would|or could|when|"
                     r"due to|because of|until|and then)\s.*$",
                     re.IGNORECASE),
    "fr": rx(r"(?:,\s*|\s+)(?:parce que|car|puisque|alors que|sachant que|vu que|ou est-ce|ou bien|sinon|"
                     r"quand|lorsque|depuis que|sauf que|à cause|où est-ce|suite à)\s.*$",
                     re.IGNORECASE),
}  # fmt: skip
# Where a long question's places and times begin: cut there when nothing shorter reads.
_PLACE_TAIL = {
    # never "to" nor "à" (also before a verb), nor the particle of "carry on", "check in", "log in"
    "en": rx(
        r"(?<!carry)(?<!check)(?<!log)(?<!sign)(?<!drop)(?<!pick)(?<!fill)(?<!turn)(?<!hold)(?<!plug)(?<!get)"
        r"\s(?:for|at|on|in|from|out of|during|via|near|around|between)\s(?=\S)",
        re.IGNORECASE,
    ),
    "fr": rx(r"\s(?:pour|au|aux|en|depuis|vers|pendant|chez|entre|sur)\s(?=\S)", re.IGNORECASE),
}
# A clause cut short ("whether you'll fly to LA like", "si vous livrez avec"): never quoted.
_DANGLING = rx(r"\b(?:the|a|an|and|or|but|like|than|with|my|your|who|which|it's|there's|be|de|à|avec|le|"
                       r"la|les|et|ou|du|des|pour|mon|ma|votre)$", re.IGNORECASE)  # fmt: skip
# An auxiliary left where an inversion was ("whether you book a massage can on Saturday"): never quoted.
LEFTOVER = rx(
    r"\b(?:can|could|will|would|(?<!can )(?<!could )(?<!will )(?<!would )(?<!to )(?:do|does))"
    r"(?:\s+(?:on|at|in|for|the|a|an|this|next|to)\b|$)"
)  # "anything I can do to help" is no leftover
_CONTRACTIONS_EN = {"what's": "what is", "where's": "where is", "how's": "how is", "when's": "when is",
                    "who's": "who is", "why's": "why is", "which's": "which is"}  # fmt: skip
_SUBJECT_FR = (
    "vous ", "tu ", "on ", "il ", "elle ", "ils ", "elles ", "je ", "j'", "c'est", "ce ", "ça ", "ca ", "le ", "la ",
    "les ", "l'", "mon ", "ma ", "mes ", "votre ", "vos ", "notre ", "nos ", "y a", "il y a",
)  # fmt: skip
_SUBJECT_EN = (
    "you ", "i ", "we ", "they ", "it ", "he ", "she ", "there ", "the ", "my ", "your ", "our ", "this ", "that ",
    "it's ", "that's ", "there's ", "i'm ", "i'll ", "you're ", "you'll ", "we're ",
)  # fmt: skip
# A statement said as a question is not answered when it is negative: it is a complaint ("you don't know?").
_NEGATIVE = {
    "en": rx(r"\b(?:not|no|never|nobody|nothing)\b|n't\b", re.IGNORECASE),
    "fr": rx(r"\b(?:ne|n'|pas|jamais|personne|rien)\b", re.IGNORECASE),
}


def hear_ask(
    reading: Reading, vocab: Listening | None, is_question: bool, aspects: tuple[Aspect, ...] = ()
) -> Ask | None:
    text = reading.text
    if "?" not in text and not is_question:
        return None
    lang = reading.lang
    sentences = split_sentences(text)
    questions = [s for s in sentences if s.endswith("?")]
    if questions:
        asked = [q for q in questions if not rhetorical(q, lang)]
        clauses = ((q, clause(q, lang)) for q in asked)
        question, said = next(((q, c) for q, c in clauses if c), (asked[0] if asked else questions[0], ""))
    else:
        question = _with_cue(reading, vocab, sentences) or (sentences[0] if sentences else text)
        said = "" if rhetorical(question, lang) else clause(question, lang)
    kind = _kind(reading, vocab, question, questions)
    about = "" if said else _about(reading, question, lang, aspects, vocab)
    channel = _channel(reading, vocab, question) if kind == "contact" else ""
    return Ask(kind, said, question, about, channel)


def _kind(reading: Reading, vocab: Listening | None, question: str, questions: list[str]) -> str:
    if vocab is None:
        return "other"
    ranges = [_token_range(reading, q) for q in (question, *(q for q in questions if q != question))]
    for start, end in ranges:
        for kind in vocab.asks:
            if _cued(reading, kind, start, end):
                return kind
    for kind in vocab.asks:
        if _cued(reading, kind, 0, len(reading.tokens)):
            return kind
    return "other"


def _cued(reading: Reading, kind: str, start: int, end: int) -> bool:
    """Whether a cue of ``kind`` stands in tokens ``start:end``; a weak cue (weight < 1) needs company."""
    hits = reading.found(f"ask:{kind}")
    inside = [hit for hit in hits if start <= hit.start < end]
    if not inside:
        return False
    return any(hit.weight >= 1 for hit in inside) or sum(hit.weight for hit in _distinct(hits)) >= 1


def _distinct(hits: list[Hit]) -> list[Hit]:
    """One hit per cue written ("internet ... internet" weighs once)."""
    seen: dict[str, Hit] = {}
    for hit in hits:
        seen.setdefault(hit.text, hit)
    return list(seen.values())


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
        if any(_cued(reading, kind, start, end) for kind in vocab.asks):
            return sentence
    return None


def clause(question: str, lang: str) -> str:
    """The question as a short clause in the customer's persons, in indirect order, without the question mark.

    "" when no clause reads safely (see the module docstring): the reply then
    names the kind of question.
    """
    lang = "fr" if lang == "fr" else "en"
    text = _calmed(prepared(question, lang))
    if not text or not _plain(text) or _IDENTITY[lang].search(text) or is_jab(text, lang):
        return ""
    for candidate, whole, led in _candidates(text, lang):
        for shortened, cut in _shortened(candidate, lang):
            if len(shortened.split()) > MAX_WORDS or _unclean(shortened):
                continue
            if led and re.match(r"(?:if|whether|si|s')\b", shortened, re.IGNORECASE):
                out = _indirect(shortened, lang)  # "I was wondering if you deliver": already indirect
            else:
                out = (
                    _clause_fr(shortened, whole and not cut)
                    if lang == "fr"
                    else _clause_en(shortened, whole and not cut)
                )
            if (
                out
                and len(out.split()) <= MAX_WORDS
                and _substantial(out)
                and not LEFTOVER.search(out)
                and not (_DANGLING.search(out))
            ):
                return out
    return ""


def _candidates(text: str, lang: str) -> Iterator[tuple[str, bool, bool]]:
    """The whole question, then the questions it ends with, from the longest (a long sentence's own question).

    Each with whether it is the whole question, and whether a lead-in came before it ("I was wondering if").
    """
    lead = _LEAD_INS[lang].match(text)
    if lead and len(text[lead.end() :].split()) >= 2:
        yield uncapitalised(text[lead.end() :]), True, True
    yield text, True, False
    mid = {
        m.start()
        for m in _MID_HEAD[lang].finditer(text)
        if not _AFTER_WH[lang].search(text[: m.start()]) and not re.search(r"\b(?:or|ou)\s+$", text[: m.start()])
    }  # not after a question word, nor the second of two questions ("... or am I just missing it")
    for start in sorted({m.end() for m in _BREAK[lang].finditer(text)} | mid):
        rest = text[start:].strip(" ,")
        lead = _LEAD_INS[lang].match(rest)
        rest = rest[lead.end() :] if lead else rest
        if 0 < start < len(text) and len(rest.split()) >= 3 and (lead or _HEAD[lang].match(rest + " ")):
            yield uncapitalised(rest), False, bool(lead)


def _indirect(text: str, lang: str) -> str:
    """A question a lead-in introduced with "if", "whether" or "si": "whether" and the question in statement order."""
    if lang == "fr":
        return _si(text)
    words = text.split(" ")[1:]
    if words and words[0].lower() in _AUX_EN:
        body = _statement(words[0].lower(), words[1:])  # "wondering if are you open": said the direct way
        return "whether " + " ".join(body) if body else ""
    words = words[2:] if [w.lower() for w in words[:2]] == ["or", "not"] else words  # "whether or not"
    return "" if _NEGATIVE["en"].search(" ".join(words)) else "whether " + " ".join(words)


def _shortened(text: str, lang: str) -> Iterator[tuple[str, bool]]:
    """``text``, then, when too long, without a trailing condition or reason ("... if it's still on sale").

    Each with whether it was cut: a cut sentence is quoted only when it starts as a question does. A second
    question said the direct way ("... or can I do it at the airport", "and if so how much") is always cut.
    """
    second = _SECOND[lang].search(text)
    if second and len(text[: second.start()].split()) >= 3:
        text = text[: second.start()]
    yield text, False
    if len(text.split()) > MAX_WORDS - 1:
        tail = _TAIL[lang].search(text)
        if tail and len(text[: tail.start()].split()) >= 3:
            yield text[: tail.start()], True
            text = text[: tail.start()]
    if len(text.split()) > MAX_WORDS:
        # still too long: without its last places and times ("... at the airport for my 6:15 flight out of SAN")
        comma = text.find(", ")
        ends = [m.start() for m in _PLACE_TAIL[lang].finditer(text)] + ([comma] if comma > 0 else [])
        cuts = sorted(c for c in ends if 5 <= len(text[:c].split()) <= MAX_WORDS and (comma < 0 or c <= comma))
        if cuts:
            yield text[: cuts[-1]], True


def _unclean(text: str) -> bool:
    """Whether ``text`` holds a link, a tag, an emoji, a second sentence or a quote left open."""
    return bool(_NOT_CLEAN.search(text)) or text.count('"') % 2 == 1 or text.count("“") != text.count("”")


_FILLERS = rx(r"(?:^|\s|,)(?:lol|lmao|lmfao|rofl|omg|smh|tbh|ikr|btw|haha\w*|hehe\w*|mdr+|ptdr|jpp)(?=$|[\s,.!?])",
              re.IGNORECASE)  # fmt: skip


def _calmed(text: str) -> str:
    """A shouted question in small letters ("WHERE IS MY BAG" -> "where is my bag"): the reply says it back calmly.
    Fillers go ("lol", "omg", "mdr"); a swear word stays, and ``_plain`` then keeps the question unsaid."""
    text = re.sub(r"\s+", " ", _FILLERS.sub("", text)).strip(" ,")
    letters = [char for char in text if char.isalpha()]
    if len(letters) < 8 or sum(char.isupper() for char in letters) <= len(letters) * 0.8:
        return text
    return re.sub(r"\bi\b", "I", text.lower())


def _plain(text: str) -> bool:
    """Whether ``text`` reads plain: no slang, no lengthened word ("sooo"), no shouting."""
    words = re.findall(r"[\w']+", text.lower())
    if any(word in _INFORMAL for word in words) or re.search(r"([^\W\d])\1{2,}", text):
        return False
    letters = [char for char in text if char.isalpha()]
    upper = sum(char.isupper() for char in letters)
    return not (len(letters) >= 8 and upper > len(letters) / 2)


def _substantial(clause_text: str) -> bool:
    """Whether the clause holds a word of substance (a noun, a verb), not only "whether we can do that"."""
    found = re.findall(r"[^\W\d_][\w'-]*", clause_text)
    words = [re.sub(r"^(?:qu|[ldjsnmc])'", "", word, flags=re.IGNORECASE) for word in found]  # "l'appli": "appli"
    return any(
        (len(word) >= 3 and word.lower() not in _FUNCTION_WORDS) or (len(word) > 1 and word.isupper())  # "DM", "TV"
        for word in words
    )


# French


def _clause_fr(text: str, whole: bool = True) -> str:
    text = _TAGS["fr"].sub("", text) if whole else text
    lowered = text.lower()
    todo = _TODO_FR.match(lowered)
    if todo:
        return "comment faire" + text[todo.end() :]  # "que dois-je faire pour résilier": how to
    if lowered.startswith(("qu'est", "que ", "qu'")):
        return ""  # "ce que nous proposons": no clause a reply can say back cleanly
    moved = _wh_moved(re.sub(r"^est[- ]ce qu(?:e |')", "", text, flags=re.IGNORECASE))
    if moved:
        return moved
    for prefix, replacement in (("est-ce qu'", "s'"), ("est ce qu'", "s'"), ("est-ce que ", "si "),
                                ("est ce que ", "si "), ("qu'est-ce que ", "ce que "), ("qu'est ce que ", "ce que "),
                                ("qu'est-ce qu'", "ce qu'"), ("qu'est-ce qui ", "ce qui "),
                                ("qu'est ce qui ", "ce qui ")):  # fmt: skip
        if lowered.startswith(prefix):
            return _si(replacement + text[len(prefix) :])
    possible = re.match(r"^(?:est-ce |est il |est-il |serait-il |ce serait |ça serait |ca serait )?possible "
                        r"(de |d')", text, re.IGNORECASE)  # fmt: skip
    if possible:
        return "s'il est possible " + possible.group(1) + text[possible.end() :]
    if re.match(r"^est-ce (?!que|qu')\w", lowered):
        return "si c'est " + text[7:]  # "est-ce possible partout": si c'est possible partout
    there = re.match(r"^y[- ]a[- ]t[- '-]?il\s+", lowered)
    if there:
        return "s'il y a " + text[there.end() :]
    if re.match(r"^(?:il y a moyen|y a moyen|y'a moyen|il y aurait moyen)\b", lowered):
        return "s'il y a moyen" + text[lowered.index("moyen") + 5 :]
    if lowered.startswith(("puis-je ", "puis je ")):
        return "si je peux " + text[8:]
    if lowered.startswith(("que dois-je ", "que dois je ", "que faut-il ", "que faut il ", "que puis-je ")):
        verb = {"dois": "je dois", "faut": "il faut", "puis": "je peux"}[lowered[4:8]]
        return "ce que " + verb + " " + text[12:].lstrip()
    wh = _wh_fr(lowered)
    if wh:
        rest = text[len(wh) :].strip()
        rest = re.sub(r"^est[- ]ce qu(?:e |')", "", rest, flags=re.IGNORECASE)
        rest = _uninvert_fr(rest, wh)
        return f"{text[: len(wh)]} {rest}".strip()
    trailing = re.match(r"^(.{3,}?) (quand|comment|combien|où|pourquoi|à quelle heure|a quelle heure|à quelle date|"
                        r"à partir de quand|jusqu'à quand|quel jour)$", text, re.IGNORECASE)  # fmt: skip
    if trailing and trailing.group(1).lower().startswith(_SUBJECT_FR):
        return f"{trailing.group(2)} {trailing.group(1)}"  # "ça revient quand" -> "quand ça revient"
    noun = _NOUN_INVERSION_FR.match(text)
    if noun:
        return _si(f"si {noun.group(1)} {noun.group(2)}{text[noun.end() :]}")
    inverted = _INVERSION_FR.match(text) or _LOOSE_INVERSION_FR.match(text)
    if inverted:
        return _si("si " + _uninvert_fr(text))
    asking = re.match(
        r"(?:vous (?:pouvez|pourriez|avez|êtes|faites|livrez|acceptez|proposez)|on peut|je peux) ", lowered
    )
    if not (whole or asking) or not lowered.startswith(_SUBJECT_FR):
        return ""  # no subject at its head: not a question a reply can quote ("que demander de plus")
    if _NEGATIVE["fr"].search(text) or not _short_statement(text.split(" ")):
        return ""  # "vous ne répondez pas ?": a complaint said as a question
    return "s'il " + text[3:] if lowered.startswith("il ") else "si " + text


# "Que dois-je faire pour résilier": how to resilier.
_TODO_FR = rx(
    r"^(?:que (?:dois-je|dois je|faut-il|faut il|puis-je) faire|qu'est[- ]ce (?:que je dois|qu'il faut|que l'on doit|"
    r"qu'on doit) faire|je dois faire quoi|on fait quoi|je fais quoi)\b"
)
_WH_LATE_FR = rx(
    r"^(.{2,}?) (quand|comment|combien|où|pourquoi|à partir de quand|jusqu'à quand|(?:à |a |de |pour |dans )?"
    r"(?:quel|quelle|quels|quelles) \w+)(?: (.+))?$",
    re.IGNORECASE,
)
_SUBJECT_PRONOUNS_FR = ("je ", "j'", "vous ", "il ", "elle ", "on ", "nous ", "ils ", "elles ", "tu ", "ça ", "c'")


def _wh_moved(text: str) -> str:
    """ "ça revient quand" -> "quand ça revient", "on fait comment pour résilier" -> "comment on fait pour résilier"."""
    text = re.sub(r"^([^,]{3,}), (?:ça|ca|il|elle|ils|elles) ", r"\1 ", text)  # "le pain, ça revient": le pain revient
    late = _WH_LATE_FR.match(text)
    if not late or not late.group(1).lower().startswith(_SUBJECT_FR) or _wh_fr(late.group(1).lower()):
        return ""
    tail = late.group(3) or ""
    if tail.lower().startswith(_SUBJECT_PRONOUNS_FR):
        return ""  # "vous êtes ouverts quand je suis en vacances": "quand" joins two clauses
    wh = late.group(2).lower().replace("a quel", "à quel")
    return " ".join(part for part in (wh, late.group(1), tail) if part)


def _short_statement(words: list[str]) -> bool:
    """Whether a statement said as a question is short and one ("you deliver to Brighton?"), not a story ending
    in "?" or an echo ("the 4 hours you told me was what?")."""
    last = words[-1].lower() if words else ""
    return len(words) <= 12 and not any("," in word for word in words) and last not in (*_WH_EN, "quoi", "quand")


def _si(text: str) -> str:
    return re.sub(r"^si (ils?)\b", r"s'\1", text)


def _wh_fr(lowered: str) -> str:
    for wh in sorted(_WH_FR, key=len, reverse=True):
        if lowered.startswith(wh) and (len(lowered) == len(wh) or not lowered[len(wh)].isalnum()):
            if wh == "ou" and not lowered.startswith(("ou est", "ou sont", "ou en", "ou se", "ou trouver", "ou puis")):
                return ""  # "ou" is "or" more often than a misspelt "où"
            return wh
    return ""


def _uninvert_fr(text: str, wh: str = "") -> str:
    """ "pouvez-vous venir" -> "vous pouvez venir"; after "à quelle", the noun first ("heure ouvrez-vous")."""
    lead = ""
    if wh.endswith(("quel", "quelle", "quels", "quelles")):
        noun = re.match(r"^(\w+) ", text)
        if noun and noun.group(1).lower() not in ("est", "sont"):
            lead, text = noun.group(0), text[noun.end() :]
    match = _INVERSION_FR.match(text) or _LOOSE_INVERSION_FR.match(text)
    if not match:
        return lead + text
    verb, subject = match.group(1), match.group(2)
    if verb.lower() == "puis":
        verb = "peux"
    return f"{lead}{subject.lower()} {verb.lower()}{text[match.end() :]}"


# English


def _clause_en(text: str, whole: bool = True) -> str:
    tagged = whole and bool(_TAGS["en"].search(text))
    if tagged:
        text = _TAGS["en"].sub("", text)
    text = re.sub(r"^how much (?:longer|more time|time)\b", "how long", text, flags=re.IGNORECASE)
    text = re.sub(r"^how (?:do you|does one) (?=\w)", "how to ", text, flags=re.IGNORECASE)  # the generic "you"
    head, _, tail = text.partition(" ")
    full = _CONTRACTIONS_EN.get(head.lower())
    words = (f"{full} {tail}" if full else text).strip().split(" ")
    first = words[0].lower()
    idiom = _idiom_en(text) if whole else None
    if idiom is not None:
        return idiom
    if first in _WH_EN:
        return _wh_en(words)
    if first in _AUX_EN and len(words) >= 2:
        body = _statement(first, words[1:])
        return "whether " + " ".join(body) if body else ""
    lowered = text.lower()
    if not whole or first in _NEGATED_AUX_EN or not (lowered.startswith(_SUBJECT_EN) or (tagged and len(words) >= 4)):
        return ""  # no question word, no auxiliary, no subject: not a question a reply can quote
    if _NEGATIVE["en"].search(text) or not _short_statement(words):
        return ""  # "you don't know where my bag is?": a complaint said as a question
    return "whether " + text


def _idiom_en(text: str) -> str | None:
    """ "any chance you could", "any way to", "any chance of getting": a yes/no question said another way."""
    chance = re.match(r"^(?:(?:is there )?(?:any|a|some) chance|what are the (?:odds|chances)) (?:that )?(.+)$", text,
                      re.IGNORECASE)  # fmt: skip
    if chance and (
        chance.group(1).lower().startswith((*_SUBJECT_EN, "someone ", "anyone "))
        or re.search(r"\b(?:is|are|will|can|could|would)\b", chance.group(1), re.IGNORECASE)  # "flight 3745 is"
    ):
        rest = chance.group(1)  # "any chance you could help rebook": whether you could help rebook
        return "" if _NEGATIVE["en"].search(rest) else "whether " + rest
    way = re.match(r"^(?:is there )?(?:(?:any|a|some) (?:way|means)|anyway) (?:to|for me to|i can|we can|of)\s+(.+)$",
                   text, re.IGNORECASE)  # fmt: skip
    if way:
        rest = re.sub(r"^(\w+ing)\b", lambda m: _base(m.group(1)) or m.group(1), way.group(1))
        return "whether there is a way to " + rest
    think = re.match(r"^(?:do|does) (?:you|u|anyone|anybody)(?: guys)? (?:think|reckon|expect|know)"
                     r"(?: that| if| whether)? (.+)$", text, re.IGNORECASE)  # fmt: skip
    if think and re.search(r"\b(?:will|would|is|are|was|were|can|could)\b", think.group(1), re.IGNORECASE):
        rest = think.group(1)  # "do you think the flights will be cancelled": whether the flights will be
        if not _NEGATIVE["en"].search(rest) and not rest.lower().startswith(_WH_EN):
            return "whether " + rest
    means = re.match(r"^(?:so )?does (that|this|it) mean (?:that )?(.+)$", text, re.IGNORECASE)
    if means and not _NEGATIVE["en"].search(means.group(2)):
        return f"whether {means.group(1).lower()} means {means.group(2)}"  # "does that mean I have to go there"
    stock = re.match(r"^any (.+?) (available|left|in stock|on sale|open)\b(.*)$", text, re.IGNORECASE)
    if stock and len(stock.group(1).split()) <= 4:
        be = "are" if stock.group(1).lower().endswith("s") else "is"  # "any seats left", "any bread left"
        return f"whether there {be} any {stock.group(1)} {stock.group(2)}{stock.group(3)}"
    getting = re.match(r"^(?:is there )?(?:any|a|some) chance of (\w+ing)\s+(.+)$", text, re.IGNORECASE)
    if getting and _base(getting.group(1)):
        return f"whether it is possible to {_base(getting.group(1))} {getting.group(2)}"  # "any chance of getting"
    return None


def _wh_en(words: list[str]) -> str:
    """A wh-question in statement order: "when will my order arrive" -> "when my order will arrive"."""
    if len(words) > 1 and words[1].lower() == "about":
        return ""  # "what about the parking": a noun phrase, said as what it is about
    wh_len = 2 if len(words) > 2 and words[1].lower() in _WH_PAIRS_EN else 1
    first = words[0].lower()
    rest = words[wh_len:]
    if first in ("what", "which") or wh_len == 2:
        # "how many bags can I check", "which flights are": the noun belongs to the question word.
        at = next((i for i, w in enumerate(rest[:3]) if w.lower() in _AUX_EN | _NEGATED_AUX_EN), 0)
        if at and not any(w.lower() in _PRONOUNS or w.lower() in _DETERMINERS for w in rest[:at]):
            wh_len += at
            rest = rest[at:]
    group = words[:wh_len]
    if len(rest) < 2 or rest[0].lower() not in _AUX_EN | _NEGATED_AUX_EN:
        if _MID_HEAD["en"].search(" ".join(words[1:]) + " "):
            return ""  # "when I read it, can you define this": "when" joins, the question comes after
        return " ".join(words)  # "what happens to my bag", "when my order will arrive": already in order
    aux, body = rest[0], rest[1:]
    lower = aux.lower()
    if (
        lower in _BE
        and (body[0].lower() in _PREDICATES or _participle(body[0]))
        and body[0].lower()
        not in (
            "there",
            "still",
            "also",
            "only",
            "not",
            "really",
        )
    ):
        return " ".join(words)  # "what is included", "who is responsible": the question word is the subject
    if lower == "do":
        return " ".join([*group, *_without_you_plural(body)])  # "when do the shops open": no verb to agree
    if first in ("who", "what", "which") and wh_len == 1 and lower in _MODALS and body[0].lower() in _VERBS:
        return " ".join(words)  # "who can tell me where they are": the question word is the subject
    subject = _subject(body, lower, loose=False)
    if subject is None:
        gerund = any(w.lower().endswith("ing") and n.lower() in _DETERMINERS for w, n in itertools.pairwise(body))
        if lower in _BE and len(body) <= 8 and not gerund and not any(re.search(r"[$€£%]", w) for w in body):
            return " ".join([*group, *body, aux])  # "where is my order" -> "where my order is"
        if lower in ("is", "are") and first in ("what", "which", "who") and body[0].lower() in _DETERMINERS:
            return " ".join(words)  # "what is the best card to use for miles": said as asked
        return ""
    np, after = body[:subject], body[subject:]
    np = _without_you_plural(np)
    if lower in ("do", "did", "does"):
        if lower == "do":
            return " ".join([*group, *np, *after])
        verb = _inflected(after[0], lower, np)
        return " ".join([*group, *np, verb, *after[1:]]) if verb else ""
    return " ".join([*group, *np, aux, *after])


def _statement(aux: str, rest: list[str]) -> list[str]:
    """A yes/no question in statement order, without "whether": "can the plumber come" -> "the plumber can come"."""
    if any(word.lower() in ("no", "not", "nothing", "nobody", "never") for word in rest[:3]):
        return []  # "is there nothing that can be done", "are you not ashamed": a complaint said as a question
    if aux == "do":
        return _without_you_plural(rest)  # "do potato based products belong in sandwiches"
    subject = _subject(rest, aux)
    if subject is None or subject >= len(rest):
        return []
    np, after = _without_you_plural(rest[:subject]), rest[subject:]
    if aux in ("do", "does", "did"):
        if aux == "do":
            return [*np, *after]
        verb = _inflected(after[0], aux, np)
        return [*np, verb, *after[1:]] if verb else []
    return [*np, aux, *after]


def _subject(words: list[str], aux: str, loose: bool = True) -> int | None:
    """How many of ``words`` make the subject after ``aux`` ("the lemon tart" in "is the lemon tart available")."""
    if not words:
        return None
    first = words[0].lower()
    if first in _PRONOUNS:
        if first == "you":
            end = 1
            while end < len(words) and words[end].lower() in _YOU_PLURAL:
                end += 1
            return end if end < len(words) else None
        if first == "one" and len(words) > 3 and words[1].lower() == "of":
            return 3  # "can one of you call me"
        return 1
    if first in ("any", "some", "all", "none", "either", "each") and len(words) > 3 and words[1].lower() == "of":
        return 3 if words[2].lower() in ("you", "us", "them") else None
    if (
        first in _DEMONSTRATIVES
        and len(words) > 1
        and (
            _ends_subject(words[1], aux, strong=True) or (aux in _BE and words[1].lower() in ("a", "an", "the", "your"))
        )
    ):
        return 1  # "is this ok", "does that include", "is this a limited route"
    if (
        first in _AUX_EN
        or first in _WH_EN
        or first in _NEGATED_AUX_EN
        or (first.endswith("ing") and (len(words) > 1 and words[1].lower() in (*_ENGLISH_PREPOSITIONS, *_DETERMINERS)))
    ):
        return None  # "was trying to change a flight": no subject there
    for strong in (True, False):
        for i in range(1, min(len(words), 10)):
            word = words[i].lower()
            pair = f"{word} {words[i + 1].lower()}" if i + 1 < len(words) else ""
            if aux in _BE and strong and pair in _PREDICATE_PAIRS:
                return i  # "is flight 587 from DFW to ORD on time"
            if _ends_subject(words[i], aux, strong) and words[i - 1].lower() not in _DETERMINERS:
                return i
            if word in _AUX_EN or word in _WH_EN or word in _PRONOUNS:
                return None  # "is the lemon tart you sell available": unsure
        if aux not in _BE or not loose:
            break  # after "can", "does": the subject ends at a verb, never at a preposition
    if aux in _MODALS | _DO and first in _DETERMINERS:
        # "when will the flight resume", "can my son attend the class": a word the verb list does not hold, right
        # after a short noun phrase, before the end, a determiner, a preposition or a pronoun.
        for i in range(2, min(len(words), 5)):
            word, after = words[i].lower(), words[i + 1].lower() if i + 1 < len(words) else ""
            if not word.isalpha() or word in _DETERMINERS or word in _ENGLISH_PREPOSITIONS or word in _PRONOUNS:
                return None
            if not after or after in _DETERMINERS or after in _ENGLISH_PREPOSITIONS or after in _PRONOUNS:
                return i
    return None


def _ends_subject(word: str, aux: str, strong: bool) -> bool:
    lower = word.lower()
    if aux in _BE:
        if strong:
            return (
                lower in _PREDICATES
                or _participle(lower)
                or _adverb(lower)
                or lower in _GERUNDS
                or (len(lower) > 5 and lower.endswith(("ible", "able", "ful", "ous", "ive")))  # "eligible"
            )
        return lower in _ENGLISH_PREPOSITIONS
    if aux in _HAVE:
        return _participle(lower) or lower in ("been", "got")
    return lower in _VERBS or (aux in ("does", "did") and lower in _VERBS)


def _participle(word: str) -> bool:
    lower = word.lower()
    return lower in _PARTICIPLES or (len(lower) > 4 and lower.endswith("ed") and not lower.endswith("eed"))


def _adverb(word: str) -> bool:
    return word == "only" or (
        len(word) > 5 and word.endswith("ly") and word not in ("family", "supply", "assembly", "reply", "italy")
    )


def _without_you_plural(np: list[str]) -> list[str]:
    """ "you guys" -> "you": the reply's "we" takes no "guys"."""
    if np and np[0].lower() == "you":
        rest = list(np[1:])
        while rest and rest[0].lower() in _YOU_PLURAL:
            rest.pop(0)
        return [np[0], *rest]
    return np


def _base(gerund: str) -> str:
    """ "getting" -> "get", "changing" -> "change", "adding" -> "add": the verb a gerund comes from, or ""."""
    stem = gerund.lower()[:-3]
    for verb in (stem, stem + "e", stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else ""):
        if verb in _VERBS:
            return verb
    return ""


def _inflected(verb: str, aux: str, subject: list[str]) -> str:
    """The verb that carries "does" or "did": "does it come" -> "comes", "did you get" -> "got"; "" when unsure."""
    lower = verb.lower()
    if aux == "did":
        if lower in _PAST:
            return _PAST[lower]
        if lower not in _VERBS and re.search(r"[^aeiou][aeiou][^aeiouwxy]$", lower):
            return ""  # "swim", "plan": the past doubles a consonant, or is irregular
        if lower.endswith("e"):
            return lower + "d"
        if lower.endswith("y") and lower[-2:-1] not in "aeiou":
            return lower[:-1] + "ied"
        return lower + "ed"
    if len(subject) == 1 and subject[0].lower() in ("i", "you", "we", "they"):
        return lower
    if lower in _THIRD:
        return _THIRD[lower]
    if lower.endswith(("s", "sh", "ch", "x", "z", "o")):
        return lower + "es"
    if lower.endswith("y") and lower[-2:-1] not in "aeiou":
        return lower[:-1] + "ies"
    return lower + "s"


# What is asked, as a noun phrase (when no clause reads safely)


# "Any update on my refund?", "what about the parking?", "des nouvelles de ma commande ?": the thing asked about.
_ABOUT = {
    "en": (
        rx(
            r"^(?:is there |are there |got |have you got )?any (?:news|update|updates|info|information|word|progress|"
            r"eta|estimate|timeline|feedback|response|answer|reply|tips|advice|suggestions|help|luck|clue)\s+"
            r"(?:on|about|regarding|re|for|with|of|to|concerning)\s+(.+)$",
            re.IGNORECASE,
        ),
        rx(r"^(?:what|how) about\s+(.+)$", re.IGNORECASE),
        rx(r"^(?:what's|what is) (?:up|going on|happening|the story|the status) with\s+(.+)$", re.IGNORECASE),
        rx(r"^(?:an? )?(?:update|news|info|status|eta)\s+(?:on|about|of|for|regarding)\s+(.+)$", re.IGNORECASE),
        rx(r"\b(?:question|questions|query|enquiry|inquiry)\s+(?:about|on|regarding|re|concerning)\s+(.+)$",
                   re.IGNORECASE),
        rx(r"^(?:any|got any)\s+(?!(?:chance|way|idea|ideas|one|body|thing|more|other|help|luck|response|word|"
                   r"answer|reply|progress|clue|thoughts|tips|advice|suggestions|news|update|updates)\b)(.+)$",
                   re.IGNORECASE),
        rx(r"\b(?:about|regarding|concerning)\s+((?:my|the|your|our|this|a|an)\s.+)$", re.IGNORECASE),
    ),
    "fr": (
        rx(
            r"^(?:des |une |pas de |toujours pas de |aucune |du |un )?(?:nouvelles?|nouveau|infos?|informations?|news|"
            r"retour|visibilit[ée]|date|délai|delai|estimation|idée)\s+((?:de|du|des|d'|sur|concernant|pour|quant à|"
            r"au sujet de|à propos de)\s*.+)$",
            re.IGNORECASE,
        ),
        rx(r"^(?:à|a) quand\s+((?:le|la|les|l'|un|une|des|mon|ma|mes|votre|vos)\s?.+)$", re.IGNORECASE),
        rx(r"^(?:et|quid|qu'en est-il|et pour|et concernant|et côté|et niveau)\s+((?:de |du |des |d')?.+)$",
                   re.IGNORECASE),
        rx(r"\b(?:question|questions)\s+((?:sur|concernant|au sujet de|à propos de|pour)\s*.+)$",
                   re.IGNORECASE),
        rx(r"\b((?:concernant|au sujet de|à propos de)\s+(?:mon|ma|mes|le|la|les|l'|votre|vos|ce|cette)"
                   r"\s?.+)$", re.IGNORECASE),
    ),
}  # fmt: skip
_ABOUT_WORDS = 8
_ABOUT_QUESTION_WORDS = 14
# A word said as a verb is no aspect named ("it should work", "trying to order", "pour installer la fibre").
_VERB_BEFORE = {
    "en": r"(?:to|will|would|should|can|could|must|might|may|does|do|did|don't|doesn't|not|i|we|you|they|just|"
    r"already|have|has|had|never)",
    "fr": r"(?:pour|de|d'|à|a|peux|pouvez|peut|veux|voulez|va|vais|faut|dois|devez|je|j'|vous|on|ne|n')",
}
# Possessives turned around: the reply says "your refund" for the customer's "my refund", "our" for their "your".
_TURN = {
    "en": {"my": "your", "your": "our", "our": "your", "mine": "yours"},
    "fr": {"mon": "votre", "ma": "votre", "mes": "vos", "votre": "notre", "vos": "nos", "notre": "votre",
           "nos": "vos"},
}  # fmt: skip
# Words a noun phrase never holds: persons and verbs a reply would have to conjugate.
_NOT_IN_PHRASE = {
    "en": frozenset("i me you we us they he she it is are was were am be been do does did can could will would "
                    "should have has had not don't can't won't isn't that which who etc".split()),
    "fr": frozenset("je j' me m' moi vous nous tu te il elle on ils elles est sont suis êtes sommes a ai ont avez "
                    "peut peux pouvez ne pas fait faut qui que qu' etc".split()),
}  # fmt: skip
# Things too vague to name what was asked ("your time", "ma vie").
_VAGUE = frozenset(
    """time money name number phone email life day way thing things stuff one family son daughter husband wife
    partner kids children mum mom dad friend friends temps argent nom numéro numero vie jour truc chose choses fils
    fille mari femme enfants famille ami amie amis sister brother mother father boyfriend girlfriend baby child kid
    lap head hand hands face point reason deal matter issue problem hell heck fact truth odds chance chances
    stress words guys stinker own use kind type sort lot rest end start idea soeur sentiment moindre gens cas
    fois façon facon manière maniere coup moment peine monde problème probleme souci date frère frere mère mere
    père pere copain copine bébé bebe bonjour bonsoir question questions thoughts suggestions advice tips ideas
    help aide""".split()
)
# French prepositions before the noun phrase, and the article they stand for.
_FR_DE = {"du": "le ", "des": "les ", "de": "", "d'": "", "sur": "", "concernant": "", "pour": "", "quant à": "",
          "au sujet de": "", "à propos de": ""}  # fmt: skip


def _about(reading: Reading, question: str, lang: str, aspects: tuple[Aspect, ...], vocab: Listening | None) -> str:
    """What the question asks about, as a short noun phrase with the possessive turned around, or "".

    The thing after "any news on", "what about", "des nouvelles de"...; else the customer's own possessive
    noun phrase in the question ("my flight to Boston" -> "your flight to Boston"); else the aspect named in
    the question ("the wifi"), a specific one: never the waiting or the visit a word like "wait" names.
    """
    lang = "fr" if lang == "fr" else "en"
    text = _calmed(prepared(question, lang))
    if not text or not _plain(text) or is_jab(text, lang) or _IDENTITY[lang].search(text):
        return ""
    for pattern in _ABOUT[lang]:
        found = pattern.search(text)
        if found:
            phrase = _noun_phrase(found.group(1), lang)
            if phrase:
                return phrase
    if len(text.split()) <= _ABOUT_QUESTION_WORDS:  # in a long question, "my lap" is seldom what is asked
        start, end = _token_range(reading, question)
        named = hear_object(reading, tuple(range(start, end)))
        if named and len(named.words.split()) <= 4 and _ends_a_phrase(question, named.words):
            phrase = _noun_phrase(named.words, lang)
            if phrase and not _verbal(phrase.split()[1:]):
                return named.text
    return _aspect_named(question, aspects, vocab, lang) or _first_phrase(text, lang) or _bare_phrase(text, lang)


# The determiners a phrase of the question's own may open with (its subject, its object), per language.
_PHRASE_OPENERS = {
    "en": frozenset("the my your our".split()),
    "fr": frozenset("le la les l' mon ma mes votre vos".split()),
}
# Words a noun phrase of the question ends before: verbs, conjunctions, and French pronouns after "la"/"le".
_PHRASE_STOPS = frozenset(
    """mr mrs ms dr unless except though although où dont if so but and or as than when where while because since
    until till like next also even just yet only
    qui que qu' quand si mais et ou car comme pour sans avec dans sur chez par ne n' y en se s'""".split()
)
_PHRASE_WORDS = 4
# Words in "-ing" that are nouns, not a verb ending the phrase ("the booking", not "the plane leaving").
_ING_NOUNS = frozenset("booking parking wedding clothing pudding building heating ceiling setting settings".split())
_COMPARATIVES = frozenset(
    "closer later earlier sooner faster cheaper better worse bigger smaller longer shorter".split()
)
_PLACE_WORDS = frozenset(
    """on in at to from into onto without near by than like after before during since until through across off
    dans sur sous sans vers depuis avant après apres pendant jusqu""".split()
)
# Before "le", "la", "les", these make it a pronoun ("je la veux", "pouvez-vous le changer").
_SUBJECTS_FR = frozenset(
    "je j' tu il elle on nous vous ils elles me m' te t' ne n' peux peut pouvez pourriez veux voulez "
    "dois devez faut va vais allez".split()
)


def _first_phrase(text: str, lang: str) -> str:
    """The question's first phrase opened by "the", "my", "your" ("is the lemon tart still on?": "the lemon
    tart"), at most four words, possessives turned around, or "": the thing asked about when nothing else
    names it. "the point", "my time" name nothing (``_VAGUE``); a phrase that runs into a verb is dropped."""
    words = re.findall(r"[jlmd]'|[\w'-]+|[^\w\s]", text)
    for at, word in enumerate(words):
        if word.lower() not in _PHRASE_OPENERS[lang] or (at and _placed(words[:at])):
            continue  # "on the tarmac", "without the crew", "(your hub)": seldom what is asked
        phrase = [word]
        for follower in words[at + 1 : at + 1 + _PHRASE_WORDS]:
            lower = follower.lower()
            if follower in "#@/&*+=" or re.match(r"\d", follower):
                phrase = []  # "the Thai#", "the 4-6hrs": a code or a figure, no phrase to say back
                break
            if not re.match(r"[^\W\d][\w-]*$", follower) or _phrase_ends(lower, lang, len(phrase) > 1):
                break
            phrase.append(follower)
        if lang == "fr":  # a French verb has no sure ending ("la box redémarre"): the noun, and a short tag ("tv")
            phrase = phrase[:2] + [w for w in phrase[2:3] if len(w) <= 3 or w.isupper() or w.isdigit()]
        if len(phrase) < 2 or (lang == "fr" and at and words[at - 1].lower() in _SUBJECTS_FR):
            continue  # "vous pouvez la changer": "la" is a pronoun there
        joined = " ".join(phrase).replace("' ", "'")
        named = _noun_phrase(joined, lang)
        if named and not _verbal([w for w in phrase[1:-1] if not w.lower().endswith("ed")] + phrase[-1:]):
            return named  # "the delayed flight": a participle before the noun is an adjective
    return ""


# One-word replies and fillers, never a thing asked about ("Yeah?", "Merci ?").
_ANSWERS = frozenset("yeah yes yep no nope ok okay sure thanks thank oui non ouais merci bon bref".split())


def _bare_phrase(text: str, lang: str) -> str:
    """A question that is a noun phrase alone ("Small backpacks?", "Des alternatives ?"), said as it is, or ""."""
    words = text.split()
    lowered = [word.lower() for word in words]
    if not 1 <= len(words) <= 3 or not all(word.isalpha() for word in words) or (words[0].isupper() and len(words) > 1):
        return ""
    last = lowered[-1]
    if lang == "fr":
        if lowered[0] not in ("le", "la", "les", "des", "du", "mon", "ma", "mes", "votre", "vos"):
            return ""  # "remboursement ?": a French noun needs its article to be said back
    elif (len(words) == 1 and not last.endswith("s")) or (
        lowered[0] in _DETERMINERS and lowered[0] not in _TURN["en"] and lowered[0] != "the"
    ):
        return ""  # "help?", "any ideas?": no thing to name
    if (
        lowered[0] in _WH_EN
        or lowered[0] in _AUX_EN
        or any(word in _PRONOUNS or word in _INFORMAL or word in _PREDICATES for word in lowered)
        or (last.endswith(("ed", "ly", "ing", "able", "ful", "ous", "ive")) and last not in _ING_NOUNS)
        or any(word in _VAGUE or word in _ANSWERS for word in lowered)
        or _verbal(words)
    ):
        return ""
    return _noun_phrase(text, lang)


def _placed(before: list[str]) -> bool:
    """Whether the words ``before`` a phrase make it a place or a time ("on the tarmac"), not "an update on"."""
    last = before[-1].lower()
    topical = len(before) > 1 and before[-2].lower() in ("update", "updates", "news", "info", "word", "eta")
    return last == "(" or (last in _PLACE_WORDS and not topical)


def _phrase_ends(word: str, lang: str, has_noun: bool) -> bool:
    """Whether ``word`` ends the phrase before it; after its first noun, a verb ends it too ("boxes fit")."""
    return (
        (has_noun and (word in _VERBS or word in _COMPARATIVES or word in _PREDICATES))
        or word in _PHRASE_STOPS
        or word in _NOT_IN_PHRASE[lang]
        or word in _ENGLISH_PREPOSITIONS
        or word in _DETERMINERS
        or word in _AUX_EN
        or word in _NOT_COMPOUND
        or word in ("late", "early", "full", "empty", "wrong", "broken", "right")
        or (lang == "en" and word.endswith("ing") and word not in _ING_NOUNS)
    )


def _ends_a_phrase(question: str, words: str) -> bool:
    """Whether ``words`` stand whole in ``question``: "my JFK" in "my JFK->SFO flight" does not."""
    at = question.find(words)
    after = question[at + len(words) : at + len(words) + 1] if at >= 0 else "-"
    return at >= 0 and (not after or after in " ?!.,;:)")


def _verbal(words: list[str]) -> bool:
    """Whether a verb stands among ``words`` ("your attendees deserve a great flight", "your friend bought")."""
    for word in (w.lower() for w in words):
        if word in _PAST.values() or word in _PARTICIPLES or word in ("that", "which", "who", "deserve", "deserves"):
            return True
        if word.endswith("ed") and len(word) > 4:
            return True
    return False


# Words after a noun that leave it the head of its phrase ("the check-in today", "the parking near you").
_NOT_COMPOUND = frozenset(
    """today tomorrow tonight now again too please here there at in on for to from near with of by and or but is are
    was were be will would can could should do does did this that the a an my your our any some than as when where
    if so then already still yet ever aujourd demain ce soir maintenant encore aussi ici à au aux de du des en pour
    avec chez sur dans et ou mais est sont le la les un une mon ma mes votre vos ce cette""".split()
)
_TIME_WORDS = frozenset("today tomorrow tonight now again too already still yet ever aujourd demain maintenant".split())
_ARTICLES = frozenset("the our your les des votre vos notre nos".split())


def _says(phrase: str, words: str) -> bool:
    """Whether ``phrase`` says back one of the customer's ``words`` ("the check-in" for "check in"), not another
    word for it ("the login" for "the app", "le wifi" for "le réseau fibre")."""
    said = [normalize(word) for word in re.findall(r"\w{3,}", words)]
    named = [normalize(word) for word in re.findall(r"\w{3,}", phrase) if word.lower() not in _ARTICLES]
    return bool(named) and all(any(_same_noun(noun, word) for word in said) for noun in named)


def _same_noun(noun: str, word: str) -> bool:
    """ "drinks" for "drink", "check-in" for "checkin"; not "la livraison" for "le livre", "l'échange" for "échanger",
    "the availability" for "available", "the order" for "ordered"."""
    noun, word = noun.replace("-", ""), word.replace("-", "")
    if word.endswith(("ed", "er")) and not noun.endswith(("ed", "er")):
        return False
    return noun.rstrip("s") == word.rstrip("s")


def _aspect_named(question: str, aspects: tuple[Aspect, ...], vocab: Listening | None, lang: str) -> str:
    """The definite phrase of the first specific aspect heard in the question ("the check-in"), or ""."""
    generic = vocab.generic if vocab is not None else frozenset()
    head = question.split(None, 1)[0] if question.strip() else ""
    for aspect in aspects:
        if aspect.id in generic or not aspect.words or aspect.words not in question or head.endswith(aspect.words):
            continue  # not the question's first word either: "Wait, are you open?"
        as_verb = re.search(rf"\b{_VERB_BEFORE[lang]}\s+{re.escape(aspect.words)}\b", question, re.IGNORECASE)
        after = question[question.find(aspect.words) + len(aspect.words) :].split(None, 1)
        compound = bool(after) and after[0].isalpha() and after[0].islower() and after[0] not in _NOT_COMPOUND
        if _says(aspect.the, aspect.words) and not as_verb and not compound:  # "service desk": a desk
            return aspect.the
    return ""


def _noun_phrase(words: str, lang: str) -> str:
    """``words`` as a noun phrase a reply can name, possessives turned around; "" when it reads as more than one."""
    text = _TAIL[lang].sub("", words.strip(" ,.")).strip(" ,.")
    if lang == "fr":
        lead = re.match(r"^(du|des|de|d'|sur|concernant|pour|quant à|au sujet de|à propos de)\s*", text, re.IGNORECASE)
        if lead:
            text = _FR_DE[lead.group(1).lower()] + text[lead.end() :]
    pieces = text.split()
    lowered = [piece.lower() for piece in re.findall(r"[jm]'|[\w'-]+", text)]
    if (
        not 1 <= len(pieces) <= _ABOUT_WORDS
        or _unclean(text)
        or any(word in _NOT_IN_PHRASE[lang] for word in lowered)
        or (lowered[0].endswith("ing") and len(lowered) > 1 and lowered[1] in _DETERMINERS)  # "getting a hotel"
        or lowered[0] in _WH_EN
        or _wh_fr(lowered[0])
        or not _substantial(text)
        or all(word in _VAGUE or word in _TURN[lang] or word in _DETERMINERS for word in lowered)
        or lowered[-1] in _VAGUE
        or lowered[-1] in _NOT_COMPOUND - _TIME_WORDS  # "your flight till", "le parking de"
        or lowered[-1] in ("till", "until", "like")
    ):
        return ""
    turned = _TURN[lang]
    return " ".join(turned.get(piece.lower(), piece) for piece in pieces)


def _channel(reading: Reading, vocab: Listening | None, question: str) -> str:
    """The channel a contact question names, the first in the question ("can I DM you?": dm), or ""."""
    if vocab is None:
        return ""
    start, end = _token_range(reading, question)
    named = [
        (hit.start, channel)
        for channel in vocab.channels
        for hit in reading.found(f"channel:{channel}")
        if start <= hit.start < end
    ]
    return min(named)[1] if named else ""
