"""``replykit learn``: derive a weighted lexicon from labeled comments, to include from rules.yaml."""

from __future__ import annotations

from pathlib import Path
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
from replykit.cli.options import ColorOption, TextOrJson, error_boundary


@error_boundary
def learn_command(
    input: LabeledInput,
    label_field: LabelFieldOption = None,
    mapping: Annotated[
        str | None,
        typer.Option("--map", help="Labels onto categories, as for eval: true=inappropriate,false=*rest."),
    ] = None,
    preset_name: PresetOption = None,
    target: Annotated[
        str | None,
        typer.Option("--target", help="The category to learn (default: the one category the map names)."),
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write the lexicon here (YAML, for include:).")
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite the output file if it exists.")] = False,
    name: Annotated[str | None, typer.Option("--name", help="The signal's name (default: learned_TARGET).")] = None,
    min_count: Annotated[
        int, typer.Option("--min-count", min=1, help="Keep terms seen in at least this many target comments.")
    ] = 5,
    min_weight: Annotated[
        float, typer.Option("--min-weight", min=0.0, help="Keep terms whose weight is at least this (0 keeps all).")
    ] = 0.5,
    max_terms: Annotated[
        int, typer.Option("--max-terms", min=1, help="Keep at most this many terms per language.")
    ] = 50,
    folds: Annotated[int, typer.Option("--folds", min=2, help="Cross-validation folds.")] = 5,
    seed: Annotated[int, typer.Option("--seed", help="Seed of the fold shuffle.")] = 13,
    bigrams: Annotated[bool, typer.Option("--bigrams", help="Also learn pairs of consecutive words.")] = False,
    text_field: TextFieldOption = "text",
    id_field: IdFieldOption = "id",
    fmt: Annotated[
        TextOrJson, typer.Option("--format", "-f", help="text or json (replykit.learn/1).")
    ] = TextOrJson.text,
    color: ColorOption = "auto",  # type: ignore[assignment]
) -> int:
    """Learn a weighted lexicon for one category from labeled comments, with cross-validated figures.

    Exit codes: 0 done, 1 some records could not be used, 2 usage or configuration error.
    Examples: replykit learn history.jsonl --label-field offensive --map true=inappropriate,false=*rest -o learned.yaml
    """
    from replykit.batch.read import open_input, open_records
    from replykit.formats import dispatch, learnout
    from replykit.measure.evaluate import LabelMap, parse_map, preset
    from replykit.measure.learn import Settings, learn

    chosen = preset(preset_name) if preset_name else None
    targets = parse_map(mapping) if mapping else (dict(chosen.targets) if chosen else {})
    label_map = LabelMap(targets)
    settings = Settings(
        _target(target, label_map),
        min_count=min_count,
        max_terms=max_terms,
        min_weight=min_weight,
        folds=folds,
        bigrams=bigrams,
        seed=seed,
    )
    signal = _signal_name(name, settings.target)
    if output is not None and output.exists() and not force:
        from replykit.errors import UsageError

        raise UsageError(f"{output}: already exists; use --force to overwrite it")
    stream, source, _ = open_input(input)
    with stream:
        reader = open_records(stream, source, None, text_field, id_field)
        exclude = chosen.exclude if chosen and not mapping else None
        field = label_field or (chosen.label_field if chosen else "category")
        result = learn(reader.records, label_map, field, settings, exclude)
    report_skipped(result, source)
    if output is not None:
        _write(output, learnout.as_yaml(result, Path(source).name, signal))
    shown = str(output) if output is not None else None
    dispatch.LEARN[fmt.value](result, source, signal, shown, str(getattr(color, "value", color)))
    return 1 if result.bad_count or result.unlabeled.count or result.unmapped.count else 0


def _target(target: str | None, label_map: Any) -> str:
    from replykit.errors import UsageError

    named = [c for c in label_map.classes if c != "rest"]
    if target:
        return target.strip()
    if label_map.targets and len(named) == 1:
        return str(named[0])
    raise UsageError("--target: say which category to learn (e.g. --target complaint)")


def _signal_name(name: str | None, target: str) -> str:
    from replykit.errors import UsageError
    from replykit.rules.checker import _ID

    chosen = name or f"learned_{target}"
    if not _ID.match(chosen):
        raise UsageError(f"--name: '{chosen}' is not a valid signal name (letters, digits, _ . -)")
    return chosen


def _write(output: Path, text: str) -> None:
    from replykit.rules.includes import check_included
    from replykit.rules.scaffold import write_atomic

    check_included(text, str(output))  # never write a file rules.yaml could not include
    write_atomic(output, text)
