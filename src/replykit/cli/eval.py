"""``replykit eval``: measure the rules on labeled comments."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from replykit.cli.labeled import (
    IdFieldOption,
    LabeledInput,
    LabelFieldOption,
    PresetOption,
    TextFieldOption,
    report_skipped,
)
from replykit.cli.options import ColorOption, Lang, RulesOption, TextOrJson, error_boundary


@error_boundary
def eval_command(
    input: LabeledInput,
    label_field: LabelFieldOption = None,
    mapping: Annotated[
        str | None,
        typer.Option(
            "--map", help="Labels onto categories: 1=complaint,0=*rest or negative=complaint,positive=praise."
        ),
    ] = None,
    predicted: Annotated[
        str | None,
        typer.Option("--predicted", help="Group predicted categories: complaint+general counts general as complaint."),
    ] = None,
    preset_name: PresetOption = None,
    text_field: TextFieldOption = "text",
    id_field: IdFieldOption = "id",
    lang: Annotated[Lang, typer.Option("--lang", "-l", help="Language; auto detects it per comment.")] = Lang.auto,
    rules: RulesOption = None,
    fmt: Annotated[
        TextOrJson, typer.Option("--format", "-f", help="text or json (replykit.eval/1).")
    ] = TextOrJson.text,
    errors: Annotated[int, typer.Option("--errors", min=0, help="Misrouted comments to show, with their path.")] = 10,
    color: ColorOption = "auto",  # type: ignore[assignment]
) -> int:
    """Measure the rules on labeled comments: precision, recall, F1, confusion matrix, misrouted comments.

    Exit codes: 0 done, 1 some records could not be evaluated, 2 usage or configuration error.
    Examples: replykit eval labeled.jsonl; replykit eval tweets.csv --label-field complaint --map 1=complaint,0=*rest
    """
    from pathlib import Path

    from replykit.measure.suite import is_suite

    if input not in (None, "-") and is_suite(Path(str(input))):
        return _run_suite(Path(str(input)), rules, fmt.value, errors)
    from replykit.batch.read import open_input, open_records
    from replykit.formats import dispatch
    from replykit.measure.evaluate import LabelMap, evaluate, parse_groups, parse_map, preset
    from replykit.rules.load import load_rules

    chosen = preset(preset_name) if preset_name else None
    targets = parse_map(mapping) if mapping else (dict(chosen.targets) if chosen else {})
    groups = parse_groups(predicted) if predicted is not None else (dict(chosen.groups) if chosen else {})
    field = label_field or (chosen.label_field if chosen else "category")
    loaded = load_rules(rules)
    stream, name, _ = open_input(input)
    with stream:
        reader = open_records(stream, name, None, text_field, id_field)
        result = evaluate(
            reader.records,
            loaded,
            LabelMap(targets, groups),
            field,
            lang=None if lang == Lang.auto else lang.value,
            errors=errors,
            exclude=chosen.exclude if chosen and not mapping else None,
        )
    report_skipped(result, name)
    dispatch.EVAL[fmt.value](result, name, preset_name, str(getattr(color, "value", color)))
    return 1 if result.failed else 0


def _run_suite(path: Any, rules: Any, fmt: str, errors: int) -> int:
    """``replykit eval SUITE``: a folder of TRADE.LANG.yaml routing cases; exit 1 when one fails."""
    import sys

    from replykit.formats import suiteout
    from replykit.measure.suite import load_suite, run_suite, summary
    from replykit.rules.load import load_rules

    report = summary(run_suite(load_suite(path), load_rules(rules)), str(path))
    sys.stdout.write(suiteout.as_json(report) if fmt == "json" else suiteout.as_text(report, errors))
    return 0 if report["passed"] == report["cases"] else 1
