"""The golden routing suite (issue 12): ``replykit eval`` on tests/cases/routing/.

Usage (from the repository root)::

    python bench/routing_suite.py [SUITE_DIR] [--rules FILE] [--errors N]

It is ``replykit eval SUITE_DIR --errors N`` with this repository's suite as
the default: pass rates overall, per invariant (N1-N7, docs/rules.md), per
language and per trade, then the failing cases. The suite format is
documented in ``replykit.measure.suite``. Exit status: 0 all pass, 1 some case
fails, 2 a malformed suite or rules file.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SUITE = ROOT / "tests" / "cases" / "routing"


def replykit() -> list[str]:
    exe = Path(sys.executable).with_name("replykit")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "replykit"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("suite", nargs="?", default=str(DEFAULT_SUITE), help="folder of TRADE.LANG.yaml case files")
    parser.add_argument("--rules", help="rules file to run (default: the installed replykit's rules)")
    parser.add_argument("--errors", type=int, default=1000, help="failing cases to print")
    args = parser.parse_args(argv)
    cmd = [*replykit(), "eval", args.suite, "--errors", str(args.errors)]
    return subprocess.call(cmd + (["--rules", args.rules] if args.rules else []))


if __name__ == "__main__":
    sys.exit(main())
