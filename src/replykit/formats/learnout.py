"""Output of ``replykit learn``: the lexicon file to include, a rich summary, ``replykit.learn/1`` JSON.

Learned terms come from untrusted comments: in YAML they are written as
JSON strings (always quoted, so ``no`` stays a word), in the terminal they
reach rich as ``Text`` objects after :func:`replykit.text.normalize.printable`.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from replykit.rules.model import REST

if TYPE_CHECKING:
    from replykit.measure.learn import Learning
from replykit.text.normalize import printable

SCHEMA = "replykit.learn/1"
TOP_TERMS = 15  # terms shown per language in text output


def _figures(ev: Learning) -> str:
    names = {"precision": "precision", "recall": "recall", "f1": "F1"}
    return ", ".join(f"{names[k]} {mean:.3f} ± {spread:.3f}" for k, (mean, spread) in ev.summary().items())


def _labels(ev: Learning) -> str:
    targets = ev.label_map.targets
    if not targets:
        return "labels are category names"
    return ", ".join(f"{label} -> {'*rest' if cat == REST else cat}" for label, cat in targets.items())


def as_yaml(ev: Learning, file: str, name: str) -> str:
    """The lexicon as a file ``include:`` accepts, with a header saying how it was produced."""
    s, lexicon = ev.settings, ev.lexicon
    grams = "words and pairs of words" if s.bigrams else "words"
    counts = ", ".join(f"{lang}: {c[True]} {s.target}, {c[False]} other" for lang, c in ev.examples.items())
    head = [
        f"Learned by `replykit learn` from {file}",
        f"label field '{ev.label_field}' ({_labels(ev)}); target: {s.target}",
        f"comments: {counts}",
        f"{grams} in at least {s.min_count} {s.target} comments, scored by smoothed log-odds"
        f" (prior 1), best {s.max_terms} by z-score",
        f"{s.folds}-fold cross-validation (seed {s.seed}), this signal alone: {_figures(ev)}",
        f"min {lexicon.minimum}: fires from {lexicon.threshold} (the sum that maximised F1 on all the comments)",
        "Each term: weight, then how many target / other comments held it. Review before use;",
        "in rules.yaml: `include: [this file]`, then use the signal in a tree condition.",
    ]
    lines = [f"# {printable(line)}" for line in head]
    lines += ["version: 1", "signals:", f"  {name}:", "    kind: lexicon", f"    method: [{', '.join(ev.method)}]"]
    lines.append(f"    description: {json.dumps(f'Learned from {file} for {s.target}.', ensure_ascii=False)}")
    lines.append("    terms:")
    for lang, terms in lexicon.terms.items():
        lines.append(f"      {lang}:")
        width = max(len(json.dumps(t.text, ensure_ascii=False)) for t in terms) + 5
        for t in terms:
            entry = f"{json.dumps(t.text, ensure_ascii=False)}: {t.weight}"
            lines.append(f"        - {entry.ljust(width)}  # {t.positive} / {t.negative}")
    if not lexicon.terms:
        lines.append("      any: []")
    lines.append(f"    min: {lexicon.minimum}")
    return "\n".join(lines) + "\n"


def to_dict(ev: Learning, file: str, name: str, output: str | None) -> dict[str, Any]:
    """The stable ``replykit.learn/1`` document."""
    s = ev.settings
    return {
        "schema": SCHEMA,
        "file": file,
        "output": output,
        "signal": name,
        "label_field": ev.label_field,
        "mapping": ev.label_map.describe(),
        "target": s.target,
        "settings": {
            "min_count": s.min_count,
            "max_terms": s.max_terms,
            "folds": s.folds,
            "bigrams": s.bigrams,
            "seed": s.seed,
        },
        "records": ev.records,
        "examples": {lang: {"target": c[True], "other": c[False]} for lang, c in ev.examples.items()},
        "cross_validation": {
            **{k: {"mean": round(m, 6), "stdev": round(sd, 6)} for k, (m, sd) in ev.summary().items()},
            "folds": [
                {
                    "precision": round(f.precision, 6),
                    "recall": round(f.recall, 6),
                    "f1": round(f.f1, 6),
                    "threshold": f.threshold,
                    "terms": f.terms,
                    "tested": f.tested,
                }
                for f in ev.folds
            ],
        },
        "min": ev.lexicon.minimum,
        "threshold": ev.lexicon.threshold,
        "terms": {
            lang: [{"term": t.text, "weight": t.weight, "target": t.positive, "other": t.negative} for t in terms]
            for lang, terms in ev.lexicon.terms.items()
        },
        "skipped": {
            "unlabeled": ev.unlabeled.count,
            "unmapped": ev.unmapped.count,
            "excluded": ev.excluded.count,
            "bad": ev.bad_count,
        },
    }


def as_json(ev: Learning, file: str, name: str, output: str | None) -> str:
    return json.dumps(to_dict(ev, file, name, output), ensure_ascii=False, indent=2) + "\n"


def print_text(ev: Learning, file: str, name: str, output: str | None, color: str) -> None:
    from rich.table import Table
    from rich.text import Text

    from replykit.formats.text import make_console

    console = make_console(color)
    s = ev.settings
    total = sum(sum(c.values()) for c in ev.examples.values())
    console.print(Text(printable(f"{file}: {total} labeled comments, target {s.target}"), style="bold"))
    console.print(Text(f"{s.folds}-fold cross-validation, the learned signal alone: {_figures(ev)}"))
    folds = "  ".join(f"{f.f1:.3f}" for f in ev.folds)
    console.print(Text(f"F1 per fold: {folds}"))
    for lang, terms in ev.lexicon.terms.items():
        table = Table(title=f"Top terms ({lang}, {len(terms)} kept)")
        for column in ("term", "weight", s.target, "other"):
            table.add_column(column, justify="left" if column == "term" else "right")
        for t in terms[:TOP_TERMS]:
            table.add_row(Text(printable(t.text)), f"{t.weight:.1f}", str(t.positive), str(t.negative))
        console.print(table)
    fires = f"fires from {ev.lexicon.threshold} (min {ev.lexicon.minimum})"
    where = f"; wrote {output}" if output else ""
    console.print(Text(printable(f"signal {name}: {fires}{where}")))
