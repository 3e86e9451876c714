"""Markdown output, for pasting into a ticket, a wiki or a team chat."""

from __future__ import annotations

import re

from replykit.formats.labels import heard_lines, labels, warning
from replykit.reply.suggestion import Suggestion
from replykit.rules.example import is_example_warning
from replykit.text.normalize import printable

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


def md_escape(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", printable(text))


def suggestion_markdown(result: Suggestion) -> str:
    """The suggestion as Markdown, every label in the reply's language; the comment's words escaped."""
    out, words = result.triage.outcome, labels(result.lang)
    yes, no, colon = words["yes"], words["no"], words[":"]

    def field(key: str) -> str:
        return f"**{words[key]}{colon}**"

    source = words.get(f"source.{result.triage.lang_source}", result.triage.lang_source)
    lines = [f"## {md_escape(out.label.get(result.lang, out.id))} ({md_escape(out.id)})", ""]
    lines += [
        f"- {field('category')} {out.category} · {field('option')} {out.option or '-'} · "
        f"{field('escalate')} {yes if out.escalate else no} · {field('action')} {out.action}",
        f"- {field('language')} {result.lang} ({source}) · {field('case')} {result.case_ref}",
        f"- {field('method')} {', '.join(out.method)}",
        "",
        f"### {words['why']}",
        "",
    ]
    for i, step in enumerate(result.triage.path, 1):
        matched = f"{words[';']} ".join(
            f"{name}{colon} {', '.join(md_escape(w) for w in found)}" for name, found in step.matched.items()
        )
        lines.append(
            f"{i}. `{step.node}` ({', '.join(step.method)}){colon} {yes if step.result else no}"
            + (f" ({matched})" if matched else "")
        )
    heard = heard_lines(result)
    if heard:
        lines += ["", f"### {words['heard']}", ""]
        lines += [f"- **{label}{colon}** {md_escape(value)}" for label, value in heard]
    lines += ["", f"### {words['public']}", ""]
    reply = md_escape(result.public_reply)
    lines += [f"> {line}" if line else ">" for line in reply.splitlines()] or [f"_{words['silent']}_"]
    for number, (_, other) in enumerate(result.alternatives, 2):
        lines += ["", f"#### {words['public']} ({words['alternative']} {number})", ""]
        lines += [f"> {line}" if line else ">" for line in md_escape(other).splitlines()]
    lines += ["", f"### {words['private']}", "", md_escape(result.private_script), "", f"### {words['before']}", ""]
    lines += [f"- [ ] {md_escape(r.text)} ({', '.join(r.method)})" for r in result.reminders]
    warnings = [w for w in result.triage.notes + result.warnings if not is_example_warning(w)]  # on stderr
    if warnings:
        lines += ["", f"### {words['warnings']}", "", *(f"- {md_escape(warning(w, result.lang))}" for w in warnings)]
    return "\n".join(lines) + "\n"
