"""What an ``eval`` or ``learn`` run left out, as messages: bad, unlabeled, unmapped and excluded records."""

from __future__ import annotations

from typing import Any


def skipped_messages(result: Any, name: str) -> list[tuple[str, str]]:
    """``(level, message)`` pairs, ``error`` or ``note``, about the records of ``name`` the run skipped.

    ``result`` is an :class:`~replykit.measure.evaluate.Evaluation` or a
    :class:`~replykit.measure.learn.Learning`: both count what they skipped alike.
    """
    out = [("error", f"{name}:{line}: {error}") for line, error in result.bad]
    if result.bad_count > len(result.bad):
        out.append(("error", f"... {result.bad_count - len(result.bad)} more bad records"))
    if result.bad_count:
        out.append(("error", f"{result.bad_count} bad records skipped"))
    field = result.label_field
    if result.unlabeled.count:
        lines = ", ".join(map(str, result.unlabeled.lines))
        message = f"{result.unlabeled.count} records without a '{field}' label skipped (lines {lines})"
        out.append(("error", f"{message}; see --label-field"))
    if result.unmapped.count:
        lines = ", ".join(map(str, result.unmapped.lines))
        values = ", ".join(repr(v) for v, _ in result.unmapped.values.most_common(5))
        message = f"{result.unmapped.count} records with an unmapped '{field}' label ({values}) skipped"
        out.append(("error", f"{message} (lines {lines}); see --map"))
    if result.excluded.count:
        out.append(("note", f"{result.excluded.count} records left out by the preset"))
    return out
