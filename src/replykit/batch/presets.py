"""Export presets: where each platform's export keeps the comment, its author, rating and the rest.

The table is data: for each output field, the paths to try in order (dotted
for nested JSON, column names for CSV), then how the value is read
(``stars`` from ``ONE``..``FIVE`` or a number, ``html`` to plain text,
``present`` for "already answered" when a reply object exists). The paths
come from each platform's public API or export documentation.

A :class:`FieldMap` is what reading uses, with or without a preset:
``--text-field``/``--id-field`` override the preset's paths.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from replykit.batch.fields import MISSING, first_path

# Output field -> paths tried in order. "text" and "id" lead every preset.
Paths = dict[str, tuple[str, ...]]

_YT = "snippet.topLevelComment.snippet."
_BSKY = ("post.", "")  # a feed item holds a post; a search result is the post itself


class Preset(NamedTuple):
    """One export's layout: ``format`` (json or csv), the platform it names, paths and readers."""

    format: str
    platform: str
    paths: Paths
    readers: dict[str, str] = {}  # noqa: RUF012 (never mutated)  # output field -> how its value is read (see READERS)
    join_text: bool = False  # every text path found is part of the text (title + body)


PRESETS: dict[str, Preset] = {
    "google-reviews": Preset(
        "json", "google",
        {"id": ("reviewId", "name"), "text": ("comment",), "author": ("reviewer.displayName",),
         "date": ("createTime",), "stars": ("starRating",), "answered": ("reviewReply",)},
        {"stars": "stars", "answered": "present"},
    ),
    "youtube-comments": Preset(
        "json", "youtube",
        {"id": ("id",), "text": (_YT + "textDisplay", _YT + "textOriginal", "snippet.textDisplay"),
         "author": (_YT + "authorDisplayName", "snippet.authorDisplayName"),
         "date": (_YT + "publishedAt", "snippet.publishedAt"),
         "likes": (_YT + "likeCount", "snippet.likeCount"), "replies": ("snippet.totalReplyCount",)},
        {"text": "html"},  # textDisplay is HTML (entities, <br>, links)
    ),
    "facebook-comments": Preset(
        "json", "facebook",
        {"id": ("id",), "text": ("message",), "author": ("from.name",), "date": ("created_time",),
         "likes": ("like_count",), "replies": ("comment_count",)},
    ),
    "instagram-comments": Preset(
        "json", "instagram",
        {"id": ("id",), "text": ("text",), "author": ("username", "from.username"), "date": ("timestamp",),
         "likes": ("like_count",)},
    ),
    "trustpilot-csv": Preset(
        "csv", "trustpilot",
        {"id": ("Review Id", "Id"), "text": ("Review Title", "Review Content"), "author": ("Review Username",),
         "date": ("Review Date", "Review Created (UTC)"), "stars": ("Review Stars",),
         "answered": ("Reply Content", "Review Reply")},
        {"stars": "stars", "answered": "present"},
        join_text=True,
    ),
    "mastodon": Preset(
        "json", "mastodon",
        {"id": ("id",), "text": ("content",), "author": ("account.acct",), "date": ("created_at",),
         "likes": ("favourites_count",), "replies": ("replies_count",)},
        {"text": "html"},
    ),
    "bluesky": Preset(
        "json", "bluesky",
        {"id": tuple(p + "uri" for p in _BSKY), "text": tuple(p + "record.text" for p in _BSKY),
         "author": tuple(p + "author.handle" for p in _BSKY), "date": tuple(p + "record.createdAt" for p in _BSKY),
         "likes": tuple(p + "likeCount" for p in _BSKY), "replies": tuple(p + "replyCount" for p in _BSKY)},
    ),
}  # fmt: skip

_STAR_WORDS = {"ONE": 1, "TWO": 2, "THREE": 3, "FOUR": 4, "FIVE": 5}


def read_stars(value: Any) -> Any:
    """``FIVE``, ``"5"``, ``5`` or ``4.0`` -> 5, 5, 5, 4; anything else is kept as it is (the rules ignore it)."""
    if isinstance(value, str):
        word = value.strip().upper()
        if word in _STAR_WORDS:
            return _STAR_WORDS[word]
        try:
            return int(float(word))
        except ValueError:
            return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def read_present(value: Any) -> bool:
    """A reply object, or a non-empty reply text, means the business has answered."""
    return value not in (None, "", {}, [], False)


def read_html(value: Any) -> Any:
    from replykit.text.htmltext import html_to_text

    return html_to_text(value) if isinstance(value, str) else value


READERS = {"stars": read_stars, "present": read_present, "html": read_html}


class FieldMap(NamedTuple):
    """Where a record's text, id and other fields are (picklable, sent to worker processes)."""

    text: tuple[str, ...] = ("text",)
    id: tuple[str, ...] = ("id",)
    extra: tuple[tuple[str, tuple[str, ...]], ...] = ()  # output field -> paths
    readers: tuple[tuple[str, str], ...] = ()
    platform: str = ""
    join_text: bool = False
    keep_rest: bool = True  # no preset: every other top-level field is kept as a field

    @property
    def text_name(self) -> str:
        return self.text[0]

    def read(self, field: str, value: Any) -> Any:
        reader = dict(self.readers).get(field)
        return READERS[reader](value) if reader and value is not MISSING else value

    def text_of(self, data: Any) -> Any:
        """The text value (MISSING when absent; title and body joined for ``join_text``)."""
        if not self.join_text:
            return self.read("text", first_path(data, self.text))
        from replykit.batch.fields import get_path

        parts = [get_path(data, path) for path in self.text]
        found = [p.strip() for p in parts if isinstance(p, str) and p.strip()]
        if not found:
            return next((p for p in parts if p is not MISSING), MISSING)
        return join_title(found)

    def fields_of(self, data: dict[str, Any]) -> dict[str, Any]:
        """The fields a record keeps beside its text and id."""
        if self.keep_rest:
            skip = {self.text_name, self.id[0]}
            fields = {k: v for k, v in data.items() if k not in skip}
        else:
            fields = {}
        for name, paths in self.extra:
            value = self.read(name, first_path(data, paths))
            if value is not MISSING and value is not None:
                fields[name] = value
        if self.platform:
            fields.setdefault("platform", self.platform)
        return fields


def join_title(parts: list[str]) -> str:
    """A review's title and body as one text; a title that only repeats the body's start is dropped."""
    title, body = parts[0], " ".join(parts[1:])
    if not body or body.startswith(title.rstrip(".…").strip()):
        return body or title
    return f"{title} {body}" if title[-1] in ".!?…" else f"{title}. {body}"


def field_map(preset: str | None, text_field: str | None, id_field: str | None) -> FieldMap:
    """The field map for a run: the preset's paths, with ``--text-field``/``--id-field`` first."""
    if not preset:
        return FieldMap((text_field or "text",), (id_field or "id",))
    spec = PRESETS[preset]
    text = (text_field,) if text_field else spec.paths["text"]
    ident = (id_field,) if id_field else spec.paths["id"]
    extra = tuple((name, paths) for name, paths in spec.paths.items() if name not in ("text", "id"))
    return FieldMap(text, ident, extra, tuple(spec.readers.items()), spec.platform,
                    spec.join_text and not text_field, keep_rest=False)  # fmt: skip
