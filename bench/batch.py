"""Batch benchmark: `replykit batch` throughput and peak memory (issue #3).

Generates, in a temporary folder (never in the repository), a JSON-lines file
of realistic comments: lines drawn with a fixed seed from every data set in
../shared/data (their ``text`` field, ``customer_text`` for brand_replies_en;
French and English), with ``id``, ``likes``, ``shares`` and ``platform``
fields added. Then measures, in the same run:

1. baseline: reading and re-writing the same file with Python's ``json``
   module (``json.loads`` + ``json.dumps`` per line), comments/s;
2. ``replykit batch FILE``, replies rendered, one process: comments/s and its
   ratio to the baseline (target >= 25,000/s);
3. ``--triage-only``: comments/s (target >= 60,000/s);
4. ``--jobs 2`` against ``--jobs 1``, replies rendered (target >= 1.5x);
5. peak memory (max RSS) of the replykit process on the file and on a file
   five times longer (``--triage-only`` for the long one, to keep the run
   short), and the per-process peak with ``--jobs 2`` (target < 80 MiB);
6. the share of distinct texts in the generated files (a cache keyed on the
   text only helps as much as there are duplicates).

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
TARGETS = {"replies": 25_000.0, "triage": 60_000.0, "jobs": 1.5, "mib": 80.0}

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


def generate(path: Path, count: int, texts: list[str], seed: int) -> float:
    """Write ``count`` comments to ``path``; return the share of distinct texts."""
    rng = random.Random(seed)
    distinct: set[int] = set()
    with path.open("w", encoding="utf-8") as out:
        for number in range(1, count + 1):
            index = rng.randrange(len(texts))
            distinct.add(index)
            viral = rng.random() < 0.002
            record = {
                "id": f"c{number:07d}",
                "text": texts[index],
                "likes": int(rng.expovariate(1 / 8)),
                "shares": rng.randint(500, 20_000) if viral else int(rng.expovariate(1 / 2)),
                "platform": rng.choice(PLATFORMS),
            }
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    unique_texts = len({texts[i] for i in distinct})
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
    distinct = generate(main_file, lines, texts, args.seed)
    long_distinct = generate(long_file, long_lines, texts, args.seed + 1)
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
    ratio = full["rate"] / base["rate"]

    def mib(name: str, result: dict[str, Any]) -> tuple[str, str, str, str]:
        return name, f"{result['mib']:.1f} MiB", "< 80 MiB", verdict(result["mib"] < TARGETS["mib"])

    rows = [
        ("baseline (json module)", f"{base['rate']:,.0f}/s", "", ""),
        ("replies, 1 process", f"{full['rate']:,.0f}/s", ">= 25,000/s", verdict(full["rate"] >= TARGETS["replies"])),
        ("  ratio to the baseline", f"{ratio:.3f} (the baseline is {1 / ratio:.1f}x faster)", "", ""),
        ("--triage-only", f"{triage['rate']:,.0f}/s", ">= 60,000/s", verdict(triage["rate"] >= TARGETS["triage"])),
        ("--jobs 2 vs --jobs 1 (replies)", f"{speedup:.2f}x", ">= 1.5x", verdict(speedup >= TARGETS["jobs"])),
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
