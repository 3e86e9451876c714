"""Which comment each public reply of a run was given to: a compact ``dict[int, int]`` of CRCs.

``batch`` never gives one public text to two different comments (``core.distinct``).
A plain dict of a million CRCs costs about 100 MB of Python integers; this table
holds each pair in 12 bytes, at most half full.
"""

from __future__ import annotations

from array import array

_EMPTY = -1  # a CRC is never negative


class Claims:
    """Public reply CRC -> the CRC of the comment that was given it."""

    def __init__(self, capacity: int = 1024) -> None:
        self._keys = array("q", [_EMPTY]) * capacity  # capacity: a power of two
        self._values = array("L", [0]) * capacity
        self._count = 0

    def setdefault(self, key: int, value: int) -> int:
        """The comment given ``key`` already, else ``value``, which is now given it (as ``dict.setdefault``)."""
        slot = self._slot(key)
        if self._keys[slot] == key:
            return int(self._values[slot])
        self._keys[slot], self._values[slot] = key, value
        self._count += 1
        if 2 * self._count > len(self._keys):
            self._grow()
        return value

    def get(self, key: int, default: int | None = None) -> int | None:
        slot = self._slot(key)
        return int(self._values[slot]) if self._keys[slot] == key else default

    def __len__(self) -> int:
        return self._count

    def _slot(self, key: int) -> int:
        keys, mask = self._keys, len(self._keys) - 1
        slot = key & mask  # a CRC is spread evenly already
        while keys[slot] != _EMPTY and keys[slot] != key:
            slot = (slot + 1) & mask
        return slot

    def _grow(self) -> None:
        keys, values = self._keys, self._values
        self._keys = array("q", [_EMPTY]) * (2 * len(keys))
        self._values = array("L", [0]) * (2 * len(keys))
        for key, value in zip(keys, values, strict=True):
            if key != _EMPTY:
                slot = self._slot(key)
                self._keys[slot], self._values[slot] = key, value
