"""Which encoding an export is in: UTF-8 (with or without BOM), UTF-16 with BOM, or Windows-1252.

Excel saves CSV as Windows-1252 on French and other Western Windows systems
by default, and as UTF-16 for "Unicode text". The choice is made from the
first bytes and stated once, so a wrong guess is visible and ``--encoding``
can overrule it. A file that mixes valid UTF-8 accents with invalid bytes
stays UTF-8: its bad lines are reported one by one, never silently garbled.
"""

from __future__ import annotations

import codecs
import io
from collections.abc import Iterator
from typing import IO, NamedTuple

from replykit.errors import UsageError

NAMES = {"utf-8": "UTF-8", "utf-8-sig": "UTF-8", "utf-16": "UTF-16", "cp1252": "Windows-1252"}


class Encoding(NamedTuple):
    """The codec to read with, and a note for stderr when it was a guess worth stating."""

    codec: str
    note: str = ""


def choose(head: bytes, name: str, forced: str | None = None) -> Encoding:
    """The encoding of a stream whose first bytes are ``head``.

    Raises:
        UsageError: ``forced`` is not an encoding Python knows.
    """
    if forced:
        try:
            return Encoding(codecs.lookup(forced).name)
        except LookupError:
            raise UsageError(f"unknown encoding '{forced}' (try utf-8, utf-16, cp1252 or latin-1)") from None
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return Encoding("utf-16")  # a byte order mark is no guess
    if head.startswith(codecs.BOM_UTF8) or _utf8(head) or _has_utf8_sequence(head):
        return Encoding("utf-8")
    hint = "use --encoding to choose"
    return Encoding("cp1252", f"reading {name} as Windows-1252 (not valid UTF-8); {hint}")


def _utf8(head: bytes) -> bool:
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)  # a cut-off last character is fine
    except UnicodeDecodeError:
        return False
    return True


def _has_utf8_sequence(head: bytes) -> bool:
    """Whether ``head`` holds a valid multi-byte UTF-8 character (``é`` as C3 A9): UTF-8 with a few bad lines."""
    import re

    return re.search(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}", head) is not None


def utf8_lines(stream: IO[bytes], codec: str) -> Iterator[bytes]:
    """The lines of ``stream`` re-encoded as UTF-8 (bytes a codec cannot read stay as they were, to be reported)."""
    text = io.TextIOWrapper(stream, encoding=codec, errors="surrogateescape", newline="\n")  # lines end at \n only
    for line in text:
        yield line.encode("utf-8", "surrogateescape")
