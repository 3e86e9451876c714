"""``replykit check``: the tone and method review of lint, on a reply you wrote yourself."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from replykit.cli.options import ColorOption, Lang, RulesOption, TextOrJson, error_boundary

if TYPE_CHECKING:
    from replykit.rules.model import Rules


class Category(str, Enum):
    none = "none"
    complaint = "complaint"
    question = "question"
    moderation = "moderation"


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
    from replykit.formats.dispatch import CHECK
    from replykit.lint.draft import check_text

    result = check_text(draft, loaded, chosen_lang, cat, not private)
    CHECK[fmt.value](draft, result, str(getattr(color, "value", color)))
    return 1 if result["findings"] else 0


def _run_batch(
    file: str | None, rules: Rules, lang: str | None, category: str, public: bool, text_field: str, id_field: str
) -> int:
    from replykit.batch.read import open_input, read_jsonl
    from replykit.errors import UsageError
    from replykit.formats.jsonout import dumps
    from replykit.lint.draft import check_records

    if file is None and sys.stdin.isatty():
        raise UsageError("--batch: no input given: pass a FILE or - for stdin")
    stream, _, _ = open_input(None if file in (None, "-") else str(Path(file or "")))
    failed = False
    try:
        for entry in check_records(read_jsonl(stream, text_field, id_field), rules, lang, category, public):
            failed |= "error" in entry or not entry["clean"]
            sys.stdout.write(dumps(entry) + "\n")
    finally:
        if stream is not sys.stdin.buffer:
            stream.close()
    sys.stdout.flush()
    return 1 if failed else 0
