"""What a reply says back (reply/said.py, issue 13 review): each fact in a shape that reads true,
the facts that matter, empathy matched to how bad it is, questions named cleanly, private facts."""

from __future__ import annotations

import re

import pytest

import support
from replykit.listen.model import Ask, Aspect, Channel, Heard, Phrase
from replykit.reply.said import clean_clause, intensity
from replykit.reply.suggestion import suggest, suggest_variants
from replykit.reply.voice import in_our_voice
from replykit.triage.walk import Step, triage

RULES = support.default_rules()


def _aspect(id_: str, phrase: str, the: str, gender: str = "", number: str = "s", words: str = "") -> Aspect:
    return Aspect(id_, phrase, the, gender, number, words or phrase)


def _p(text: str) -> Phrase:
    return Phrase(text, text)


def _replies(text: str, lang: str, heard: Heard) -> list[str]:
    return [s.public_reply for s in suggest_variants(text, 12, rules=RULES, lang=lang, heard=heard)]


def test_a_delay_is_said_as_a_delay_never_as_a_problem_that_lasts() -> None:
    text = "Le gâteau d'anniversaire a été livré avec une heure de retard, les invités étaient déjà partis"
    heard = Heard(subject=_aspect("deadline", "le retard", "le délai", "m", words="retard"),
                  object=_p("votre gâteau d'anniversaire"), duration=_p("une heure"))  # fmt: skip
    for reply in _replies(text, "fr", heard):
        assert re.search(r"une heure de retard|retard d'une heure", reply, re.I), reply
        assert "pose problème" not in reply and "sans solution" not in reply, reply


def test_a_repair_that_failed_again_is_not_a_repair_not_yet_done() -> None:
    text = "£240 to 'fix' the leak and it's dripping again 2 days later"
    heard = Heard(subject=_aspect("repair", "your repair", "the repair", words="fix"), duration=_p("2 days"),
                  repetition=_p("again"), amount=_p("£240"))  # fmt: skip
    for reply in _replies(text, "en", heard):
        assert not re.search(r"no sign|waiting|without your repair|not for the first time", reply), reply
        assert re.search(r"again|came back|coming back", reply), reply
        assert "2 days later" in reply or "2 days" not in reply, reply


def test_an_amount_is_said_under_a_bill_as_the_customer_framed_it() -> None:
    text = "The final bill was £400 over the quote, nobody warned us"
    heard = Heard(subject=_aspect("billing", "your bill", "the bill", words="bill"), amount=_p("£400"))
    assert all("£400 over the quote" in r for r in _replies(text, "en", heard))
    text_fr = "8 € de frais de livraison découverts au paiement, c'est abusé"
    heard_fr = Heard(subject=_aspect("billing", "votre facture", "la facture", "f", words="frais"), amount=_p("8 €"))
    assert all("8 € de frais de livraison découverts au paiement" in r for r in _replies(text_fr, "fr", heard_fr))


def test_the_subject_comes_before_a_side_object() -> None:
    heard = Heard(subject=_aspect("double_charge", "the double charge", "the double charge", words="charged twice"),
                  object=_p("your card payment last week"))  # fmt: skip
    for reply in _replies("I was charged twice for my card payment last week", "en", heard):
        assert "your card" not in reply and re.search(r"twice|double charge", reply), reply


def test_a_crisis_names_the_incident_not_a_side_aspect() -> None:
    text = "My son had an allergic reaction after your dessert, he has a nut allergy and we told the waiter"
    result = suggest(text, rules=RULES)
    assert result.escalate
    for reply in [s.public_reply for s in suggest_variants(text, 6, rules=RULES)]:
        assert "allergic reaction" in reply and "your son" not in reply and "dietary" not in reply, reply


def test_a_mostly_positive_review_is_thanked_not_apologised_to() -> None:
    text = ("Really good sushi, fresh fish and friendly staff. I have reservations about the all-you-can-eat "
            "deal, the choice is limited. I'll be back though.")  # fmt: skip
    for reply in [s.public_reply for s in suggest_variants(text, 6, rules=RULES)]:
        assert not re.search(r"fed up|not the service|frustrat|annoyed|apolog", reply), reply
        assert re.search(r"thank", reply, re.I) and re.search(r"again|back|next time", reply), reply


class _Evidence:
    """Stands for the triage's facts: the words that fired each signal."""

    def __init__(self, matched: dict[str, list[str]]) -> None:
        self.matched = matched

    def evidence(self, name: str) -> list[str]:
        return self.matched.get(name, [])


def _step(**matched: list[str]) -> Step:
    return Step("is_complaint", (), True, list(matched), _Evidence(matched))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("matched", "heard", "level"),
    [({"praise_terms": ["good", "fresh", "friendly"], "complaint_cues": ["limited"]}, Heard(), "light"),
     ({"praise_terms": ["good", "fresh"], "complaint_cues": ["waited"]}, Heard(duration=_p("an hour")), "mild"),
     ({"complaint_cues": ["late"]}, Heard(), "mild"),
     ({"complaint_cues": ["late"]}, Heard(repetition=_p("again")), "strong"),
     ({"complaint_cues": ["late"]}, Heard(channels_tried=(Channel("phone", "nobody answers"),)), "strong"),
     ({"complaint_cues": ["late"]}, Heard(duration=_p("three weeks")), "strong")],
)  # fmt: skip
def test_intensity_is_read_from_cues_anyone_can_check(matched: dict, heard: Heard, level: str) -> None:  # type: ignore[type-arg]
    result = triage(RULES, "late again", lang="en")._replace(path=(_step(**matched),))
    assert intensity(heard, result)[0] == level


@pytest.mark.parametrize(
    ("clause", "lang", "said"),
    [("how much for balayage on shoulder length hair", "en", ""),
     ("combien pour rajouter 2 prises dans une chambre svp", "fr", ""),
     ("s'un départ tardif est possible dimanche", "fr", "si un départ tardif est possible dimanche"),
     ("si il reste des places", "fr", "s'il reste des places"),
     ("if my partner and I can book a couples massage on Saturday", "en",
      "if your partner and you can book a couples massage on Saturday"),
     ("whether you book a couples massage can on Saturday", "en", ""),
     ("what the holdup is", "en", "what the holdup is")],
)  # fmt: skip
def test_a_question_is_said_back_only_as_clean_indirect_speech(clause: str, lang: str, said: str) -> None:
    assert clean_clause(clause, lang) == said


@pytest.mark.parametrize(
    ("clause", "lang", "ours"),
    [("if I can pay you by card", "en", "if you can pay us by card"),  # the customer's I, the business's you
     ("whether you can call me back", "en", "whether we can call you back"),
     ("if I was charged twice", "en", "if you were charged twice"),
     ("si je peux vous appeler", "fr", "si vous pouvez nous appeler"),
     ("si mon mari peut venir", "fr", "si votre mari peut venir")],
)  # fmt: skip
def test_our_voice_swaps_both_persons_of_the_customers_clause(clause: str, lang: str, ours: str) -> None:
    assert in_our_voice(clause, lang) == ours


def test_an_unclean_question_is_named_by_what_was_asked() -> None:
    heard = Heard(subject=_aspect("price", "the price", "the price"),
                  ask=Ask("price", "how much for balayage on shoulder length hair",
                          "How much for balayage on shoulder length hair"))  # fmt: skip
    for reply in _replies("How much for balayage on shoulder length hair?", "en", heard):
        assert "the price of balayage" in reply and "how much for" not in reply, reply


def test_the_private_script_carries_the_reference_the_failed_channel_and_the_facts() -> None:
    text = "Commande #A1234 jamais reçue depuis 3 semaines, personne ne décroche au téléphone, 89 € payés"
    result = suggest(text, rules=RULES)
    assert "#A1234" in result.private_script and "#A1234" not in result.public_reply
    assert "le téléphone sans réponse" in result.private_script and "89 €" in result.private_script
    assert "Bonjour à vous" not in result.public_reply


def test_a_french_repetition_reads_as_french_whatever_its_words() -> None:
    for words in ("encore une fois", "3e fois", "encore"):
        heard = Heard(subject=_aspect("order", "votre commande", "la commande", "f"), repetition=_p(words))
        for reply in _replies("Encore un problème de commande", "fr", heard):
            assert "pour la encore" not in reply and "la la" not in reply, reply


def test_a_sarcastic_opener_is_not_thanked_and_a_failed_phone_is_not_offered() -> None:
    text = "super le service clientèle : tu appelles, ça te raccroche au nez. bref toujours pas internet"
    for reply in [s.public_reply for s in suggest_variants(text, 6, rules=RULES)]:
        assert not re.search(r"[Mm]erci pour vos mots|[Rr]avis que|vous (a|ait) plu", reply), reply
        assert "Appelez-nous" not in reply and "appelez-nous" not in reply, reply


def test_a_negative_review_with_a_few_kind_words_is_not_thanked_as_kind() -> None:
    text = ("Les produits sont frais mais la cuisine est fade et sans surprise, un grand réfectoire bruyant et "
            "froid, service pressé. Bref, déçus, aucune finesse.")  # fmt: skip
    for reply in [s.public_reply for s in suggest_variants(text, 6, rules=RULES)]:
        assert not re.search(r"gentil message|[Mm]erci pour vos mots", reply), reply


@pytest.mark.parametrize(
    "review",
    ["Loin d'être à la hauteur du cadre. Serveur désobligeant, nous avons écourté le dîner et ne recommanderons pas "
     "ce restaurant. Merci toutefois au maître d'hôtel, et un plaisir de découvrir le bar à l'étage.",
     "Service impertinent et plats quelconques, je ne recommande pas. Merci quand même pour l'accueil."],
)  # fmt: skip
def test_a_stern_review_with_a_few_polite_words_is_not_read_as_mostly_positive(review: str) -> None:
    # "light" closes with "we'll be glad to welcome you again" and no apology: wrong under a stern review
    found = suggest(review, rules=RULES, lang="fr")
    assert found.category == "complaint"
    assert intensity(found.heard, found.triage)[0] != "light"
