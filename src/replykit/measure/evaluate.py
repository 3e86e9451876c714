"""Measure routing against labeled comments: label mappings and metrics (no printing).

A data set's own labels (``1``/``0``, ``negative``/``positive``, ``true``/``false``)
are mapped onto replykit's categories with a :class:`LabelMap`; a label mapped
to ``*rest`` makes every category not named in the map one class, ``rest``
(a binary evaluation such as complaint vs rest). Predicted categories can be
grouped (``complaint+general``: a prediction ``general`` counts as
``complaint``). :class:`Scores` holds the confusion matrix and the figures.
"""

from __future__ import annotations

import difflib
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from replykit.errors import UsageError
from replykit.rules.model import REST, REST_TARGET

CATEGORIES = ("complaint", "question", "general", "inappropriate", "praise", "other")
ANY_LABEL = "*"


def label_key(value: Any) -> str | None:
    """A label value as the map compares it: JSON ``true`` and CSV ``True`` are both ``true``."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip().casefold()
    return text or None


def _category(name: str, what: str) -> str:
    name = name.strip()
    if name in CATEGORIES:
        return name
    close = difflib.get_close_matches(name, CATEGORIES, n=1)
    hint = f" (did you mean '{close[0]}'?)" if close else ""
    raise UsageError(f"{what}: unknown category '{name}'{hint}; expected one of: {', '.join(CATEGORIES)}, *rest")


@dataclass(frozen=True)
class LabelMap:
    """How gold labels become classes, and predicted categories too."""

    targets: dict[str, str] = field(default_factory=dict)  # label key -> category or REST; empty: identity
    groups: dict[str, str] = field(default_factory=dict)  # predicted category -> the class it counts as

    @property
    def binary(self) -> bool:
        return REST in self.targets.values()

    @property
    def classes(self) -> list[str]:
        """The gold classes, in category order (``rest`` last)."""
        if not self.targets:
            return list(CATEGORIES)
        named = set(self.targets.values())
        return [c for c in CATEGORIES if c in named] + ([REST] if REST in named else [])

    def gold(self, value: Any) -> str | None:
        """The class of a gold label, or None when the map does not cover it."""
        key = label_key(value)
        if key is None:
            return None
        if not self.targets:
            return key if key in CATEGORIES else None
        return self.targets.get(key, self.targets.get(ANY_LABEL))

    def predicted(self, category: str) -> str:
        """The class a predicted category counts as."""
        category = self.groups.get(category, category)
        if self.binary and category not in self.targets.values():
            return REST
        return category

    def describe(self) -> dict[str, Any]:
        return {"labels": dict(self.targets), "predicted": dict(self.groups), "binary": self.binary}


def parse_map(spec: str) -> dict[str, str]:
    """``1=complaint,0=*rest`` -> ``{"1": "complaint", "0": "rest"}``; UsageError when malformed."""
    targets: dict[str, str] = {}
    items = [item for item in spec.split(",") if item.strip()]
    if not items:
        raise UsageError("--map is empty: expected LABEL=CATEGORY pairs, e.g. 1=complaint,0=*rest")
    for item in items:
        label, sep, target = item.partition("=")
        key = label_key(label)
        if not sep or key is None or not target.strip():
            raise UsageError(f"--map: '{item.strip()}' is not LABEL=CATEGORY (e.g. 1=complaint,0=*rest)")
        value = REST if target.strip() == REST_TARGET else _category(target, "--map")
        if targets.get(key, value) != value:
            raise UsageError(f"--map: label '{label.strip()}' is mapped twice ({targets[key]}, {value})")
        targets[key] = value
    if len(set(targets.values()) - {REST}) == 0:
        raise UsageError("--map: map at least one label onto a category (not only *rest)")
    return targets


def parse_groups(spec: str) -> dict[str, str]:
    """``complaint+general`` -> ``{"general": "complaint"}``; several groups separated by commas."""
    groups: dict[str, str] = {}
    for part in (p for p in spec.split(",") if p.strip()):
        names = [_category(n, "--predicted") for n in part.split("+")]
        for name in names[1:]:
            if groups.get(name, names[0]) != names[0]:
                raise UsageError(f"--predicted: '{name}' is in two groups")
            groups[name] = names[0]
    return groups


@dataclass(frozen=True)
class ClassScore:
    precision: float
    recall: float
    f1: float
    support: int  # gold comments of this class
    predicted: int  # comments predicted as this class


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision, recall and F1 (0.0 where undefined, as bench/quality.py counts them)."""
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


@dataclass
class Scores:
    """A confusion matrix (gold -> predicted -> count) and the figures derived from it."""

    classes: list[str]  # the gold classes the map defines
    matrix: dict[str, Counter[str]] = field(default_factory=dict)
    escalated: Counter[str] = field(default_factory=Counter)  # gold class -> comments sent to ESCALATE

    def add(self, gold: str, predicted: str, escalate: bool = False) -> None:
        self.matrix.setdefault(gold, Counter())[predicted] += 1
        if escalate:
            self.escalated[gold] += 1

    def escalated_non_complaints(self) -> tuple[int, int]:
        """(escalated, all) among comments whose gold class is not ``complaint``: a false alarm
        costs someone experienced their time, so this share should stay small (<= 2%)."""
        others = [gold for gold in self.matrix if gold != "complaint"]
        return sum(self.escalated[g] for g in others), sum(sum(self.matrix[g].values()) for g in others)

    @property
    def total(self) -> int:
        return sum(sum(row.values()) for row in self.matrix.values())

    def rows(self) -> list[str]:
        """Gold classes: the map's, then any other seen (identity maps see only categories)."""
        return self.classes + [g for g in self.matrix if g not in self.classes]

    def columns(self) -> list[str]:
        """Predicted classes: the gold classes first, then any other predicted."""
        seen = {p for row in self.matrix.values() for p in row}
        cols = self.rows()
        return cols + sorted(seen - set(cols), key=lambda c: CATEGORIES.index(c) if c in CATEGORIES else 99)

    def evaluated_classes(self) -> list[str]:
        """The classes macro-F1 averages: those with at least one gold comment."""
        return [c for c in self.rows() if sum(self.matrix.get(c, Counter()).values())]

    def per_class(self) -> dict[str, ClassScore]:
        out = {}
        for c in self.evaluated_classes():
            tp = self.matrix[c][c]
            support = sum(self.matrix[c].values())
            predicted = sum(row[c] for row in self.matrix.values())
            p, r, f = prf(tp, predicted - tp, support - tp)
            out[c] = ClassScore(p, r, f, support, predicted)
        return out

    def macro_f1(self) -> float:
        scores = self.per_class()
        return sum(s.f1 for s in scores.values()) / len(scores) if scores else 0.0

    def accuracy(self) -> float:
        total = self.total
        return sum(row[g] for g, row in self.matrix.items()) / total if total else 0.0

    def confusion(self) -> list[list[int]]:
        cols = self.columns()
        return [[self.matrix.get(g, Counter())[p] for p in cols] for g in self.rows()]


@dataclass(frozen=True)
class Preset:
    """A public data set's labels mapped onto the categories (the measures of bench/quality.py)."""

    name: str
    label_field: str
    targets: dict[str, str]
    groups: dict[str, str] = field(default_factory=dict)
    exclude: tuple[str, tuple[str, ...]] | None = None  # (field, values): records left out on purpose
    description: str = ""

    def label_map(self) -> LabelMap:
        return LabelMap(dict(self.targets), dict(self.groups))


PRESETS = {
    p.name: p
    for p in (
        Preset(
            "complaints_en",
            "complaint",
            {"1": "complaint", "0": REST},
            {"general": "complaint"},
            description="complaint 1/0 (Preotiuc-Pietro et al. 2019); predicted complaint or general",
        ),
        Preset(
            "offensive_en",
            "offensive",
            {"true": "inappropriate", "false": REST},
            description="offensive true/false (OLID, Zampieri et al. 2019); predicted inappropriate",
        ),
        Preset(
            "offensive_fr",
            "offensive",
            {"true": "inappropriate", "false": REST},
            description="any hate/offense label (MLMA) as offensive true/false; predicted inappropriate",
        ),
        Preset(
            "airline_en",
            "sentiment",
            {"negative": "complaint", "positive": "praise", "neutral": "other"},
            {"question": "complaint"},
            exclude=("negative_reason", ("Can't Tell",)),
            description="sentiment; negative with a known reason -> complaint or question, positive -> praise",
        ),
    )
}


def preset(name: str) -> Preset:
    try:
        return PRESETS[name]
    except KeyError:
        raise UsageError(f"unknown preset '{name}'; expected one of: {', '.join(PRESETS)}") from None


@dataclass(frozen=True)
class Misrouted:
    line: int
    id: Any
    text: str
    gold: str
    label: Any
    predicted: str
    category: str
    outcome: str
    lang: str
    path: tuple[Any, ...]  # engine.Step


@dataclass
class Skipped:
    count: int = 0
    lines: list[int] = field(default_factory=list)
    values: Counter[str] = field(default_factory=Counter)

    def add(self, line: int, value: Any = None, keep: int = 10) -> None:
        self.count += 1
        if len(self.lines) < keep:
            self.lines.append(line)
        if value is not None:
            self.values[str(value)] += 1


@dataclass(kw_only=True)
class ReadCounts:
    """What reading a labeled file met besides usable comments (eval and learn)."""

    records: int = 0
    unlabeled: Skipped = field(default_factory=Skipped)
    unmapped: Skipped = field(default_factory=Skipped)
    excluded: Skipped = field(default_factory=Skipped)
    bad: list[tuple[int, str]] = field(default_factory=list)
    bad_count: int = 0


@dataclass
class Evaluation(ReadCounts):
    """Everything one run measured."""

    label_field: str
    label_map: LabelMap
    scores: Scores
    misrouted: list[Misrouted] = field(default_factory=list)
    misrouted_count: int = 0

    @property
    def failed(self) -> bool:
        """Some records could not be evaluated (bad record, missing or unmapped label)."""
        return bool(self.bad_count or self.unlabeled.count or self.unmapped.count)


def evaluate(
    records: Any,
    rules: Any,
    label_map: LabelMap,
    label_field: str,
    *,
    lang: str | None = None,
    errors: int = 10,
    exclude: tuple[str, tuple[str, ...]] | None = None,
    keep_bad: int = 5,
) -> Evaluation:
    """Triage every record (batchio.Record) and compare the outcome with its label."""
    from replykit.triage.walk import triage

    result = Evaluation(label_field, label_map, Scores(label_map.classes))
    for rec in records:
        result.records += 1
        if rec.error:
            result.bad_count += 1
            if len(result.bad) < keep_bad:
                result.bad.append((rec.line, rec.error))
            continue
        fields = {k: v for k, v in rec.fields.items() if k != label_field}
        if exclude and rec.fields.get(exclude[0]) in exclude[1]:
            result.excluded.add(rec.line)
            continue
        label = rec.fields.get(label_field)
        if label_key(label) is None:
            result.unlabeled.add(rec.line)
            continue
        gold = label_map.gold(label)
        if gold is None:
            result.unmapped.add(rec.line, label)
            continue
        t = triage(rules, rec.text, lang=lang, fields=fields)
        predicted = label_map.predicted(t.outcome.category)
        result.scores.add(gold, predicted, t.outcome.escalate)
        if gold != predicted:
            result.misrouted_count += 1
            if len(result.misrouted) < errors:
                result.misrouted.append(
                    Misrouted(
                        rec.line,
                        rec.id,
                        rec.text,
                        gold,
                        label,
                        predicted,
                        t.outcome.category,
                        t.outcome.id,
                        t.lang,
                        t.path,
                    )
                )
    return result
