"""Start-up benchmark: `replykit reply` as a whole process vs `python -c pass`.

Targets (issue #15): JSON output median <= 6x `python -c pass`, text output
<= 8x, measured in the same run, interleaved so that machine noise
hits every command alike. The first, cold run fills the rules and template
caches and is not counted, as for any user after their first call.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

COMMENT = "Commande jamais reçue, toujours pas remboursé, c'est honteux"


def commands(python: str) -> dict[str, list[str]]:
    script = str(Path(python).parent / "replykit")
    return {
        "python -c pass": [python, "-c", "pass"],
        "reply --format json": [script, "reply", "--text", COMMENT, "--format", "json"],
        "reply (text)": [script, "reply", "--text", COMMENT],
        "tree --format mermaid": [script, "tree", "--format", "mermaid"],
    }


def measure(cmds: dict[str, list[str]], runs: int) -> dict[str, float]:
    env = {**os.environ, "NO_COLOR": "1"}
    for cmd in cmds.values():  # warm the caches and the OS file cache
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=True)
    times: dict[str, list[float]] = {name: [] for name in cmds}
    for _ in range(runs):
        for name, cmd in cmds.items():
            start = time.perf_counter()
            subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=True)
            times[name].append(time.perf_counter() - start)
    return {name: statistics.median(values) * 1000 for name, values in times.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--python", default=sys.executable)
    args = parser.parse_args()
    medians = measure(commands(args.python), args.runs)
    base = medians["python -c pass"]
    print(f"start-up, median of {args.runs} runs (ms), ratio to `python -c pass`")
    for name, ms in medians.items():
        print(f"  {name:24} {ms:7.1f} ms  {ms / base:5.2f}x")
    json_ratio, text_ratio = medians["reply --format json"] / base, medians["reply (text)"] / base
    for name, ratio, target in (("json", json_ratio, 6), ("text", text_ratio, 8)):
        verdict = "OK" if ratio <= target else "MISSED"
        print(f"target: reply {name} <= {target}x `python -c pass` ({ratio:.2f}x): {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
