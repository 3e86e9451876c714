"""Markdown output, for pasting into a ticket, a wiki or a team chat."""

from __future__ import annotations

import re

from replykit.formats.text import HEARD_LABELS, heard_lines
from replykit.reply.suggestion import Suggestion
from replykit.text.normalize import printable

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")

HEADINGS = {
    "en": ("Why", "Public reply", "Private follow-up", "Before you post", "Warnings", "no public reply (policy)"),
    "fr": (
        "Pourquoi",
        "Réponse publique",
        "Suivi en privé",
        "Avant de publier",
        "Avertissements",
        "pas de réponse publique (politique)",
    ),
}
ALTERNATIVE = {"en": "alternative", "fr": "variante"}
FIELDS = {
    "en": ("category", "option", "escalate", "action", "lang", "case", "method"),
    "fr": ("catégorie", "option", "escalade", "action", "langue", "dossier", "méthode"),
}
YES_NO = {"en": ("yes", "no"), "fr": ("oui", "non")}


def md_escape(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", printable(text))


def suggestion_markdown(result: Suggestion) -> str:
    why, public, private, before, warn, silent = HEADINGS[result.lang]
    out = result.triage.outcome
    yes, no = YES_NO[result.lang]
    lines = [f"## {md_escape(out.label.get(result.lang, out.id))} ({md_escape(out.id)})", ""]
    category, option, escalate, action, lang, case, method = FIELDS[result.lang]
    lines += [
        f"- **{category}:** {out.category} · **{option}:** {out.option or '-'} · "
        f"**{escalate}:** {yes if out.escalate else no} · **{action}:** {out.action}",
        f"- **{lang}:** {result.lang} ({result.triage.lang_source}) · **{case}:** {result.case_ref}",
        f"- **{method}:** {', '.join(out.method)}",
        "",
        f"### {why}",
        "",
    ]
    for i, step in enumerate(result.triage.path, 1):
        matched = "; ".join(f"{name}: {', '.join(md_escape(w) for w in words)}" for name, words in step.matched.items())
        lines.append(
            f"{i}. `{step.node}` ({', '.join(step.method)}): {yes if step.result else no}"
            + (f" ({matched})" if matched else "")
        )
    heard = heard_lines(result)
    if heard:
        lines += ["", f"### {HEARD_LABELS[result.lang]['title']}", ""]
        lines += [f"- **{label}:** {md_escape(value)}" for label, value in heard]
    lines += ["", f"### {public}", ""]
    reply = md_escape(result.public_reply)
    lines += [f"> {line}" if line else ">" for line in reply.splitlines()] or [f"_{silent}_"]
    for number, (_, other) in enumerate(result.alternatives, 2):
        lines += ["", f"#### {public} ({ALTERNATIVE[result.lang]} {number})", ""]
        lines += [f"> {line}" if line else ">" for line in md_escape(other).splitlines()]
    lines += ["", f"### {private}", "", md_escape(result.private_script), "", f"### {before}", ""]
    lines += [f"- [ ] {md_escape(r.text)} ({', '.join(r.method)})" for r in result.reminders]
    warnings = result.triage.notes + result.warnings
    if warnings:
        lines += ["", f"### {warn}", "", *(f"- {md_escape(w)}" for w in warnings)]
    return "\n".join(lines) + "\n"
