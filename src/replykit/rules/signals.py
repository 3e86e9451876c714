"""The ``signals:`` section: each signal's common keys, then the keys of its kind (``rules/kinds/``)."""

from __future__ import annotations

from typing import Any

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
