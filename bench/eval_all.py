"""``make eval``: ``replykit eval`` with each preset on the labeled sets in ../shared/data, one table.

Usage (from the repository root)::

    python bench/eval_all.py [DATA_DIR] [--rules rules.yaml]

A data set that is missing is named, not fatal; the exit code is 0 when
every data set found was evaluated.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data_dir", nargs="?", default=str(ROOT.parent / "shared" / "data"))
    parser.add_argument("--rules", default=str(ROOT / "rules.yaml"))
    args = parser.parse_args(argv)
    data_dir = Path(args.data_dir)
    rows, missing, failed = [], [], []
    for name, file, measure in SETS:
        path = data_dir / file
        if not path.is_file():
            missing.append(f"{name}: {path} not found")
            continue
        cmd = [*replykit(), "eval", str(path), "--preset", name, "--rules", args.rules, "--format", "json"]
        proc = subprocess.run(cmd, capture_output=True, text=True)
        if proc.returncode not in (0, 1) or not proc.stdout:
            failed.append(f"{name}: exit {proc.returncode}: {proc.stderr.strip()}")
            continue
        rows.append((name, json.loads(proc.stdout), measure))
    print(f"rules: {args.rules}   data: {data_dir}")
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
    for line in missing:
        print(f"missing data set: {line}", file=sys.stderr)
    for line in failed:
        print(f"failed: {line}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
