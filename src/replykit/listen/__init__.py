"""Stage 4, listen: what the customer actually said.

Read after triage, with transparent rules: the aspect a comment is about, the
thing it names, its facts (duration, repetition, amount, date, reference,
channels tried, people), what was praised and, for a question, what is asked.
Replies are composed from it (``replykit.listen.model.Heard``). One module
per concern: ``aspects``, ``object``, ``facts``, ``channels``, ``people``,
``ask``; ``reading`` reads the comment once for all of them.

May import: ``replykit.errors``, ``replykit.text``, ``replykit.rules``,
``replykit.triage``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from replykit.listen.model import NOTHING_HEARD, Heard

if TYPE_CHECKING:
    from replykit.rules.model import Rules
    from replykit.triage.walk import Triage

__all__ = ["Heard", "hear"]


def hear(rules: Rules, text: str, result: Triage) -> Heard:
    """What the customer said in ``text``, in the language of ``result``."""
    from replykit.listen import concerns as c  # imported on first use: commands that never hear start faster

    if not text or not text.strip():
        return NOTHING_HEARD
    reading = c.Reading(rules, text, result.lang)
    if not reading.tokens:
        return NOTHING_HEARD
    vocab = rules.listening
    heard = c.hear_aspects(reading, vocab) if vocab is not None else c.NONE
    subject_at = _positions(reading, heard.subject.words) if heard.subject else ()
    facts = c.hear_facts(reading)
    return Heard(
        subject=heard.subject,
        aspects=heard.aspects,
        object=c.hear_object(reading, subject_at),
        duration=facts.duration,
        repetition=facts.repetition,
        amount=facts.amount,
        date=facts.date,
        reference=facts.reference,
        wrote_privately=facts.wrote_privately,
        line_down=facts.line_down,
        channels_tried=c.hear_channels(reading, vocab) if vocab is not None else (),
        people=c.hear_people(reading, rules),
        praised=heard.praised,
        blamed=tuple(a.id for a in heard.aspects if a.id in heard.blamed),
        ask=c.hear_ask(reading, vocab, result.outcome.category == "question", heard.aspects),
    )


def _positions(reading: object, words: str) -> tuple[int, ...]:
    from replykit.listen.reading import Reading

    assert isinstance(reading, Reading)
    offset = reading.text.find(words)
    at = reading.token_at(offset) if offset >= 0 else -1
    return (at,) if at >= 0 else ()
