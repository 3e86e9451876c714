"""Issue 13 item 4: every move of the public replies has at least three phrasings in each language.

The templates that had a single wording (moderate, inappropriate_calm, crisis_inappropriate,
crisis_general, other) now pick each sentence with ``m.way(slot, n)``; general_monitor still
posts nothing. ``other`` offers the private channel only when the comment needs something.
"""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

import support
from replykit.listen.model import NOTHING_HEARD, Ask, Aspect, Channel, Heard, Phrase
from replykit.reply.render import render
from replykit.reply.suggestion import build_context, suggest, suggest_variants, templates_dir_for
from replykit.reply.variants import every_phrasing
from replykit.rules.model import LANGS
from replykit.triage.walk import Triage

RULES = support.default_rules()
PHONE = "+33 1 23 45 67 89"
MODERATION_OFF = {"policy.moderate_inappropriate": "false"}

# A real comment for each outcome, in each language, and the policy that leads there.
COMMENTS: dict[str, dict[str, str]] = {
    "moderate": {"en": "You are all a bunch of idiots.", "fr": "Ferme ta gueule, espèce d'abruti."},
    "inappropriate_calm": {"en": "What a pathetic loser, get a life.", "fr": "Quelle bande de cons, franchement."},
    "crisis_inappropriate": {
        "en": "Bunch of idiots, boycott them all and spread the word.",
        "fr": "Faites tourner : le patron est un gros connard.",
    },
    "crisis_general": {
        "en": "Boycott this brand until they start paying their suppliers a fair price.",
        "fr": "Boycottez cette enseigne tant qu'elle exploite ses fournisseurs.",
    },
    "other": {
        "en": "Saw the new sign going up, looks like you're expanding",
        "fr": "On parle de vous dans le journal ce matin !",
    },
}
POLICY = {"inappropriate_calm": MODERATION_OFF}
REWORDED = tuple(COMMENTS)


def _aspect(id_: str, phrase: str, the: str, gender: str = "", number: str = "s") -> Aspect:
    return Aspect(id_, phrase, the, gender, number, phrase)


def _p(text: str) -> Phrase:
    return Phrase(text, text)


# What the listening stage hears under "about my order" / "au sujet de ma commande".
OWN_ORDER = {
    "en": Heard(subject=_aspect("order", "your order", "the order"), object=_p("your order")),
    "fr": Heard(subject=_aspect("order", "votre commande", "la commande", "f"), object=_p("votre commande")),
}


def _render(outcome_id: str, lang: str, variant: int, heard: Heard = NOTHING_HEARD, text: str = "", **kw: Any) -> str:
    outcome = RULES.outcomes[outcome_id]
    triage = Triage(lang, "forced", outcome, (), kw.get("topic", ""), ())
    context = build_context(
        RULES, triage, kw.get("author", ""), kw.get("platform", ""), "RK-000001", {}, heard, variant, text
    )
    return render(templates_dir_for(RULES), outcome, "public", lang, context)


def _sentences(text: str) -> set[str]:
    """The sentences of a reply, without the greeting and signature lines that every phrasing shares."""
    text = re.sub(r" – [^\n]*Atelier Exemple$", "", text)  # the signature of a tweet-sized reply
    lines = [line for line in text.splitlines() if line.strip() and "Atelier Exemple" not in line]
    parts = {s.strip() for line in lines for s in re.split(r"(?<=[.!?])\s+", line) if s.strip()}
    return {s for s in parts if not re.fullmatch(r"(Hello|Hi|Dear|Bonjour)\b[^.]*,", s)}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("outcome", REWORDED)
@pytest.mark.parametrize("heard_kind", ["nothing", "own order"])
def test_each_sentence_has_three_phrasings(outcome: str, lang: str, heard_kind: str) -> None:
    # every_phrasing()[k] puts digit k in every slot: k = 0, 1, 2 use phrasings 0, 1, 2 of every move,
    # so no sentence may come back in two of them.
    heard = OWN_ORDER[lang] if heard_kind == "own order" else Heard()
    for platform in ("", "x"):
        renders = [_render(outcome, lang, every_phrasing()[k], heard, platform=platform) for k in range(3)]
        sets = [_sentences(r) for r in renders]
        assert all(sets), renders
        for i in range(3):
            for j in range(i + 1, 3):
                assert not sets[i] & sets[j], f"{outcome}/{lang}/{platform}: shared {sets[i] & sets[j]}"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("outcome", REWORDED)
def test_three_distinct_public_replies_across_variants(outcome: str, lang: str) -> None:
    found = suggest_variants(COMMENTS[outcome][lang], 3, rules=RULES, variables=POLICY.get(outcome))
    assert {s.outcome for s in found} == {outcome}
    texts = [s.public_reply for s in found]
    assert len(texts) == 3 == len(set(texts)), texts


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("outcome", ["moderate", "crisis_inappropriate"])
def test_reply_variants_in_json_through_the_cli(cli: Any, outcome: str, lang: str) -> None:
    result = cli("reply", "--text", COMMENTS[outcome][lang], "--variants", "3", "-f", "json")
    data = json.loads(result.stdout)
    texts = [a["public_reply"] for a in data["alternatives"]]
    assert data["outcome"] == outcome and len(texts) == 3 == len(set(texts))


@pytest.mark.parametrize("lang", LANGS)
def test_general_monitor_still_posts_nothing(lang: str) -> None:
    for variant in every_phrasing():
        assert _render("general_monitor", lang, variant) == ""


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("outcome", ["moderate", "crisis_inappropriate"])
def test_moderation_notes_name_no_one_and_keep_criticism_welcome(outcome: str, lang: str) -> None:
    for variant in every_phrasing()[:3]:
        for platform in ("", "x"):
            text = _render(outcome, lang, variant, author="Julie", platform=platform)
            assert "Julie" not in text and PHONE in text, text
            assert len(text) <= 280 or not platform


@pytest.mark.parametrize("lang", LANGS)
def test_moderate_always_says_criticism_is_welcome(lang: str) -> None:
    welcome = r"welcome|place" if lang == "en" else r"bienvenu|place"
    for variant in every_phrasing()[:3]:
        assert re.search(welcome, _render("moderate", lang, variant)), variant


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("outcome", ["crisis_general", "crisis_inappropriate", "inappropriate_calm"])
def test_holding_and_calm_replies_admit_nothing_and_promise_nothing(outcome: str, lang: str) -> None:
    banned = r"sorry|apolog|fault|refund|compensat|we will fix|promise|désolé|excuses|faute|rembours|promet"
    for variant in every_phrasing()[:3]:
        for heard in (Heard(), OWN_ORDER[lang]):
            text = _render(outcome, lang, variant, heard, author="Julie")
            assert not re.search(banned, text, re.I), text


@pytest.mark.parametrize(
    ("lang", "comment", "named", "never"),
    [("en", "Spread the word: this restaurant made 10 people sick last week, boycott them",
      "about people falling ill", "you falling ill"),
     ("fr", "Faites tourner : ils ont provoqué un incendie dans l'immeuble, boycott !",
      "concernant un incendie", "l'incendie")],
)  # fmt: skip
def test_crisis_general_names_the_incident_of_a_campaign_without_making_it_the_readers(
    lang: str, comment: str, named: str, never: str
) -> None:
    for variant in every_phrasing()[:3]:
        text = _render("crisis_general", lang, variant, text=comment)
        assert named in text and never not in text, text


@pytest.mark.parametrize("lang", LANGS)
def test_crisis_general_never_names_a_topic_that_is_the_readers_own(lang: str) -> None:
    topic = "your bill" if lang == "en" else "votre facture"
    for variant in every_phrasing()[:3]:
        assert topic not in _render("crisis_general", lang, variant, topic=topic)


# `other`: the phone only when the comment needs something.
NEEDS_NOTHING = {
    "en": ["Saw the new sign going up, looks like you're expanding", "Thanks for sharing",
           "Check out this article about bakeries https://example.com/news", "Hello",
           "Is anyone else going to the market on Saturday?"],
    "fr": ["On parle de vous dans le journal ce matin !", "Merci pour le partage",
           "Nouvel article sur le quartier : https://exemple.fr/article", "Coucou",
           "Quelqu'un sait si la rue de la Gare est toujours en travaux ?"],
}  # fmt: skip
NEEDS_HELP = {
    "en": ["Hello, about my order", "I need help with my booking", "Please get in touch, it's about my order #4521"],
    "fr": ["Bonjour, c'est au sujet de ma commande", "Bonjour, je vous écris pour ma réservation"],
}


def _as_other(comment: str, lang: str, variant: int, platform: str = "") -> str:
    heard = suggest(comment, rules=RULES, lang=lang).heard  # what the listening stage hears in it
    return _render("other", lang, variant, heard, platform=platform)


@pytest.mark.parametrize("lang", LANGS)
def test_other_under_news_thanks_or_chat_closes_warmly_without_a_phone_number(lang: str) -> None:
    for comment in NEEDS_NOTHING[lang]:
        texts = {_as_other(comment, lang, v, p) for v in every_phrasing() for p in ("", "x")}
        assert len({t for t in texts if "\n" in t}) >= 3, texts  # three different replies on Facebook
        for text in texts:
            assert PHONE not in text and "@" not in text, (comment, text)
            assert not re.search(r"call us|write to|appelez|écrivez", text, re.I), (comment, text)


@pytest.mark.parametrize("lang", LANGS)
def test_other_under_a_comment_that_needs_help_gives_the_contact(lang: str) -> None:
    for comment in NEEDS_HELP[lang]:
        for variant in every_phrasing():
            for platform in ("", "x"):
                text = _as_other(comment, lang, variant, platform)
                assert PHONE in text, (comment, text)
                assert len(text) <= 280 or not platform


@pytest.mark.parametrize("lang", LANGS)
def test_other_gives_the_contact_for_a_question_put_to_us_not_to_the_other_readers(lang: str) -> None:
    ours = Ask("other", "", "can I bring my dog?" if lang == "en" else "je peux venir avec mon chien ?")
    crowd = Ask("other", "", "does anyone know a good physio?" if lang == "en" else "quelqu'un connaît un bon kiné ?")
    for variant in every_phrasing()[:3]:
        assert PHONE in _render("other", lang, variant, Heard(ask=ours))
        assert PHONE not in _render("other", lang, variant, Heard(ask=crowd))


def test_other_never_offers_the_channel_that_failed() -> None:
    heard = Heard(channels_tried=(Channel("phone", "nobody picks up"),))
    for variant in every_phrasing()[:3]:
        text = _render("other", "en", variant, heard)
        assert PHONE not in text and "contact@atelier-exemple.fr" in text, text


def test_french_other_does_not_thank_twice() -> None:
    for variant in every_phrasing():
        for heard in (Heard(), OWN_ORDER["fr"]):
            assert _render("other", "fr", variant, heard).lower().count("merci") == 1
