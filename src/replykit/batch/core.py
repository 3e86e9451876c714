"""Many comments in, one result per comment out, in order: the batch core.

:func:`triage_many` is what ``replykit batch`` runs, and what a user maps
over the partitions of Dask, Spark or Ray when one machine is not enough.
It never raises for a bad record: the record's result is an error entry.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from replykit.batch.claims import Claims
from replykit.batch.memo import Memo
from replykit.batch.read import Record, mapping_record
from replykit.errors import ReplykitError, TemplateError, UsageError
from replykit.reply.suggestion import Draft, Suggestion, draft, signed_by
from replykit.rules.model import Rules


class BatchOptions:
    """What every record of a run shares (picklable, sent once to each worker)."""

    def __init__(
        self,
        rules: Rules,
        *,
        triage_only: bool = False,
        lang: str | None = None,
        platform: str = "",
        variables: dict[str, str] | None = None,
        templates: str | Path | None = None,
        author_field: str = "author",
        platform_field: str = "platform",
        skip_answered: bool = False,
    ) -> None:
        self.rules = rules
        self.triage_only = triage_only
        self.lang = lang
        self.platform = platform
        self.variables = variables or {}
        self.templates = templates
        self.author_field = author_field
        self.platform_field = platform_field
        self.skip_answered = skip_answered
        # REPLYKIT_PLAIN=1: every record triaged, heard and rendered afresh, nothing reused
        # (the path the reuse is checked against: tests/batch/test_reuse_parity.py).
        self.plain = bool(os.environ.get("REPLYKIT_PLAIN"))

    def memo(self, purpose: str) -> Memo | None:
        """This process's answers of the run for ``purpose`` (a first phrasing, or a distinct one)."""
        if self.plain:
            return None
        if self.triage_only and purpose == "distinct":
            purpose = "first"  # no reply to keep apart: both give the same
        memos: dict[str, Memo] = self.__dict__.setdefault("_memos", {})
        if purpose not in memos:
            memos[purpose] = Memo(self.rules)
        return memos[purpose]

    def __getstate__(self) -> dict[str, Any]:
        # Each worker keeps its own answers: they are not sent along.
        return {key: value for key, value in self.__dict__.items() if key != "_memos"}


def triage_many(
    items: Iterable[str | dict[str, Any] | Record],
    rules: Rules | None = None,
    *,
    text_field: str = "text",
    id_field: str = "id",
    triage_only: bool = False,
    lang: str | None = None,
    platform: str = "",
    variables: dict[str, str] | None = None,
    templates: str | Path | None = None,
    author_field: str = "author",
    platform_field: str = "platform",
) -> Iterator[dict[str, Any]]:
    """Triage (and by default answer) each item; yield one result dict per item, in order.

    Args:
        items: comment strings, dicts (records with a ``text_field``), or :class:`Record`.
        rules: compiled rules; the discovered rules file when None.
        text_field, id_field: which keys of a dict hold the comment and its id.
        triage_only, lang, platform, variables, templates, author_field,
            platform_field: what every item shares (see :class:`BatchOptions`).

    Yields:
        ``{"line", "id", "text", "fields", ...suggestion}`` or ``{"line", "id", "error"}``.

    Raises:
        RulesError, TemplateError, UsageError: the configuration is broken (not
            a record): nothing can be answered, so the run stops.
    """
    if rules is None:
        from replykit.rules.load import load_rules

        rules = load_rules()
    run = BatchOptions(
        rules,
        triage_only=triage_only,
        lang=lang,
        platform=platform,
        variables=variables,
        templates=templates,
        author_field=author_field,
        platform_field=platform_field,
    )
    for number, item in enumerate(items, 1):
        yield process(as_record(item, number, text_field, id_field), run)


def as_record(item: str | dict[str, Any] | Record, number: int, text_field: str, id_field: str) -> Record:
    if isinstance(item, Record):
        return item
    if isinstance(item, str):
        return Record(number, item) if item.strip() else Record(number, error="empty comment")
    if isinstance(item, dict):
        return mapping_record(item, number, text_field, id_field)
    return Record(number, error=f"expected a string or a mapping, got {type(item).__name__}")


def process(record: Record, run: BatchOptions, alternative: int = 0) -> dict[str, Any]:
    """The output entry for one record (``alternative``: another phrasing); configuration errors propagate."""
    memo = run.memo("first") if alternative == 0 else None
    return entry_for(record, run, lambda found: found.phrased(alternative), memo)


def entry_for(
    record: Record,
    run: BatchOptions,
    word: Callable[[Draft], Suggestion],
    memo: Memo | None = None,
    noted: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """The output entry for one record, its draft worded by ``word``; configuration errors propagate.

    ``memo``: answers already given in this run with ``word``, by what decides them (batch.memo).
    ``noted``: what ``word`` noted, kept with the answer (after ``word`` ran).
    """
    if record.error:
        return error_entry(record, record.error)
    fields = record.fields
    answered = fields.get("answered") is True
    if answered and run.skip_answered:
        return {**_base(record), "answered": True, "skipped": "already answered (--skip-answered)"}
    author, platform = _text(fields.get(run.author_field)), _text(fields.get(run.platform_field)) or run.platform
    # A triage reads neither: they are only copied to the answer, so one answer serves every author and platform.
    decided = ("", "") if run.triage_only else (author, platform)
    key = memo.key(record.text, *decided, fields) if memo is not None else None
    answer = memo.get(key) if memo is not None and key is not None else None
    if answer is not None and run.triage_only:
        answer["author"], answer["platform"] = signed_by(author, platform)
    if answer is None:
        try:
            answer = _answer(word(_draft(record, run, author, platform)), run)
            answer.update(noted or {})
        except (TemplateError, UsageError):
            raise
        except ReplykitError as exc:  # about this record only (e.g. an empty comment)
            return error_entry(record, str(exc))
        except Exception as exc:  # a bug met on one record must not sink the others
            return error_entry(record, f"internal error: {type(exc).__name__}: {exc}")
        if memo is not None and key is not None:
            memo.put(key, answer)
    entry = _base(record)
    if answered:
        entry["answered"] = True
    entry.update(answer)
    return entry


def _answer(result: Suggestion, run: BatchOptions) -> dict[str, Any]:
    return result.triage_dict() if run.triage_only else result.to_dict()


def _draft(record: Record, run: BatchOptions, author: str, platform: str) -> Draft:
    return draft(
        record.text,
        rules=run.rules,
        author=author,
        platform=platform,
        lang=run.lang,
        fields=record.fields,
        variables=run.variables,
        templates=run.templates,
        render_replies=not run.triage_only,
        reuse_renders=not run.plain,
    )


def _base(record: Record) -> dict[str, Any]:
    return {"line": record.line, "id": record.id, "text": record.text, "fields": record.fields}


def error_entry(record: Record, message: str) -> dict[str, Any]:
    return {"line": record.line, "id": record.id, "error": message}


def _text(value: Any) -> str:
    return value if isinstance(value, str) else "" if value is None else str(value)


MAX_ALTERNATIVES = 12  # phrasings tried before a repeated text is accepted


def crc(text: str) -> int:
    import zlib

    return zlib.crc32(text.encode("utf-8", "replace"))


def distinct(record: Record, run: BatchOptions, seen: Claims, *, note_tried: bool = False) -> dict[str, Any]:
    """The entry of ``record``, worded with its first phrasing whose public reply no other
    comment of this run was given (``seen``: public reply -> comment, as CRCs).

    The record is triaged and heard once; each phrasing tried renders its public reply
    only. After ``MAX_ALTERNATIVES`` tries, the last phrasing is kept as it is.

    ``note_tried``: the entry also carries ``_tried``, the CRCs of the public replies tried
    (None for an empty one), and ``_chosen``, the phrasing kept: what a worker's guess
    needs for the parent to check it against the whole run (``batch.run._settle``).
    """
    text = crc(record.text)
    tried: list[int | None] = []
    noted: dict[str, Any] = {"_tried": tried}

    def first_new(found: Draft) -> Suggestion:
        for alternative in range(MAX_ALTERNATIVES):
            public = found.public_reply(alternative)
            given = crc(public) if public else None
            tried.append(given)
            if given is None or seen.setdefault(given, text) == text:
                noted["_chosen"] = alternative
                return found.phrased(alternative)
        noted["_chosen"] = MAX_ALTERNATIVES
        return found.phrased(MAX_ALTERNATIVES)

    if note_tried and not run.triage_only:
        return entry_for(record, run, first_new, run.memo("noted"), noted)
    return entry_for(record, run, first_new, run.memo("distinct"))


def chosen_in(tried: list[int | None], text: int, seen: Claims) -> int | None:
    """The phrasing :func:`distinct` keeps, given the CRCs of the public replies of the first
    phrasings (``tried``), or None when it lies past them. Claims nothing."""
    for alternative, public in enumerate(tried):
        if public is None or seen.get(public, text) == text:
            return alternative
    return MAX_ALTERNATIVES if len(tried) == MAX_ALTERNATIVES else None
