"""Triage benchmark: in-process cost of one comment, today's rules against an older rules file.

Issue 12 grew the tree (more signals, more nodes); its target is that
triaging a comment with today's ``rules.yaml`` costs at most 1.15x what it
cost with the rules of commit ``ede2c71`` (before that work), both run by this
checkout's engine. Only ``replykit.triage.walk.triage`` is timed, on the same
15,000 comments drawn with a fixed seed from ../shared/data (three English and
two French sets), so reading, formatting and process start-up do not dilute
the difference (``bench/batch.py`` measures whole processes).

The machine may be shared and noisy: the two rule sets are timed in turns,
several times, in CPU time (not wall time), and the best run of each counts,
so noise hits both alike.

The old rules are read with ``git show ede2c71:rules.yaml`` at run time; the
comparison line is skipped when git or that commit is not available, and the
whole benchmark when the shared data is absent. Missed targets print MISSED;
the exit status is non-zero only when the benchmark itself cannot run.

Usage (from the repository root)::

    python bench/triage.py [--repeat N] [--comments N] [--base COMMIT | --base-file RULES]
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
sys.path.insert(0, str(ROOT / "src"))  # time this checkout's engine, installed or not

from replykit.rules.load import compile_rules  # noqa: E402
from replykit.triage.walk import triage  # noqa: E402

FILES = ("complaints_en", "airline_en", "offensive_en", "reviews_restaurants_fr", "telecom_fr_unlabeled")
BASE_COMMIT = "ede2c71"  # the rules before issue 12's routing work
TARGET = 1.15  # today's rules may cost at most this many times the old ones
SEED = 1
WARM_UP = 500  # comments run once before timing: regexes compile, memos fill


def load_texts(data: Path, count: int) -> list[str]:
    texts: list[str] = []
    for name in FILES:
        path = data / f"{name}.jsonl"
        if path.is_file():
            with path.open(encoding="utf-8") as lines:
                texts += [json.loads(line)["text"] for line in lines if line.strip()]
    random.Random(SEED).shuffle(texts)
    return [text for text in texts if text and text.strip()][:count]


def base_rules_text(commit: str) -> str | None:
    """The rules.yaml of ``commit``, or None without git or that commit."""
    try:
        proc = subprocess.run(
            ["git", "show", f"{commit}:rules.yaml"], cwd=ROOT, capture_output=True, check=False, timeout=30
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return proc.stdout.decode("utf-8") if proc.returncode == 0 else None


def time_once(rules: Any, texts: list[str]) -> float:
    # CPU time of this process: on a shared machine, wall time also counts
    # the time other processes held the CPU.
    start = time.process_time()
    for text in texts:
        triage(rules, text)
    return time.process_time() - start


def measure(rule_sets: dict[str, Any], texts: list[str], repeat: int) -> dict[str, float]:
    """Best microseconds per comment of each rule set, timed in turns."""
    for rules in rule_sets.values():
        for text in texts[:WARM_UP]:
            triage(rules, text)
    best = dict.fromkeys(rule_sets, float("inf"))
    for _ in range(repeat):
        for name, rules in rule_sets.items():
            best[name] = min(best[name], time_once(rules, texts))
    return {name: 1e6 * seconds / len(texts) for name, seconds in best.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=5, help="timed runs of each rule set (the best counts)")
    parser.add_argument("--comments", type=int, default=15_000)
    parser.add_argument("--base", default=BASE_COMMIT, help="the commit whose rules.yaml is the reference")
    parser.add_argument("--base-file", help="read the reference rules from this file instead of git")
    args = parser.parse_args()
    texts = load_texts(DATA, args.comments)
    if not texts:
        print(f"triage benchmark skipped: no comments in {DATA}")
        return 0
    current = ROOT / "rules.yaml"
    rule_sets = {"rules.yaml": compile_rules(current.read_text(encoding="utf-8"), str(current))}
    old_text = Path(args.base_file).read_text(encoding="utf-8") if args.base_file else base_rules_text(args.base)
    if old_text is not None:
        rule_sets[f"{args.base}:rules.yaml"] = compile_rules(old_text, f"{args.base}:rules.yaml")
    figures = measure(rule_sets, texts, args.repeat)
    print(f"triage in-process, {len(texts):,} comments, best of {args.repeat} runs")
    for name, micros in figures.items():
        print(f"  {name:24} {micros:6.1f} us/comment")
    if old_text is None:
        print(f"  (no comparison: git or commit {args.base} is not available)")
        return 0
    ratio = figures["rules.yaml"] / figures[f"{args.base}:rules.yaml"]
    verdict = "OK" if ratio <= TARGET else "MISSED"
    print(f"target: rules.yaml <= {TARGET:.2f}x the rules of {args.base} ({ratio:.2f}x): {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
