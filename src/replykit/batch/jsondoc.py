"""Whole JSON documents as records: an array of comments, or an API page with the list under a known key.

``[{...}, {...}]``, ``{"items": [...]}`` (YouTube), ``{"reviews": [...]}``
(Google), ``{"data": [...]}`` (Graph API), a pretty-printed object, or
several pages one after the other: every element is one record, and keeps
the line it starts on. A document is read whole (exports of this kind are
pages, not streams); JSON lines stay streamed by ``read``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Generator, Iterator
from typing import Any

KNOWN_LISTS = ("items", "reviews", "data", "comments", "statuses", "feed", "posts")

_SPACE = re.compile(r"[ \t\n\r]*")
Item = tuple[int, Any, str]  # (line, value, error)


def page_key(value: Any, is_record: Callable[[dict[str, Any]], bool]) -> str | None:
    """The key holding the list of records when ``value`` is an API page (not itself a record)."""
    if not isinstance(value, dict) or is_record(value):
        return None
    return next((key for key in KNOWN_LISTS if isinstance(value.get(key), list)), None)


class _Scanner:
    def __init__(self, doc: str, is_record: Callable[[dict[str, Any]], bool]) -> None:
        self.doc = doc
        self.is_record = is_record
        self.decoder = json.JSONDecoder()
        self.counted, self.line = 0, 1

    def line_at(self, index: int) -> int:
        self.line += self.doc.count("\n", self.counted, index)  # indexes only grow
        self.counted = index
        return self.line

    def skip(self, index: int) -> int:
        match = _SPACE.match(self.doc, index)
        return match.end() if match else index

    def values(self) -> Iterator[Item]:
        index = self.skip(0)
        while index < len(self.doc):
            if self.doc[index] == "[":
                index = yield from self.array(index)
            else:
                value, end = self.decoder.raw_decode(self.doc, index)
                key = page_key(value, self.is_record)
                if key is None:
                    yield self.line_at(index), value, ""
                else:
                    yield from self.array(self.member(index, key))
                index = end
            index = self.skip(index)

    def array(self, index: int) -> Generator[Item, None, int]:
        """The elements of the array at ``index``; returns where the array ends."""
        index = self.skip(index + 1)
        if self.doc.startswith("]", index):
            return index + 1
        while True:
            value, end = self.decoder.raw_decode(self.doc, index)
            yield self.line_at(index), value, ""
            index = self.skip(end)
            if self.doc.startswith(",", index):
                index = self.skip(index + 1)
            elif self.doc.startswith("]", index):
                return index + 1
            else:
                raise json.JSONDecodeError("Expecting ',' delimiter", self.doc, index)

    def member(self, index: int, key: str) -> int:
        """Where the value of ``key`` starts in the (valid) object at ``index``."""
        index = self.skip(index + 1)
        while True:
            name, index = self.decoder.raw_decode(self.doc, index)
            index = self.skip(self.skip(index) + 1)  # past the colon
            if name == key:
                return index
            _, index = self.decoder.raw_decode(self.doc, index)
            index = self.skip(self.skip(index) + 1)  # past the comma


def document_items(doc: str, is_record: Callable[[dict[str, Any]], bool]) -> Iterator[Item]:
    """``(line, value, "")`` for every record of ``doc``; at broken JSON, one error item and the end.

    ``is_record`` tells a comment from a page holding comments.
    """
    scanner = _Scanner(doc, is_record)
    try:
        yield from scanner.values()
    except json.JSONDecodeError as exc:
        where = f"line {exc.lineno}, column {exc.colno}"
        message = exc.msg.removesuffix(" at")
        yield exc.lineno, None, f"bad JSON: {message} at {where}; nothing after it can be read"
    except RecursionError:
        yield scanner.line, None, "bad JSON: nested too deeply; nothing after it can be read"


def looks_like_document(head: bytes) -> bool:
    """JSON that is not one object per line: an array, or an object spread over lines (pretty-printed)."""
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if text.startswith(b"["):
        return True
    first = text.split(b"\n", 1)[0].strip()
    # '{', '{"reviews": [' or '{"kind": "x",': pretty-printed; a cut-off JSON line ends anywhere
    return first.startswith(b"{") and first.endswith((b"{", b"[", b","))
