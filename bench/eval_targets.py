"""The issue-12 targets of ``make eval``, measured from ``replykit batch`` output.

Each labeled file is run through ``replykit batch --format jsonl --triage-only``
once (one process per file), and the output is joined on line order with the
labels read from the same file. The label fields are left out of what reaches
the rules, as ``replykit eval`` does; reviews_restaurants_fr is run twice: on
the text alone (id and text only: the headline figures) and as it is (its
``stars`` field reaching the rules). ``bench/eval_all.py`` prints the rows.
"""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

COMPLAINT_LIKE = ("complaint", "general")


@dataclass
class Row:
    """One figure: a share (``kind`` rate, with hits/n) or a score (macro-F1, a gap)."""

    group: str
    measure: str
    value: float | None
    hits: int | None = None
    n: int | None = None
    op: str | None = None  # "<=" or ">="; None: reported for information
    target: float | None = None
    kind: str = "rate"

    @property
    def status(self) -> str:
        if self.op is None:
            return "info"
        if self.value is None:
            return "n/a"
        ok = self.value <= self.target + 1e-12 if self.op == "<=" else self.value >= self.target - 1e-12
        return "OK" if ok else "MISSED"

    def figure(self) -> str:
        if self.value is None:
            return "n/a (no record)"
        if self.kind == "rate":
            return f"{100 * self.value:.1f}% ({self.hits:,}/{self.n:,})"
        return f"{self.value:.3f}" + (f" (n={self.n:,})" if self.n else "")

    def target_text(self) -> str:
        if self.op is None or self.target is None:
            return "(info)"
        if self.kind == "rate":
            return f"{self.op} {100 * self.target:g}%"
        return f"{self.op} {self.target:.2f}"

    def as_json(self) -> dict[str, Any]:
        return {**asdict(self), "status": self.status}


def rate(group: str, measure: str, hits: Iterable[bool], op: str | None = None, target: float | None = None) -> Row:
    flags = list(hits)
    n = len(flags)
    k = sum(flags)
    return Row(group, measure, k / n if n else None, k, n, op, target)


def macro_f1(pairs: Iterable[tuple[bool, bool]]) -> tuple[float, int]:
    """Binary macro-F1 (gold, predicted), as ``replykit eval`` computes it: the mean F1 of
    the classes that have at least one gold record (0.0 where precision+recall is 0)."""
    tp = fp = fn = tn = 0
    for gold, pred in pairs:
        tp += gold and pred
        fp += pred and not gold
        fn += gold and not pred
        tn += not gold and not pred

    def f1(t: int, f_pos: int, f_neg: int) -> float:
        p = t / (t + f_pos) if t + f_pos else 0.0
        r = t / (t + f_neg) if t + f_neg else 0.0
        return 2 * p * r / (p + r) if p + r else 0.0

    scores = [f for f, support in ((f1(tp, fp, fn), tp + fn), (f1(tn, fn, fp), tn + fp)) if support]
    return (sum(scores) / len(scores) if scores else 0.0), tp + fp + fn + tn


# ------------------------------------------------------------------ batch runs
@dataclass(frozen=True)
class Job:
    """One ``replykit batch`` process: a file, and what of each record reaches the rules."""

    key: str
    file: str
    drop: tuple[str, ...] = ()  # label fields left out
    text_only: bool = False  # only id and text


JOBS = (
    Job("sarcasm_reviews_en", "sarcasm_reviews_en.jsonl", ("ironic",)),
    Job("sarcasm_tweets_en", "sarcasm_tweets_en.jsonl", ("sarcastic",)),
    Job("restaurants_text", "reviews_restaurants_fr.jsonl", text_only=True),
    Job("restaurants_stars", "reviews_restaurants_fr.jsonl"),
    Job("food_poisoning_en", "food_poisoning_en.jsonl", ("food_poisoning",)),
    Job("absa_reviews_en", "absa_reviews_en.jsonl", ("opinions",)),
    Job("absa_restaurants_fr", "absa_restaurants_fr.jsonl", ("opinions",)),
    Job("complaints_en", "complaints_en.jsonl", ("complaint",)),
)


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def run_job(job: Job, data_dir: Path, cmd: list[str], rules: str, tmp: str) -> tuple[list[dict], list[dict]]:
    """(records with their labels, batch outputs), aligned; RuntimeError on a broken run."""
    src = data_dir / job.file
    records = read_jsonl(src)
    path = src
    if job.text_only or job.drop:
        path = Path(tmp) / f"{job.key}.jsonl"
        with path.open("w", encoding="utf-8") as fh:
            for rec in records:
                if job.text_only:
                    kept = {"id": rec.get("id"), "text": rec.get("text")}
                else:
                    kept = {k: v for k, v in rec.items() if k not in job.drop}
                fh.write(json.dumps(kept, ensure_ascii=False) + "\n")
    argv = [*cmd, "batch", str(path), "--format", "jsonl", "--triage-only", "--no-summary"]
    argv += ["--text-field", "text", "--id-field", "id", "--rules", rules]
    proc = subprocess.run(argv, capture_output=True, text=True, encoding="utf-8", env=dict(os.environ, NO_COLOR="1"))
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"replykit batch exited {proc.returncode}: {proc.stderr.strip()[-500:]}")
    outs = [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]
    if len(outs) != len(records):
        raise RuntimeError(f"{len(records)} records in, {len(outs)} results out")
    for rec, out in zip(records, outs, strict=True):
        if "id" in rec and str(out.get("id")) != str(rec["id"]):
            raise RuntimeError(f"line {out.get('line')}: id {out.get('id')} != {rec['id']}")
    return records, outs


def _ok(outs: list[dict]) -> list[bool]:
    return ["error" not in o and o.get("category") is not None for o in outs]


def pairs(recs: list[dict], outs: list[dict], keep: Callable[[dict], bool]) -> list[tuple[dict, dict]]:
    """The (record, result) pairs the label selects; records the batch could not triage are left out."""
    return [(r, o) for r, o, ok in zip(recs, outs, _ok(outs), strict=True) if ok and keep(r)]


def praise(sel: list[tuple[dict, dict]]) -> list[bool]:
    return [o["category"] == "praise" for _, o in sel]


def complaint_like(sel: list[tuple[dict, dict]]) -> list[bool]:
    return [o["category"] in COMPLAINT_LIKE for _, o in sel]


def escalated(sel: list[tuple[dict, dict]]) -> list[bool]:
    return [bool(o["escalate"]) for _, o in sel]


def polarities(rec: dict) -> set[str]:
    return {op.get("polarity") for op in rec.get("opinions") or []}


# ------------------------------------------------------------------ measures
def sarcasm_reviews(recs: list[dict], outs: list[dict]) -> list[Row]:
    g = "sarcasm_reviews_en"
    ironic = pairs(recs, outs, lambda r: r["ironic"] is True)
    low = pairs(recs, outs, lambda r: r["ironic"] is False and r.get("stars") in (1, 2))
    return [
        rate(g, "ironic reviews routed praise (stars field passed)", praise(ironic), "<=", 0.03),
        rate(g, "non-ironic 1-2 star reviews routed praise", praise(low)),
    ]


def sarcasm_tweets(recs: list[dict], outs: list[dict]) -> list[Row]:
    g = "sarcasm_tweets_en"
    sarcastic = pairs(recs, outs, lambda r: r["sarcastic"] is True)
    plain = pairs(recs, outs, lambda r: r["sarcastic"] is False)
    return [
        rate(g, "sarcastic tweets routed praise", praise(sarcastic), "<=", 0.15),
        rate(g, "non-sarcastic tweets routed praise", praise(plain)),
    ]


def restaurants(recs: list[dict], outs: list[dict], how: str) -> list[Row]:
    g = "reviews_restaurants_fr"
    low = pairs(recs, outs, lambda r: r.get("stars") in (1, 2))
    top = pairs(recs, outs, lambda r: r.get("stars") == 5)
    return [
        rate(g, f"1-2 stars routed complaint|general ({how})", complaint_like(low), ">=", 0.95),
        rate(g, f"1-2 stars routed praise ({how})", praise(low), "<=", 0.01),
        rate(g, f"5 stars routed praise ({how})", praise(top), ">=", 0.90),
    ]


def food_poisoning(recs: list[dict], outs: list[dict]) -> list[Row]:
    g = "food_poisoning_en"
    ill = pairs(recs, outs, lambda r: r["food_poisoning"] is True)
    mention = pairs(recs, outs, lambda r: r["food_poisoning"] is False)
    return [
        rate(g, "reported illness escalated", escalated(ill), ">=", 0.90),
        rate(g, "mention without illness escalated", escalated(mention), "<=", 0.40),
    ]


def absa(recs: list[dict], outs: list[dict], g: str) -> list[Row]:
    neg = pairs(recs, outs, lambda r: polarities(r) == {"negative"})
    pos = pairs(recs, outs, lambda r: polarities(r) == {"positive"})
    return [
        rate(g, "all-negative reviews routed complaint|general", complaint_like(neg), ">=", 0.95),
        rate(g, "all-positive reviews routed praise", praise(pos)),
    ]


def complaints(recs: list[dict], outs: list[dict], eval_doc: dict | None) -> tuple[list[Row], list[str]]:
    """Macro-F1 complaint vs rest (predicted complaint|general), whole set and even/odd halves."""
    g, notes = "complaints_en", []
    numeric = all(str(r.get("id", "")).isdigit() for r in recs)
    rows_ok = _ok(outs)
    data = [
        ((int(r["id"]) if numeric else line) % 2 == 0, bool(int(r["complaint"])), o.get("category") in COMPLAINT_LIKE)
        for line, (r, o, ok) in enumerate(zip(recs, outs, rows_ok, strict=True), start=1)
        if ok
    ]
    whole, n = macro_f1((gold, pred) for _, gold, pred in data)
    if eval_doc is not None:
        if abs(eval_doc["macro_f1"] - whole) > 5e-4:
            notes.append(
                f"complaints_en: batch macro-F1 {whole:.4f} differs from replykit eval's {eval_doc['macro_f1']}"
            )
        head = eval_row(g, "macro-F1 (replykit eval --preset complaints_en)", {g: eval_doc}, ">=", 0.82)
    else:
        head = Row(g, "macro-F1 (from batch; replykit eval failed)", whole, n=n, op=">=", target=0.82, kind="score")
    split = "numeric id" if numeric else "line number"
    even, n_even = macro_f1((gold, pred) for is_even, gold, pred in data if is_even)
    odd, n_odd = macro_f1((gold, pred) for is_even, gold, pred in data if not is_even)
    return [
        head,
        Row(g, f"macro-F1, even {split}", even, n=n_even, op=">=", target=0.82, kind="score"),
        Row(g, f"macro-F1, odd {split}", odd, n=n_odd, op=">=", target=0.82, kind="score"),
        Row(g, "even/odd macro-F1 gap", abs(even - odd), op="<=", target=0.02, kind="score"),
    ], notes


def extra_escalation_pool(results: dict[str, tuple[list[dict], list[dict]]]) -> list[bool]:
    """New sets' records that are neither complaints nor incidents (for an information row)."""
    select = {
        "sarcasm_tweets_en": lambda r: r["sarcastic"] is False,
        "sarcasm_reviews_en": lambda r: r["ironic"] is False and r.get("stars") in (4, 5),
        "restaurants_text": lambda r: r.get("stars") == 5,
        "absa_reviews_en": lambda r: polarities(r) == {"positive"},
        "absa_restaurants_fr": lambda r: polarities(r) == {"positive"},
    }
    flags: list[bool] = []
    for key, keep in select.items():
        if key in results:
            flags += escalated(pairs(*results[key], keep))
    return flags


def eval_row(
    name: str, measure: str, evals: dict[str, dict], op: str | None = None, target: float | None = None
) -> Row:
    """The macro-F1 of ``replykit eval --preset NAME --format json``."""
    doc = evals[name]
    return Row(name, measure, doc["macro_f1"], n=doc["evaluated"], op=op, target=target, kind="score")


def measure(results: dict[str, tuple[list[dict], list[dict]]], evals: dict[str, dict]) -> tuple[list[Row], list[str]]:
    """The rows of every data set present in ``results`` (batch runs) and ``evals`` (eval JSON)."""
    rows: list[Row] = []
    notes: list[str] = []
    if "sarcasm_reviews_en" in results:
        rows += sarcasm_reviews(*results["sarcasm_reviews_en"])
    if "sarcasm_tweets_en" in results:
        rows += sarcasm_tweets(*results["sarcasm_tweets_en"])
    if "restaurants_text" in results:
        rows += restaurants(*results["restaurants_text"], "text only")
    if "restaurants_stars" in results:
        rows += restaurants(*results["restaurants_stars"], "with stars field")
    if "food_poisoning_en" in results:
        rows += food_poisoning(*results["food_poisoning_en"])
    for key in ("absa_reviews_en", "absa_restaurants_fr"):
        if key in results:
            rows += absa(*results[key], key)
    if "complaints_en" in results:
        more, notes = complaints(*results["complaints_en"], evals.get("complaints_en"))
        rows += more
    elif "complaints_en" in evals:
        rows.append(eval_row("complaints_en", "macro-F1 (replykit eval --preset complaints_en)", evals, ">=", 0.82))
    offensive = "macro-F1 offensive vs rest (predicted inappropriate)"
    if "offensive_en" in evals:
        rows.append(eval_row("offensive_en", offensive, evals, ">=", 0.75))
    if "offensive_fr" in evals:
        rows.append(eval_row("offensive_fr", offensive, evals))
    if evals:
        hits = sum(doc["escalated"]["non_complaints"] for doc in evals.values())
        total = sum(doc["escalated"]["of"] for doc in evals.values())
        row = Row(
            "escalation (pooled)",
            "escalated, not labelled complaint (the eval presets' sets, pool as before)",
            hits / total if total else None,
            hits,
            total,
            "<=",
            0.02,
        )
        rows.append(row)
        extra = extra_escalation_pool(results)
        if extra:
            k, m = hits + sum(extra), total + len(extra)
            rows.append(Row("escalation (pooled)", "same pool + new sets' positive/non-sarcastic records", k / m, k, m))
    return rows, notes


def routing_rows(report: dict[str, Any]) -> list[Row]:
    """Pass rates of the golden routing suite, from ``replykit eval SUITE --format json``."""
    g = "routing suite"
    rows = [Row(g, "cases passing, overall", report["passed"] / report["cases"], report["passed"], report["cases"],
                ">=", 1.0)]  # fmt: skip
    for inv, counts in report["by_invariant"].items():
        share = counts["passed"] / counts["cases"]
        rows.append(Row(g, f"cases passing, invariant {inv}", share, counts["passed"], counts["cases"], ">=", 1.0))
    return rows


def print_table(rows: list[Row]) -> None:
    wm = max([len(r.measure) for r in rows] + [len("measure")]) + 2
    wf = max([len(r.figure()) for r in rows] + [len("figure")])
    wt = max([len(r.target_text()) for r in rows] + [len("target")])
    header = f"{'measure':<{wm}} | {'figure':>{wf}} | {'target':<{wt}} | status"
    print(header)
    print("-" * len(header))
    group = None
    for r in rows:
        if r.group != group:
            group = r.group
            print(group)
        print(f"  {r.measure:<{wm - 2}} | {r.figure():>{wf}} | {r.target_text():<{wt}} | {r.status}")
