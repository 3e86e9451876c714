"""``replykit check``: the tone and method review of lint, on a reply you wrote yourself."""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from replykit.cli.app import ColorOption, RulesOption, TextOrJson, app, error_boundary
from replykit.cli.reply import Lang

if TYPE_CHECKING:
    from replykit.lint.tone import Finding
    from replykit.rules.model import Rules

SCHEMA = "replykit.check/1"


class Category(str, Enum):
    none = "none"
    complaint = "complaint"
    question = "question"
    moderation = "moderation"


@app.command()
@error_boundary
def check(
    file: Annotated[
        str | None, typer.Argument(help="File with the draft reply, or - for stdin.", show_default=False)
    ] = None,
    text: Annotated[str | None, typer.Option("--text", "-t", help="The draft reply itself.")] = None,
    lang: Annotated[Lang, typer.Option("--lang", "-l", help="Language of the draft; auto detects it.")] = Lang.auto,
    category: Annotated[
        Category,
        typer.Option(
            "--for",
            help="What the draft answers: complaint (needs empathy and a private channel), question "
            "(a private channel), moderation (no arguing back), none (wording only).",
        ),
    ] = Category.none,
    private: Annotated[
        bool, typer.Option("--private", help="A private message: only the wording checks apply.")
    ] = False,
    rules: RulesOption = None,
    fmt: Annotated[TextOrJson, typer.Option("--format", "-f", help="text (for people) or json.")] = TextOrJson.text,
    batch: Annotated[
        bool, typer.Option("--batch", help="Read JSON lines (one draft per line) and write one JSON result per line.")
    ] = False,
    text_field: Annotated[
        str, typer.Option("--text-field", help="With --batch: the field holding the draft.")
    ] = "text",
    id_field: Annotated[str, typer.Option("--id-field", help="With --batch: the field holding the id.")] = "id",
    color: ColorOption = "auto",  # type: ignore[assignment]
) -> int:
    """Check a draft reply before posting: aggressive, defensive, sarcastic or blaming words,
    shouting, '!!', personal data asked in public, promised gestures; calmer wordings where known.

    Exit codes: 0 clean, 1 findings (or unusable --batch lines), 2 usage or configuration error.
    Examples: replykit check --text "Calm down, it's not our fault!!";
    replykit check draft.txt --for complaint; jq -c . drafts.jsonl | replykit check --batch --text-field reply
    """
    from replykit.rules.load import load_rules

    loaded = load_rules(rules)
    chosen_lang = None if lang == Lang.auto else lang.value
    cat = "" if category == Category.none else category.value
    if batch:
        if text is not None:
            from replykit.errors import UsageError

            raise UsageError("--batch reads drafts from FILE or stdin, not from --text")
        return _run_batch(file, loaded, chosen_lang, cat, not private, text_field, id_field)
    from replykit.text.inputs import read_comment

    draft = read_comment(file, text)
    if not draft.strip():
        from replykit.errors import UsageError

        raise UsageError("the draft is empty: pass a FILE, - for stdin, or --text")
    result = check_text(draft, loaded, chosen_lang, cat, not private)
    if fmt == TextOrJson.json:
        sys.stdout.write(json.dumps(result, ensure_ascii=False, indent=2) + "\n")
    else:
        print_text(draft, result, str(getattr(color, "value", color)))
    return 1 if result["findings"] else 0


def check_text(draft: str, rules: Rules, lang: str | None, category: str, public: bool) -> dict[str, Any]:
    """The stable JSON form of one draft's review (schema ``replykit.check/1``)."""
    from replykit.lint.tone import contacts_of, review
    from replykit.text.normalize import normalize, tokenize
    from replykit.triage.language import detect

    if lang is None:
        lang = detect(tokenize(normalize(draft)), draft, rules.default_lang)[0]
    contacts = contacts_of(dict(rules.profile), lang)
    levels = _levels(rules)
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


def _levels(rules: Rules) -> dict[str, str]:
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


def _run_batch(
    file: str | None, rules: Rules, lang: str | None, category: str, public: bool, text_field: str, id_field: str
) -> int:
    from replykit.batch.read import read_jsonl
    from replykit.errors import UsageError
    from replykit.text.inputs import open_binary

    if file is None and sys.stdin.isatty():
        raise UsageError("--batch: no input given: pass a FILE or - for stdin")
    stream = sys.stdin.buffer if file in (None, "-") else open_binary(str(Path(file or "")))
    failed = False
    try:
        for record in read_jsonl(stream, text_field, id_field):
            entry: dict[str, Any] = {"line": record.line, "id": record.id}
            if record.error:
                entry["error"] = record.error
                failed = True
            else:
                result = check_text(record.text, rules, lang, category, public)
                failed |= not result["clean"]
                entry.update(result)
            sys.stdout.write(json.dumps(entry, ensure_ascii=False) + "\n")
    finally:
        if stream is not sys.stdin.buffer:
            stream.close()
    sys.stdout.flush()
    return 1 if failed else 0


def print_text(draft: str, result: dict[str, Any], color: str, *, stderr: bool = False) -> None:
    """The draft with its offending words highlighted, then one line per finding."""
    from rich.text import Text

    from replykit.formats.text import make_console
    from replykit.text.normalize import printable

    console = make_console(color, stderr=stderr)
    findings = result["findings"]
    if not findings:
        console.print(Text("No tone or method problem found.", style="green"))
        return
    shown, position = Text(), 0
    for item in sorted((f for f in findings if f["end"] > f["start"]), key=lambda f: f["start"]):
        if item["start"] < position:
            continue
        shown.append(printable(draft[position : item["start"]]))
        style = "bold red underline" if item["level"] == "error" else "bold yellow underline"
        words = printable(draft[item["start"] : item["end"]])
        shown.append(words if console.color_system else f"[{words}]", style=style)  # plain text: brackets
        position = item["end"]
    shown.append(printable(draft[position:]))
    console.print(shown)
    console.print()
    for item in findings:
        line = Text("  ")
        line.append(item["level"].ljust(8), style="red" if item["level"] == "error" else "yellow")
        if item["text"]:
            line.append(f"'{printable(item['text'])}' ", style="bold")
        line.append(printable(item["message"]))
        line.append(f"  ({item['check']})", style="dim")
        console.print(line)
        if item["suggestion"]:
            calmer = Text("          calmer: ", style="dim")
            calmer.append(printable(item["suggestion"]), style="green")
            console.print(calmer)
    errors = result["counts"]["error"]
    console.print(Text(f"{errors} error(s), {len(findings) - errors} warning(s)", style="bold"))
