"""Channels the customer says they tried without success ("personne ne décroche", "3 mails sans réponse").

A channel counts when one of its ``failed`` cues is found ("nobody picks
up"), or when its name and an ``unanswered`` cue stand in the same sentence,
a few words apart. A reply must not send the customer back to a channel that
failed them. A cue that names no channel ("personne ne répond") belongs to
the channel named beside it when there is one: evidence lying inside another
channel's ("personne ne répond à mes mails") does not count on its own.
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
    spans: list[tuple[int, int, str]] = []
    generic: set[tuple[int, int, str]] = set()  # a failed cue that names no channel: "nobody answers"
    for channel in vocab.channels:
        failed = reading.found(f"failed:{channel}")
        if failed:
            span = (failed[0].start, failed[0].end, channel)
            spans.append(span)
            if not any(span[0] <= n.start and n.end <= span[1] for n in reading.found(f"channel:{channel}")):
                generic.add(span)
            continue
        if not unanswered:
            continue
        near = _near(reading, reading.found(f"channel:{channel}"), unanswered)
        if near:
            spans.append((near[0], near[1], channel))
    kept = [s for s in spans if s not in generic or not any(o != s and o[0] <= s[0] and s[1] <= o[1] for o in spans)]
    return tuple(Channel(channel, reading.words(start, end)) for start, end, channel in sorted(kept))


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
