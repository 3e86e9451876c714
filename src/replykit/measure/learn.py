"""Learn a weighted lexicon from labeled comments, with cross-validated figures (no printing).

The comments are read as the lexicon matcher reads them (:func:`normalize`,
:func:`tokenize`, :func:`replykit.triage.language.detect`), so a learned term matches
exactly the words it was counted on. Each word (and, optionally, each pair of
consecutive words) seen in at least ``min_count`` comments of the target class
is scored by its smoothed log-odds ratio: the log-odds of appearing in a target
comment minus the log-odds of appearing in another one, each count plus a prior
of 1 (Laplace). Terms are ranked by that ratio divided by its standard error
(a z-score, which prefers well-attested terms to rare ones), the best
``max_terms`` with a weight of at least ``min_weight`` (0.5: function words
such as "and" fall below it) are kept, and weights are rounded to one decimal.
A comment's value is the sum of the weights of the distinct terms in it, as
for any lexicon signal; the threshold ``min`` is the one that maximises
F1 on the comments learned from. Cross-validation repeats all of this on k-1
folds and measures on the k-th.
"""

from __future__ import annotations

import math
import random
import statistics
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from replykit.errors import UsageError
from replykit.measure.evaluate import LabelMap, ReadCounts, Skipped, label_key, prf
from replykit.rules.model import LANGS
from replykit.text.normalize import normalize, tokenize
from replykit.triage.language import detect

PRIOR = 1.0  # pseudo-count added to each of the four document counts
MIN_LANG_SHARE = 0.1  # a language gets its own terms when it holds this share of the comments
UNDETERMINED = "und"
METHOD_FOR = {
    "complaint": ("READ", "O1.1"),
    "question": ("READ", "O1.1"),
    "general": ("READ", "O2.1"),
    "inappropriate": ("READ", "O2.2"),
    "praise": ("READ",),
    "other": ("READ",),
}


@dataclass(frozen=True)
class Settings:
    target: str
    min_count: int = 5
    max_terms: int = 50
    # Below ~0.5 a term is mostly a function word ("and", "that") that tells
    # little alone and clutters the list a reviewer reads in a diff.
    min_weight: float = 0.5
    folds: int = 5
    bigrams: bool = False
    seed: int = 13


@dataclass(frozen=True)
class Example:
    """One labeled comment as the matcher sees it."""

    line: int
    lang: str
    terms: frozenset[str]  # distinct words, and "word word" pairs when bigrams are on
    positive: bool


@dataclass(frozen=True)
class LearnedTerm:
    text: str
    weight: float  # rounded to one decimal
    positive: int  # target comments holding the term
    negative: int  # other comments holding it
    z: float


@dataclass
class Lexicon:
    terms: dict[str, list[LearnedTerm]]  # language -> terms, heaviest first
    threshold: float  # the lowest value (a sum of rounded weights) that fires

    @property
    def minimum(self) -> float:
        """``min:`` as written: halfway below the threshold, so float sums cannot miss it."""
        return round(self.threshold - 0.05, 2)

    def weights(self) -> dict[str, dict[str, float]]:
        return {lang: {t.text: t.weight for t in terms} for lang, terms in self.terms.items()}


@dataclass(frozen=True)
class FoldScore:
    precision: float
    recall: float
    f1: float
    threshold: float
    terms: int
    tested: int


@dataclass
class Learning(ReadCounts):
    """Everything one run learned and measured."""

    settings: Settings
    label_field: str
    label_map: LabelMap
    lexicon: Lexicon
    folds: list[FoldScore]
    examples: dict[str, Counter[bool]]  # language -> {True: target comments, False: others}

    @property
    def method(self) -> tuple[str, ...]:
        return METHOD_FOR.get(self.settings.target, ("READ",))

    def summary(self) -> dict[str, tuple[float, float]]:
        """Mean and standard deviation across folds of precision, recall and F1."""
        out = {}
        for name in ("precision", "recall", "f1"):
            values = [getattr(f, name) for f in self.folds]
            spread = statistics.stdev(values) if len(values) > 1 else 0.0
            out[name] = (statistics.fmean(values) if values else 0.0, spread)
        return out


def example_terms(text: str, bigrams: bool) -> tuple[str, frozenset[str]]:
    """The detected language (or ``und``) and the distinct terms of a comment."""
    tokens = tokenize(normalize(text))
    lang, _ = detect(tokens, text, UNDETERMINED)
    terms = set(tokens)
    if bigrams:
        terms.update(f"{a} {b}" for a, b in pairwise(tokens))
    return lang, frozenset(terms)


def collect(
    records: Iterable[Any],
    label_map: LabelMap,
    label_field: str,
    settings: Settings,
    exclude: tuple[str, tuple[str, ...]] | None = None,
) -> tuple[list[Example], dict[str, Any]]:
    """Read labeled records (batchio.Record) into examples; the second value counts what was skipped."""
    if settings.target not in label_map.classes:
        raise UsageError(
            f"--target: '{settings.target}' is not a class of the label map; expected one of: "
            + ", ".join(c for c in label_map.classes if c != "rest")
        )
    examples: list[Example] = []
    skipped: dict[str, Any] = {"records": 0, "unlabeled": Skipped(), "unmapped": Skipped(), "excluded": Skipped()}
    skipped["bad"], skipped["bad_count"] = [], 0
    for rec in records:
        skipped["records"] += 1
        gold = _gold(rec, label_map, label_field, exclude, skipped)
        if gold is not None:
            lang, terms = example_terms(rec.text, settings.bigrams)
            examples.append(Example(rec.line, lang, terms, gold == settings.target))
    return _assign_languages(examples), skipped


def _gold(
    rec: Any,
    label_map: LabelMap,
    label_field: str,
    exclude: tuple[str, tuple[str, ...]] | None,
    skipped: dict[str, Any],
) -> str | None:
    if rec.error:
        skipped["bad_count"] += 1
        if len(skipped["bad"]) < 5:
            skipped["bad"].append((rec.line, rec.error))
        return None
    if exclude and rec.fields.get(exclude[0]) in exclude[1]:
        skipped["excluded"].add(rec.line)
        return None
    label = rec.fields.get(label_field)
    if label_key(label) is None:
        skipped["unlabeled"].add(rec.line)
        return None
    gold = label_map.gold(label)
    if gold is None:
        skipped["unmapped"].add(rec.line, label)
    return gold


def _assign_languages(examples: list[Example]) -> list[Example]:
    """Comments without a language clue, and those of a language too rare to learn, join the main one."""
    counts = Counter(e.lang for e in examples if e.lang in LANGS)
    if not counts:
        return [Example(e.line, "en", e.terms, e.positive) for e in examples]
    main = counts.most_common(1)[0][0]
    kept = {lang for lang, n in counts.items() if n >= MIN_LANG_SHARE * len(examples)}
    return [e if e.lang in kept else Example(e.line, main, e.terms, e.positive) for e in examples]


def score_terms(pos: Counter[str], neg: Counter[str], n_pos: int, n_neg: int, settings: Settings) -> list[LearnedTerm]:
    """The terms to keep for one language, heaviest first (see the module docstring)."""
    scored = []
    for text, a in pos.items():
        if a < settings.min_count or tokenize(normalize(text)) != text.split(" "):
            continue  # the second test: a term must read back as the same words
        b = neg.get(text, 0)
        odds_pos = math.log((a + PRIOR) / (n_pos - a + PRIOR))
        odds_neg = math.log((b + PRIOR) / (n_neg - b + PRIOR))
        delta = odds_pos - odds_neg
        variance = 1 / (a + PRIOR) + 1 / (n_pos - a + PRIOR) + 1 / (b + PRIOR) + 1 / (n_neg - b + PRIOR)
        weight = round(delta, 1)
        if weight > 0 and weight >= settings.min_weight:
            scored.append(LearnedTerm(text, weight, a, b, delta / math.sqrt(variance)))
    scored.sort(key=lambda t: (-t.z, t.text))
    kept = scored[: settings.max_terms]
    kept.sort(key=lambda t: (-t.weight, -t.positive, t.text))
    return kept


def value(example: Example, weights: dict[str, dict[str, float]]) -> float:
    """The learned signal's value for a comment: the sum of its distinct terms' weights."""
    table = weights.get(example.lang, {})
    return round(sum(table[t] for t in example.terms if t in table), 1)


def best_threshold(values: list[tuple[float, bool]]) -> float:
    """The value from which to fire that maximises F1 (the highest among ties); 0 fires nothing."""
    total_pos = sum(1 for _, positive in values if positive)
    ranked = sorted((item for item in values if item[0] > 0), key=lambda item: -item[0])
    best, best_f1, tp, fp, i = 0.0, -1.0, 0, 0, 0
    while i < len(ranked):
        current = ranked[i][0]
        while i < len(ranked) and ranked[i][0] == current:
            tp, fp, i = tp + ranked[i][1], fp + (not ranked[i][1]), i + 1
        f1 = prf(tp, fp, total_pos - tp)[2]
        if f1 > best_f1:
            best, best_f1 = current, f1
    return best


def fit(examples: list[Example], settings: Settings) -> Lexicon:
    """Learn the terms per language and the threshold from ``examples``."""
    terms = {}
    for lang in sorted({e.lang for e in examples}, key=LANGS.index):
        pos, neg, n_pos, n_neg = _counts(e for e in examples if e.lang == lang)
        learned = score_terms(pos, neg, n_pos, n_neg, settings)
        if learned:
            terms[lang] = learned
    lexicon = Lexicon(terms, 0.0)
    weights = lexicon.weights()
    lexicon.threshold = best_threshold([(value(e, weights), e.positive) for e in examples])
    return lexicon


def _counts(examples: Iterable[Example]) -> tuple[Counter[str], Counter[str], int, int]:
    pos: Counter[str] = Counter()
    neg: Counter[str] = Counter()
    n_pos = n_neg = 0
    for e in examples:
        if e.positive:
            pos.update(e.terms)
            n_pos += 1
        else:
            neg.update(e.terms)
            n_neg += 1
    return pos, neg, n_pos, n_neg


def fold_indexes(examples: list[Example], k: int, seed: int) -> list[int]:
    """The fold of each example: stratified by class, shuffled with a fixed seed."""
    rng = random.Random(seed)
    fold = [0] * len(examples)
    for positive in (True, False):
        members = [i for i, e in enumerate(examples) if e.positive is positive]
        rng.shuffle(members)
        for rank, i in enumerate(members):
            fold[i] = rank % k
    return fold


def cross_validate(examples: list[Example], settings: Settings) -> list[FoldScore]:
    """Learn on k-1 folds, measure the learned signal alone on the k-th, for each fold."""
    fold = fold_indexes(examples, settings.folds, settings.seed)
    scores = []
    for k in range(settings.folds):
        train = [e for e, f in zip(examples, fold, strict=True) if f != k]
        test = [e for e, f in zip(examples, fold, strict=True) if f == k]
        lexicon = fit(train, settings)
        weights = lexicon.weights()
        fired = [(lexicon.threshold > 0 and value(e, weights) >= lexicon.threshold, e.positive) for e in test]
        tp = sum(1 for hit, positive in fired if hit and positive)
        fp = sum(1 for hit, positive in fired if hit and not positive)
        fn = sum(1 for hit, positive in fired if positive and not hit)
        p, r, f = prf(tp, fp, fn)
        scores.append(FoldScore(p, r, f, lexicon.threshold, sum(map(len, lexicon.terms.values())), len(test)))
    return scores


def learn(
    records: Iterable[Any],
    label_map: LabelMap,
    label_field: str,
    settings: Settings,
    exclude: tuple[str, tuple[str, ...]] | None = None,
) -> Learning:
    """Read labeled records, cross-validate, and learn the final lexicon from all of them.

    Raises:
        UsageError: the target is not a class of the map, the settings are out of range,
            or there is too little data (fewer target comments than folds, or no other comment).
    """
    if settings.folds < 2:
        raise UsageError("--folds must be at least 2")
    examples, skipped = collect(records, label_map, label_field, settings, exclude)
    n_pos = sum(e.positive for e in examples)
    if n_pos < settings.folds or len(examples) - n_pos < settings.folds:
        raise UsageError(
            f"too little data: {n_pos} '{settings.target}' and {len(examples) - n_pos} other labeled comments;"
            f" each must be at least --folds ({settings.folds})"
        )
    per_lang: dict[str, Counter[bool]] = {}
    for e in examples:
        per_lang.setdefault(e.lang, Counter())[e.positive] += 1
    return Learning(
        settings,
        label_field,
        label_map,
        fit(examples, settings),
        cross_validate(examples, settings),
        per_lang,
        **skipped,
    )
