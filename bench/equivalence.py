"""Equivalence check: the same outputs, byte for byte, before and after a change.

Runs one checkout of replykit (``--root``, default this repository; its
``src/`` is put first on the path of every process, so no install is needed
beyond the dependencies) over every comment of ../shared/data/*.jsonl (field
``text``, ``customer_text`` in brand_replies_en.jsonl) and records:

- ``suggest()`` JSON, in-process: every comment with the language detected,
  and every 7th comment with each language forced;
- ``replykit batch`` on each file: JSON lines with replies, CSV, and
  ``--triage-only`` with a JSON summary; a table on a small file;
- ``replykit lint`` on the shipped rules in every format, and ``--list``;
- ``replykit check --batch`` on the brand replies of brand_replies_en.jsonl
  (for every category and ``--private``), and ``check --text`` on a few of
  them in text and JSON;
- ``replykit eval --preset`` for the presets of bench/eval_all.py (text, json);
- ``replykit learn --preset complaints_en`` and ``replykit tree`` (text, mermaid);
- ``replykit reply`` as whole processes on a sample of comments, in text,
  markdown and JSON, through the fast path and through typer.

It writes a digest (per command and file: sha256 and counts) as JSON, and
keeps the raw outputs beside it (``DIGEST.d/``) to find what differs.

Usage (from the repository root; keep digests outside the repository)::

    python bench/equivalence.py run /tmp/equiv-base/digest.json [--root PATH] [--quick]
    python bench/equivalence.py diff /tmp/equiv-base/digest.json /tmp/equiv-new/digest.json

``diff`` exits 1 when any entry differs or is missing on one side.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
TEXT_FIELD = {"brand_replies_en.jsonl": "customer_text"}
PRESETS = {"complaints_en": "complaints_en.jsonl", "offensive_en": "offensive_en.jsonl",
           "offensive_fr": "offensive_fr.jsonl", "airline_en": "airline_en.jsonl"}  # fmt: skip
FORCED_EVERY = 7  # every 7th comment is also suggested with each language forced
REPLY_SAMPLE = 160  # comments answered by whole `replykit reply` processes, per format
ENV = {"NO_COLOR": "1", "COLUMNS": "100", "TERM": "dumb", "PYTHONHASHSEED": "random"}


def data_files(quick: bool) -> list[Path]:
    files = sorted(DATA.glob("*.jsonl"))
    return [f for f in files if not quick or f.stat().st_size < 400_000]


def texts(path: Path) -> Iterator[tuple[str, str]]:
    field = TEXT_FIELD.get(path.name, "text")
    with path.open(encoding="utf-8") as file:
        for number, line in enumerate(file, 1):
            if line.strip():
                record = json.loads(line)
                yield str(record.get("id", number)), record.get(field) or ""


class Recorder:
    """Collects the digest entries and keeps each raw output in ``folder``."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.entries: dict[str, dict[str, Any]] = {}
        folder.mkdir(parents=True, exist_ok=True)

    def add(self, key: str, data: bytes, count: int, **extra: Any) -> None:
        self.entries[key] = {"sha256": hashlib.sha256(data).hexdigest(), "count": count, "bytes": len(data), **extra}
        (self.folder / (key.replace("/", "__").replace(" ", "_") + ".out")).write_bytes(data)


def run_cli(root: Path, args: list[str], stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, **ENV, "PYTHONPATH": str(root / "src")}
    env.pop("REPLYKIT_RULES", None)
    env.pop("GITHUB_ACTIONS", None)
    return subprocess.run(
        [sys.executable, "-m", "replykit", *args], input=stdin, capture_output=True, cwd=root, env=env, check=False
    )


def cli_entry(rec: Recorder, key: str, proc: subprocess.CompletedProcess[bytes]) -> None:
    data = proc.stdout + b"\n--- stderr ---\n" + proc.stderr + f"\n--- exit {proc.returncode}\n".encode()
    rec.add(key, data, proc.stdout.count(b"\n"), exit=proc.returncode)


def suggest_all(root: Path, rec: Recorder, files: list[Path]) -> None:
    sys.path.insert(0, str(root / "src"))
    for name in [m for m in sys.modules if m == "replykit" or m.startswith("replykit.")]:
        del sys.modules[name]
    import replykit

    assert Path(replykit.__file__).resolve().is_relative_to((root / "src").resolve()), replykit.__file__
    rules = replykit.load_rules(root / "rules.yaml", use_cache=False)
    for path in files:
        out: list[str] = []
        forced: list[str] = []
        for index, (record_id, text) in enumerate(texts(path)):
            out.append(_suggest_line(replykit, rules, record_id, text, None))
            if index % FORCED_EVERY == 0:
                forced.extend(_suggest_line(replykit, rules, record_id, text, lang) for lang in ("en", "fr"))
        rec.add(f"suggest/{path.stem}", "\n".join(out).encode(), len(out))
        rec.add(f"suggest-forced/{path.stem}", "\n".join(forced).encode(), len(forced))


def _suggest_line(replykit: Any, rules: Any, record_id: str, text: str, lang: str | None) -> str:
    try:
        result = replykit.suggest(text, rules=rules, lang=lang, author="Sam", platform="x")
    except replykit.ReplykitError as exc:
        return json.dumps({"id": record_id, "error": str(exc), "exit": int(exc.exit_code)}, ensure_ascii=False)
    return json.dumps({"id": record_id, **result.to_dict()}, ensure_ascii=False, sort_keys=True)


def cli_jobs(root: Path, files: list[Path], quick: bool) -> list[tuple[str, list[str], bytes | None]]:
    jobs: list[tuple[str, list[str], bytes | None]] = []
    for path in files:
        field = ["--text-field", TEXT_FIELD.get(path.name, "text")]
        jobs += [
            (f"batch-jsonl/{path.stem}", ["batch", str(path), *field, "--format", "jsonl", "--no-summary"], None),
            (f"batch-csv/{path.stem}", ["batch", str(path), *field, "--format", "csv", "--no-summary"], None),
            (f"batch-triage/{path.stem}",
             ["batch", str(path), *field, "--triage-only", "--summary", "--summary-format", "json"], None),
        ]  # fmt: skip
    small = DATA / "absa_reviews_en.jsonl"
    jobs.append(("batch-table/absa_reviews_en", ["batch", str(small), "--format", "table", "--summary"], None))
    jobs.append(("batch-jobs2/absa_reviews_en", ["batch", str(small), "--jobs", "2", "--no-summary"], None))
    for fmt in ("text", "parsable", "json", "github"):
        jobs.append((f"lint/{fmt}", ["lint", "--rules", "rules.yaml", "--format", fmt], None))
    jobs.append(("lint/list", ["lint", "--list"], None))
    jobs.append(("lint/strict", ["lint", "--strict", "--format", "parsable"], None))
    for case in sorted(p for p in (root / "tests" / "cases").glob("*/*") if p.is_dir()):
        rel = str(case.relative_to(root))
        for fmt in ("parsable", "json"):
            jobs.append((f"lint-case/{case.parent.name}-{case.name}-{fmt}", ["lint", rel, "--format", fmt], None))
        if (case / "rules.yaml").is_file():
            args = ["reply", "--rules", f"{rel}/rules.yaml", "--text", "Where is my order? Nobody answers."]
            jobs.append((f"reply-case/{case.parent.name}-{case.name}", args, None))
    brand = DATA / "brand_replies_en.jsonl"
    for category in ("none", "complaint", "question", "moderation"):
        args = ["check", "--batch", str(brand), "--text-field", "brand_reply", "--for", category]
        jobs.append((f"check-batch/{category}", args, None))
    jobs.append(("check-batch/private", ["check", "--batch", str(brand), "--text-field", "brand_reply", "--private"],
                 None))  # fmt: skip
    drafts = [text for _, text in _field_values(brand, "brand_reply")][::37]
    drafts += ["Calm down, it's not our fault!! Send us your phone number.", "CALMEZ-VOUS, ce n'est pas notre faute !!"]
    for index, draft in enumerate(drafts):
        fmt = "json" if index % 2 else "text"
        jobs.append(
            (f"check-text/{index:03d}", ["check", "--text", draft, "--format", fmt, "--for", "complaint"], None)
        )
    if not quick:
        for preset, file in PRESETS.items():
            for fmt in ("text", "json"):
                args = ["eval", str(DATA / file), "--preset", preset, "--format", fmt, "--errors", "25"]
                jobs.append((f"eval/{preset}-{fmt}", args, None))
        jobs.append(("learn/complaints_en", ["learn", str(DATA / "complaints_en.jsonl"), "--preset", "complaints_en",
                                             "--format", "json"], None))  # fmt: skip
    for fmt in ("text", "mermaid"):
        jobs.append((f"tree/{fmt}", ["tree", "--format", fmt], None))
    jobs += reply_jobs(files)
    return jobs


def _field_values(path: Path, field: str) -> Iterator[tuple[int, str]]:
    with path.open(encoding="utf-8") as file:
        for number, line in enumerate(file, 1):
            value = json.loads(line).get(field)
            if isinstance(value, str) and value.strip():
                yield number, value


def reply_jobs(files: list[Path]) -> list[tuple[str, list[str], bytes | None]]:
    pool = [(path.stem, rid, text) for path in files for rid, text in texts(path)]
    step = max(1, len(pool) // REPLY_SAMPLE)
    sample = pool[::step][:REPLY_SAMPLE]
    platforms = ("", "x", "facebook", "instagram", "mastodon")
    jobs: list[tuple[str, list[str], bytes | None]] = []
    for index, (stem, rid, text) in enumerate(sample):
        extra = ["--platform", platforms[index % len(platforms)]] if index % 3 else []
        extra += ["--author", "Julie"] if index % 4 == 1 else []
        extra += ["--lang", ("en", "fr")[index % 2]] if index % 11 == 5 else []
        extra += ["--color", "never"] if index % 5 == 2 else []
        for fmt in ("text", "markdown", "json"):
            key = f"reply-{fmt}/{index:03d}-{stem}-{rid}"
            if index % 6 == 0:  # through stdin
                jobs.append((key, ["reply", "-", "--format", fmt, *extra], text.encode()))
            elif index % 6 == 3:  # an option the fast path leaves to typer
                jobs.append((key, ["reply", "--text", text, "--format", fmt, "--edit", *extra], None))
            else:
                jobs.append((key, ["reply", "--text", text, "--format", fmt, *extra], None))
    return jobs


def run(args: argparse.Namespace) -> int:
    root = Path(args.root).resolve()
    digest = Path(args.digest).resolve()
    rec = Recorder(digest.with_suffix(".d"))
    files = data_files(args.quick)
    start = time.perf_counter()
    jobs = cli_jobs(root, files, args.quick)
    env_editor = os.environ.get("EDITOR")
    os.environ["EDITOR"] = os.environ["VISUAL"] = "true"  # --edit keeps the suggested reply unchanged
    with ThreadPoolExecutor(max_workers=args.workers) as pool:
        futures = [(key, pool.submit(run_cli, root, cli_args, stdin)) for key, cli_args, stdin in jobs]
        suggest_all(root, rec, files)
        for key, future in futures:
            cli_entry(rec, key, future.result())
    if env_editor is not None:
        os.environ["EDITOR"] = env_editor
    refs = _case_refs(rec.folder)
    document = {"root": str(root), "quick": args.quick, "files": [f.name for f in files], "case_refs": refs,
                "seconds": round(time.perf_counter() - start, 1), "entries": rec.entries}  # fmt: skip
    digest.write_text(json.dumps(document, indent=1, sort_keys=True) + "\n")
    print(f"{len(rec.entries)} entries, {document['seconds']} s -> {digest}")
    return 0


def _case_refs(folder: Path) -> dict[str, Any]:
    """How many distinct case references the suggest outputs hold, and a hash of them in order."""
    refs: list[str] = []
    for path in sorted(folder.glob("suggest__*.out")):
        for line in path.read_text().splitlines():
            refs.append(json.loads(line).get("case_ref", ""))
    return {
        "count": len(refs),
        "distinct": len(set(refs)),
        "sha256": hashlib.sha256("\n".join(refs).encode()).hexdigest(),
    }


def diff(args: argparse.Namespace) -> int:
    old, new = (json.loads(Path(p).read_text()) for p in (args.old, args.new))
    bad = 0
    for key in sorted(set(old["entries"]) | set(new["entries"])):
        a, b = old["entries"].get(key), new["entries"].get(key)
        if a is None or b is None:
            print(f"{'only in old' if b is None else 'only in new'}: {key}")
            bad += 1
        elif a["sha256"] != b["sha256"]:
            print(f"differs: {key} (count {a['count']} -> {b['count']}, bytes {a['bytes']} -> {b['bytes']})")
            bad += 1
    if old["case_refs"] != new["case_refs"]:
        print(f"case references differ: {old['case_refs']} -> {new['case_refs']}")
        bad += 1
    total = len(set(old["entries"]) | set(new["entries"]))
    print(f"{total - bad} of {total} entries identical" + ("" if bad else ": EQUIVALENT"))
    return 1 if bad else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    run_parser = sub.add_parser("run", help="run a checkout and write its digest")
    run_parser.add_argument("digest")
    run_parser.add_argument("--root", default=str(ROOT), help="the checkout to run (default: this one)")
    run_parser.add_argument("--quick", action="store_true", help="small data files only, no eval or learn")
    run_parser.add_argument("--workers", type=int, default=2, help="CLI processes at a time")
    diff_parser = sub.add_parser("diff", help="compare two digests")
    diff_parser.add_argument("old")
    diff_parser.add_argument("new")
    args = parser.parse_args(argv)
    command: Callable[[argparse.Namespace], int] = run if args.command == "run" else diff
    return command(args)


if __name__ == "__main__":
    sys.exit(main())
