"""The golden routing suite (issue 12, item 5): hand-written comments with the
routing a business owner expects, run through ``replykit batch`` in one process.

Usage (from the repository root)::

    python bench/routing_suite.py [SUITE_DIR] [--rules FILE] [--replykit CMD] [--verbose]

SUITE_DIR defaults to ``tests/cases/routing``. Every ``*.yaml`` file in it is a
list of cases; the file name gives the trade and the language
(``bakery.fr.yaml``: trade ``bakery``, language ``fr``). A case::

    - id: bakery-fr-cake-late          # unique across the suite, kebab-case
      text: "Le gâteau d'anniversaire est arrivé en retard, la fête était finie."
      stars: 2                          # optional, 1-5, passed to the rules as a field
      expect: {category: complaint, option: 1, escalate: false}
      invariant: N2                     # N1..N7 or none
      why: "'retard' is a delay, not an insult (O2.2)"

``category`` may be a list when two answers are both right for a business;
``option`` may then be a list too (``general`` is option 1 or 2 in the default
rules). ``option`` is 1, 2 or ``none`` (praise, other).

Prints the pass rate overall, per invariant, per language and per trade, then
every failing case (id, text, expected, got, and the tree path that decided).
Exit status: 0 all pass, 1 some case fails, 2 a malformed case or suite, or
replykit could not run.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shlex
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SUITE = ROOT / "tests" / "cases" / "routing"
CATEGORIES = {"complaint", "question", "general", "inappropriate", "praise", "other"}
INVARIANTS = ("N1", "N2", "N3", "N4", "N5", "N6", "N7", "none")
REQUIRED = ("id", "text", "expect", "invariant", "why")
ALLOWED = set(REQUIRED) | {"stars"}
ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
FILE_RE = re.compile(r"^(?P<trade>[a-z0-9_-]+)\.(?P<lang>en|fr)\.yaml$")


class SuiteError(Exception):
    """A malformed suite file or case: reported with its file and index, exit 2."""


def parse_suite_file(path: Path) -> list[dict]:
    """A YAML list of cases (read with PyYAML's safe loader)."""
    import yaml

    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise SuiteError(f"{path.name}: not valid YAML: {exc}") from None
    if not isinstance(data, list) or not all(isinstance(case, dict) for case in data):
        raise SuiteError(f"{path.name}: expected a list of cases (mappings)")
    return data


# ---------------------------------------------------------------- the suite
def _as_set(value, name: str, where: str, allowed) -> tuple:
    values = value if isinstance(value, list) else [value]
    if not values:
        raise SuiteError(f"{where}: expect.{name} is an empty list")
    for v in values:
        if v not in allowed:
            raise SuiteError(f"{where}: expect.{name} {v!r} is not one of {sorted(map(str, allowed))}")
    return tuple(values)


def load_suite(folder: Path) -> list[dict]:
    files = sorted(folder.glob("*.yaml"))
    if not files:
        raise SuiteError(f"{folder}: no *.yaml case files")
    cases, seen = [], {}
    for path in files:
        fm = FILE_RE.match(path.name)
        if not fm:
            raise SuiteError(f"{path.name}: the file name must be TRADE.LANG.yaml (LANG en or fr)")
        raw = parse_suite_file(path)
        if not raw:
            raise SuiteError(f"{path.name}: no cases")
        for index, case in enumerate(raw):
            where = f"{path.name} case #{index} ({case.get('id', 'no id')})"
            missing = [k for k in REQUIRED if k not in case or case[k] in (None, "")]
            if missing:
                raise SuiteError(f"{where}: missing {', '.join(missing)}")
            extra = set(case) - ALLOWED
            if extra:
                raise SuiteError(f"{where}: unknown keys {', '.join(sorted(extra))}")
            cid = case["id"]
            if not isinstance(cid, str) or not ID_RE.match(cid):
                raise SuiteError(f"{where}: the id must be kebab-case")
            if cid in seen:
                raise SuiteError(f"{where}: id '{cid}' already used in {seen[cid]}")
            seen[cid] = path.name
            if not isinstance(case["text"], str) or not case["text"].strip():
                raise SuiteError(f"{where}: text must be a non-empty string")
            stars = case.get("stars")
            bad_stars = not isinstance(stars, int) or isinstance(stars, bool) or not 1 <= stars <= 5
            if stars is not None and bad_stars:
                raise SuiteError(f"{where}: stars must be an integer from 1 to 5")
            if case["invariant"] not in INVARIANTS:
                raise SuiteError(f"{where}: invariant must be one of {', '.join(INVARIANTS)}")
            exp = case["expect"]
            if not isinstance(exp, dict) or set(exp) != {"category", "option", "escalate"}:
                raise SuiteError(f"{where}: expect must be {{category, option, escalate}}")
            cats = _as_set(exp["category"], "category", where, CATEGORIES)
            option = exp["option"]
            option = (
                [None if o == "none" else o for o in option]
                if isinstance(option, list)
                else (None if option == "none" else option)
            )
            opts = _as_set(option, "option", where, {1, 2, None})
            if len(opts) > 1 and len(cats) == 1:
                raise SuiteError(f"{where}: a list of options needs a list of categories")
            if not isinstance(exp["escalate"], bool):
                raise SuiteError(f"{where}: expect.escalate must be true or false")
            cases.append(
                {
                    "id": cid,
                    "text": case["text"],
                    "stars": stars,
                    "file": path.name,
                    "index": index,
                    "trade": fm["trade"],
                    "lang": fm["lang"],
                    "invariant": case["invariant"],
                    "why": case["why"],
                    "cats": cats,
                    "opts": opts,
                    "escalate": exp["escalate"],
                }
            )
    return cases


def replykit_cmd(override: str | None) -> list[str]:
    if override:
        return shlex.split(override)
    exe = Path(sys.executable).with_name("replykit")
    if exe.exists():
        return [str(exe)]
    venv = ROOT / ".venv" / "bin" / "replykit"
    if venv.exists():
        return [str(venv)]
    return [sys.executable, "-m", "replykit"]


def run_batch(cases: list[dict], cmd: list[str], rules: str | None) -> dict[str, dict]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "routing_suite.jsonl"
        with path.open("w", encoding="utf-8") as fh:
            for c in cases:
                rec = {"id": c["id"], "text": c["text"]}
                if c["stars"] is not None:
                    rec["stars"] = c["stars"]
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
        argv = [*cmd, "batch", str(path), "--format", "jsonl", "--triage-only", "--no-summary"]
        if rules:
            argv += ["--rules", rules]
        env = dict(os.environ, NO_COLOR="1")
        proc = subprocess.run(argv, capture_output=True, text=True, encoding="utf-8", env=env)
    if proc.returncode not in (0, 1) or not proc.stdout.strip():
        sys.stderr.write(proc.stderr)
        raise RuntimeError(f"replykit batch exited with status {proc.returncode}: {shlex.join(argv)}")
    out = {}
    for line in proc.stdout.splitlines():
        if line.strip():
            entry = json.loads(line)
            out[entry.get("id")] = entry
    return out


def _fmt(values: tuple) -> str:
    shown = ["none" if v is None else str(v) for v in values]
    return shown[0] if len(shown) == 1 else "[" + "|".join(shown) + "]"


def _path_summary(entry: dict) -> str:
    steps = []
    for step in entry.get("path", []):
        if step.get("result"):
            matched = "; ".join(f"{k}={','.join(map(str, v))}" for k, v in (step.get("matched") or {}).items())
            steps.append(f"{step['node']}" + (f"({matched})" if matched else ""))
    return " > ".join(steps) + f" => {entry.get('outcome')}"


def _rate_table(title: str, groups: dict[str, list[bool]], order=None) -> None:
    print(f"\n{title}")
    keys = order if order else sorted(groups)
    for key in keys:
        if key not in groups:
            continue
        results = groups[key]
        ok = sum(results)
        print(f"  {key:<14} {ok:>4}/{len(results):<4} {100 * ok / len(results):5.1f}%")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("suite", nargs="?", default=str(DEFAULT_SUITE), help="folder of *.LANG.yaml case files")
    parser.add_argument("--rules", help="rules file to run (default: the installed replykit's rules)")
    parser.add_argument("--replykit", help="command that runs replykit (default: next to this Python, or .venv)")
    parser.add_argument("--verbose", "-v", action="store_true", help="print each failing case's why")
    args = parser.parse_args(argv)

    try:
        cases = load_suite(Path(args.suite))
    except (SuiteError, OSError, UnicodeDecodeError) as exc:
        print(f"routing_suite: malformed suite: {exc}", file=sys.stderr)
        return 2
    try:
        results = run_batch(cases, replykit_cmd(args.replykit), args.rules)
    except (RuntimeError, OSError, json.JSONDecodeError) as exc:
        print(f"routing_suite: {exc}", file=sys.stderr)
        return 2

    by_inv, by_lang, by_trade = defaultdict(list), defaultdict(list), defaultdict(list)
    by_inv_lang: dict[tuple[str, str], list[bool]] = defaultdict(list)
    failures = []
    for c in cases:
        got = results.get(c["id"])
        if got is None or "error" in got:
            ok = False
            got_desc = f"error: {got.get('error') if got else 'no output record'}"
        else:
            ok = got["category"] in c["cats"] and got["option"] in c["opts"] and bool(got["escalate"]) == c["escalate"]
            got_desc = (
                f"{got['category']}/{'none' if got['option'] is None else got['option']}"
                f"/{'escalate' if got['escalate'] else 'no-escalate'} ({got.get('lang')})"
            )
        for groups, key in ((by_inv, c["invariant"]), (by_lang, c["lang"]), (by_trade, c["trade"])):
            groups[key].append(ok)
        by_inv_lang[(c["invariant"], c["lang"])].append(ok)
        if not ok:
            failures.append((c, got, got_desc))

    total = len(cases)
    passed = total - len(failures)
    print(f"routing suite: {args.suite}")
    print(f"overall        {passed:>4}/{total:<4} {100 * passed / total:5.1f}%")
    _rate_table("per invariant", by_inv, INVARIANTS)
    langs = sorted(by_lang)
    print("\nper invariant and language")
    print("  " + " " * 14 + "".join(f"{lang:>16}" for lang in langs))
    for inv in INVARIANTS:
        cells = []
        for lang in langs:
            res = by_inv_lang.get((inv, lang))
            cells.append(f"{sum(res):>4}/{len(res):<4}{100 * sum(res) / len(res):5.1f}%" if res else f"{'-':>16}")
        if any(by_inv_lang.get((inv, lang)) for lang in langs):
            print(f"  {inv:<14}" + "".join(f"{c:>16}" for c in cells))
    _rate_table("per language", by_lang)
    _rate_table("per trade", by_trade)
    if failures:
        print(f"\nfailing cases ({len(failures)})")
        for c, got, got_desc in failures:
            stars = f" [{c['stars']}*]" if c["stars"] is not None else ""
            exp = f"{_fmt(c['cats'])}/{_fmt(c['opts'])}/{'escalate' if c['escalate'] else 'no-escalate'}"
            print(f"- {c['id']} ({c['invariant']}, {c['file']}#{c['index']}){stars}")
            print(f"    text:     {c['text']}")
            print(f"    expected: {exp}")
            print(f"    got:      {got_desc}")
            if got and "error" not in got:
                print(f"    path:     {_path_summary(got)}")
            if args.verbose:
                print(f"    why:      {c['why']}")
    return 1 if failures else 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:  # piped into head: end quietly
        sys.stderr.close()
        sys.exit(1)
