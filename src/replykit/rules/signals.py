"""The ``signals:`` section: each signal's common keys, then the keys of its kind (``rules/kinds/``)."""

from __future__ import annotations

from typing import Any

from replykit.errors import Location
from replykit.rules.checker import Checker
from replykit.rules.kinds import REGISTRY
from replykit.rules.model import Signal
from replykit.rules.yamlsrc import KeyPath

SIGNAL_KEYS = {kind: module.KEYS for kind, module in REGISTRY.items()}
SIGNAL_COMMON = ("kind", "method", "description", "min", "max")


def parse_signals(check: Checker, value: Any) -> dict[str, Signal]:
    signals = {}
    for name, spec in check.mapping(value, ("signals",), None).items():
        path: KeyPath = ("signals", name)
        check.identifier(name, path)
        signal = parse_signal(check, name, spec, path)
        if signal:
            signals[name] = signal
    return signals


def parse_signal(check: Checker, name: str, spec: Any, path: KeyPath) -> Signal | None:
    raw = check.mapping(spec, path, None, required=("kind",))
    kind = check.choice(raw.get("kind", ""), (*path, "kind"), tuple(SIGNAL_KEYS)) if raw else ""
    if kind not in SIGNAL_KEYS:
        return None
    check.mapping(raw, path, SIGNAL_COMMON + SIGNAL_KEYS[kind])
    common: dict[str, Any] = {
        "name": name,
        "kind": kind,
        "method": check.methods(raw.get("method", []), (*path, "method")),
        "description": check.string(raw.get("description", ""), (*path, "description"), allow_empty=True),
        "minimum": check.number(raw["min"], (*path, "min")) if "min" in raw else 1.0,
        "maximum": check.number(raw["max"], (*path, "max")) if "max" in raw else None,
    }
    signal: Signal = REGISTRY[kind].parse(check, raw, path, common)
    return signal


def check_members(check: Checker, signals: dict[str, Signal]) -> None:
    """The members of ``any_of`` and ``sum`` signals: known names, and no signal made of itself.

    Run once every signal is known, included ones too; each problem is
    located at the member's entry in ``signals:``, in whichever file lists it.
    """
    from replykit.rules.checker import did_you_mean

    public = tuple(name for name in signals if not name.startswith("solution:"))
    graph: dict[str, list[tuple[str, Location]]] = {}
    for name, listed in check.members.items():
        if name not in signals or not signals[name].members:
            continue  # not kept (a name defined twice): that is reported already
        for member, where in listed:
            if member == name:
                check.problems.append((where, f"signal '{name}' cannot be a member of itself"))
            elif member not in signals:
                check.problems.append((where, f"unknown signal '{member}': {did_you_mean(member, public)}"))
            else:
                graph.setdefault(name, []).append((member, where))
    for where, cycle in _cycles(graph):
        check.problems.append((where, f"cycle in the signals: {' -> '.join(cycle)}"))


def _cycles(graph: dict[str, list[tuple[str, Location]]]) -> list[tuple[Location, list[str]]]:
    """Each cycle once, located at the member entry that closes it."""
    found: list[tuple[Location, list[str]]] = []
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(name: str) -> None:
        state[name] = 1
        path.append(name)
        for member, where in graph.get(name, ()):
            if state.get(member) == 1:
                found.append((where, [*path[path.index(member) :], member]))
            elif member not in state:
                visit(member)
        path.pop()
        state[name] = 2

    for name in graph:
        if name not in state:
            visit(name)
    return found
