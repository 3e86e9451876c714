"""The ``sum`` kind: the sum of the values of its member signals.

"One strong word or two weak ones" written once, from signals that already
exist: ``signals: [a, b, c]`` names the members (any kind, from this file or
an included one), the value is the sum of their values (a member counts its
value even below its own ``min``), and ``min``/``max`` apply to the sum. The
evidence is that of every member that fired. Members are parsed and checked
as for ``any_of`` (:mod:`replykit.rules.kinds.any_of`). The module is
``sum_of`` so as not to shadow the builtin ``sum``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from replykit.rules.kinds.any_of import members_evidence, parse_members
from replykit.rules.model import Signal

if TYPE_CHECKING:
    from replykit.rules.checker import Checker
    from replykit.rules.yamlsrc import KeyPath
    from replykit.triage.walk import Facts

KIND = "sum"
KEYS = ("signals",)


def parse(check: Checker, raw: dict[str, Any], path: KeyPath, common: dict[str, Any]) -> Signal:
    return Signal(**common, members=parse_members(check, raw, path, common["name"]))


def value(facts: Facts, signal: Signal) -> tuple[float, None]:
    return sum(facts.signal_value(member)[0] for member in signal.members), None


def value_from_scan(signal: Signal, fired: set[str], values: dict[str, tuple[float, bool, list[str]]]) -> float:
    """Its value once its members are settled (:func:`replykit.rules.kinds.any_of.settled_by_scan`).

    ``values`` holds the members with a value; the others (no hit) count 0.
    """
    return sum(values[member][0] if member in values else 0.0 for member in signal.members)


def evidence(facts: Facts, signal: Signal, value: float, details: None) -> list[str]:
    return members_evidence(facts, signal)
