"""`when` conditions: structured YAML parsed into tuples, never ``eval``.

Forms accepted in rules.yaml::

    when: legal_threat                      # a signal fires
    when: {signal: shouting, min: 0.7}      # a signal's value within bounds
    when: {field: shares, min: 500}         # a record field (batch input)
    when: {lang: fr}
    when: {policy: reply_to_general}
    when: {all: [...]} / {any: [...]} / {not: ...}
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol

from replykit.rules.model import LANGS, Condition, Signal

if TYPE_CHECKING:
    from replykit.rules.checker import Checker
    from replykit.rules.yamlsrc import KeyPath

OPERATORS = ("all", "any", "not", "signal", "field", "lang", "policy")
_BOUNDS = ("min", "max")


def parse(check: Checker, value: Any, path: KeyPath, signals: dict[str, Signal], policy: dict[str, bool]) -> Condition:
    """Turn a `when` value into a condition tuple, reporting problems to ``check``."""
    if value is True:
        return ("true",)
    if isinstance(value, str):
        return _signal_ref(check, value, None, None, path, signals)
    if not isinstance(value, dict):
        check.error(path, "a condition is a signal name or a mapping with one of: " + ", ".join(OPERATORS))
        return ("true",)
    ops = [key for key in value if key in OPERATORS]
    if len(ops) != 1:
        found = ", ".join(map(str, value)) or "nothing"
        check.error(path, f"a condition needs exactly one of {', '.join(OPERATORS)} (found: {found})")
        return ("true",)
    return _PARSERS[ops[0]](check, value, path, signals, policy)


def _combine(
    check: Checker, value: dict[str, Any], path: KeyPath, signals: dict[str, Signal], policy: dict[str, bool]
) -> Condition:
    op = "all" if "all" in value else "any"
    check.mapping(value, path, (op,))
    items = check.sequence(value[op], (*path, op))
    if value[op] is not None and not items and isinstance(value[op], list):
        check.error((*path, op), f"'{op}' needs at least one condition")
    return (op, tuple(parse(check, item, (*path, op, i), signals, policy) for i, item in enumerate(items)))


def _negate(
    check: Checker, value: dict[str, Any], path: KeyPath, signals: dict[str, Signal], policy: dict[str, bool]
) -> Condition:
    check.mapping(value, path, ("not",))
    return ("not", parse(check, value["not"], (*path, "not"), signals, policy))


def _signal(
    check: Checker, value: dict[str, Any], path: KeyPath, signals: dict[str, Signal], policy: dict[str, bool]
) -> Condition:
    check.mapping(value, path, ("signal", *_BOUNDS))
    low, high = _bounds(check, value, path)
    name = check.string(value["signal"], (*path, "signal"))
    return _signal_ref(check, name, low, high, (*path, "signal"), signals)


def _signal_ref(
    check: Checker, name: str, low: float | None, high: float | None, path: KeyPath, signals: dict[str, Signal]
) -> Condition:
    from replykit.rules.checker import did_you_mean

    public = tuple(s for s in signals if not s.startswith("solution:"))
    if name not in signals:
        check.error(path, f"unknown signal '{name}': {did_you_mean(name, public)}")
    return ("signal", name, low, high)


def _field(
    check: Checker, value: dict[str, Any], path: KeyPath, signals: dict[str, Signal], policy: dict[str, bool]
) -> Condition:
    check.mapping(value, path, ("field", "in", *_BOUNDS))
    low, high = _bounds(check, value, path)
    values = tuple(v.casefold() for v in check.string_list(value.get("in", []), (*path, "in")))
    if low is None and high is None and not values:
        low = 1.0
    return ("field", check.string(value["field"], (*path, "field")), low, high, values)


def _lang(
    check: Checker, value: dict[str, Any], path: KeyPath, signals: dict[str, Signal], policy: dict[str, bool]
) -> Condition:
    check.mapping(value, path, ("lang",))
    return ("lang", check.choice(value["lang"], (*path, "lang"), LANGS))


def _policy(
    check: Checker, value: dict[str, Any], path: KeyPath, signals: dict[str, Signal], policy: dict[str, bool]
) -> Condition:
    from replykit.rules.checker import did_you_mean

    check.mapping(value, path, ("policy",))
    name = check.string(value["policy"], (*path, "policy"))
    if name and name not in policy:
        check.error((*path, "policy"), f"unknown policy '{name}': {did_you_mean(name, tuple(policy))}")
    return ("policy", name)


def _bounds(check: Checker, value: dict[str, Any], path: KeyPath) -> tuple[float | None, float | None]:
    low = check.number(value["min"], (*path, "min")) if "min" in value else None
    high = check.number(value["max"], (*path, "max")) if "max" in value else None
    return low, high


_PARSERS = {
    "all": _combine,
    "any": _combine,
    "not": _negate,
    "signal": _signal,
    "field": _field,
    "lang": _lang,
    "policy": _policy,
}


class Facts(Protocol):
    """What a condition can ask about one comment."""

    lang: str
    policy: dict[str, bool]
    fired_names: set[str]
    seen: list[str]  # the fired signals a check consulted, for the explanation

    def signal_value(self, name: str) -> tuple[float, bool]: ...

    def field_value(self, name: str) -> Any: ...


Check = Callable[[Facts], bool]


def compile_condition(cond: Condition, settled: frozenset[str] = frozenset()) -> Check:
    """The condition as a closure: what the tree walk runs for every comment.

    Built once per rules object, so a comment never re-reads the tuples.
    ``settled`` names the signals whose firing is known before the walk
    (``facts.fired_names``), checked without a method call.
    """
    op = cond[0]
    if op == "signal":
        return _compile_signal(cond[1], cond[2], cond[3], cond[1] in settled)
    if op in ("any", "all"):
        return _compile_combination(op, _compile_parts(op, cond[1], settled))
    if op == "not":
        inner = compile_condition(cond[1], settled)
        return lambda facts: not inner(facts)
    if op == "field":
        name, low, high, values = cond[1:5]
        return lambda facts: field_matches(facts.field_value(name), low, high, values)
    if op == "lang":
        lang = cond[1]
        return lambda facts: facts.lang == lang
    if op == "policy":
        policy = cond[1]
        return lambda facts: bool(facts.policy.get(policy, False))
    return lambda facts: True


def _compile_signal(name: str, low: float | None, high: float | None, settled: bool) -> Check:
    # Every check notes the signals it consulted that fired (facts.seen): the
    # explanation of a node is what decided it, not every word in the comment.
    if settled:
        if low is None and high is None:

            def settled_fired(facts: Facts) -> bool:
                if name in facts.fired_names:
                    facts.seen.append(name)
                    return True
                return False

            return settled_fired

        def settled_within(facts: Facts) -> bool:
            if name in facts.fired_names:
                facts.seen.append(name)
            return within(facts.signal_value(name)[0], low, high)

        return settled_within

    def computed(facts: Facts) -> bool:
        value, fired = facts.signal_value(name)
        if fired:
            facts.seen.append(name)
        return fired if low is None and high is None else within(value, low, high)

    return computed


def _compile_parts(op: str, parts: tuple[Condition, ...], settled: frozenset[str]) -> tuple[Check, ...]:
    """One check per part, except that a run of plain settled signals becomes one set test.

    Runs are only merged where they stand side by side, so signals are still
    looked at in the order the rules list them.
    """
    checks: list[Check] = []
    run: list[str] = []
    for part in (*parts, None):
        if part is not None and part[0] == "signal" and part[1] in settled and part[2] is None and part[3] is None:
            run.append(part[1])
            continue
        if run:
            single = len(run) == 1
            checks.append(_compile_signal(run[0], None, None, True) if single else _settled_run(op, tuple(run)))
            run = []
        if part is not None:
            checks.append(compile_condition(part, settled))
    return tuple(checks)


def _settled_run(op: str, names: tuple[str, ...]) -> Check:
    """``any``/``all`` over plain settled signals: one set test, then the names it consulted, in order."""
    as_set = frozenset(names)
    if op == "any":

        def any_fired(facts: Facts) -> bool:
            fired = facts.fired_names
            if as_set.isdisjoint(fired):
                return False
            facts.seen.append(next(name for name in names if name in fired))  # where any() stops
            return True

        return any_fired

    def all_fired(facts: Facts) -> bool:
        fired = facts.fired_names
        if as_set <= fired:
            facts.seen.extend(names)
            return True
        for name in names:  # all() stops at the first that did not fire
            if name not in fired:
                return False
            facts.seen.append(name)
        return False  # pragma: no cover - the subset test above took this case

    return all_fired


def _compile_combination(op: str, parts: tuple[Check, ...]) -> Check:
    if len(parts) == 1:
        return parts[0]
    # Plain loops: any()/all() over a generator cost a frame per comment and node.
    if op == "any":

        def any_of(facts: Facts) -> bool:
            for part in parts:  # noqa: SIM110
                if part(facts):
                    return True
            return False

        return any_of

    def all_of(facts: Facts) -> bool:
        for part in parts:  # noqa: SIM110
            if not part(facts):
                return False
        return True

    return all_of


def within(value: float, low: float | None, high: float | None) -> bool:
    return (low is None or value >= low) and (high is None or value <= high)


def field_matches(value: Any, low: float | None, high: float | None, values: tuple[str, ...]) -> bool:
    if value is None or value == "":
        return False
    if values:
        return str(value).casefold() in values
    number = to_number(value)
    return number is not None and within(number, low, high)


def to_number(value: Any) -> float | None:
    """Numbers in records arrive as JSON numbers or CSV strings ("1,200", "3.4k")."""
    if isinstance(value, bool):
        return float(value)
    if isinstance(value, (int, float)):
        return float(value)
    text = str(value).strip().lower().replace(",", "").replace("_", "").replace(" ", "")
    scale = {"k": 1e3, "m": 1e6}.get(text[-1:], 1.0) if text else 1.0
    try:
        return float(text[:-1] if scale != 1.0 else text) * scale
    except ValueError:
        return None
