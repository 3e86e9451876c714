"""Which phrasing of each move a reply uses: the ``variant`` number templates receive.

A reply is composed of moves (greet, acknowledge, empathy, answer, private
channel, sign-off; ``templates/<lang>/_moves.j2``), each with several
phrasings. ``variant`` is one integer; its base-12 digits pick the phrasing of
each move (move *k* reads digit *k*: ``(variant // 12 ** k) % 12``), so moves
change independently of one another, and the whole choice is one plain number
in the template context (the batch render cache keys on it, so it stays exact).

The number comes from the case reference: the same comment always gets the
same reply, and two comments almost always different ones. Alternative *i*
(``reply --variants N``, or ``batch`` avoiding a text it already gave) hashes
the reference with *i*.
"""

from __future__ import annotations

import zlib

BASE = 12  # divisible by 2, 3, 4 and 6: every count of phrasings up to 4 is picked evenly
MOVES = 6  # digits used: one per move
SPACE = BASE**MOVES


def variant_number(case_ref: str, alternative: int = 0) -> int:
    """The ``variant`` of ``case_ref``'s reply; ``alternative`` 1, 2... give the others."""
    key = case_ref if alternative == 0 else f"{case_ref}#{alternative}"
    return int(zlib.crc32(key.encode("utf-8")) % SPACE)


def every_phrasing() -> tuple[int, ...]:
    """Twelve variants that, together, use every phrasing of every move (all digits equal).

    ``replykit lint`` renders each of them: a check that passes on these passes on every
    phrasing a reply can contain.
    """
    ones = sum(BASE**k for k in range(MOVES))
    return tuple(digit * ones for digit in range(BASE))
