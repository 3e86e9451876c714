"""Batch benchmark: `replykit batch` throughput and peak memory (issues #3 and #15).

Generates, in a temporary folder (never in the repository), a JSON-lines file
of realistic comments: lines drawn with a fixed seed from every data set in
../shared/data (their ``text`` field, ``customer_text`` for brand_replies_en;
French and English), with ``id``, ``likes``, ``shares`` and ``platform``
fields added. Then measures, in the same run:

1. baseline: reading and re-writing the same file with Python's ``json``
   module (``json.loads`` + ``json.dumps`` per line), comments/s;
2. ``replykit batch FILE``, replies rendered, one process: comments/s and its
   ratio to the baseline (target >= 0.15x);
3. ``--triage-only``: its ratio to the baseline (target >= 0.35x);
4. ``--jobs 2`` against ``--jobs 1``, replies rendered (target >= 1.7x);
5. peak memory (max RSS) of the replykit process on the file and on a file
   five times longer (``--triage-only`` for the long one, to keep the run
   short), and the per-process peak with ``--jobs 2`` (target < 80 MiB);
6. the share of distinct texts in the generated files: batch answers a comment
   that comes back from memory (``batch/memo.py``), so the figures depend on
   it; ``--distinct`` makes every comment unique (a line number appended), to
   measure the cost of comments never seen before.

Targets are ratios to the baseline measured in the same run, so that machine
noise cancels (issue #15).

Every command is a whole process, as a user runs it, started by a fresh
wrapper process that times it, counts its output lines through a pipe (one
output line per input line, or the run is reported as broken) and reads its
peak RSS from ``getrusage(RUSAGE_CHILDREN)`` (with ``--jobs 2`` the largest of
the parent and its workers). A warm-up run fills the rules cache first, as for
any user after their first call.

Missed targets print MISSED; the exit status is non-zero only when a command
crashes or loses records.

Usage (from the repository root)::

    python bench/batch.py [--quick] [--lines N] [--long-lines N] [--seed N] [--python PATH]

``--quick`` shrinks the files to 20,000 and 100,000 lines for a smoke run.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
PLATFORMS = ("facebook", "facebook", "instagram", "x", "x", "google", "linkedin", "threads", "")
TARGETS = {"replies": 0.15, "triage": 0.35, "jobs": 1.7, "mib": 80.0}  # ratios to the baseline, x, MiB

# Runs one command, stdout through a pipe, and writes what it measured as JSON to argv[1].
WRAPPER = r"""
import json, os, resource, subprocess, sys, time
start = time.perf_counter()
proc = subprocess.Popen(sys.argv[3:], stdout=subprocess.PIPE, stderr=open(sys.argv[2], "wb"))
lines = 0
while chunk := os.read(proc.stdout.fileno(), 1 << 20):
    lines += chunk.count(b"\n")
code = proc.wait()
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
peak_kib = peak / 1024 if sys.platform == "darwin" else peak
with open(sys.argv[1], "w") as out:
    json.dump({"code": code, "seconds": seconds, "lines": lines, "peak_kib": peak_kib}, out)
"""

# The baseline: read and re-write every line with the json module.
BASELINE = r"""
import json, sys
write = sys.stdout.write
with open(sys.argv[1], encoding="utf-8") as lines:
    for line in lines:
        write(json.dumps(json.loads(line), ensure_ascii=False) + "\n")
"""


class Crash(Exception):
    """A command failed or lost records: the benchmark itself is broken."""


def load_texts(data: Path) -> list[str]:
    texts = []
    for path in sorted(data.glob("*.jsonl")):
        with path.open(encoding="utf-8") as lines:
            for line in lines:
                record = json.loads(line)
                text = record.get("text") or record.get("customer_text")
                if isinstance(text, str) and text.strip():
                    texts.append(text)
    if not texts:
        raise Crash(f"no comments found in {data}/*.jsonl")
    return texts


def generate(path: Path, count: int, texts: list[str], seed: int, unique: bool = False) -> float:
    """Write ``count`` comments to ``path``; return the share of distinct texts.

    ``unique``: each text gets its line number appended, so none comes twice.
    """
    rng = random.Random(seed)
    distinct: set[int] = set()
    with path.open("w", encoding="utf-8") as out:
        for number in range(1, count + 1):
            index = rng.randrange(len(texts))
            distinct.add(index)
            viral = rng.random() < 0.002
            record = {
                "id": f"c{number:07d}",
                "text": f"{texts[index]} ({number})" if unique else texts[index],
                "likes": int(rng.expovariate(1 / 8)),
                "shares": rng.randint(500, 20_000) if viral else int(rng.expovariate(1 / 2)),
                "platform": rng.choice(PLATFORMS),
            }
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    unique_texts = count if unique else len({texts[i] for i in distinct})
    return unique_texts / count


def run(python: str, cmd: list[str], work: Path, expected_lines: int) -> dict[str, Any]:
    """Run ``cmd`` under the wrapper; raise Crash when it fails or loses records."""
    result_file, stderr_file = work / "result.json", work / "stderr.txt"
    env = {**os.environ, "NO_COLOR": "1"}
    wrapper = [python, "-c", WRAPPER, str(result_file), str(stderr_file), *cmd]
    subprocess.run(wrapper, check=True, env=env, stdin=subprocess.DEVNULL)
    result: dict[str, Any] = json.loads(result_file.read_text())
    if result["code"] != 0 or result["lines"] != expected_lines:
        errors = stderr_file.read_text("utf-8", "replace")[-2000:]
        raise Crash(
            f"{' '.join(cmd[:1] + cmd[2:])}: exit {result['code']}, "
            f"{result['lines']:,} output lines for {expected_lines:,} records\n{errors}"
        )
    result["mib"] = result["peak_kib"] / 1024
    return result


def load() -> str:
    """The 1-minute load average: other work on the machine skews every figure."""
    return f"{os.getloadavg()[0]:.2f}" if hasattr(os, "getloadavg") else "?"


def verdict(ok: bool) -> str:
    return "OK" if ok else "MISSED"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="20,000 and 100,000 lines (a smoke run)")
    parser.add_argument("--lines", type=int, help="comments in the main file (default 200,000)")
    parser.add_argument("--long-lines", type=int, help="comments in the long file (default 1,000,000)")
    parser.add_argument("--seed", type=int, default=20261121)
    parser.add_argument("--data", default=str(DATA))
    parser.add_argument("--python", default=sys.executable)
    parser.add_argument("--distinct", action="store_true", help="no comment comes twice (each text made unique)")
    args = parser.parse_args()
    lines = args.lines or (20_000 if args.quick else 200_000)
    long_lines = args.long_lines or (100_000 if args.quick else 1_000_000)
    script = str(Path(args.python).parent / "replykit")
    try:
        with tempfile.TemporaryDirectory(prefix="replykit-bench-") as tmp:
            return measure(args, script, Path(tmp), lines, long_lines)
    except (Crash, subprocess.CalledProcessError, OSError) as exc:
        print(f"bench/batch.py: crash: {exc}", file=sys.stderr)
        return 1


def measure(args: argparse.Namespace, script: str, work: Path, lines: int, long_lines: int) -> int:
    started = time.perf_counter()
    texts = load_texts(Path(args.data))
    main_file, long_file, warm_file = work / "comments.jsonl", work / "long.jsonl", work / "warm.jsonl"
    distinct = generate(main_file, lines, texts, args.seed, args.distinct)
    long_distinct = generate(long_file, long_lines, texts, args.seed + 1, args.distinct)
    generate(warm_file, 100, texts, args.seed + 2)
    print(
        f"replykit batch on {lines:,} generated comments from {len(texts):,} source lines "
        f"({main_file.stat().st_size / 2**20:.0f} MiB), {os.cpu_count()} CPUs, load {load()}",
        flush=True,
    )

    def step(label: str, cmd: list[str], count: int) -> dict[str, Any]:
        result = run(args.python, cmd, work, count)
        rate = count / result["seconds"]
        seconds, peak = result["seconds"], result["mib"]
        print(f"  {label:38} {seconds:7.1f} s {rate:9,.0f} comments/s  peak {peak:5.1f} MiB", flush=True)
        result["rate"] = rate
        return result

    run(args.python, [script, "batch", str(warm_file)], work, 100)  # fills the rules and template caches
    base = step("baseline json.loads + json.dumps", [args.python, "-c", BASELINE, str(main_file)], lines)
    full = step("batch, replies, --jobs 1", [script, "batch", str(main_file)], lines)
    triage = step("batch --triage-only", [script, "batch", str(main_file), "--triage-only"], lines)
    jobs2 = step("batch, replies, --jobs 2", [script, "batch", str(main_file), "--jobs", "2"], lines)
    long_cmd = [script, "batch", str(long_file), "--triage-only"]
    long = step(f"batch --triage-only, {long_lines:,} lines", long_cmd, long_lines)

    speedup = jobs2["rate"] / full["rate"]

    def mib(name: str, result: dict[str, Any]) -> tuple[str, str, str, str]:
        return name, f"{result['mib']:.1f} MiB", "< 80 MiB", verdict(result["mib"] < TARGETS["mib"])

    def to_base(name: str, rate: float, target: float) -> tuple[str, str, str, str]:
        return (
            name,
            f"{rate / base['rate']:.3f}x ({rate:,.0f}/s)",
            f">= {target:.2f}x",
            verdict(rate / base["rate"] >= target),
        )

    rows = [
        ("baseline (json module)", f"{base['rate']:,.0f}/s", "", ""),
        to_base("replies, 1 process", full["rate"], TARGETS["replies"]),
        to_base("--triage-only", triage["rate"], TARGETS["triage"]),
        (
            "--jobs 2 vs --jobs 1 (replies)",
            f"{speedup:.2f}x",
            f">= {TARGETS['jobs']:.1f}x",
            verdict(speedup >= TARGETS["jobs"]),
        ),
        mib(f"peak RSS, replies, {lines:,}", full),
        mib(f"peak RSS, --triage-only, {lines:,}", triage),
        mib(f"peak RSS, --triage-only, {long_lines:,}", long),
        mib("peak RSS, --jobs 2, largest process", jobs2),
        (f"distinct texts, {lines:,} lines", f"{distinct:.1%}", "", ""),
        (f"distinct texts, {long_lines:,} lines", f"{long_distinct:.1%}", "", ""),
    ]
    print()
    print(f"{'measure':38} {'value':40} {'target':12} result")
    for name, value, target, result in rows:
        print(f"{name:38} {value:40} {target:12} {result}".rstrip())
    elapsed = time.perf_counter() - started
    print(f"\n(total {elapsed:.0f} s, load {load()} at the end; every run wrote one output line per input line)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
