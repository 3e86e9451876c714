"""The core of ``replykit check`` and ``reply --edit``: one draft reply reviewed, as the stable JSON form."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from replykit.batch.read import Record
    from replykit.lint.tone import Finding
    from replykit.reply.suggestion import Suggestion
    from replykit.rules.model import Rules

SCHEMA = "replykit.check/1"


def check_text(draft: str, rules: Rules, lang: str | None, category: str, public: bool) -> dict[str, Any]:
    """The stable JSON form of one draft's review (schema ``replykit.check/1``)."""
    from replykit.lint.tone import contacts_of, review
    from replykit.text.normalize import normalize, tokenize
    from replykit.triage.language import language_of

    if lang is None:
        lang = language_of(rules, tokenize(normalize(draft)), draft)[0]
    contacts = contacts_of(dict(rules.profile), lang)
    levels = check_levels(rules)
    findings = [
        f
        for f in review(draft, lang, rules, category=category, public=public, contacts=contacts)
        if levels.get(f.kind, "error") != "off"
    ]
    items = [_finding_dict(f, levels.get(f.kind, "error")) for f in findings]
    return {
        "schema": SCHEMA,
        "lang": lang,
        "clean": not items,
        "findings": items,
        "counts": {level: sum(i["level"] == level for i in items) for level in ("error", "warning")},
    }


def check_records(
    records: Iterable[Record], rules: Rules, lang: str | None, category: str, public: bool
) -> Iterator[dict[str, Any]]:
    """``check --batch``: one entry per record, in order: its line, its id, and its review or its error."""
    for record in records:
        entry: dict[str, Any] = {"line": record.line, "id": record.id}
        if record.error:
            entry["error"] = record.error
        else:
            entry.update(check_text(record.text, rules, lang, category, public))
        yield entry


def edit_and_check(result: Suggestion, rules: Rules) -> tuple[Suggestion, dict[str, Any]]:
    """``reply --edit``: the public reply as the user rewrote it in their editor, and its review."""
    from replykit.lint.editor import edit_text
    from replykit.lint.tone import category_of

    edited = edit_text(result.public_reply)
    result = result._replace(public_reply=edited)
    return result, check_text(edited, rules, result.lang, category_of(result.triage.outcome), True)


def _finding_dict(f: Finding, level: str) -> dict[str, Any]:
    return {
        "check": f.kind,
        "level": level,
        "start": f.start,
        "end": f.end,
        "text": f.text,
        "message": f.message,
        "suggestion": f.suggestion or None,
    }


def check_levels(rules: Rules) -> dict[str, str]:
    """Each check's level: its default, or ``lint.checks`` in the rules file (``off`` drops it)."""
    from replykit.errors import UsageError
    from replykit.lint.checks import REGISTRY

    levels = {check_id: str(module.LEVEL) for check_id, module in REGISTRY.items()}
    raw = rules.lint.get("checks", {}) if isinstance(rules.lint, dict) else {}
    for check_id, value in raw.items() if isinstance(raw, dict) else []:
        level = value.get("level") if isinstance(value, dict) else value
        level = "off" if level is False else level  # YAML reads a bare off as false
        if check_id not in REGISTRY:
            raise UsageError(f"{rules.source}: lint.checks.{check_id}: unknown check")
        if level not in ("error", "warning", "off"):
            raise UsageError(f"{rules.source}: lint.checks.{check_id}: level must be error, warning or off")
        levels[check_id] = str(level)
    return levels
