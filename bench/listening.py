"""``make eval`` (listening): what the listening stage hears on ../shared/data, and what it costs.

Usage (from the repository root)::

    python bench/listening.py [DATA_DIR] [--objects FILE]

1. Aspects: on the restaurant and hotel reviews with aspect labels (absa_*),
   the share of reviews with a negative opinion whose ``heard.subject`` maps to
   one of the negative categories (strict), and whose ``heard.aspects`` hold one
   (lenient); and over every review, the share where one annotated category
   (any polarity) is among ``heard.aspects``. The mapping from the annotated
   ENTITY#ATTRIBUTE categories to aspect ids is ``CATEGORY_ASPECTS`` below.
2. Asks: of the comments routed to a ``question`` outcome, the share with an
   ``ask``, with a known kind (not ``other``) and with a clause.
3. Objects: 100 sampled ``heard.object`` values with their comments, written to
   FILE (default /tmp/replykit-listening-objects.txt) for a person to read.
4. Cost: the median and 95th percentile of one ``hear()`` call, after triage.

A missing data set is named and skipped.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from pathlib import Path

from replykit.listen import hear
from replykit.rules.load import load_rules
from replykit.triage.walk import triage

ROOT = Path(__file__).resolve().parents[1]
# Which aspects say an annotated category (by entity, then by attribute).
ENTITY_ASPECTS = {
    "FOOD": {"food_quality", "food_temperature", "portion", "hygiene", "food_safety", "menu_choice", "dietary"},
    "DRINKS": {"drinks"},
    "FOOD_DRINKS": {"food_quality", "drinks", "breakfast", "menu_choice"},
    "SERVICE": {"service", "staff_welcome", "waiting_time", "booking", "communication", "order", "check_in"},
    "AMBIENCE": {"ambience", "noise", "cleanliness", "toilets"},
    "RESTAURANT": {"experience"},
    "HOTEL": {"experience", "room"},
    "LOCATION": {"location_access", "parking"},
    "ROOMS": {"room", "cleanliness", "noise", "wifi"},
    "ROOMS_AMENITIES": {"room", "wifi", "equipment"},
    "FACILITIES": {"equipment", "wifi", "breakfast", "parking", "toilets"},
}
ATTRIBUTE_ASPECTS = {"PRICES": {"price", "billing"}, "CLEANLINESS": {"cleanliness", "toilets"}}


def category_aspects(category: str) -> set[str]:
    entity, _, attribute = category.partition("#")
    if attribute in ATTRIBUTE_ASPECTS:
        return ATTRIBUTE_ASPECTS[attribute]
    return ENTITY_ASPECTS.get(entity, set())


def records(path: Path) -> list[dict]:  # type: ignore[type-arg]
    return [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]


def heard_of(rules, text: str):  # type: ignore[no-untyped-def]
    result = triage(rules, text)
    return result, hear(rules, text, result)


def aspects_figures(rules, data: Path) -> None:  # type: ignore[no-untyped-def]
    for name in ("absa_restaurants_fr", "absa_reviews_en"):
        path = data / f"{name}.jsonl"
        if not path.exists():
            print(f"{name}: missing, skipped")
            continue
        strict = lenient = negatives = any_hit = total = 0
        for record in records(path):
            _, heard = heard_of(rules, record["text"])
            ids = {a.id for a in heard.aspects}
            opinions = record["opinions"]
            if opinions:
                total += 1
                any_hit += any(category_aspects(o["category"]) & ids for o in opinions)
            wanted = set().union(*(category_aspects(o["category"]) for o in opinions if o["polarity"] == "negative"))
            if any(o["polarity"] == "negative" for o in opinions):
                negatives += 1
                strict += bool(heard.subject and heard.subject.id in wanted)
                lenient += bool(ids & wanted)
        print(f"{name}: {negatives} reviews with a negative opinion: subject names a negative category "
              f"{strict / negatives:.1%}, aspects hold one {lenient / negatives:.1%}; "
              f"any annotated category among aspects {any_hit / total:.1%} of {total}")  # fmt: skip


def comments(data: Path) -> list[str]:
    texts = []
    for path in sorted(data.glob("*.jsonl")):
        for record in records(path):
            text = record.get("text") or record.get("customer_text")
            if isinstance(text, str) and text.strip():
                texts.append(text)
    return texts


def ask_and_objects(rules, texts: list[str], objects_file: Path) -> None:  # type: ignore[no-untyped-def]
    questions = asked = known = clauses = 0
    with_object = []
    costs = []
    for text in texts:
        result = triage(rules, text)
        start = time.perf_counter()
        heard = hear(rules, text, result)
        costs.append(time.perf_counter() - start)
        if result.outcome.category == "question":
            questions += 1
            asked += heard.ask is not None
            known += bool(heard.ask and heard.ask.kind != "other")
            clauses += bool(heard.ask and heard.ask.clause)
        if heard.object:
            with_object.append((text, heard.object))
    print(f"questions: {questions} routed to a question outcome: with an ask {asked / questions:.1%}, "
          f"a known kind {known / questions:.1%}, a clause {clauses / questions:.1%}")  # fmt: skip
    print(f"objects: {len(with_object)} of {len(texts)} comments ({len(with_object) / len(texts):.1%}) name one")
    sample = random.Random(13).sample(with_object, min(100, len(with_object)))
    lines = [f"{i:3}. {obj.text!r}  <-  {obj.words!r}\n     {text[:300]!r}" for i, (text, obj) in enumerate(sample, 1)]
    objects_file.write_text("\n".join(lines) + "\n", "utf-8")
    print(f"objects: 100 sampled values with their comments written to {objects_file}")
    micro = sorted(cost * 1e6 for cost in costs)
    print(f"cost of hear(): median {statistics.median(micro):.1f} µs, p95 {micro[int(len(micro) * 0.95)]:.1f} µs "
          f"over {len(micro)} comments")  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", default=str(ROOT.parent / "shared" / "data"))
    parser.add_argument("--rules", default=str(ROOT / "rules.yaml"))
    parser.add_argument("--objects", default="/tmp/replykit-listening-objects.txt")
    args = parser.parse_args()
    data = Path(args.data)
    if not data.is_dir():
        print(f"{data}: no data, nothing measured")
        return 0
    rules = load_rules(args.rules)
    aspects_figures(rules, data)
    ask_and_objects(rules, comments(data), Path(args.objects))
    return 0


if __name__ == "__main__":
    sys.exit(main())
