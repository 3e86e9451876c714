"""Sample ``heard`` contexts for the lint and the agreement tests: nothing, a little, everything.

Replies are composed from what the listening stage heard, and every field may
be empty; the lint renders each template with these so that a template is
judged with no field, with each kind of fact, and with all of them at once,
in both languages (French samples cover both genders and the plural).
"""

from __future__ import annotations

from replykit.listen.model import Ask, Aspect, Channel, Duration, Heard, Person, Phrase


def _aspect(id_: str, phrase: str, the: str, gender: str = "", number: str = "s") -> Aspect:
    return Aspect(id_, phrase, the, gender, number, phrase)


def _phrase(text: str) -> Phrase:
    return Phrase(text, text)


def _channels(*ids: str) -> tuple[Channel, ...]:
    return tuple(Channel(i, i) for i in ids)


HEARDS: dict[str, tuple[Heard, ...]] = {
    "en": (
        Heard(),
        Heard(
            subject=_aspect("order", "your order", "the order"),
            object=_phrase("your order of 20 croissants"),
            duration=Duration("three weeks", "three weeks", "wait"),
            repetition=_phrase("second time"),
            channels_tried=_channels("phone", "email"),
            people=(Person("Julie", "praised", "Julie"),),
            praised=_aspect("staff_welcome", "your welcome", "the welcome"),
            ask=Ask("hours", "whether you are open on 15 August", "are you open on 15 August"),
            amount=_phrase("89 €"),
            reference=_phrase("#A1234"),
        ),
        Heard(
            subject=_aspect("waiting_time", "your wait", "the wait"),
            duration=Duration("since Monday", "since Monday", "wait"),
            channels_tried=_channels("phone", "email", "dm", "chat", "form", "shop"),
        ),
        Heard(
            subject=_aspect("haircut_result", "your haircut", "the haircut"),
            repetition=_phrase("again"),
            people=(Person("Sam", "praised", "Sam"), Person("Alex", "praised", "Alex")),
        ),
        Heard(ask=Ask("order_status", "where my order is", "where is my order"), channels_tried=_channels("email")),
        Heard(ask=Ask("contact", "whether I can DM you", "can I DM you?", channel="dm")),
        Heard(ask=Ask("status", "whether the site is down", "is the site down?"), channels_tried=_channels("phone")),
        Heard(ask=Ask("other", "", "any update on my cake order?", about="your cake order")),
    ),
    "fr": (
        Heard(),
        Heard(
            subject=_aspect("delivery", "votre livraison", "la livraison", "f"),
            object=_phrase("votre commande de 20 croissants"),
            duration=Duration("trois semaines", "trois semaines", "wait"),
            repetition=_phrase("3e fois"),
            channels_tried=_channels("phone", "email"),
            people=(Person("Julie", "praised", "Julie"),),
            praised=_aspect("pastry", "vos croissants", "les croissants", "m", "p"),
            ask=Ask("hours", "si vous êtes ouverts le 15 août", "vous êtes ouverts le 15 août"),
            amount=_phrase("89 €"),
            reference=_phrase("#A1234"),
        ),
        Heard(
            subject=_aspect("order", "vos commandes", "les commandes", "f", "p"),
            duration=Duration("depuis lundi", "depuis lundi", "wait"),
            channels_tried=_channels("phone", "email", "dm", "chat", "form", "shop"),
        ),
        Heard(
            subject=_aspect("haircut_result", "votre coupe", "la coupe", "f"),
            repetition=_phrase("encore"),
            people=(Person("Anne", "praised", "Anne"), Person("Yves", "praised", "Yves")),
            praised=_aspect("welcome", "votre accueil", "l'accueil", "m"),
        ),
        Heard(
            subject=_aspect("refund", "votre remboursement", "le remboursement", "m"),
            ask=Ask("refund", "si je peux être remboursé", "je peux être remboursé"),
            channels_tried=_channels("email"),
        ),
        Heard(ask=Ask("contact", "si je peux vous envoyer un MP", "puis-je vous envoyer un MP ?", channel="dm")),
        Heard(subject=_aspect("wifi", "le wifi", "le wifi", "m"), ask=Ask("status", "", "c'est général ?")),
        Heard(ask=Ask("order_status", "", "des nouvelles de ma commande ?", about="votre commande")),
    ),
}
