"""The ``any_of`` kind: a signal that fires when one of its member signals fires.

A union written once and tested by several nodes, instead of the same
``any: [a, b, c]`` repeated in each: ``signals: [a, b, c]`` names the
members, which may be of any kind (another ``any_of`` or ``sum`` too) and may
come from an included file. The value is 1 when a member fires (each member
with its own ``min`` and ``max``), else 0; the evidence is that of every
member that fired. Unknown members and cycles are checked once every signal
is known (:func:`replykit.rules.signals.check_members`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from replykit.rules.model import Signal

if TYPE_CHECKING:
    from replykit.rules.checker import Checker
    from replykit.rules.yamlsrc import KeyPath
    from replykit.triage.walk import Facts

KIND = "any_of"
KEYS = ("signals",)


def parse(check: Checker, raw: dict[str, Any], path: KeyPath, common: dict[str, Any]) -> Signal:
    return Signal(**common, members=parse_members(check, raw, path, common["name"]))


def parse_members(check: Checker, raw: dict[str, Any], path: KeyPath, name: str) -> tuple[str, ...]:
    """The member names of ``signals:``, each remembered with its place for :func:`check_members`."""
    if "signals" not in raw:
        check.error(path, "missing required key 'signals'")
        return ()
    items = check.sequence(raw["signals"], (*path, "signals"))
    if isinstance(raw["signals"], list) and not items:
        check.error((*path, "signals"), "'signals' needs at least one signal")
    members: list[str] = []
    for i, item in enumerate(items):
        member = check.string(item, (*path, "signals", i))
        if member in members:
            check.error((*path, "signals", i), f"signal '{member}' is listed twice")
        elif member:
            members.append(member)
            check.members.setdefault(name, []).append((member, check.doc.where((*path, "signals", i))))
    return tuple(members)


def settled_by_scan(signals: dict[str, Signal], scanned: frozenset[str]) -> tuple[Signal, ...]:
    """The ``any_of`` and ``sum`` signals made only of ``scanned`` signals (lexicons), members first.

    Their value follows from the lexicon scan of a comment alone, so the walk
    settles them with it (:func:`value_from_scan`) instead of asking each
    member in turn when a node consults them.
    """
    settled: dict[str, Signal] = {}
    known = set(scanned)
    pending = [s for s in signals.values() if s.kind in (KIND, "sum") and s.members]
    while pending:
        ready = [s for s in pending if known.issuperset(s.members)]
        if not ready:
            break  # the rest have a member of another kind (a pattern, a stat...)
        for signal in ready:
            settled[signal.name] = signal
            known.add(signal.name)
        pending = [s for s in pending if s.name not in settled]
    return tuple(settled.values())


def value_from_scan(signal: Signal, fired: set[str], values: dict[str, tuple[float, bool, list[str]]]) -> float:
    """Its value once its members are settled: ``fired`` names those that fired (``values``: unused)."""
    return 0.0 if fired.isdisjoint(signal.members) else 1.0


def value(facts: Facts, signal: Signal) -> tuple[float, None]:
    for member in signal.members:
        if facts.signal_value(member)[1]:
            return 1.0, None
    return 0.0, None


def evidence(facts: Facts, signal: Signal, value: float, details: None) -> list[str]:
    return members_evidence(facts, signal)


def members_evidence(facts: Facts, signal: Signal) -> list[str]:
    """The evidence of every member that fired, in the order of ``signals:``, each word once."""
    return list(dict.fromkeys(word for member in signal.members for word in facts.evidence(member)))
