"""``make eval`` (replies): do the public replies show they listened? Issue 13 item 6, on ../shared/data.

Usage (from the repository root)::

    python bench/replies.py [DATA_DIR] [--rules rules.yaml]

(a) Aspect named: of the restaurant and hotel reviews with a negative aspect
    opinion (absa_*) that get a complaint reply (category complaint), the share
    whose public reply says a word of one negative category (``CATEGORY_WORDS``:
    the words a reader would accept as naming it). Target >= 80%.
(b) Question named: of the comments routed to a question outcome, the share
    whose public reply holds a content word of what was asked (``heard.ask.words``,
    else the comment's question). Target >= 80%.
(c) Variety: distinct public texts among the first 100 complaints of one run
    (complaints_en complaint=1, reviews_restaurants_fr 1-2 stars), each replied
    to on its own (no batch collision avoidance, which would make it 100 by
    construction). Target >= 30 per 100.

A missing data set is named and skipped. Ends with OK/MISSED per target.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from replykit.reply.suggestion import suggest
from replykit.rules.load import load_rules

ROOT = Path(__file__).resolve().parents[1]
# Words that name an annotated ENTITY (or ENTITY#ATTRIBUTE) in a reply, per language.
CATEGORY_WORDS = {
    "en": {
        "FOOD": r"food|meal|dish|plate|menu|portion|taste|cook",
        "DRINKS": r"drink|wine|beer|cocktail|coffee|tea",
        "SERVICE": r"service|staff|welcome|waiter|wait|team|served",
        "AMBIENCE": r"atmosphere|ambience|noise|decor|music|setting",
        "LOCATION": r"location|area|access|parking|view",
        "RESTAURANT": r"visit|experience|evening|restaurant|meal",
        "HOTEL": r"stay|hotel|room|visit",
        "ROOMS": r"room|bed|bathroom|stay",
        "FACILITIES": r"facilit|pool|gym|equipment|wifi|breakfast|parking",
        "ROOMS_AMENITIES": r"room|amenit|equipment",
        "FOOD_DRINKS": r"food|meal|drink|breakfast",
        "#PRICES": r"price|bill|cost|value|£|\$|€",
    },
    "fr": {
        "FOOD": r"plat|repas|cuisine|assiette|menu|portion|go[uû]t|cuisson",
        "DRINKS": r"boisson|vin|bi[èe]re|cocktail|caf[ée]",
        "SERVICE": r"service|accueil|[ée]quipe|serveu|attente|personnel",
        "AMBIENCE": r"ambiance|bruit|d[ée]cor|musique|cadre",
        "LOCATION": r"emplacement|acc[èe]s|quartier|parking|vue",
        "RESTAURANT": r"visite|exp[ée]rience|soir[ée]e|restaurant|repas",
        "HOTEL": r"s[ée]jour|h[ôo]tel|chambre",
        "ROOMS": r"chambre|lit|salle de bain|s[ée]jour",
        "FACILITIES": r"[ée]quipement|piscine|wifi|petit-d[ée]jeuner|parking",
        "ROOMS_AMENITIES": r"chambre|[ée]quipement",
        "FOOD_DRINKS": r"plat|repas|boisson|petit-d[ée]jeuner",
        "#PRICES": r"prix|addition|facture|tarif|co[uû]t|€",
    },
}
STOP = set(
    "what when where which whether that this with have your from does there they will would could about "
    "please thanks hello quel quelle quels quelles quand est-ce vous votre avez êtes pour dans avec est "
    "sont faire fait bonjour merci pouvez peut possible comment combien".split()
)
TARGETS = (("(a) complaint replies naming the aspect", 0.80), ("(b) question replies naming what was asked", 0.80))


def records(path: Path) -> list[dict]:  # type: ignore[type-arg]
    return [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]


def names_category(reply: str, category: str, lang: str) -> bool:
    entity, _, attribute = category.partition("#")
    words = CATEGORY_WORDS[lang]
    pattern = words["#PRICES"] if attribute == "PRICES" else words.get(entity, "")
    return bool(pattern) and re.search(pattern, reply, re.I) is not None


def aspect_named(rules, data: Path) -> float | None:  # type: ignore[no-untyped-def]
    hits = total = 0
    for name, lang in (("absa_reviews_en", "en"), ("absa_restaurants_fr", "fr")):
        path = data / f"{name}.jsonl"
        if not path.exists():
            print(f"{name}: missing, skipped")
            continue
        n_hits = n_total = 0
        for record in records(path):
            negative = [o["category"] for o in record["opinions"] if o["polarity"] == "negative"]
            if not negative:
                continue
            s = suggest(record["text"], rules=rules, lang=lang)
            if s.category != "complaint" or not s.public_reply:
                continue
            n_total += 1
            n_hits += any(names_category(s.public_reply, c, lang) for c in negative)
        print(f"(a) {name}: {n_hits}/{n_total} complaint replies name a negative aspect "
              f"({n_hits / max(n_total, 1):.1%})")  # fmt: skip
        hits, total = hits + n_hits, total + n_total
    return hits / total if total else None


def content_words(text: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[^\W\d_]{4,}", text)} - STOP


def question_named(rules, data: Path) -> float | None:  # type: ignore[no-untyped-def]
    hits = total = 0
    for path in sorted(data.glob("*.jsonl")):
        for record in records(path):
            text = record.get("text") or record.get("customer_text")
            if not isinstance(text, str) or "?" not in text:
                continue
            s = suggest(text, rules=rules)
            if s.category != "question" or not s.public_reply:
                continue
            asked = s.heard.ask.words if s.heard.ask else text[: text.index("?")].split(".")[-1]
            wanted = content_words(asked)
            if not wanted:
                continue
            total += 1
            hits += bool(wanted & content_words(s.public_reply))
    print(f"(b) {hits}/{total} question replies name what was asked ({hits / max(total, 1):.1%})")
    return hits / total if total else None


def complaints(data: Path) -> list[tuple[str, str]]:
    out = []
    path = data / "complaints_en.jsonl"
    if path.exists():
        out += [("en", r["text"]) for r in records(path) if r.get("complaint") == 1][:60]
    path = data / "reviews_restaurants_fr.jsonl"
    if path.exists():
        out += [("fr", r["text"]) for r in records(path) if r.get("stars", 5) <= 2][:60]
    return out


def variety(rules, data: Path) -> float | None:  # type: ignore[no-untyped-def]
    texts = []
    for lang, text in complaints(data):
        s = suggest(text, rules=rules, lang=lang)
        if s.category == "complaint" and s.public_reply:
            texts.append(s.public_reply)
        if len(texts) == 100:
            break
    if not texts:
        return None
    distinct = len(set(texts)) * 100 / len(texts)
    print(f"(c) {len(set(texts))} distinct public texts among {len(texts)} complaint replies ({distinct:.0f} per 100)")
    return distinct


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", default=str(ROOT.parent / "shared" / "data"))
    parser.add_argument("--rules", default=str(ROOT / "rules.yaml"))
    args = parser.parse_args()
    data = Path(args.data)
    if not data.is_dir():
        print(f"{data}: no data, nothing measured")
        return 0
    rules = load_rules(args.rules)
    shares = (aspect_named(rules, data), question_named(rules, data))
    distinct = variety(rules, data)
    for (what, target), value in zip(TARGETS, shares, strict=True):
        if value is not None:
            print(f"{what}: {value:.1%} (target >= {target:.0%}) {'OK' if value >= target else 'MISSED'}")
    if distinct is not None:
        print(f"(c) distinct public texts per 100 complaints: {distinct:.0f} (target >= 30) "
              f"{'OK' if distinct >= 30 else 'MISSED'}")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
