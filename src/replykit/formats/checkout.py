"""Output of ``replykit check`` for people: the draft with its offending words marked, one line per finding."""

from __future__ import annotations

from typing import Any


def print_text(draft: str, result: dict[str, Any], color: str, *, stderr: bool = False) -> None:
    """The draft with its offending words highlighted, then one line per finding."""
    from rich.text import Text

    from replykit.formats.text import make_console
    from replykit.text.normalize import printable

    console = make_console(color, stderr=stderr)
    findings = result["findings"]
    if not findings:
        console.print(Text("No tone or method problem found.", style="green"))
        return
    shown, position = Text(), 0
    for item in sorted((f for f in findings if f["end"] > f["start"]), key=lambda f: f["start"]):
        if item["start"] < position:
            continue
        shown.append(printable(draft[position : item["start"]]))
        style = "bold red underline" if item["level"] == "error" else "bold yellow underline"
        words = printable(draft[item["start"] : item["end"]])
        shown.append(words if console.color_system else f"[{words}]", style=style)  # plain text: brackets
        position = item["end"]
    shown.append(printable(draft[position:]))
    console.print(shown)
    console.print()
    for item in findings:
        line = Text("  ")
        line.append(item["level"].ljust(8), style="red" if item["level"] == "error" else "yellow")
        if item["text"]:
            line.append(f"'{printable(item['text'])}' ", style="bold")
        line.append(printable(item["message"]))
        line.append(f"  ({item['check']})", style="dim")
        console.print(line)
        if item["suggestion"]:
            calmer = Text("          calmer: ", style="dim")
            calmer.append(printable(item["suggestion"]), style="green")
            console.print(calmer)
    errors = result["counts"]["error"]
    console.print(Text(f"{errors} error(s), {len(findings) - errors} warning(s)", style="bold"))
