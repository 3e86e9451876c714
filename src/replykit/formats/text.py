"""Text output for people: rich panels on a terminal, plain text elsewhere.

Untrusted strings (matched words, author, replies that contain the author)
are passed to rich as ``Text`` objects, never as markup, after control
characters have been made visible.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

from replykit.reply.suggestion import Suggestion
from replykit.text.normalize import printable

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

TITLES = {
    "en": (
        "Triage",
        "Public reply",
        "Private follow-up script",
        "Before you post",
        "Warnings",
        "No public reply: your policy leaves general opinions unanswered.",
    ),
    "fr": (
        "Tri",
        "Réponse publique",
        "Suivi en privé",
        "Avant de publier",
        "Avertissements",
        "Pas de réponse publique : votre politique laisse les opinions générales sans réponse.",
    ),
}
ALTERNATIVE = {"en": "alternative", "fr": "variante"}
FIELDS = {
    "en": ("Outcome", "Category", "Option", "Escalate", "Action", "Language", "Path", "yes", "no", "Method", "Case"),
    "fr": (
        "Résultat",
        "Catégorie",
        "Option",
        "Escalade",
        "Action",
        "Langue",
        "Chemin",
        "oui",
        "non",
        "Méthode",
        "Dossier",
    ),
}


# What the listening stage heard, in the triage panel: one label per field of docs/heard.md.
HEARD_LABELS = {
    "en": {
        "title": "Heard", "subject": "subject", "aspects": "aspects", "object": "named", "duration": "how long",
        "repetition": "again", "amount": "amount", "date": "when", "reference": "reference (private)",
        "channels_tried": "tried", "people": "people", "praised": "praised", "ask": "asks",
        "praised_p": "praised", "blamed_p": "blamed", "named_p": "named",
    },
    "fr": {
        "title": "Entendu", "subject": "sujet", "aspects": "aspects", "object": "nommé", "duration": "durée",
        "repetition": "répété", "amount": "montant", "date": "quand", "reference": "référence (privé)",
        "channels_tried": "déjà essayé", "people": "personnes", "praised": "apprécié", "ask": "demande",
        "praised_p": "félicité", "blamed_p": "mis en cause", "named_p": "nommé",
    },
}  # fmt: skip


def heard_lines(result: Suggestion) -> list[tuple[str, str]]:
    """(label, value) for each field heard, in the reply's language; values hold the customer's words."""
    heard, labels = result.heard, HEARD_LABELS[result.lang]
    lines: list[tuple[str, str]] = []
    if heard.subject:
        lines.append((labels["subject"], f"{heard.subject.id} ({heard.subject.words})"))
    others = [a for a in heard.aspects if heard.subject is None or a.id != heard.subject.id]
    if others:
        lines.append((labels["aspects"], ", ".join(f"{a.id} ({a.words})" for a in others)))
    if heard.praised:
        lines.append((labels["praised"], f"{heard.praised.id} ({heard.praised.words})"))
    for key in ("object", "duration", "repetition", "amount", "date", "reference"):
        phrase = getattr(heard, key)
        if phrase:
            lines.append(
                (labels[key], phrase.text if phrase.text == phrase.words else f"{phrase.text} ({phrase.words})")
            )
    if heard.channels_tried:
        lines.append((labels["channels_tried"], ", ".join(f"{c.id} ({c.words})" for c in heard.channels_tried)))
    if heard.people:
        lines.append((labels["people"], ", ".join(f"{p.name} ({labels[p.stance + '_p']})" for p in heard.people)))
    if heard.ask:
        lines.append((labels["ask"], f"{heard.ask.kind}: {heard.ask.clause or heard.ask.words}"))
    return lines


def make_console(color: str, *, stderr: bool = False) -> Console:
    """A console for ``--color auto|always|never`` (auto honours NO_COLOR, TERM=dumb, pipes)."""

    options: dict[str, object] = {"highlight": False, "markup": False, "emoji": False, "stderr": stderr}
    if color == "always":  # an explicit flag wins over NO_COLOR and TERM=dumb
        options["force_terminal"] = True
        options["no_color"] = False
        if os.environ.get("TERM") in ("dumb", "unknown"):
            options["color_system"] = "standard"
    elif color == "never":
        options["color_system"] = None
        options["no_color"] = True
    return _quiet_pipe_console()(**options)  # type: ignore[arg-type]


def _quiet_pipe_console() -> type[Console]:
    from rich.console import Console

    class QuietPipeConsole(Console):
        # rich exits with status 1 when the reader goes away (`| head`); hand
        # the error back so the CLI's boundary ends quietly with status 0.
        def on_broken_pipe(self) -> None:
            self.quiet = True
            raise BrokenPipeError

    return QuietPipeConsole


def print_suggestion(result: Suggestion, color: str) -> None:
    from rich.panel import Panel
    from rich.text import Text

    console = make_console(color)
    triage_t, public_t, private_t, before_t, warn_t, silent = TITLES[result.lang]
    escalate = result.escalate
    console.print(
        Panel(triage_text(result), title=Text(triage_t), title_align="left", border_style="red" if escalate else "cyan")
    )
    public = Text(printable(result.public_reply)) if result.public_reply else Text(silent, style="dim")
    console.print(Panel(public, title=Text(public_t), title_align="left", border_style="green"))
    for number, (_, other) in enumerate(result.alternatives, 2):
        title = Text(f"{public_t} ({ALTERNATIVE[result.lang]} {number})")
        console.print(Panel(Text(printable(other)), title=title, title_align="left", border_style="green"))
    console.print(
        Panel(Text(printable(result.private_script)), title=Text(private_t), title_align="left", border_style="blue")
    )
    checklist = Text("\n").join(Text(f"☐ {printable(r.text)}  ({', '.join(r.method)})") for r in result.reminders)
    console.print(Panel(checklist, title=Text(before_t), title_align="left", border_style="yellow"))
    warnings = result.triage.notes + result.warnings
    if warnings:
        body = Text("\n").join(Text(f"! {printable(w)}") for w in warnings)
        console.print(Panel(body, title=Text(warn_t), title_align="left", border_style="magenta"))
    sys.stdout.flush()


def triage_text(result: Suggestion) -> Text:
    from rich.text import Text

    out = result.triage.outcome
    outcome_f, category_f, option_f, escalate_f, action_f, lang_f, path_f, yes, no, method_f, case_f = FIELDS[
        result.lang
    ]
    text = Text()
    text.append(f"{outcome_f}: ", style="bold")
    text.append(f"{out.label.get(result.lang, out.id)} ({out.id})\n")
    text.append(f"{category_f}: {out.category}   {option_f}: {out.option or '-'}   ")
    text.append(f"{escalate_f}: ")
    text.append(yes if out.escalate else no, style="bold red" if out.escalate else "")
    text.append(f"   {action_f}: {out.action}   {lang_f}: {result.lang} ({result.triage.lang_source})\n")
    text.append(f"{method_f}: {', '.join(out.method)}   {case_f}: {result.case_ref}\n")
    text.append(f"{path_f}:", style="bold")
    for step in result.triage.path:
        text.append(
            f"\n  {'✔' if step.result else '✘'} {step.node} [{', '.join(step.method)}]",
            style="" if step.result else "dim",
        )
        for name, words in step.matched.items():
            text.append(f"\n      {name}: ", style="dim")
            text.append(", ".join(printable(w) for w in words), style="italic")
    lines = heard_lines(result)
    if lines:
        text.append(f"\n{HEARD_LABELS[result.lang]['title']}:", style="bold")
        for label, value in lines:
            text.append(f"\n  {label}: ", style="dim")
            text.append(printable(value))  # the customer's words: a Text span, never markup
    return text
