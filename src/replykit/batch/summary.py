"""What a batch says as a whole: counts, escalations, and recurring topics.

Recurring topics feed two steps of the method: a prevention post for all
customers (O1.7) and a FAQ entry or online fix (O1.2).
"""

from __future__ import annotations

from collections import Counter
from typing import Any

NEEDS_REPLY = ("reply", "reply_private", "escalate")
COMPLAINT_SIGNALS_SHOWN = 10
MIN_RECURRING = 3  # a topic must come back at least this often...
MIN_SHARE = 0.05  # ...and in at least this share of the complaints

SUGGESTIONS = {
    "en": {
        "prevent": "{count} complaints mention {topic}: publish useful information about it for all customers, "
        "without referring to any case (O1.7).",
        "faq": "{count} comments match the quick fix '{solution}': make sure it is easy to find online (O1.2).",
        "faq_topic": "Consider a FAQ entry or an online tool about {topic} (O1.2).",
    },
    "fr": {
        "prevent": "{count} plaintes évoquent {topic} : publiez une information utile à toute la clientèle, "
        "sans faire référence à un cas (O1.7).",
        "faq": "{count} commentaires relèvent de la solution rapide « {solution} » : rendez-la facile à trouver "
        "en ligne (O1.2).",
        "faq_topic": "Pensez à une entrée de FAQ ou à un outil en ligne sur {topic} (O1.2).",
    },
}


class Summary:
    """Accumulates batch entries one by one; :meth:`to_dict` gives the report."""

    def __init__(self) -> None:
        self.records = 0
        self.errors = 0
        self.skipped = 0  # already answered, left out by --skip-answered
        self.categories: Counter[str] = Counter()
        self.outcomes: Counter[str] = Counter()
        self.langs: Counter[str] = Counter()
        self.needs_reply = 0
        self.escalations: list[dict[str, Any]] = []
        self.topics: Counter[str] = Counter()
        self.solutions: Counter[str] = Counter()
        self.complaint_terms: Counter[str] = Counter()

    def add(self, entry: dict[str, Any]) -> None:
        self.records += 1
        if "error" in entry:
            self.errors += 1
            return
        if "skipped" in entry:
            self.skipped += 1
            return
        category = entry["category"]
        self.categories[category] += 1
        self.outcomes[entry["outcome"]] += 1
        self.langs[entry["lang"]] += 1
        self.needs_reply += entry["action"] in NEEDS_REPLY
        if entry["escalate"]:
            self.escalations.append(_escalation(entry))
        if category == "complaint":
            self._add_complaint(entry)
        self.solutions.update(entry.get("solutions", ()))

    def _add_complaint(self, entry: dict[str, Any]) -> None:
        if entry.get("topic"):
            self.topics[entry["topic"]] += 1
        # each term once per comment (several signals often match the same word), and
        # no field evidence such as "shares=5000": it is not something the commenter wrote
        fields = entry.get("fields") or {}
        terms = dict.fromkeys(  # ordered, so ties are listed the same way on every run
            w.lower()
            for step in entry["path"]
            if step["result"]
            for words in step["matched"].values()
            for w in words
            if w.partition("=")[0] not in fields
        )
        self.complaint_terms.update(terms.keys())

    def to_dict(self) -> dict[str, Any]:
        complaints = self.categories.get("complaint", 0)
        lang = self.langs.most_common(1)[0][0] if self.langs else "en"
        skipped = {"skipped": self.skipped} if self.skipped else {}  # only when --skip-answered left some out
        return {
            "schema": "replykit.summary/1",
            "records": self.records,
            "errors": self.errors,
            **skipped,
            "escalations": self.escalations,
            "needs_reply": self.needs_reply,
            "categories": dict(self.categories.most_common()),
            "outcomes": dict(self.outcomes.most_common()),
            "languages": dict(self.langs.most_common()),
            "recurring_topics": self._recurring(self.topics, complaints),
            "recurring_solutions": self._recurring(self.solutions, self.records - self.errors - self.skipped),
            "complaint_terms": dict(self.complaint_terms.most_common(COMPLAINT_SIGNALS_SHOWN)),
            "suggestions": self._suggestions(complaints, lang),
        }

    @staticmethod
    def _recurring(counter: Counter[str], base: int) -> dict[str, int]:
        floor = max(MIN_RECURRING, MIN_SHARE * base)
        return {name: count for name, count in counter.most_common() if count >= floor}

    def _suggestions(self, complaints: int, lang: str) -> list[str]:
        texts = SUGGESTIONS[lang]
        out = []
        for topic, count in self._recurring(self.topics, complaints).items():
            out.append(texts["prevent"].format(count=count, topic=topic))
            out.append(texts["faq_topic"].format(topic=topic))
        for solution, count in self._recurring(self.solutions, self.records - self.errors - self.skipped).items():
            out.append(texts["faq"].format(count=count, solution=solution))
        return out


def _escalation(entry: dict[str, Any]) -> dict[str, Any]:
    step = next((s for s in entry["path"] if s["result"] and "ESCALATE" in s["method"]), None)
    return {
        "line": entry["line"],
        "id": entry["id"],
        "outcome": entry["outcome"],
        "matched": step["matched"] if step else {},
    }
