"""HTML to plain text, for exports whose comments are HTML (Mastodon's ``content``).

Only the standard library's tokenizer: every tag is dropped (its text kept),
entities are decoded, ``<br>`` and paragraph ends become line breaks, and
``<script>``/``<style>`` bodies are dropped. No markup survives, so nothing
in a comment can reach a template or the terminal as markup.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

_BREAKS = {"br"}
_BLOCKS = {"p", "div", "li", "blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "tr"}
_DROPPED = {"script", "style", "template"}


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.dropping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _DROPPED:
            self.dropping += 1
        elif tag in _BREAKS:
            self.parts.append("\n")
        elif tag in _BLOCKS:
            self.parts.append("\n\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BREAKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _DROPPED:
            self.dropping = max(0, self.dropping - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self.dropping:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    """The text a reader sees in ``html``: no tags, entities decoded, paragraphs as line breaks."""
    parser = _TextParser()
    parser.feed(html)
    parser.close()
    text = "".join(parser.parts).replace("\xa0", " ")
    text = re.sub(r"[ \t]*\n[ \t]*", "\n", text)  # the indentation of the markup is no text
    return re.sub(r"\n{3,}", "\n\n", text).strip()
