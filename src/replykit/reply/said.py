"""What a reply says back, decided once from ``heard`` and the triage: the ``said`` object.

The templates phrase; this module decides what is true enough to phrase. A
fact is only said back in a shape that reads true for its subject: a delay as a
delay ("une heure de retard"), a wait as a wait, an order not yet come as
awaited, a repair that failed again as a relapse, never "still no sign of your
repair" under a repair that broke again. When the facts do not fit a shape,
less is said (the thing alone, or nothing): a short true sentence beats a
specific wrong one. Every field is plain text the templates insert as data.

``said`` (docs/templates.md):

- ``thing``: what the problem is about, possessive ("your order of 20
  croissants", "votre facture"): ``heard.subject``, or ``heard.object`` only
  when it names the subject's own thing; "" when unsure.
- ``shape``: how the facts are said back: ``delay``, ``wait``, ``awaited``,
  ``relapse``, ``double_charge``, ``amount``, ``plain`` or "" (no facts).
- ``duration``, ``since``, ``later``, ``repeat``, ``tried``, ``money``: the facts.
- ``intensity``: ``light``, ``mild``, ``strong`` or ``crisis``, with the
  ``cues`` that set it (see :func:`intensity`).
- ``reservation``: the comment turns ("but", "though", "mais"): praise with a reservation.
- ``fails``: the subject is something that works or arrives, or does not (an
  order, a login, a connection, a repair): said as trouble, never as a
  disappointed expectation ("your login disappointed you" reads false).
- ``incident``: for a crisis, the incident named ("the allergic reaction"), or "".
- ``asked``: for a question, the clause in our voice when it reads as clean
  indirect speech, else ""; ``asked_about``: what was asked, as a noun phrase.
- ``also``: a second aspect complained about (its ``the``, ``gender``, ``number``),
  said back beside the subject in a review that blames several things, or None.
- ``rating_only``: a review with a star rating and no text: the reply thanks for
  the rating, never for "your message".
- ``pressed``: the customer writes under pressure (shouting, "!!", "?!"): never
  "Good question" then.
"""

from __future__ import annotations

import re
from typing import Any

from replykit.listen.ask import LEFTOVER
from replykit.listen.model import Aspect, Heard
from replykit.reply.voice import in_our_voice
from replykit.rules.kinds.stat import measure
from replykit.triage.walk import Triage

# Aspects a customer waits for: "three weeks waiting for your refund" reads true for these.
AWAITED = frozenset({"order", "delivery", "refund", "quote", "callback", "reply", "booking_confirmation"})
# Awaited only when the comment says since when ("depuis lundi"): otherwise the time may be how
# long the fix held ("dripping again 2 days later"), not how long the customer waited.
AWAITED_SINCE = frozenset({"repair", "installation", "technician_visit"})
# Things that are fixed, and can go wrong again: with a repetition, a relapse, not a wait.
FIXES = frozenset(
    {"repair", "installation", "workmanship", "technician_visit", "product_defect", "website_bug", "app_login",
     "wifi", "connection", "equipment", "haircut_result", "colour", "beauty_treatment"}
)  # fmt: skip
# Things that work or arrive, or fail to: trouble with them is not a let-down of taste.
FAILS = FIXES | AWAITED | AWAITED_SINCE | frozenset(
    {"payment", "double_charge", "billing", "booking", "appointment", "communication", "returns", "voucher",
     "availability", "deadline", "water_leak", "check_in"}
)  # fmt: skip
# Where an amount belongs in the acknowledgement.
MONEY = frozenset({"billing", "price", "payment", "quote", "double_charge", "refund", "voucher"})
# Objects that never read as the thing a problem is about.
VAGUE = frozenset(
    {"information", "info", "details", "son", "daughter", "husband", "wife", "partner", "kids", "children",
     "family", "friend", "friends", "mum", "mom", "dad", "card", "account", "money", "time", "name", "phone",
     "email", "number", "informations", "coordonnées", "fils", "fille", "mari", "femme", "enfants", "enfant",
     "famille", "ami", "amie", "amis", "carte", "compte", "argent", "temps", "nom", "numéro", "mère", "père",
     "copain", "copine", "conjoint"}
)  # fmt: skip
# Words that say how bad a comment is, read from the triage path (signal -> weight).
PRAISE_SIGNALS = ("praise_terms",)
BLAME_SIGNALS = (
    "complaint_cues", "complaint_facts", "negative_terms", "insult", "anger", "threat", "dissatisfaction",
    "negative_opinion", "negative_marks", "fraud_accusation", "rating_low",
)  # fmt: skip
# A crisis names the incident when one of these is in the comment (first match wins).
INCIDENTS: tuple[tuple[str, dict[str, str]], ...] = (
    (r"allerg|anaphyla|epipen|épipen|r[ée]action", {"en": "the allergic reaction", "fr": "la réaction allergique"}),
    (r"poison|intoxi|vomi|\bsick\b|\bill\b|malade|diarrh", {"en": "you falling ill", "fr": "votre malaise"}),
    (r"\bgas\b|\bgaz\b", {"en": "the gas leak", "fr": "la fuite de gaz"}),
    (r"flood|inond|d[ée]g[âa]ts? des eaux|water damage", {"en": "the flooding", "fr": "l'inondation"}),
    (r"\bfire\b|incendie|\bfeu\b", {"en": "the fire", "fr": "l'incendie"}),
    (r"injur|\bhurt|bless[ée]|br[ûu]l|\bburn", {"en": "the injury", "fr": "la blessure"}),
    (r"cockroach|\bmice\b|\bmouse\b|\brats?\b|cafard|souris|insect|\bbug in\b|cheveu|\bhair in\b|\bglass\b|verre",
     {"en": "what you found", "fr": "ce que vous avez trouvé"}),
)  # fmt: skip
SOFT = re.compile(r"\b(svp|stp|please|pls|plz|thx|merci|s'il vous pla[îi]t|slt|bjr|pk|pcq|jsp|tkt)\b", re.I)
# Question clauses that are no indirect speech: "how much for balayage", "combien pour rajouter".
VERBLESS = re.compile(
    r"^(how much|combien|price|prix|tarif)\b"
    r"(?! (does|do|is|are|it|i|you|we|they|he|she|the|my|your|a|an|coûte|coûtent|est|sont|ça|je|vous|le|la|les)\b)",
    re.I,
)


def what_we_say(heard: Heard, result: Triage, text: str = "", rating_only: bool = False) -> dict[str, Any]:
    """The ``said`` object the templates receive (see the module docstring)."""
    lang = result.lang
    subject = heard.subject
    duration = heard.duration.text if heard.duration else ""
    words = heard.duration.words if heard.duration else ""
    after = text[text.find(words) + len(words) :][:20] if words and words in text else ""
    since = duration.lower().startswith(("since ", "depuis "))
    duration = re.sub(r"^(for|pendant) ", "", duration)
    later = bool(re.search(r"^\s*(later|after|apr[èe]s|plus tard)\b", after, re.I))
    found = path_words(result)
    level, cues = intensity(heard, result, found)
    return {
        "thing": thing(heard),
        "shape": shape(heard, duration, since),
        "duration": duration,
        "since": since,
        "later": later,
        "repeat": bool(heard.repetition),
        "tried": [c.id for c in heard.channels_tried],
        "money": money(heard, text, lang),
        "intensity": level,
        "cues": cues,
        "fails": bool(subject and subject.id in FAILS),
        "incident": incident(heard, text, lang) if result.outcome.escalate else "",
        "asked": clean_clause(heard.ask.clause, lang) if heard.ask else "",
        "asked_about": asked_about(heard, lang),
        "praised": heard.praised
        if heard.praised and heard.praised != subject and _sincere(result, text, found)
        else None,
        "reservation": "contrast" in found,
        "pressed": pressed(text),
        "also": also_blamed(heard),
        "rating_only": rating_only,  # a star rating and no words: thank for the rating, not "your message"
    }


# Aspects that cannot "fall short" beside another: a problem in itself ("the noise", "the defect"), money (said
# with its own words), a clause rather than a thing ("the food arriving cold"), an incident.
NOT_SAID_TOGETHER = frozenset(
    """noise pests mould water_leak product_defect deadline experience price double_charge billing refund payment
    voucher food_temperature food_safety foreign_object safety allergic_reaction injury burn product_quality""".split()
)


def also_blamed(heard: Heard) -> dict[str, str] | None:
    """A second aspect the customer complained about, to say back beside the subject ("le service et le repas"),
    or None: never the subject itself, what was praised, nor an aspect said with the subject's own words."""
    subject = heard.subject
    if subject is None or len(heard.blamed) < 2 or subject.id in NOT_SAID_TOGETHER:
        return None
    praised = heard.praised.id if heard.praised else ""
    for aspect in heard.aspects:
        if aspect.id in NOT_SAID_TOGETHER or aspect.id in (subject.id, praised) or aspect.the == subject.the:
            continue
        if aspect.id in heard.blamed:
            return {"id": aspect.id, "the": aspect.the, "gender": aspect.gender, "number": aspect.number}
    return None


def pressed(text: str) -> bool:
    """Whether the comment is written under pressure: shouted, or "!!", "?!" ("WHERE IS MY CAKE??")."""
    shouted = measure("caps_ratio", text) >= 0.7  # the routing's own measure (rules `shouting`)
    return shouted or bool(re.search(r"!!|\?!|!\?|\?\?", text))


# Compliments that open sarcastic complaints ("super le service : on te raccroche au nez"):
# alone in a complaint, they are not thanked (N1).
IRONIC_OPENERS = frozenset(
    {"super", "bravo", "génial", "genial", "géniale", "top", "chapeau", "well done", "great job", "good job",
     "impressive", "wow", "merci", "thanks", "thank you", "on adore", "j'adore"}
)  # fmt: skip


def _sincere(result: Triage, text: str, found: dict[str, set[str]]) -> bool:
    """Whether the praise in a complaint is more than the opener irony uses ("Super le service : ...")."""
    if result.outcome.category != "complaint":
        return True
    if ironic(result):
        return False
    praise, blame = _weights(found)
    if blame > 2 * praise:  # a few kind words in a stern review are not what to answer first
        return False
    if found.get("praise_terms", set()) - IRONIC_OPENERS:
        return True
    return not text.lstrip(" \"'«“").lower().startswith(tuple(IRONIC_OPENERS))


def thing(heard: Heard) -> str:
    """The subject's phrase, or the customer's own words for it when they name the same thing."""
    subject, obj = heard.subject, heard.object
    if obj and not _vague(obj.text) and (subject is None or _names(obj.text, subject)):
        return obj.text
    return subject.phrase if subject else ""


def _vague(text: str) -> bool:
    words = re.findall(r"\w+", text.lower())
    return len(words) > 7 or any(w in VAGUE for w in words[1:3])


def _names(text: str, subject: Aspect) -> bool:
    """Whether ``text`` contains one of the words the subject was heard in ("votre commande de 20 croissants")."""
    said = {w[:5] for w in re.findall(r"\w{4,}", subject.words.lower())}
    return any(w[:5] in said for w in re.findall(r"\w{4,}", text.lower()))


def shape(heard: Heard, duration: str, since: bool) -> str:
    sid = heard.subject.id if heard.subject else ""
    delayed = sid == "deadline" or bool(heard.subject and re.search(r"late|delay|retard", heard.subject.words, re.I))
    if sid == "double_charge":
        return "double_charge"
    if sid in MONEY and heard.amount:
        return "amount"
    if duration and delayed:
        return "delay"
    if duration and sid == "waiting_time":
        return "wait"
    if heard.repetition and sid in FIXES:
        return "relapse"
    if duration and (sid in AWAITED or (since and sid in AWAITED_SINCE)):
        return "awaited"
    if heard.repetition or heard.channels_tried or (duration and since):
        return "plain"
    return ""


def money(heard: Heard, text: str, lang: str) -> str:
    """The amount as the customer framed it: "£400 over the quote", "8 € de frais de livraison", else the amount."""
    if not heard.amount:
        return ""
    amount = heard.amount.text
    at = re.escape(heard.amount.words)
    if lang == "fr":
        fees = re.search(at + r"\s+(de frais(?: de \w+)?|d'frais)", text, re.I)
        over = re.search(at + r"\s+(de plus que (?:le|votre|mon) devis|au-dessus du devis)", text, re.I)
        checkout = re.search(r"au paiement|à la caisse|en fin de commande", text, re.I)
        if fees:
            return f"{amount} {fees.group(1).lower()}" + (" découverts au paiement" if checkout else "")
        if over:
            return f"{amount} de plus que le devis"
        return amount
    fees = re.search(at + r"\s+(?:in\s+)?((?:\w+\s+)?fees?)\b", text, re.I)
    over = re.search(at + r"\s+(over|above|more than)\s+(?:the|my|our|your)\s+(quote|estimate)", text, re.I)
    if fees:
        return f"{amount} in {fees.group(1).lower()}"
    if over:
        return f"{amount} {over.group(1).lower()} the {over.group(2).lower()}"
    return amount


def intensity(heard: Heard, result: Triage, found: dict[str, set[str]] | None = None) -> tuple[str, list[str]]:
    """How bad it is, from cues anyone can read back: ``light``, ``mild``, ``strong`` or ``crisis``.

    - crisis: the outcome escalates (a health, safety or public incident);
    - strong: it happened before, a channel went unanswered, it lasts (a duration
      in days or more, or "since"), or three or more words of blame;
    - light: mostly positive: more words of praise than of blame, at least two,
      no duration or amount said (an hour's wait is more than a reservation),
      and none of the strong cues;
    - mild: the rest.
    """
    if result.outcome.escalate:
        return "crisis", ["escalation"]
    found = path_words(result) if found is None else found
    praise, blame = _weights(found)
    if ironic(result):
        praise = 0  # "Thanks to your AMAZING service... GREAT WORK!": the praise words are the sarcasm
    cues = []
    if heard.repetition:
        cues.append("repetition")
    if heard.channels_tried:
        cues.append("channels tried")
    if heard.duration and re.search(
        r"\b(days?|weeks?|months?|years?|jours?|semaines?|mois|ans|années?)\b|since|depuis", heard.duration.text, re.I
    ):
        cues.append("duration")
    if blame >= 3:
        cues.append("blame words")
    if cues:
        return "strong", cues
    if praise >= 2 and praise > blame and not (heard.duration or heard.amount) and not _hard_facts(found):
        return "light", [f"praise {praise} > blame {blame}"]
    return "mild", [f"praise {praise}, blame {blame}"]


# Signals of irony (rules.yaml, N1): when one of them decided a node, the comment's praise is sarcasm.
IRONY_SIGNALS = frozenset({"irony", "ironic_praise", "ironic_opener", "sarcasm_frame", "scare_quotes"})


def ironic(result: Triage) -> bool:
    """Whether a node of the path held because of irony: its praise words must never be thanked (N1)."""
    return any(step.result and not IRONY_SIGNALS.isdisjoint(step.consulted) for step in result.path)


# Signals that state a breach: beside them a review is never "mostly positive".
HARD_SIGNALS = frozenset(
    {"complaint_facts", "negated_function", "negated_positive", "billing_error", "problem_with", "measured_wait",
     "duration_number", "date_span", "inability", "duration"}
)  # fmt: skip


def _hard_facts(found: dict[str, set[str]]) -> bool:
    """A clear fact of a problem in the path, or two cues of one ("faded in a week", "nobody came back")."""
    return not HARD_SIGNALS.isdisjoint(found) or len(found.get("complaint_cues", ())) >= 2


def path_words(result: Triage) -> dict[str, set[str]]:
    """Signal name -> the words that fired it anywhere on the path, lower-cased (evidence is looked up once)."""
    found: dict[str, set[str]] = {}
    for step in result.path:
        for signal, words in step.matched.items():
            found.setdefault(signal, set()).update(w.lower() for w in words)
    return found


def _weights(found: dict[str, set[str]]) -> tuple[int, int]:
    praise = set().union(*(found.get(name, set()) for name in PRAISE_SIGNALS))
    blame = set().union(*(found.get(name, set()) for name in BLAME_SIGNALS))
    return len(praise), len(blame)


def incident(heard: Heard, text: str, lang: str) -> str:
    """For a crisis, the incident by its name ("the allergic reaction"), or "" when none is recognised."""
    for pattern, names in INCIDENTS:
        if re.search(pattern, text, re.I):
            return names.get(lang, names["en"])
    if heard.subject and heard.subject.id in ("food_safety", "hygiene"):
        return heard.subject.phrase
    return ""


def clean_clause(clause: str, lang: str) -> str:
    """The question in our voice, or "" when it would not read as clean indirect speech."""
    if not clause or SOFT.search(clause) or VERBLESS.search(clause) or len(clause.split()) > 16:
        return ""
    ours = in_our_voice(clause, lang)
    if lang == "fr":
        ours = re.sub(r"\bs'(?!ils?\b)", "si ", ours)  # "s'" only before il/ils: "si un départ tardif"
        if not re.match(r"(si|s'ils?|quand|où|comment|combien|quel|quelle|quels|quelles|à quelle|pourquoi)\b", ours):
            return ""
    elif not re.match(r"(whether|if|when|where|how|what|which|why|who)\b", ours, re.I):
        return ""
    elif LEFTOVER.search(ours):
        return ""  # an inversion left over: "whether you book a massage can on Saturday"
    return ours


ASKED = {
    "en": {"hours": "our opening hours", "holiday": "our opening hours", "price": "the price",
           "availability": "availability", "booking": "booking", "area": "the areas we cover", "access": "getting here",
           "quote": "a quote", "dietary": "the dietary options", "delivery": "delivery", "order_status": "your order",
           "refund": "your refund"},
    "fr": {"hours": "nos horaires", "holiday": "nos horaires", "price": "le prix", "availability": "la disponibilité",
           "booking": "la réservation", "area": "les secteurs où nous intervenons", "access": "l'accès",
           "quote": "le devis", "dietary": "les options alimentaires", "delivery": "la livraison",
           "order_status": "votre commande", "refund": "votre remboursement"},
}  # fmt: skip
_EN_PRICE = r"\b(?:how much (?:for|is|are|does|do)|price (?:of|for)|cost of)\s+"
_FR_PRICE = r"\b(?:combien (?:pour|coûte|coûtent|co[uû]te)|prix (?:d'|de |du |des |pour ))\s*"
PRICE_OF = {
    "en": re.compile(_EN_PRICE + r"((?:an? |the )?[a-z][\w' -]{2,40}?)(?:\s+(?:cost|be|costs)\b|[?.!,]|$)", re.I),
    "fr": re.compile(
        _FR_PRICE + r"((?:une? |le |la |les |l'|des )?[a-zà-ÿ][\w' -]{2,40}?)(?:\s*[?.!,]|$|\s+svp)", re.I
    ),
}


def asked_about(heard: Heard, lang: str) -> str:
    """What a question is about, as a noun phrase ("the price of a balayage", "nos horaires"), or ""."""
    if not heard.ask:
        return ""
    kind = heard.ask.kind
    if kind == "price":
        found = PRICE_OF[lang if lang in PRICE_OF else "en"].search(heard.ask.words)
        if found and not re.search(r"\b(i|my|me|je|mon|ma|mes)\b", found.group(1), re.I):
            what = found.group(1).strip()
            if lang == "fr" and re.match(r"\w+(er|ir|re)\b", what):
                return f"le prix pour {what}"  # "combien pour rajouter 2 prises": le prix pour rajouter...
            if lang == "fr":
                return "le prix " + (f"d'{what}" if what[:1].lower() in "aeiouéèh" else f"de {what}")
            return f"the price of {what}"
        if heard.ask.about:
            return heard.ask.about  # "any changes to the award ticket prices?": what it asks about, not "the price"
    base = ASKED.get(lang, ASKED["en"]).get(kind, "")
    if not base and heard.subject and heard.subject.id not in ("experience", "service"):
        base = heard.subject.the
    if not base and heard.object and not _vague(heard.object.text):
        base = heard.object.text  # already turned around: "your flight"
    if base and heard.date and kind in ("hours", "holiday", "delivery", "booking", "availability"):
        base = f"{base} {heard.date.text}"
    return base
