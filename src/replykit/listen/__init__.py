"""Stage 4, listen: what the customer actually said.

Read after triage, with transparent rules: the aspect a comment is about, the
thing it names, its facts (duration, repetition, amount, date, reference,
channels tried, people), what was praised and, for a question, what is asked.
Replies are composed from it (``replykit.listen.model.Heard``).

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
    return NOTHING_HEARD
