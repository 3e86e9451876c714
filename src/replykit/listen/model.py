"""What the listening stage hands to the replies: the ``heard`` object.

Every field is optional: a comment says what it says, and a reply must read
well with any subset. Values are plain text the templates insert as data
(never as template source); ``words`` is always the customer's own span of
the comment, for the JSON output and the triage panel.

The contract between ``listen/`` (which fills it) and ``reply/`` and the
templates (which read ``Heard.context()``) is documented in docs/heard.md.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

# One list for both stages: the rules check a vocabulary against them, the listening stage fills them.

STANCES = ("praised", "blamed", "named")
DURATION_KINDS = ("wait", "after", "late")


@dataclass(frozen=True)
class Phrase:
    """Something the customer said, ready to drop into a reply sentence."""

    text: str  # in the reply's language, possessive turned around ("votre commande de 20 croissants")
    words: str  # the customer's own words it came from ("ma commande de 20 croissants")


@dataclass(frozen=True)
class Duration(Phrase):
    """How long, and what the length measures (one of DURATION_KINDS).

    ``wait``: how long the customer has waited or been stuck ("trois semaines", "since Monday");
    ``after``: how long after something it happened ("dripping again 2 days later"): not a wait;
    ``late``: how late something was ("une heure de retard", "45 minutes late"): a delay amount.
    """

    kind: str = "wait"


@dataclass(frozen=True)
class Aspect:
    """What a comment is about, from the aspect vocabulary of the rules."""

    id: str  # "delivery", "waiting_time", "haircut_result", ...
    phrase: str  # possessive noun phrase in the reply language: "votre livraison" / "your delivery"
    the: str  # definite noun phrase: "la livraison" / "the delivery"
    gender: str  # French grammatical gender of the noun: "m" or "f" ("" in English)
    number: str  # "s" or "p"
    words: str  # the words of the comment that matched


@dataclass(frozen=True)
class Channel:
    """A way of reaching the business the customer says they tried without success."""

    id: str  # one of CHANNELS
    words: str


@dataclass(frozen=True)
class Person:
    """Someone the customer names: a member of staff praised or blamed."""

    name: str
    stance: str  # one of STANCES
    words: str


@dataclass(frozen=True)
class Ask:
    """For a question: what is asked, and the question reduced to a short clause."""

    kind: str  # one of ASK_KINDS
    clause: str  # in the customer's persons, without the question mark: "si vous êtes ouverts le 15 août", or ""
    words: str
    about: str = ""  # what is asked as a short noun phrase, possessive turned around: "your refund", or ""
    channel: str = ""  # the channel a contact question names ("can I DM you?": "dm"), or ""


@dataclass(frozen=True)
class Heard:
    """What the customer said, as far as transparent rules can tell."""

    subject: Aspect | None = None  # the main aspect (first complained about, else first named)
    aspects: tuple[Aspect, ...] = ()  # every aspect found, in the order of the comment
    object: Phrase | None = None  # the thing the customer names, in their words, bounded to a few words
    duration: Duration | None = None  # "trois semaines", "since Monday", with its kind (wait, after, late)
    repetition: Phrase | None = None  # "second time", "encore", "3e fois"
    amount: Phrase | None = None  # "89 €"
    date: Phrase | None = None  # "samedi", "on the 24th"
    reference: Phrase | None = None  # an order or case number: private script only, never public
    wrote_privately: Phrase | None = None  # "I sent you a DM", "je vous ai écrit en MP": answer them there
    line_down: Phrase | None = None  # "plus de téléphone", "no dial tone": their phone line is down: no "call us"
    channels_tried: tuple[Channel, ...] = ()
    people: tuple[Person, ...] = ()
    praised: Aspect | None = None  # what was praised in a mixed comment
    blamed: tuple[str, ...] = ()  # ids of the aspects complained about, in the comment's order
    ask: Ask | None = None
    notes: tuple[str, ...] = field(default=(), compare=False)

    def to_dict(self) -> dict[str, Any]:
        """The documented JSON ``heard`` object (docs/heard.md)."""
        data: dict[str, Any] = _plain(self)
        data.pop("notes")
        return data

    def context(self) -> dict[str, Any]:
        """What templates receive as ``heard``: the same fields, plus ``tried`` (the channel ids) and
        ``unreachable`` (those, and the phone when the customer's own line is down: ways a reply never offers)."""
        data = self.to_dict()
        data["tried"] = [channel.id for channel in self.channels_tried]
        data["unreachable"] = data["tried"] + (["phone"] if self.line_down and "phone" not in data["tried"] else [])
        return data


def _plain(value: Any) -> Any:
    """``value`` as JSON gives it back: dataclasses as dicts, tuples as lists.

    Not ``dataclasses.asdict``: it deep-copies every value, and a batch asks this of each comment three times.
    """
    if value is None or isinstance(value, str | int | float):
        return value
    if isinstance(value, tuple | list):
        return [_plain(item) for item in value]
    names = _FIELD_NAMES.get(type(value))
    if names is None:
        names = _FIELD_NAMES[type(value)] = tuple(f.name for f in fields(value))
    return {name: _plain(getattr(value, name)) for name in names}


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


NOTHING_HEARD = Heard()
