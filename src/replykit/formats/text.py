"""Text output for people: rich panels on a terminal, plain text elsewhere.

Untrusted strings (matched words, author, replies that contain the author)
are passed to rich as ``Text`` objects, never as markup, after control
characters have been made visible.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

from replykit.formats.labels import heard_lines, labels, warning
from replykit.reply.suggestion import Suggestion
from replykit.rules.example import is_example_warning
from replykit.text.normalize import printable

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text


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
    words = labels(result.lang)

    def panel(body: Text, title: str, border: str) -> None:
        console.print(Panel(body, title=Text(title), title_align="left", border_style=border))

    inside = console.width - 4  # a panel's borders and padding
    panel(triage_text(result, inside), words["triage"], "red" if result.escalate else "cyan")
    public = Text(printable(result.public_reply)) if result.public_reply else Text(words["silent"], style="dim")
    panel(public, words["public"], "green")
    for number, (_, other) in enumerate(result.alternatives, 2):
        panel(Text(printable(other)), f"{words['public']} ({words['alternative']} {number})", "green")
    panel(Text(printable(result.private_script)), words["private"], "blue")
    checklist = Text("\n").join(Text(f"☐ {printable(r.text)}  ({', '.join(r.method)})") for r in result.reminders)
    panel(checklist, words["before"], "yellow")
    # the example-profile warning goes to stderr, once (cli), not into the reply
    warnings = [w for w in result.triage.notes + result.warnings if not is_example_warning(w)]
    if warnings:
        body = Text("\n").join(Text(f"! {printable(warning(w, result.lang))}") for w in warnings)
        panel(body, words["warnings"], "magenta")
    sys.stdout.flush()


def triage_text(result: Suggestion, width: int | None = None) -> Text:
    """The triage panel's body: the outcome and its fields, the path, then what was heard.

    A field ("Langue : fr") moves whole to the next line rather than leaving its
    label at the end of one line and its value on the next, when ``width`` is given.
    """
    from rich.text import Text

    out, words = result.triage.outcome, labels(result.lang)

    def field(key: str, value: str, label_style: str = "", value_style: str = "") -> Text:
        shown = Text(f"{words[key]}{words[':']} ", style=label_style)
        shown.append(value, style=value_style)
        return shown

    source = words.get(f"source.{result.triage.lang_source}", result.triage.lang_source)
    rows = [
        [field("outcome", f"{out.label.get(result.lang, out.id)} ({out.id})", label_style="bold")],
        [
            field("category", out.category),
            field("option", str(out.option or "-")),
            field("escalate", words["yes" if out.escalate else "no"], value_style="bold red" if out.escalate else ""),
            field("action", out.action),
            field("language", f"{result.lang} ({source})"),
        ],
        [field("method", ", ".join(out.method)), field("case", result.case_ref)],
    ]
    text = Text()
    for row in rows:
        text.append_text(_flow(row, width))
        text.append("\n")
    text.append(f"{words['path']}{words[':']}", style="bold")
    for step in result.triage.path:
        text.append(
            f"\n  {'✔' if step.result else '✘'} {step.node} [{', '.join(step.method)}]",
            style="" if step.result else "dim",
        )
        for name, matched in step.matched.items():
            text.append(f"\n      {name}{words[':']} ", style="dim")
            text.append(", ".join(printable(w) for w in matched), style="italic")
    lines = heard_lines(result)
    if lines:
        text.append(f"\n{words['heard']}{words[':']}", style="bold")
        for label, value in lines:
            text.append(f"\n  {label}{words[':']} ", style="dim")
            text.append(printable(value))  # the customer's words: a Text span, never markup
    return text


def _flow(fields: list[Text], width: int | None) -> Text:
    """Fields three spaces apart, a field that would not fit moved whole to a new line."""
    from rich.text import Text

    line, used = Text(), 0
    for shown in fields:
        if used and width and used + 3 + shown.cell_len > width:
            line.append("\n")
            used = 0
        elif used:
            line.append("   ")
            used += 3
        line.append_text(shown)
        used += shown.cell_len
    return line
