"""Routing suites: hand-written comments with the routing a business owner expects.

A suite is a folder of ``TRADE.LANG.yaml`` files (or one such file), each a
list of cases::

    - id: bakery-fr-cake-late
      text: "Le gâteau d'anniversaire est arrivé en retard, la fête était finie."
      stars: 2                                   # optional review rating, given to the rules as a field
      expect: {category: complaint, option: 1, escalate: false}
      invariant: N2                              # N1..N7 (docs/rules.md) or none
      why: "'retard' is a delay, not an insult"

``category`` and ``option`` may be lists when several answers are right. A
case passes when its category, option and escalation are among the expected.
``replykit eval SUITE`` runs one; the default rules' own suite is
tests/cases/routing/.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any, NamedTuple

from replykit.errors import UsageError
from replykit.rules.model import CATEGORIES, Rules

INVARIANTS = ("N1", "N2", "N3", "N4", "N5", "N6", "N7", "none")
_REQUIRED = ("id", "text", "expect", "invariant", "why")
_FILE = re.compile(r"^(?P<trade>[a-z0-9_-]+)\.(?P<lang>en|fr)\.ya?ml$")


class Case(NamedTuple):
    id: str
    text: str
    stars: int | None
    file: str
    trade: str
    lang: str
    invariant: str
    why: str
    categories: tuple[str, ...]
    options: tuple[int | None, ...]
    escalate: bool


class CaseResult(NamedTuple):
    case: Case
    category: str
    option: int | None
    escalate: bool

    @property
    def passed(self) -> bool:
        c = self.case
        return self.category in c.categories and self.option in c.options and self.escalate == c.escalate


def is_suite(path: Path) -> bool:
    """A folder, or a ``.yaml`` file: what ``replykit eval`` reads as a suite."""
    return path.is_dir() or path.suffix in (".yaml", ".yml")


def load_suite(path: Path) -> list[Case]:
    """Every case of the suite, checked; a malformed one is a UsageError naming its file and case."""
    files = sorted(p for p in path.iterdir() if _FILE.match(p.name)) if path.is_dir() else [path]
    if not files:
        raise UsageError(f"{path}: no TRADE.LANG.yaml case files (for example bakery.fr.yaml)")
    cases: list[Case] = []
    for file in files:
        cases.extend(_load_file(file))
    seen: dict[str, str] = {}
    for case in cases:
        if case.id in seen:
            raise UsageError(f"{case.file}: case '{case.id}' is already in {seen[case.id]}")
        seen[case.id] = case.file
    return cases


def _load_file(file: Path) -> list[Case]:
    import yaml

    match = _FILE.match(file.name)
    if not match:
        raise UsageError(f"{file}: a suite file is named TRADE.LANG.yaml (LANG en or fr)")
    try:
        data = yaml.safe_load(file.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise UsageError(f"{file}: cannot read the suite: {str(exc).splitlines()[0]}") from None
    if not isinstance(data, list):
        raise UsageError(f"{file}: expected a list of cases")
    return [_case(raw, f"{file}: case {i + 1}", file.name, match["trade"], match["lang"]) for i, raw in enumerate(data)]


def _case(raw: Any, where: str, file: str, trade: str, lang: str) -> Case:
    if not isinstance(raw, dict):
        raise UsageError(f"{where}: expected a mapping")
    # a review with stars and no words is a case too: its text may be empty when it has stars
    missing = [key for key in _REQUIRED if raw.get(key) in (None, "") and not (key == "text" and "stars" in raw)]
    if missing:
        raise UsageError(f"{where}: missing {', '.join(missing)}")
    expect = raw["expect"]
    if not isinstance(expect, dict) or set(expect) != {"category", "option", "escalate"}:
        raise UsageError(f"{where} ({raw['id']}): expect must hold category, option and escalate")
    if raw["invariant"] not in INVARIANTS:
        raise UsageError(f"{where} ({raw['id']}): invariant must be one of {', '.join(INVARIANTS)}")
    categories = tuple(_listed(expect["category"]))
    options = tuple(None if o == "none" else o for o in _listed(expect["option"]))
    if not set(categories) <= set(CATEGORIES) or not set(options) <= {1, 2, None}:
        raise UsageError(f"{where} ({raw['id']}): unknown category or option in {expect}")
    if not isinstance(expect["escalate"], bool):
        raise UsageError(f"{where} ({raw['id']}): expect.escalate must be true or false")
    stars = raw.get("stars")
    return Case(str(raw["id"]), str(raw["text"]), stars, file, trade, lang, raw["invariant"], str(raw["why"]),
                categories, options, expect["escalate"])  # fmt: skip


def _listed(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def run_suite(cases: Iterable[Case], rules: Rules) -> list[CaseResult]:
    """Route every case with ``rules`` (its ``stars`` as a record field)."""
    from replykit.triage.walk import triage

    results = []
    for case in cases:
        fields = {"stars": case.stars} if case.stars is not None else None
        outcome = triage(rules, case.text, fields=fields).outcome
        results.append(CaseResult(case, outcome.category, outcome.option, outcome.escalate))
    return results


def pass_rates(results: Iterable[CaseResult], key: str) -> dict[str, tuple[int, int]]:
    """``{group: (passed, total)}`` by a case attribute: ``invariant``, ``lang`` or ``trade``."""
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for result in results:
        group = counts[getattr(result.case, key)]
        group[0] += result.passed
        group[1] += 1
    order = INVARIANTS if key == "invariant" else sorted(counts)
    return {name: (counts[name][0], counts[name][1]) for name in order if name in counts}


def summary(results: list[CaseResult], source: str) -> dict[str, Any]:
    """The report of one run: counts, pass rates per invariant, language and trade, the failures."""
    rates = {
        f"by_{key}": {name: {"passed": ok, "cases": total} for name, (ok, total) in pass_rates(results, key).items()}
        for key in ("invariant", "lang", "trade")
    }
    return {
        "suite": source,
        "cases": len(results),
        "passed": sum(r.passed for r in results),
        **rates,
        "failures": [_failure(r) for r in results if not r.passed],
    }


def _failure(r: CaseResult) -> dict[str, Any]:
    c = r.case
    return {
        "id": c.id,
        "file": c.file,
        "invariant": c.invariant,
        "text": c.text,
        "why": c.why,
        "expected": {"category": list(c.categories), "option": list(c.options), "escalate": c.escalate},
        "got": {"category": r.category, "option": r.option, "escalate": r.escalate},
    }
