"""Shared by the tone and method checks: every template rendered once, reviewed once.

The public reply and private script of every outcome are rendered with every
sample context (replykit.lint.samples), each distinct text is reviewed once by
:func:`replykit.lint.tone.review`, and each check reports its own kind once per
template, for the worst sample (the most offending words), at the line of the
template where the first offending word is written when it can be found there.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from replykit.errors import ReplykitError
from replykit.lint.problem import Problem
from replykit.lint.target import Target
from replykit.lint.tone import category_of
from replykit.text.normalize import normalize

# template file -> kind -> (findings of the worst sample, that sample's description)
Worst = dict[str, dict[str, tuple[list[Any], str]]]


def worst_findings(target: Target) -> Worst:
    """Computed once per target and shared by every tone check."""
    cached: Worst | None = target.__dict__.get("_tone_worst")
    if cached is not None:
        return cached
    worst: Worst = {}
    target.__dict__["_tone_worst"] = worst
    rules, folder = target.rules, target.templates_dir
    if rules is None or folder is None:
        return worst
    from replykit.lint.samples import samples
    from replykit.lint.tone import contacts_of, review
    from replykit.reply.render import render, template_name

    reviewed: dict[tuple[str, str, str, bool, tuple[str, ...]], list[Any]] = {}
    for sample in samples(rules):
        category = category_of(sample.outcome)
        contacts = contacts_of(sample.context["profile"], sample.lang)
        for kind in ("public", "private"):
            if sample.lang not in sample.outcome.templates.get(kind, {}):
                continue
            try:
                text = render(folder, sample.outcome, kind, sample.lang, sample.context)
            except ReplykitError:
                continue  # template-syntax and the other template checks report these
            key = (text, sample.lang, category, kind == "public", contacts)
            if key not in reviewed:
                reviewed[key] = review(
                    text, sample.lang, rules, category=category, public=kind == "public", contacts=contacts
                )
            path = target.display(folder / template_name(sample.outcome, kind, sample.lang))
            by_kind: dict[str, list[Any]] = {}
            for finding in reviewed[key]:
                by_kind.setdefault(finding.kind, []).append(finding)
            slot = worst.setdefault(path, {})
            for finding_kind, findings in by_kind.items():
                if len(findings) > len(slot.get(finding_kind, ([], ""))[0]):
                    slot[finding_kind] = (findings, sample.describe())
    return worst


def problems(target: Target, kind: str, level: str) -> Iterator[Problem]:
    """The problems of one check, one per template."""
    for path, kinds in sorted(worst_findings(target).items()):
        if kind not in kinds:
            continue
        findings, how = kinds[kind]
        words = sorted({f.text for f in findings if f.text}, key=str.lower)
        message = findings[0].message
        if words:
            message += ": " + ", ".join(f"'{w}'" for w in words)
        line, column = _locate(path, [f.text for f in findings if f.text])
        yield Problem(path, line, column, level, f"{message} (with {how})", kind)


def _locate(path: str, words: list[str]) -> tuple[int, int]:
    """Line and column of the first offending words in the template source, else 1:1."""
    try:
        source = normalize(Path(path).read_text("utf-8"))
    except (OSError, UnicodeDecodeError):
        return 1, 1
    for word in words:
        at = source.find(normalize(word))
        if at >= 0:
            line = source.count("\n", 0, at) + 1
            return line, at - (source.rfind("\n", 0, at) + 1) + 1
    return 1, 1
