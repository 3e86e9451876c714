"""``replykit config`` as text for people and JSON for scripts."""

from __future__ import annotations

import sys
from typing import Any

from replykit.formats.jsonout import dumps
from replykit.text.normalize import printable


def config_json(config: dict[str, Any]) -> None:
    sys.stdout.write(dumps(config, indent=2) + "\n")


def config_text(config: dict[str, Any]) -> None:
    """Plain lines: profile values come from a rules file and are shown as data, never as markup."""
    lines = [
        f"rules: {config['rules']['path']} ({config['rules']['origin']})",
        f"templates: {config['templates']['path']} ({config['templates']['origin']})",
        "profile:",
        *(f"  {key}: {_value(value)}" for key, value in config["profile"].items()),
        "policy:",
        *(f"  {key}: {str(value).lower()}" for key, value in config["policy"].items()),
    ]
    if config["example_fields"]:
        lines.append(
            f"The profile's {', '.join(config['example_fields'])} are the example business's:"
            " run `replykit init` to use your own."
        )
    sys.stdout.write("".join(printable(line) + "\n" for line in lines))


def _value(value: Any) -> str:
    text = "; ".join(f"{lang}: {v}" for lang, v in value.items()) if isinstance(value, dict) else str(value)
    return text.replace("\n", "\\n") if text else '""'
