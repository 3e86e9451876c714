"""Output of ``replykit eval``: rich tables for people, ``replykit.eval/1`` JSON for scripts.

Comment text, labels and matched words are untrusted: they reach rich as
``Text`` objects after :func:`replykit.text.normalize.printable`.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from replykit.text.normalize import printable

if TYPE_CHECKING:
    from replykit.measure.evaluate import Evaluation, Misrouted

SCHEMA = "replykit.eval/1"
TEXT_WIDTH = 240  # characters of a misrouted comment shown in text output


def step_dict(step: Any) -> dict[str, Any]:
    return {"node": step.node, "result": step.result, "matched": step.matched}


def step_text(step: Any) -> str:
    """``node:Y(signal[word|word])``, as bench/quality.py prints a path."""
    mark = "Y" if step.result else "n"
    fired = ",".join(f"{k}[{'|'.join(v[:3])}]" for k, v in step.matched.items())
    return f"{step.node}:{mark}" + (f"({fired})" if fired else "")


def _misrouted(m: Misrouted) -> dict[str, Any]:
    return {
        "line": m.line,
        "id": m.id,
        "text": m.text,
        "label": m.label,
        "gold": m.gold,
        "predicted": m.predicted,
        "category": m.category,
        "outcome": m.outcome,
        "lang": m.lang,
        "path": [step_dict(s) for s in m.path],
    }


def to_dict(ev: Evaluation, file: str, preset: str | None = None) -> dict[str, Any]:
    """The stable ``replykit.eval/1`` document."""
    scores = ev.scores
    return {
        "schema": SCHEMA,
        "file": file,
        "preset": preset,
        "label_field": ev.label_field,
        "mapping": ev.label_map.describe(),
        "records": ev.records,
        "evaluated": scores.total,
        "accuracy": round(scores.accuracy(), 6),
        "macro_f1": round(scores.macro_f1(), 6),
        "per_class": {
            c: {
                "precision": round(s.precision, 6),
                "recall": round(s.recall, 6),
                "f1": round(s.f1, 6),
                "support": s.support,
                "predicted": s.predicted,
            }
            for c, s in scores.per_class().items()
        },
        "confusion": {"gold": scores.rows(), "predicted": scores.columns(), "matrix": scores.confusion()},
        "escalated": {"per_gold_class": dict(scores.escalated), **_escalated(scores)},
        "skipped": {
            "unlabeled": {"count": ev.unlabeled.count, "lines": ev.unlabeled.lines},
            "unmapped": {"count": ev.unmapped.count, "lines": ev.unmapped.lines, "values": dict(ev.unmapped.values)},
            "excluded": {"count": ev.excluded.count, "lines": ev.excluded.lines},
        },
        "bad_records": {"count": ev.bad_count, "first": [{"line": n, "error": e} for n, e in ev.bad]},
        "misrouted_count": ev.misrouted_count,
        "misrouted": [_misrouted(m) for m in ev.misrouted],
    }


def _escalated(scores: Any) -> dict[str, Any]:
    count, total = scores.escalated_non_complaints()
    return {"non_complaints": count, "of": total, "rate": round(count / total, 6) if total else 0.0}


def as_json(ev: Evaluation, file: str, preset: str | None = None) -> str:
    return json.dumps(to_dict(ev, file, preset), ensure_ascii=False, indent=2) + "\n"


def print_text(ev: Evaluation, file: str, color: str, preset: str | None = None) -> None:
    from rich.table import Table
    from rich.text import Text

    from replykit.formats.text import make_console

    console = make_console(color)
    scores = ev.scores
    head = f"{file}" + (f" (preset {preset})" if preset else "") + f": {scores.total} comments evaluated"
    console.print(Text(printable(head), style="bold"))
    console.print(Text(f"accuracy {scores.accuracy():.3f}   macro-F1 {scores.macro_f1():.3f}"))
    count, total = scores.escalated_non_complaints()
    if total:
        console.print(Text(f"escalated: {count} of {total} comments not labeled complaint ({count / total:.1%})"))
    table = Table(title="Per category")
    for name in ("class", "precision", "recall", "F1", "gold", "predicted"):
        table.add_column(name, justify="left" if name == "class" else "right")
    for c, s in scores.per_class().items():
        table.add_row(Text(c), f"{s.precision:.3f}", f"{s.recall:.3f}", f"{s.f1:.3f}", str(s.support), str(s.predicted))
    console.print(table)
    # Printed above rather than as the table's title, which rich wraps to the table's width.
    console.print(Text("Confusion matrix (rows: gold, columns: predicted)", style="italic"))
    matrix = Table()
    matrix.add_column("gold \\ predicted")
    cols = scores.columns()
    for c in cols:
        matrix.add_column(c, justify="right")
    for gold, row in zip(scores.rows(), scores.confusion(), strict=True):
        matrix.add_row(Text(gold), *[str(n) for n in row])
    console.print(matrix)
    if ev.misrouted:
        shown = f"{len(ev.misrouted)} shown of {ev.misrouted_count}"
        console.print(Text(f"Misrouted comments ({shown}; --errors N for more)", style="bold"))
        for m in ev.misrouted:
            text = " ".join(m.text.split())
            text = text if len(text) <= TEXT_WIDTH else text[: TEXT_WIDTH - 1] + "…"
            ident = f" [{m.id}]" if m.id not in (None, "") else ""
            console.print(Text(printable(f"- line {m.line}{ident}: {text}")))
            console.print(
                Text(printable(f"    gold {m.gold} (label {m.label}) -> {m.predicted} via {m.outcome} ({m.category})"))
            )
            console.print(Text(printable("    path: " + " > ".join(step_text(s) for s in m.path))))
