"""Measure how well rules.yaml routes real comments (issue #2, targets in #5).

Runs the decision tree over the public research data in ../shared/data (JSON
lines; never copied into the repository) and prints one table per measure:

* complaints_en   gold ``complaint`` vs predicted category in {complaint, general}
* offensive_en/fr gold ``offensive`` vs predicted category == inappropriate
* airline_en      negative tweets with a known reason -> complaint or question;
                  positive tweets -> praise
* escalate rate   share of non-complaints routed to an escalating outcome
* telecom_fr, sentiment_fr, brand_replies_en: category distributions (no gold)

Usage (from the repository root)::

    python bench/quality.py [DATA_DIR] [--rules rules.yaml] [--errors N]
                            [--only complaints_en,offensive_fr] [--lang detect|data]

``--lang detect`` (the default) lets replykit guess the language as the CLI
does; ``--lang data`` forces the language recorded in the data set, to tell
rule problems from language-detection problems. ``--errors N`` prints N
misrouted comments per error kind with the path they took through the tree.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
os.environ.setdefault("REPLYKIT_NO_CACHE", "1")
try:
    from replykit.rules.load import load_rules
    from replykit.triage.walk import Triage, triage
except ImportError:  # running from a source checkout without an install
    sys.path.insert(0, str(ROOT / "src"))
    from replykit.rules.load import load_rules
    from replykit.triage.walk import Triage, triage

COMPLAINT_LIKE = {"complaint", "general"}
CATEGORIES = ("complaint", "question", "general", "inappropriate", "praise", "other")


@dataclass
class Binary:
    """Counts for a two-class task; ``pos`` is the class of interest."""

    name: str
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    def add(self, gold: bool, pred: bool) -> None:
        if gold and pred:
            self.tp += 1
        elif pred:
            self.fp += 1
        elif gold:
            self.fn += 1
        else:
            self.tn += 1

    @staticmethod
    def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f

    def pos(self) -> tuple[float, float, float]:
        return self._prf(self.tp, self.fp, self.fn)

    def neg(self) -> tuple[float, float, float]:
        return self._prf(self.tn, self.fn, self.fp)

    def macro_f1(self) -> float:
        return (self.pos()[2] + self.neg()[2]) / 2

    def accuracy(self) -> float:
        total = self.tp + self.fp + self.fn + self.tn
        return (self.tp + self.tn) / total if total else 0.0


@dataclass
class Result:
    """Everything measured on one data set."""

    name: str
    n: int = 0
    binary: Binary | None = None
    rates: dict[str, tuple[int, int]] = field(default_factory=dict)  # label -> (hits, total)
    categories: Counter[str] = field(default_factory=Counter)
    escalate: tuple[int, int] = (0, 0)  # escalated non-complaints, non-complaints
    lang_ok: tuple[int, int] = (0, 0)
    errors: dict[str, list[tuple[dict[str, Any], Triage]]] = field(default_factory=dict)


# ---- data sets -------------------------------------------------------------
# Each returns, for one record: (gold: bool | None, is_complaint: bool | None).
# ``gold`` feeds the binary measure, ``is_complaint`` the escalate measure
# (None: the record is not counted there).


def _complaints(rec: dict[str, Any]) -> tuple[bool | None, bool | None]:
    gold = bool(int(rec["complaint"]))
    return gold, gold


def _offensive(rec: dict[str, Any]) -> tuple[bool | None, bool | None]:
    return bool(rec["offensive"]), False  # offensive posts are not complaints to a business


def _airline(rec: dict[str, Any]) -> tuple[bool | None, bool | None]:
    return None, rec["sentiment"] == "negative"


def _not_business(rec: dict[str, Any]) -> tuple[bool | None, bool | None]:
    return None, False  # general tweets, mostly not about a business


def _unlabeled(rec: dict[str, Any]) -> tuple[bool | None, bool | None]:
    return None, None


@dataclass(frozen=True)
class Dataset:
    name: str
    file: str
    text_field: str
    gold: Callable[[dict[str, Any]], tuple[bool | None, bool | None]]
    predicate: Callable[[Triage], bool] | None = None  # predicted positive class
    positive: str = ""  # the positive class, for the table


DATASETS = (
    Dataset("complaints_en", "complaints_en.jsonl", "text", _complaints,
            lambda t: t.outcome.category in COMPLAINT_LIKE, "complaint"),
    Dataset("offensive_en", "offensive_en.jsonl", "text", _offensive,
            lambda t: t.outcome.category == "inappropriate", "offensive"),
    Dataset("offensive_fr", "offensive_fr.jsonl", "text", _offensive,
            lambda t: t.outcome.category == "inappropriate", "offensive"),
    Dataset("airline_en", "airline_en.jsonl", "text", _airline),
    Dataset("sentiment_fr", "sentiment_fr.jsonl", "text", _not_business),
    Dataset("telecom_fr", "telecom_fr_unlabeled.jsonl", "text", _unlabeled),
    Dataset("brand_replies_en", "brand_replies_en.jsonl", "customer_text", _unlabeled),
)  # fmt: skip


def read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def run(ds: Dataset, rules: Any, data_dir: Path, lang_mode: str) -> Result:
    res = Result(ds.name)
    if ds.predicate:
        res.binary = Binary(ds.positive)
    esc_hits = esc_total = lang_hits = lang_total = 0
    for rec in read_jsonl(data_dir / ds.file):
        text = rec.get(ds.text_field) or ""
        if not text.strip():
            continue
        forced = rec.get("lang") if lang_mode == "data" else None
        t = triage(rules, text, lang=forced)
        res.n += 1
        res.categories[t.outcome.category] += 1
        if rec.get("lang") in ("en", "fr"):
            lang_total += 1
            lang_hits += t.lang == rec["lang"]
        gold, is_complaint = ds.gold(rec)
        if is_complaint is False:
            esc_total += 1
            if t.outcome.escalate:
                esc_hits += 1
                res.errors.setdefault("escalated non-complaint", []).append((rec, t))
        if res.binary is not None and ds.predicate is not None and gold is not None:
            pred = ds.predicate(t)
            res.binary.add(gold, pred)
            if gold != pred:
                kind = f"missed {ds.positive}" if gold else f"false {ds.positive}"
                res.errors.setdefault(kind, []).append((rec, t))
        if ds.name == "airline_en":
            _airline_rates(res, rec, t)
    res.escalate = (esc_hits, esc_total)
    res.lang_ok = (lang_hits, lang_total)
    return res


def _airline_rates(res: Result, rec: dict[str, Any], t: Triage) -> None:
    cat = t.outcome.category
    if rec["sentiment"] == "negative" and rec.get("negative_reason") not in (None, "Can't Tell"):
        ok = cat in ("complaint", "question")
        _count(res, "negative (known reason) -> complaint|question", ok)
        _count(res, "negative (known reason) -> complaint", cat == "complaint")
        _count(res, "negative (known reason) -> complaint|question|general", ok or cat == "general")
        if not ok:
            res.errors.setdefault("negative not complaint|question", []).append((rec, t))
    elif rec["sentiment"] == "positive":
        _count(res, "positive -> praise", cat == "praise")
        if cat != "praise":
            res.errors.setdefault("positive not praise", []).append((rec, t))
    elif rec["sentiment"] == "neutral":
        _count(res, "neutral -> not complaint|general", cat not in COMPLAINT_LIKE)


def _count(res: Result, label: str, ok: bool) -> None:
    hits, total = res.rates.get(label, (0, 0))
    res.rates[label] = (hits + ok, total + 1)


# ---- report ----------------------------------------------------------------


def pct(hits: int, total: int) -> str:
    return f"{100 * hits / total:5.1f}%" if total else "   n/a"


def report(results: list[Result]) -> None:
    print("\n== Binary measures (positive class vs the rest)")
    print(f"{'data set':<16} {'n':>6} {'macro-F1':>9} {'acc':>6}  "
          f"{'P+':>6} {'R+':>6} {'F1+':>6}  {'P-':>6} {'R-':>6} {'F1-':>6}  {'lang ok':>7}")  # fmt: skip
    for res in results:
        b = res.binary
        if b is None:
            continue
        (pp, rp, fp), (pn, rn, fn) = b.pos(), b.neg()
        print(f"{res.name:<16} {res.n:>6} {b.macro_f1():>9.3f} {b.accuracy():>6.3f}  "
              f"{pp:>6.3f} {rp:>6.3f} {fp:>6.3f}  {pn:>6.3f} {rn:>6.3f} {fn:>6.3f}  "
              f"{pct(*res.lang_ok):>7}")  # fmt: skip
    for res in results:
        if res.rates:
            print(f"\n== {res.name} rates")
            for label, (hits, total) in res.rates.items():
                print(f"  {label:<48} {pct(hits, total)}  ({hits}/{total})")
    print("\n== Escalate rate among non-complaints (target <= 2%)")
    all_hits = all_total = 0
    for res in results:
        hits, total = res.escalate
        if total:
            all_hits, all_total = all_hits + hits, all_total + total
            print(f"  {res.name:<16} {pct(hits, total)}  ({hits}/{total})")
    print(f"  {'pooled':<16} {pct(all_hits, all_total)}  ({all_hits}/{all_total})")
    print("\n== Predicted categories")
    print(f"{'data set':<16} {'n':>6} " + " ".join(f"{c[:9]:>9}" for c in CATEGORIES) + f" {'lang ok':>8}")
    for res in results:
        cells = " ".join(f"{pct(res.categories[c], res.n):>9}" for c in CATEGORIES)
        print(f"{res.name:<16} {res.n:>6} {cells} {pct(*res.lang_ok):>8}")


def print_errors(results: list[Result], count: int, seed: int) -> None:
    rng = random.Random(seed)
    for res in results:
        for kind, items in res.errors.items():
            sample = rng.sample(items, min(count, len(items)))
            print(f"\n== {res.name}: {kind} ({len(items)} in all, {len(sample)} shown)")
            for rec, t in sample:
                text = " ".join(str(rec.get("text") or rec.get("customer_text")).split())
                gold = {k: rec[k] for k in ("complaint", "offensive", "labels", "sentiment",
                                             "negative_reason") if k in rec}  # fmt: skip
                print(f"- [{rec.get('id')}] {text}")
                print(f"    gold {gold} -> {t.outcome.id} ({t.outcome.category}), lang {t.lang}")
                print("    path: " + " > ".join(_step(s) for s in t.path))


def _step(step: Any) -> str:
    mark = "Y" if step.result else "n"
    fired = ",".join(f"{k}[{'|'.join(v[:3])}]" for k, v in step.matched.items())
    return f"{step.node}:{mark}" + (f"({fired})" if fired else "")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data_dir", nargs="?", default=str(ROOT.parent / "shared" / "data"))
    parser.add_argument("--rules", default=str(ROOT / "rules.yaml"))
    parser.add_argument("--errors", type=int, default=0, metavar="N",
                        help="print N misrouted examples per error kind, with their path")  # fmt: skip
    parser.add_argument("--only", default="", help="comma-separated data set names")
    parser.add_argument("--lang", choices=("detect", "data"), default="detect")
    parser.add_argument("--seed", type=int, default=0, help="seed for the error sample")
    args = parser.parse_args(argv)
    data_dir = Path(args.data_dir)
    rules = load_rules(args.rules, use_cache=False)
    wanted = {n for n in args.only.split(",") if n}
    results = []
    for ds in DATASETS:
        if wanted and ds.name not in wanted:
            continue
        if not (data_dir / ds.file).is_file():
            print(f"skipping {ds.name}: {data_dir / ds.file} not found", file=sys.stderr)
            continue
        results.append(run(ds, rules, data_dir, args.lang))
    print(f"rules: {args.rules}   data: {data_dir}   language: {args.lang}")
    report(results)
    if args.errors:
        print_errors(results, args.errors, args.seed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
