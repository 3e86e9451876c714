"""Sample template contexts: every outcome, language, platform, topic and solution.

Checks that render templates (lengths, undefined variables, wording) use
these, so a template is judged on the worst realistic case, not on one.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import product
from typing import Any, NamedTuple

from replykit.rules.model import LANGS, Outcome, Rules
from replykit.triage.walk import Triage

LONG_AUTHOR = "Marie-Bérénice de La Tour-d'Auvergne-Saint-Hilaire"  # 50 characters, the most X allows
AUTHORS = ("", LONG_AUTHOR)
PLATFORMS = ("", "x", "facebook")
CASE_REF = "RK-0A1B2C"


class Sample(NamedTuple):
    outcome: Outcome
    lang: str
    platform: str
    author: str
    topic: str
    solution: str
    context: dict[str, Any]
    variant: int = 0
    heard: int = 0  # index in replykit.lint.heards.HEARDS[lang]; 0 is nothing heard

    def describe(self) -> str:
        parts = [f"outcome {self.outcome.id}", f"lang {self.lang}"]
        parts += [f"platform {self.platform}"] if self.platform else []
        parts += [f"a {len(self.author)}-character author"] if self.author else []
        parts += [f"topic '{self.topic}'"] if self.topic else []
        parts += [f"solution {self.solution}"] if self.solution else []
        parts += [f"variant {self.variant}"] if self.variant else []
        parts += [f"heard sample {self.heard}"] if self.heard else []
        return ", ".join(parts)


def samples(rules: Rules, platforms: tuple[str, ...] = PLATFORMS) -> Iterator[Sample]:
    """Contexts for every outcome and language, across authors, platforms, topics and solutions,
    then every variant (each phrasing of each move) with each sample ``heard``."""
    from replykit.lint.heards import HEARDS
    from replykit.reply.suggestion import build_context
    from replykit.reply.variants import every_phrasing

    for outcome, lang in product(rules.outcomes.values(), LANGS):
        topics = ("", *sorted({s.topic[lang] for s in rules.index.topic_signals if lang in s.topic}))
        solutions = ("", *(s.id for s in rules.solutions))
        for platform, author, topic, solution in product(platforms, AUTHORS, topics, solutions):
            triage = Triage(lang, "forced", outcome, (), topic, (solution,) if solution else ())
            context = build_context(rules, triage, author, platform, CASE_REF, {})
            yield Sample(outcome, lang, platform, author, topic, solution, context)
        # Every phrasing with every heard sample; topics and solutions taken in turn.
        combos = product(platforms, AUTHORS, every_phrasing(), range(len(HEARDS[lang])))
        for turn, (platform, author, variant, heard) in enumerate(combos):
            topic, solution = topics[turn % len(topics)], solutions[(turn // len(topics)) % len(solutions)]
            triage = Triage(lang, "forced", outcome, (), topic, (solution,) if solution else ())
            context = build_context(rules, triage, author, platform, CASE_REF, {}, HEARDS[lang][heard], variant)
            yield Sample(outcome, lang, platform, author, topic, solution, context, variant, heard)
