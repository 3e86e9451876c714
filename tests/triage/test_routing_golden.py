"""The golden routing suite: hand-written comments for small businesses, in French and English.

Each case under tests/cases/routing/ states the category, option and escalation a
business owner expects, and the invariant (N1-N7, docs/rules.md) it guards. Every
case must route as written, except those listed in known_failures.txt, which must
still fail: a fix removes its line, and a new failure is a regression.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

import support
from replykit.triage.walk import triage

SUITE = support.TESTS / "cases" / "routing"


def known_failures() -> dict[str, str]:
    lines = (SUITE / "known_failures.txt").read_text("utf-8").splitlines()
    pairs = (line.split(None, 1) for line in lines if line.strip() and not line.startswith("#"))
    return {case_id: why for case_id, why in pairs}


def cases() -> list[Any]:
    params = []
    for path in sorted(SUITE.glob("*.yaml")):
        for case in yaml.safe_load(path.read_text("utf-8")):
            params.append(pytest.param(path, case, id=case["id"]))
    return params


def as_set(value: Any) -> set[Any]:
    values = value if isinstance(value, list) else [value]
    return {None if v == "none" else v for v in values}


def routed(case: dict[str, Any]) -> tuple[str, Any, bool]:
    fields = {"stars": case["stars"]} if "stars" in case else None
    outcome = triage(support.default_rules(), case["text"], fields=fields).outcome
    return outcome.category, outcome.option, outcome.escalate


@pytest.mark.parametrize(("path", "case"), cases())
def test_golden_case_routes_as_the_business_owner_expects(path: Path, case: dict[str, Any]) -> None:
    expect = case["expect"]
    category, option, escalate = routed(case)
    ok = category in as_set(expect["category"]) and option in as_set(expect["option"])
    ok = ok and escalate == expect["escalate"]
    known = known_failures()
    if case["id"] in known:
        assert not ok, f"{case['id']} now routes as expected: remove it from known_failures.txt"
        return
    assert ok, f"{path.name} {case['id']}: got {category}/{option}/escalate={escalate}; why: {case['why']}"


def test_every_known_failure_names_a_case() -> None:
    ids = {param.id for param in cases()}
    assert set(known_failures()) <= ids
