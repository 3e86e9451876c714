"""``make eval``: ``replykit eval`` with each preset on the labeled sets in ../shared/data, one table,
then every figure of the issue-12 targets in a second table (measure | figure | target | status).

Usage (from the repository root)::

    python bench/eval_all.py [DATA_DIR] [--rules rules.yaml] [--format text|json]

The targets are measured from ``replykit batch --format jsonl --triage-only``,
one process per data file (bench/eval_targets.py), joined on line order with
the labels of the same file; label fields never reach the rules.
reviews_restaurants_fr is measured twice: on the text alone (id and text
only: the headline) and "with stars field" (the record as it is). In
sarcasm_reviews_en the stars field reaches the rules. complaints_en is also
split on its numeric ids (even/odd). The pooled escalation target keeps its
definition (gold class other than complaint in the four ``replykit eval``
presets); an information row adds the new sets' records that are neither
complaints nor incidents: non-sarcastic tweets, non-ironic 4-5 star reviews,
5-star French restaurant reviews (text only) and all-positive ABSA reviews
(food_poisoning_en has its own target). The golden routing suite
(bench/routing_suite.py) gives the last rows.

A data set that is missing is named and skipped, not fatal. Exit status: 0
when every data set found was measured, even with targets missed (it is a
report); 2 when a run broke (replykit failed, a malformed suite).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import eval_targets
import routing_suite

ROOT = Path(__file__).resolve().parents[1]
SETS = (  # preset, file, the measure the figure is
    ("complaints_en", "complaints_en.jsonl", "complaint vs rest (predicted complaint|general)"),
    ("offensive_en", "offensive_en.jsonl", "offensive vs rest (predicted inappropriate)"),
    ("offensive_fr", "offensive_fr.jsonl", "offensive vs rest (predicted inappropriate)"),
    ("airline_en", "airline_en.jsonl", "negative->complaint|question, positive->praise, neutral->other"),
)


def replykit() -> list[str]:
    exe = Path(sys.executable).with_name("replykit")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "replykit"]


def run_eval(name: str, path: Path, rules: str) -> dict:
    cmd = [*replykit(), "eval", str(path), "--preset", name, "--rules", rules, "--format", "json"]
    proc = subprocess.run(cmd, capture_output=True, text=True, encoding="utf-8")
    if proc.returncode not in (0, 1) or not proc.stdout:
        raise RuntimeError(f"exit {proc.returncode}: {proc.stderr.strip()}")
    return json.loads(proc.stdout)


def run_suite(rules: str) -> list[eval_targets.Row]:
    cmd = [*replykit(), "eval", str(routing_suite.DEFAULT_SUITE), "--rules", rules, "--format", "json"]
    proc = subprocess.run(cmd, capture_output=True, text=True, encoding="utf-8")
    if proc.returncode not in (0, 1) or not proc.stdout:
        raise RuntimeError(f"exit {proc.returncode}: {proc.stderr.strip()}")
    return eval_targets.routing_rows(json.loads(proc.stdout))


def print_presets(rows: list[tuple[str, dict, str]]) -> None:
    header = f"{'data set':<14} {'n':>6} {'macro-F1':>8} {'acc':>6}  per class (P/R/F1)"
    print(header)
    print("-" * len(header))
    for name, doc, measure in rows:
        per = "  ".join(
            f"{c} {s['precision']:.3f}/{s['recall']:.3f}/{s['f1']:.3f}" for c, s in doc["per_class"].items()
        )
        print(f"{name:<14} {doc['evaluated']:>6} {doc['macro_f1']:>8.3f} {doc['accuracy']:>6.3f}  {per}")
        print(f"{'':<14} {'':>6} {'':>8} {'':>6}  ({measure})")
    escalated = sum(doc["escalated"]["non_complaints"] for _, doc, _ in rows)
    others = sum(doc["escalated"]["of"] for _, doc, _ in rows)
    if others:
        print(f"escalated among comments not labeled complaint, all sets: {escalated / others:.1%} "
              f"({escalated:,} / {others:,}; target <= 2%)")  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data_dir", nargs="?", default=str(ROOT.parent / "shared" / "data"))
    parser.add_argument("--rules", default=str(ROOT / "rules.yaml"))
    parser.add_argument("--format", choices=("text", "json"), default="text")
    args = parser.parse_args(argv)
    data_dir = Path(args.data_dir)
    missing, failed = [], []
    evals: dict[str, dict] = {}
    batches: dict[str, tuple[list[dict], list[dict]]] = {}
    suite_rows: list[eval_targets.Row] = []
    with tempfile.TemporaryDirectory() as tmp, ThreadPoolExecutor(max_workers=2) as pool:
        futures = {}
        for name, file, _ in SETS:
            if (data_dir / file).is_file():
                futures[("eval", name)] = pool.submit(run_eval, name, data_dir / file, args.rules)
            else:
                missing.append(f"{name}: {data_dir / file} not found")
        for job in eval_targets.JOBS:
            if (data_dir / job.file).is_file():
                futures[("batch", job.key)] = pool.submit(
                    eval_targets.run_job, job, data_dir, replykit(), args.rules, tmp
                )
            elif not any(job.file in m for m in missing):
                missing.append(f"{job.file.removesuffix('.jsonl')}: {data_dir / job.file} not found")
        if routing_suite.DEFAULT_SUITE.is_dir():
            futures[("suite", "routing")] = pool.submit(run_suite, args.rules)
        else:
            missing.append(f"routing suite: {routing_suite.DEFAULT_SUITE} not found")
        for (kind, key), future in futures.items():
            try:
                result = future.result()
            except (RuntimeError, OSError, ValueError) as exc:
                failed.append(f"{kind} {key}: {exc}")
                continue
            if kind == "eval":
                evals[key] = result
            elif kind == "batch":
                batches[key] = result
            else:
                suite_rows = result
    presets = [(name, evals[name], measure) for name, _, measure in SETS if name in evals]
    rows, notes = eval_targets.measure(batches, evals)
    rows += suite_rows
    summary = {s: sum(r.status == s for r in rows) for s in ("OK", "MISSED", "info", "n/a")}
    if args.format == "json":
        doc = {
            "schema": "replykit.eval_all/1",
            "rules": args.rules,
            "data_dir": str(data_dir),
            "presets": {
                name: {k: doc[k] for k in ("evaluated", "macro_f1", "accuracy", "per_class", "escalated")}
                for name, doc, _ in presets
            },
            "targets": [r.as_json() for r in rows],
            "summary": summary,
            "missing": missing,
            "failed": failed,
            "notes": notes,
        }
        print(json.dumps(doc, indent=2, ensure_ascii=False))
    else:
        print(f"rules: {args.rules}   data: {data_dir}")
        print_presets(presets)
        print("\nissue-12 targets (shared halves of the data sets)")
        eval_targets.print_table(rows)
        print(f"targets: {summary['OK']} OK, {summary['MISSED']} MISSED ({summary['info']} rows for information)")
        for line in missing:
            print(f"skipped, missing data set: {line}")
    for line in notes:
        print(f"note: {line}", file=sys.stderr)
    for line in missing:
        print(f"missing data set: {line}", file=sys.stderr)
    for line in failed:
        print(f"failed: {line}", file=sys.stderr)
    return 2 if failed else 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except (KeyError, TypeError, ValueError, OSError) as exc:  # a record without its label, unreadable data
        print(f"eval_all: broken run: {type(exc).__name__}: {exc}", file=sys.stderr)
        sys.exit(2)
