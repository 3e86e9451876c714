"""Channels the customer says they tried without success ("personne ne décroche", "3 mails sans réponse").

A channel counts when one of its ``failed`` cues is found ("nobody picks
up"), or when its name and an ``unanswered`` cue stand in the same sentence,
a few words apart. A reply must not send the customer back to a channel that
failed them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from replykit.listen.model import Channel

if TYPE_CHECKING:
    from replykit.listen.reading import Reading
    from replykit.rules.listening import Listening

REACH = 8  # words between a channel's name and the cue that says it went unanswered


def hear_channels(reading: Reading, vocab: Listening) -> tuple[Channel, ...]:
    unanswered = reading.found("unanswered")
    out = []
    for channel in vocab.channels:
        failed = reading.found(f"failed:{channel}")
        if failed:
            hit = failed[0]
            out.append((hit.start, Channel(channel, reading.words(hit.start, hit.end))))
            continue
        if not unanswered:
            continue
        span = _near(reading, reading.found(f"channel:{channel}"), unanswered)
        if span:
            out.append((span[0], Channel(channel, reading.words(*span))))
    return tuple(channel for _, channel in sorted(out, key=lambda item: item[0]))


def _near(reading: Reading, names: list, cues: list) -> tuple[int, int] | None:  # type: ignore[type-arg]
    sentences = reading.sentences
    for name in names:
        for cue in cues:
            if sentences[name.start] != sentences[cue.start]:
                continue
            gap = cue.start - name.end if cue.start > name.end else name.start - cue.end
            if gap <= REACH:
                return min(name.start, cue.start), max(name.end, cue.end)
    return None
