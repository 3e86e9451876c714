"""Soak test: ``replykit batch`` on a million lines, 1% of them broken (issue #6).

Generates, in a temporary folder (never in the repository), a JSON-lines file
of realistic comments drawn with a fixed seed from ../shared/data (the same
way as bench/batch.py: ``text``, or ``customer_text`` for brand_replies_en,
with ``id``, ``likes``, ``shares`` and ``platform`` fields), in which exactly
1% of the lines (one in each block of 100, at a seeded place in the block) are
damaged in one of four ways:

- ``bad-json``: the record cut in the middle;
- ``no-text``: the comment under ``body`` instead of ``text``;
- ``bad-utf8``: a ``0xff`` byte inside the comment;
- ``huge``: a valid record over the per-line limit (``MAX_LINE_BYTES`` + 64 KiB).

The kinds take turns, except that huge lines are capped (``--max-huge``,
default 25, spread evenly over the file): 2,500 lines of 1.1 MB would add
2.7 GB to the file and to every run; their share goes to the three other kinds
in turn, so the number of damaged lines stays exactly ``lines // 100``. The
plan (which line, which kind) is printed and checked.

Then it runs ``replykit batch FILE --triage-only`` and checks:

1. one output line per input line, each complete JSON for its own line number;
2. an ``error`` entry exactly on the damaged lines, with the message of its kind;
3. exit code 1 (some records could not be used);
4. peak RSS (``getrusage(RUSAGE_CHILDREN)`` in a wrapper process, the
   largest of the parent and its workers) under 80 MiB, for ``--jobs 1`` and 2;
5. ``--jobs 2`` output byte-identical to ``--jobs 1``;
6. replies rendered on the first ``--replies-lines`` lines (default 100,000):
   the same counts and error lines;
7. ``replykit batch FILE | head -n 10``: ten lines, a documented exit code, no
   traceback on stderr;
8. SIGINT once some output is written (``--jobs 1`` and ``--jobs 2``): exit
   130, no traceback, every line written complete JSON, in order.

Prints a table of figures and PASS/FAIL per check; the exit status is 1 when
any check fails. Usage (from the repository root, or ``make soak``)::

    python bench/soak.py [--lines N] [--replies-lines N] [--max-huge N] [--seed N] [--python PATH]
"""

from __future__ import annotations

import argparse
import filecmp
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

import orjson

from replykit.batch.read import MAX_LINE_BYTES

sys.path.insert(0, str(Path(__file__).resolve().parent))
from batch import DATA, PLATFORMS, load, load_texts  # bench/batch.py, beside this file

KINDS = ("bad-json", "no-text", "bad-utf8", "huge")
# What the error entry of each kind says (src/replykit/batch/read.py).
MESSAGES = {"bad-json": "bad JSON", "no-text": "no 'text' field", "bad-utf8": "not valid UTF-8", "huge": "-byte limit"}
HUGE_BYTES = MAX_LINE_BYTES + 64 * 1024
MAX_HUGE = 25
MAX_MIB = 80.0
EXIT_CODES = {0, 1, 2, 3, 130}  # src/replykit/errors.py ExitCode

# Runs one command with its output in a file (kept for the checks) and writes
# what it measured as JSON to argv[1]: bench/batch.py's wrapper, minus the pipe.
WRAPPER = r"""
import json, resource, subprocess, sys, time
start = time.perf_counter()
with open(sys.argv[2], "wb") as out, open(sys.argv[3], "wb") as err:
    code = subprocess.call(sys.argv[4:], stdout=out, stderr=err, stdin=subprocess.DEVNULL)
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
peak_kib = peak / 1024 if sys.platform == "darwin" else peak
with open(sys.argv[1], "w") as result:
    json.dump({"code": code, "seconds": seconds, "peak_kib": peak_kib}, result)
"""


def corruption_plan(count: int, seed: int, max_huge: int = MAX_HUGE) -> dict[int, str]:
    """Line number -> kind of damage, for exactly ``count // 100`` lines, one per block of 100.

    The first line of each block is never damaged (the file starts with a good record).
    """
    rng = random.Random(seed)
    bad = count // 100
    huge = min(max_huge, (bad + 3) // 4)
    huge_blocks = {(2 * k + 1) * bad // (2 * huge) for k in range(huge)} if huge else set()
    others = [kind for kind in KINDS if kind != "huge"]
    plan, turn = {}, 0
    for block in range(bad):
        line = block * 100 + rng.randrange(2, 101)
        if block in huge_blocks:
            plan[line] = "huge"
        else:
            plan[line] = others[turn % len(others)]
            turn += 1
    return plan


def generate(path: Path, count: int, texts: list[str], seed: int, max_huge: int = MAX_HUGE) -> dict[int, str]:
    """Write ``count`` lines to ``path``, damaged as :func:`corruption_plan` says; return the plan."""
    plan = corruption_plan(count, seed, max_huge)
    rng = random.Random(seed + 1)
    with path.open("wb") as out:
        for number in range(1, count + 1):
            text = texts[rng.randrange(len(texts))]
            viral = rng.random() < 0.002
            record = {
                "id": f"c{number:07d}",
                "text": text,
                "likes": int(rng.expovariate(1 / 8)),
                "shares": rng.randint(500, 20_000) if viral else int(rng.expovariate(1 / 2)),
                "platform": rng.choice(PLATFORMS),
            }
            kind = plan.get(number)
            out.write(damage(record, kind) if kind else _line(record))
    return plan


def _line(record: dict[str, Any]) -> bytes:
    return (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8")


def damage(record: dict[str, Any], kind: str) -> bytes:
    """One damaged line (with its newline) made from a good record."""
    if kind == "bad-json":
        whole = json.dumps(record, ensure_ascii=False)
        return (whole[: len(whole) // 2] + "\n").encode("utf-8")  # cut the text, not a UTF-8 sequence
    if kind == "no-text":
        return _line({"body" if key == "text" else key: value for key, value in record.items()})
    if kind == "bad-utf8":
        return _line(record).replace(b'"text": "', b'"text": "\xff', 1)
    if kind == "huge":
        unit = record["text"].replace("\n", " ") + " "
        repeat = HUGE_BYTES // len(unit.encode("utf-8")) + 1
        line = _line({**record, "text": unit * repeat})
        assert len(line) > MAX_LINE_BYTES
        return line
    raise ValueError(f"unknown kind of damage: {kind}")


class Verdict(NamedTuple):
    """What an output file holds, against the plan."""

    lines: int
    errors: int
    problems: list[str]


def verify(output: Path, plan: dict[int, str], limit: int = 10) -> Verdict:
    """Read ``output`` (JSON lines): each line complete JSON for its own line number, an error
    entry exactly where ``plan`` damaged the input, with the message of its kind."""
    lines = errors = 0
    problems: list[str] = []
    with output.open("rb") as stream:
        for number, raw in enumerate(stream, 1):
            lines = number
            problem, is_error = check_line(number, raw, plan.get(number))
            errors += is_error
            if problem and len(problems) < limit:
                problems.append(problem)
    return Verdict(lines, errors, problems)


def check_line(number: int, raw: bytes, kind: str | None) -> tuple[str, bool]:
    """``(problem or "", whether it is an error entry)`` for output line ``number``."""
    if not raw.endswith(b"\n"):
        return f"output line {number} is cut short: {raw[:60]!r}", False
    try:
        entry = orjson.loads(raw)
    except orjson.JSONDecodeError:
        return f"output line {number} is not JSON: {raw[:60]!r}", False
    error = entry.get("error")
    if entry.get("line") != number:
        return f"output line {number} is the entry of input line {entry.get('line')}", error is not None
    if kind is None and error is not None:
        return f"line {number}: unexpected error {error!r}", True
    if kind is not None and (error is None or MESSAGES[kind] not in error):
        return f"line {number} ({kind}): expected an error with {MESSAGES[kind]!r}, got {error!r}", error is not None
    return "", error is not None


def measured(python: str, cmd: list[str], output: Path) -> dict[str, Any]:
    """Run ``cmd`` under the wrapper, its output in ``output``: code, seconds, peak MiB, stderr."""
    result_file, stderr_file = output.with_suffix(".result.json"), output.with_suffix(".stderr")
    env = {**os.environ, "NO_COLOR": "1"}
    subprocess.run([python, "-c", WRAPPER, str(result_file), str(output), str(stderr_file), *cmd], check=True, env=env)
    result: dict[str, Any] = json.loads(result_file.read_text())
    result["mib"] = result["peak_kib"] / 1024
    result["stderr"] = stderr_file.read_text("utf-8", "replace")
    return result


def head(cmd: list[str], lines: int = 10, timeout: float = 120) -> dict[str, Any]:
    """``cmd | head -n LINES``: what head printed, cmd's exit code and stderr, seconds."""
    start = time.perf_counter()
    producer = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)
    assert producer.stdout is not None and producer.stderr is not None
    reader = subprocess.Popen(["head", "-n", str(lines)], stdin=producer.stdout, stdout=subprocess.PIPE)
    producer.stdout.close()  # head alone holds the read end: when it leaves, writes fail
    printed, _ = reader.communicate(timeout=timeout)
    stderr = producer.stderr.read().decode("utf-8", "replace")
    code = producer.wait(timeout=timeout)
    return {"printed": printed, "code": code, "stderr": stderr, "seconds": time.perf_counter() - start}


def interrupt(cmd: list[str], output: Path, after_bytes: int, timeout: float = 120) -> dict[str, Any]:
    """Start ``cmd`` (output in ``output``), send SIGINT once it has written ``after_bytes``."""
    with output.open("wb") as out:
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)
        try:
            deadline = time.monotonic() + timeout
            while output.stat().st_size < after_bytes and proc.poll() is None and time.monotonic() < deadline:
                time.sleep(0.02)
            running = proc.poll() is None
            proc.send_signal(signal.SIGINT)
            _, stderr = proc.communicate(timeout=timeout)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
    return {"code": proc.returncode, "stderr": stderr.decode("utf-8", "replace"), "interrupted_running": running}


def no_traceback(stderr: str) -> bool:
    """No traceback, and every stderr line is one of replykit's own."""
    return "Traceback" not in stderr and all(line.startswith("replykit: error: ") for line in stderr.splitlines())


class Checks:
    """PASS/FAIL lines, printed as they come."""

    def __init__(self) -> None:
        self.failed: list[str] = []

    def __call__(self, name: str, ok: bool, detail: str = "") -> bool:
        if not ok:
            self.failed.append(name)
        print(f"  {'PASS' if ok else 'FAIL'}  {name}" + (f"  ({detail})" if detail else ""), flush=True)
        return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--lines", type=int, default=1_000_000, help="lines in the file (default 1,000,000)")
    parser.add_argument("--replies-lines", type=int, default=100_000, help="lines answered with replies (0: skip)")
    parser.add_argument("--max-huge", type=int, default=MAX_HUGE, help="most lines over the per-line limit")
    parser.add_argument("--seed", type=int, default=20261121)
    parser.add_argument("--data", default=str(DATA))
    parser.add_argument("--python", default=sys.executable)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="replykit-soak-") as tmp:
        return soak(args, Path(tmp))


def soak(args: argparse.Namespace, work: Path) -> int:
    started = time.perf_counter()
    replykit = [str(Path(args.python).parent / "replykit")]
    source = work / "comments.jsonl"
    plan = generate(source, args.lines, load_texts(Path(args.data)), args.seed, args.max_huge)
    kinds = {kind: sum(1 for k in plan.values() if k == kind) for kind in KINDS}
    print(
        f"replykit batch soak: {args.lines:,} lines ({source.stat().st_size / 2**20:,.0f} MiB), {len(plan):,} damaged "
        f"({', '.join(f'{n:,} {kind}' for kind, n in kinds.items())}), {os.cpu_count()} CPUs, load {load()}",
        flush=True,
    )
    check, rows = Checks(), []

    def batch_run(label: str, path: Path, options: list[str], lines: int) -> Path:
        output = work / f"out-{len(rows)}.jsonl"
        result = measured(args.python, [*replykit, "batch", str(path), *options], output)
        verdict = verify(output, plan)
        rows.append((label, verdict.lines, verdict.errors, result["seconds"], lines / result["seconds"], result["mib"]))
        expected_errors = sum(1 for line in plan if line <= lines)
        check(f"{label}: {lines:,} output lines", verdict.lines == lines, f"{verdict.lines:,}")
        detail = "; ".join([f"{verdict.errors:,}", *verdict.problems[:3]])
        ok = verdict.errors == expected_errors and not verdict.problems
        check(f"{label}: {expected_errors:,} error entries, on the damaged lines", ok, detail)
        check(f"{label}: exit code 1", result["code"] == 1, f"exit {result['code']}")
        check(f"{label}: no traceback on stderr", no_traceback(result["stderr"]))
        check(f"{label}: peak RSS < {MAX_MIB:.0f} MiB", result["mib"] < MAX_MIB, f"{result['mib']:.1f} MiB")
        return output

    jobs1 = batch_run("--triage-only --jobs 1", source, ["--triage-only"], args.lines)
    jobs2 = batch_run("--triage-only --jobs 2", source, ["--triage-only", "--jobs", "2"], args.lines)
    check("--jobs 2 output byte-identical to --jobs 1", filecmp.cmp(jobs1, jobs2, shallow=False))
    for output in (jobs1, jobs2):
        output.unlink()
    if args.replies_lines:
        subset, count = first_lines(source, work / "subset.jsonl", min(args.replies_lines, args.lines))
        batch_run(f"replies, first {count:,} lines", subset, [], count)
    check_head(check, [*replykit, "batch", str(source)])
    for jobs in ("1", "2"):
        check_sigint(check, [*replykit, "batch", str(source), "--triage-only", "--jobs", jobs], work, plan, jobs)
    print_table(rows)
    elapsed = time.perf_counter() - started
    print(f"\n(total {elapsed:.0f} s, load {load()} at the end)")
    if check.failed:
        print(f"FAIL: {len(check.failed)} check(s): {', '.join(check.failed)}")
        return 1
    print("PASS: every check")
    return 0


def first_lines(source: Path, target: Path, count: int) -> tuple[Path, int]:
    with source.open("rb") as lines, target.open("wb") as out:
        for number, line in enumerate(lines, 1):
            if number > count:
                break
            out.write(line)
    return target, count


def check_head(check: Callable[..., bool], cmd: list[str]) -> None:
    result = head(cmd)
    lines = result["printed"].splitlines()
    check("| head -n 10: ten complete lines", len(lines) == 10 and all(orjson.loads(line) for line in lines))
    check("| head -n 10: documented exit code", result["code"] in EXIT_CODES, f"exit {result['code']}")
    check("| head -n 10: no traceback on stderr", no_traceback(result["stderr"]), f"{result['seconds']:.1f} s")


def check_sigint(check: Callable[..., bool], cmd: list[str], work: Path, plan: dict[int, str], jobs: str) -> None:
    output = work / f"sigint-{jobs}.jsonl"
    result = interrupt(cmd, output, after_bytes=4 * 2**20)
    verdict = verify(output, plan)
    label = f"SIGINT, --jobs {jobs}"
    check(f"{label}: sent mid-run", result["interrupted_running"])
    check(f"{label}: exit 130", result["code"] == 130, f"exit {result['code']}, {verdict.lines:,} lines written")
    last = (result["stderr"].strip().splitlines() or [""])[-1]
    check(f"{label}: no traceback on stderr", no_traceback(result["stderr"]), last.removeprefix("replykit: error: "))
    check(f"{label}: every line written complete JSON, in order", not verdict.problems, "; ".join(verdict.problems[:3]))
    check(f"{label}: the count on stderr is the lines written", f"after {verdict.lines} records" in last)
    output.unlink()


def print_table(rows: list[tuple[str, int, int, float, float, float]]) -> None:
    print(f"\n{'run':34} {'lines':>11} {'errors':>8} {'seconds':>8} {'comments/s':>11} {'peak MiB':>9}")
    for label, lines, errors, seconds, rate, mib in rows:
        print(f"{label:34} {lines:11,} {errors:8,} {seconds:8.1f} {rate:11,.0f} {mib:9.1f}")


if __name__ == "__main__":
    sys.exit(main())
