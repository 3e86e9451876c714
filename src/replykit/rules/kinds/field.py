"""The ``field`` kind: a field of the record the comment came with (shares, platform...)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from replykit.rules.conditions import to_number
from replykit.rules.model import Signal

if TYPE_CHECKING:
    from replykit.rules.checker import Checker
    from replykit.rules.yamlsrc import KeyPath
    from replykit.triage.walk import Facts

KIND = "field"
KEYS = ("field", "values")


def parse(check: Checker, raw: dict[str, Any], path: KeyPath, common: dict[str, Any]) -> Signal:
    values = tuple(v.casefold() for v in check.string_list(raw.get("values", []), (*path, "values")))
    return Signal(**common, field_name=check.string(raw.get("field", ""), (*path, "field")), values=values)


def value(facts: Facts, signal: Signal) -> tuple[float, None]:
    raw = facts.fields.get(signal.field_name)
    if raw is None:  # the usual case: most records do not carry every field
        return 0.0, None
    if signal.values:
        return (1.0 if str(raw).casefold() in signal.values else 0.0), None
    return to_number(raw) or 0.0, None


def evidence(facts: Facts, signal: Signal, value: float, details: None) -> list[str]:
    return [f"{signal.field_name}={facts.fields.get(signal.field_name)}"]
