"""Measure the tone checks of ``replykit check`` on real data (issue #4 quality bar).

* brand_replies_en: real replies of professional support agents (field
  ``brand_reply``); share flagged as aggressive or defensive (target: at most 3%).
* offensive_en / offensive_fr: tweets labelled offensive, used as if they were
  draft replies; share with at least one tone finding (aggressive, defensive,
  sarcasm, blaming, shouting, '!!'; target: at least 80%). The share of the
  tweets labelled not offensive that get flagged is printed for reference.

The review is the one ``replykit check`` runs on a draft by default (language
detected, no category given).

Usage (from the repository root)::

    python bench/tone.py [DATA_DIR] [--rules rules.yaml] [--examples N]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
os.environ.setdefault("REPLYKIT_NO_CACHE", "1")
try:
    from replykit.lint import tone
    from replykit.rules.load import load_rules
except ImportError:  # running from a source checkout without an install
    sys.path.insert(0, str(ROOT / "src"))
    from replykit.lint import tone
    from replykit.rules.load import load_rules


def records(path: Path) -> list[dict[str, object]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", nargs="?", default=str(ROOT.parent / "shared" / "data"))
    parser.add_argument("--rules", default=None)
    parser.add_argument("--examples", type=int, default=0, help="print N flagged (or missed) texts per measure")
    args = parser.parse_args()
    data = Path(args.data)
    rules = load_rules(args.rules)
    ok = True

    brand = records(data / "brand_replies_en.jsonl")
    kinds: Counter[str] = Counter()
    flagged = []
    for rec in brand:
        text = str(rec["brand_reply"])
        found = {f.kind for f in tone.review(text, None, rules)}
        kinds.update(found)
        if found & {"aggressive-wording", "defensive-wording"}:
            flagged.append(text)
    share = len(flagged) / len(brand)
    ok &= share <= 0.03
    print(f"brand_replies_en  {len(brand):6d} replies  aggressive or defensive: {share:6.2%}  (target <= 3%)")
    print(
        "                  every finding kind: "
        + ", ".join(f"{k} {v / len(brand):.1%}" for k, v in kinds.most_common())
    )
    for text in flagged[: args.examples]:
        print("    flagged:", text[:160])

    for name in ("offensive_en", "offensive_fr"):
        rows = records(data / f"{name}.jsonl")
        lang = name[-2:]
        hits, total, clean_hits, clean_total, missed = 0, 0, 0, 0, []
        for rec in rows:
            text = str(rec["text"])
            found = [f for f in tone.review(text, None, rules) if f.kind in tone.TONE_KINDS]
            if rec.get("offensive"):
                total += 1
                hits += bool(found)
                if not found:
                    missed.append(text)
            else:
                clean_total += 1
                clean_hits += bool(found)
        share = hits / total
        ok &= share >= 0.80
        print(
            f"{name:17s} {total:6d} offensive ({lang})  flagged: {share:6.2%}  (target >= 80%)"
            f"   not-offensive flagged: {clean_hits / max(clean_total, 1):6.2%} of {clean_total}"
        )
        for text in missed[: args.examples]:
            print("    missed:", text[:160])
    print("quality bar:", "met" if ok else "NOT met")
    return 0


if __name__ == "__main__":
    sys.exit(main())
