"""Golden cases of the listening stage: tests/cases/listening/*.yaml, comment -> what must be heard.

Each case gives a comment (``text``, optionally ``lang``) and the fields it
must yield, through ``replykit.suggest`` as a user calls it. Only the fields
a case names are checked; ``null`` means "must not be heard". Aspects are
ids: ``subject`` and ``praised`` one id, ``aspects`` ids that must all be
among those heard. Phrases are compared on their ``text``, ``channels`` as
a list of ids, ``people`` as ``{name: stance}``, ``ask`` on ``kind`` and,
when given, ``clause``, ``about`` and ``channel``; ``duration_kind`` is the
duration's ``kind`` (wait, after, late).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

import support
from replykit import suggest

CASES = Path(__file__).parents[1] / "cases" / "listening"


def load_cases() -> list[Any]:
    params = []
    for file in sorted(CASES.glob("*.yaml")):
        for i, case in enumerate(yaml.safe_load(file.read_text("utf-8"))):
            params.append(pytest.param(case, id=f"{file.stem}-{i + 1}"))
    return params


def test_there_are_enough_cases_in_both_languages() -> None:
    langs = [case.get("lang") or file_lang for case, file_lang in _with_file_langs()]
    assert len(langs) >= 120
    assert langs.count("fr") >= 50 and langs.count("en") >= 50


def _with_file_langs() -> list[tuple[dict[str, Any], str]]:
    out = []
    for file in sorted(CASES.glob("*.yaml")):
        out += [(case, file.stem.split(".")[-1]) for case in yaml.safe_load(file.read_text("utf-8"))]
    return out


@pytest.mark.parametrize("case", load_cases())
def test_case(case: dict[str, Any], rules: Any) -> None:
    heard = suggest(case["text"], rules=rules, lang=case.get("lang")).heard
    problems = []
    for key, expected in case["expect"].items():
        got = _value(heard, key)
        if key == "aspects":
            missing = [a for a in expected if a not in got]
            if missing:
                problems.append(f"aspects: {missing} not among {got}")
        elif key == "ask" and expected is not None and got is not None:
            if any(expected.get(part, got[part]) != got[part] for part in ("kind", "clause", "about", "channel")):
                problems.append(f"ask: expected {expected}, got {got}")
        elif got != expected:
            problems.append(f"{key}: expected {expected!r}, got {got!r}")
    assert not problems, f"{case['text']!r}\n" + "\n".join(problems)


def _value(heard: Any, key: str) -> Any:
    if key == "duration_kind":
        return heard.duration.kind if heard.duration else None
    value = getattr(heard, "channels_tried" if key == "channels" else key)
    if key in ("subject", "praised"):
        return value.id if value else None
    if key == "aspects":
        return [a.id for a in value]
    if key == "channels":
        return [c.id for c in value]
    if key == "people":
        return {p.name: p.stance for p in value}
    if key == "ask":
        if value is None:
            return None
        return {"kind": value.kind, "clause": value.clause, "about": value.about, "channel": value.channel}
    return value.text if value else None


@pytest.fixture(scope="module")
def rules() -> Any:
    return support.default_rules()
