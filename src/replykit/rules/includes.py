"""Signals borrowed from other files: the top-level ``include:`` key of rules.yaml.

An included file holds ``signals:`` (a learned lexicon, a shared word list)
and/or a ``listening:`` section (the vocabularies of the listening stage, see
``rules/listening.py``), so it can be regenerated and reviewed in a diff apart
from the tree.
Paths are relative to the including file; an included file cannot include
others (depth 1). Its problems are located in its own file, a name it reuses
is an error, and the compiled rules remember each file's modification time
and size so a changed included file invalidates the rules cache.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from replykit.errors import Location, RulesError
from replykit.rules.checker import Checker, type_name
from replykit.rules.listening import Parts, parse_listening
from replykit.rules.model import Signal
from replykit.rules.signals import parse_signals
from replykit.rules.yamlsrc import KeyPath, load_yaml

INCLUDED_KEYS = ("version", "signals", "listening")

# (resolved path, st_mtime_ns, st_size) of one included file, for the cache
Stamp = tuple[str, int, int]


def parse_includes(
    check: Checker, value: Any, signals: dict[str, Signal], listening: Parts | None = None
) -> tuple[Stamp, ...]:
    """Load every file named by ``include:``; add its signals to ``signals``, its ``listening:`` to ``listening``.

    Problems are appended to ``check.problems``, each with its own file's location.
    """
    entries = [value] if isinstance(value, str) else check.sequence(value, ("include",))
    base = Path(check.doc.filename).parent
    origins = {name: _place(check.doc.where(("signals", name))) for name in signals}
    stamps: list[Stamp] = []
    for i, entry in enumerate(entries):
        path: KeyPath = ("include",) if isinstance(value, str) else ("include", i)
        name = check.string(entry, path)
        if not name:
            continue
        file = base / name
        resolved = str(file.resolve())
        if any(stamp[0] == resolved for stamp in stamps):
            check.error(path, f"'{name}' is included twice")
            continue
        stamp = _include_one(check, path, name, file, signals, origins, listening or Parts())
        if stamp:
            stamps.append(stamp)
    return tuple(stamps)


def _include_one(
    check: Checker,
    path: KeyPath,
    name: str,
    file: Path,
    signals: dict[str, Signal],
    origins: dict[str, str],
    listening: Parts,
) -> Stamp | None:
    try:
        stat = file.stat()
        data = file.read_bytes()
    except OSError as exc:
        check.error(path, f"cannot read included file '{name}': {exc.strerror or exc}")
        return None
    try:
        sub = Checker(load_yaml(_decode(data, str(file)), str(file)))
    except RulesError as exc:
        check.problems.extend(exc.problems)
        return None
    top = sub.doc.data
    if not isinstance(top, dict):
        sub.error((), f"an included file holds a mapping with 'signals:' or 'listening:', got {type_name(top)}")
    elif "include" in top:
        sub.error(("include",), "an included file cannot include other files")
    else:
        sub.mapping(top, (), INCLUDED_KEYS, required=() if "listening" in top else ("signals",))
        if "listening" in top:
            parse_listening(sub, top["listening"], listening)
        found = parse_signals(sub, top.get("signals", {})) if "signals" in top else {}
        for signal_name, signal in found.items():
            if signal_name in origins:
                message = f"signal '{signal_name}' is already defined at {origins[signal_name]}"
                sub.error(("signals", signal_name), message)
            else:
                signals[signal_name] = signal
                origins[signal_name] = _place(sub.doc.where(("signals", signal_name)))
                if signal_name in sub.members:  # an any_of or sum: its members are checked with the rest
                    check.members[signal_name] = sub.members[signal_name]
    check.problems.extend(sub.problems)
    return str(file.resolve()), stat.st_mtime_ns, stat.st_size


def _place(where: Location) -> str:
    return f"{where.file}:{where.line}:{where.column}"


def _decode(data: bytes, filename: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        from replykit.text.inputs import byte_position

        line, column = byte_position(data, exc.start)
        raise RulesError([(Location(filename, line, column), "not valid UTF-8")]) from None


def check_included(text: str, filename: str) -> dict[str, Signal]:
    """Validate ``text`` as an included file on its own; return its signals or raise :class:`RulesError`."""
    sub = Checker(load_yaml(text, filename))
    data = sub.doc.data
    listening = isinstance(data, dict) and "listening" in data
    top = sub.mapping(data, (), INCLUDED_KEYS, required=() if listening else ("signals",))
    if listening:
        parse_listening(sub, top["listening"], Parts())
    found = parse_signals(sub, top["signals"]) if "signals" in top else {}
    if sub.problems:
        raise RulesError(sub.problems)
    return found
