"""Output of ``replykit eval SUITE``: pass rates and failing cases, as text or ``replykit.suite/1`` JSON.

Both print the summary :func:`replykit.measure.suite.summary` builds. Case
texts are written by users and may hold anything: text output passes them
through :func:`replykit.text.normalize.printable`.
"""

from __future__ import annotations

import json
from typing import Any

from replykit.text.normalize import printable

SCHEMA = "replykit.suite/1"


def as_json(report: dict[str, Any]) -> str:
    return json.dumps({"schema": SCHEMA, **report}, ensure_ascii=False, indent=2) + "\n"


def as_text(report: dict[str, Any], errors: int) -> str:
    passed, cases = report["passed"], report["cases"]
    lines = [f"{report['suite']}: {passed} of {cases} cases route as expected ({_pct(passed, cases)})"]
    for key in ("invariant", "lang", "trade"):
        lines.append(f"per {key}:")
        rates = report[f"by_{key}"].items()
        lines += [f"  {name:<12} {r['passed']:>4}/{r['cases']:<4} {_pct(r['passed'], r['cases'])}" for name, r in rates]
    failures = report["failures"]
    lines += [_failure_text(f) for f in failures[:errors]]
    if len(failures) > errors:
        lines.append(f"({len(failures) - errors} more failing cases; --errors N shows more)")
    return "\n".join(lines) + "\n"


def _failure_text(f: dict[str, Any]) -> str:
    exp, got = f["expected"], f["got"]
    expected = f"{_shown(exp['category'])}/{_shown(exp['option'])}{'/escalate' if exp['escalate'] else ''}"
    routed = f"{got['category']}/{_shown([got['option']])}{'/escalate' if got['escalate'] else ''}"
    return (
        f"- {f['id']} [{f['invariant']}, {f['file']}]: expected {expected}, got {routed}\n"
        f"    {printable(f['text'])[:200]}\n    why: {printable(f['why'])}"
    )


def _shown(values: list[Any]) -> str:
    return "|".join("none" if v is None else str(v) for v in values)


def _pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "-"
