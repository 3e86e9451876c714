"""Every listening concern in one import, so ``hear()`` pays for its imports once, not at each call."""

from __future__ import annotations

from replykit.listen.ask import hear_ask
from replykit.listen.aspects import NONE, hear_aspects
from replykit.listen.channels import hear_channels
from replykit.listen.facts import hear_facts
from replykit.listen.object import hear_object
from replykit.listen.people import hear_people
from replykit.listen.reading import Reading

__all__ = ["NONE", "Reading", "hear_ask", "hear_aspects", "hear_channels", "hear_facts", "hear_object", "hear_people"]
