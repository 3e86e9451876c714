"""Answers already given in this run, found again by everything that decides them.

An export often holds the same comment more than once: ratings with no words,
a copied complaint, a spam wave, a retweet. Such a record gets the same answer
as the first time (its case reference and wording come from its text), so
``batch`` keeps each answer, as JSON, under a key made of what decides it:

- the text, the author and the platform;
- for each field the rules read (``kind: field`` signals and ``field:``
  conditions): whether its signal fired and, when it did, the raw value (it is
  shown as evidence); the raw value itself when a condition compares the
  signal's value or a union adds it up;
- the star rating of a comment with no words (the rating alone is answered).

Everything else a record carries (its line, id and other fields) is not part of
the answer. The key is a 128-bit digest; the memory held is bounded
(``BUDGET``), oldest answers first out.

Answers are deflated against the first 16 KB of answers of the run (a preset
dictionary): a triage's 1.1 KB of JSON takes about 90 bytes, in 10 µs. A run
where fewer than 1 comment in 50 of the first 5,000 came back stops keeping
answers: the memory and the time would be spent for nothing.
"""

from __future__ import annotations

import hashlib
import mmap
import zlib
from collections import deque
from typing import Any

from replykit.rules import conditions
from replykit.rules.kinds import REGISTRY as KINDS
from replykit.rules.model import Rules, Signal
from replykit.text import jsonfast

BUDGET = 8 * 2**20  # bytes of answers kept (about 15,000 replies or 90,000 triages)
TRIAL = 5_000  # lookups after which a run with too few answers found again stops keeping them
FEWEST_FOUND = 1 / 50
SAMPLE = 16 * 1024  # bytes of the first answers that become the preset dictionary


class Memo:
    """Answers of one run (one process), by key; see the module docstring.

    The answers lie in one buffer used as a ring (a new answer overwrites the
    oldest): kept as separate objects, they left the heap fragmented, and the
    process grew four times what it held.
    """

    def __init__(self, rules: Rules, budget: int = BUDGET) -> None:
        self._fields = _fields_read(rules)
        self._size = budget
        self._ring: mmap.mmap | None = None  # anonymous memory: pages count only once written
        self._where: dict[bytes, tuple[int, int, bool]] = {}  # key -> (offset, length, packed)
        self._order: deque[tuple[int, bytes]] = deque()  # (offset, key), in the order written
        self._end = 0  # where the next answer goes
        self._packer = _Packer()
        self._lookups = self._found = 0
        self.active = True

    def key(self, text: str, author: str, platform: str, fields: dict[str, Any]) -> bytes | None:
        """The key of an answer, or None when a field cannot be part of one (or the memo is off)."""
        orjson = jsonfast.orjson
        if orjson is None or not self.active:
            return None
        decided = [text, author, platform, *self._fields.decided(fields)]
        if not text.strip():
            decided.append(_typed(fields.get("stars")))
        try:
            frozen = orjson.dumps(decided)
        except TypeError:  # a value orjson cannot write: this record is answered afresh
            return None
        return hashlib.blake2b(frozen, digest_size=16).digest()

    def get(self, key: bytes) -> dict[str, Any] | None:
        self._lookups += 1
        if self._lookups == TRIAL and self._found < TRIAL * FEWEST_FOUND:
            self._stop()
        where = self._where.get(key)
        if where is None or self._ring is None:
            return None
        self._found += 1
        offset, length, packed = where
        data = self._packer.unpack(self._ring[offset : offset + length], packed)
        loaded: dict[str, Any] = jsonfast.orjson.loads(data)
        return loaded

    def put(self, key: bytes, answer: dict[str, Any]) -> None:
        if not self.active or key in self._where:
            return
        try:
            data, packed = self._packer.pack(jsonfast.orjson.dumps(answer))
        except TypeError:
            return
        if len(data) > self._size // 8:
            return
        if self._ring is None:
            self._ring = mmap.mmap(-1, self._size)
        if self._end + len(data) > self._size:  # the ring turns: what the last turn left past the end goes
            while self._order and self._order[0][0] >= self._end:
                self._forget()
            self._end = 0
        start, stop = self._end, self._end + len(data)
        while self._order and start <= self._order[0][0] < stop:
            self._forget()
        self._ring[start:stop] = data
        self._where[key] = (start, len(data), packed)
        self._order.append((start, key))
        self._end = stop

    def _forget(self) -> None:
        _, key = self._order.popleft()
        del self._where[key]

    def _stop(self) -> None:
        self.active = False
        self._where.clear()
        self._order.clear()
        if self._ring is not None:
            self._ring.close()
            self._ring = None


class _Packer:
    """Answers as compact bytes: plain JSON until ``SAMPLE`` bytes of them are seen, then deflated
    with those as the preset dictionary (answers repeat their field names, nodes and phrasings)."""

    def __init__(self) -> None:
        self._sample = bytearray()
        self._dictionary = b""
        self._start: Any = None  # a compressor primed with the dictionary, copied for each answer

    def pack(self, data: bytes) -> tuple[bytes, bool]:
        if self._start is None:
            self._sample += data
            if len(self._sample) >= SAMPLE:
                self._dictionary = bytes(self._sample[-SAMPLE:])
                self._start = zlib.compressobj(1, zlib.DEFLATED, -15, 4, zlib.Z_DEFAULT_STRATEGY, self._dictionary)
                self._sample = bytearray()
            return data, False
        compressor = self._start.copy()
        return compressor.compress(data) + compressor.flush(), True

    def unpack(self, data: bytes, packed: bool) -> bytes:
        return zlib.decompressobj(-15, self._dictionary).decompress(data) if packed else data


class _FieldsRead:
    """Which record fields the rules read, and how much of each decides an answer."""

    def __init__(self, signals: list[Signal], valued: frozenset[str], condition_fields: tuple[str, ...]) -> None:
        self.signals, self.valued, self.condition_fields = signals, valued, condition_fields

    def decided(self, fields: dict[str, Any]) -> list[Any]:
        if not fields:
            return []
        out: list[Any] = [_typed(fields.get(name)) for name in self.condition_fields]
        for signal in self.signals:
            raw = fields.get(signal.field_name)
            if raw is None:
                out.append(None)
            elif signal.name in self.valued:
                out.append(_typed(raw))
            else:
                value, _ = KINDS["field"].value(_Fields(fields), signal)
                fired = value > 0 and conditions.within(value, signal.minimum, signal.maximum)
                out.append(_typed(raw) if fired else False)
        return out


class _Fields:
    """What the field kind reads of a comment's facts: its record fields."""

    def __init__(self, fields: dict[str, Any]) -> None:
        self.fields = fields


def _fields_read(rules: Rules) -> _FieldsRead:
    field_signals = [s for s in rules.signals.values() if s.kind == "field"]
    valued: set[str] = set()
    condition_fields: list[str] = []
    for node in rules.tree:
        _walk(node.when, valued, condition_fields)
    for signal in rules.signals.values():
        valued.update(signal.members or ())
    return _FieldsRead(field_signals, frozenset(valued), tuple(dict.fromkeys(condition_fields)))


def _walk(cond: Any, valued: set[str], condition_fields: list[str]) -> None:
    op = cond[0]
    if op == "signal" and (cond[2] is not None or cond[3] is not None):
        valued.add(cond[1])
    elif op in ("any", "all"):
        for part in cond[1]:
            _walk(part, valued, condition_fields)
    elif op == "not":
        _walk(cond[1], valued, condition_fields)
    elif op == "field":
        condition_fields.append(cond[1])


def _typed(value: Any) -> Any:
    # 1, 1.0 and True are equal in Python but not to every rule (and not in the output).
    return None if value is None else [type(value).__name__, value]
