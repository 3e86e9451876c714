"""Rebuild the broken fixture of each lint check from the minimal fixture.

Each folder is named after the check it proves: a copy of
tests/fixtures/minimal (with the method citation every template needs) with
exactly one thing broken. Run it after changing the minimal fixture:

    python tests/cases/lint/make_cases.py

It never writes ``expected.txt``: after a rebuild, run the case
(``cd tests/cases/lint/NAME && replykit lint --format parsable .``), read the
output, and update ``expected.txt`` only if it is right.
"""

from __future__ import annotations

import shutil
from pathlib import Path

CASES = Path(__file__).resolve().parent
MINIMAL = CASES.parent.parent / "fixtures" / "minimal"
BASE = (MINIMAL / "rules.yaml").read_text("utf-8")
CITATIONS = {"complaint": "O1.1 O1.3", "question": "O1.2", "other": "REPLY"}


def sub(old: str, new: str) -> str:
    assert old in BASE, old
    return BASE.replace(old, new, 1)


# check id -> (rules.yaml, {template path: new text, or None to delete})
CASES_BY_CHECK: dict[str, tuple[str, dict[str, str | None]]] = {
    "rules-invalid": (sub("    then: complaint\n", "    then: complain\n"), {}),
    "template-syntax": (BASE, {"en/other.private.j2": "{# method: REPLY #}\n{% if author %}Hello {{ author }}\n"}),
    "reply-too-long": (
        BASE,
        {
            "en/other.public.j2": "{# method: REPLY #}\n{{ profile.brand }}: thanks {{ author }}. "
            + "We read every message. " * 12
            + "\n"
        },
    ),
    "missing-template": (BASE, {"en/question.private.j2": None, "fr/question.private.j2": None}),
    "template-undefined": (
        BASE,
        {
            f"{lang}/other.public.j2": "{# method: REPLY #}\n{{ profile.brand }}\n"
            "Hi {{ customer_name }}, fax us on {{ profile.fax }}\n{{ profile.signature }}\n"
            for lang in ("en", "fr")
        },
    ),
    "template-twin": (
        BASE,
        {
            "fr/other.public.j2": "{# method: REPLY #}\n{{ profile.brand }} (fr other)\n{{ profile.signature }}\n",
            "fr/extra.public.j2": "{# method: REPLY #}\n{{ profile.brand }}\n",
        },
    ),
    "example-misrouted": (sub('      en: ["I want a refund"]\n', '      en: ["I want a refund", "Nice shop"]\n'), {}),
    "regex-backtracking": (sub("      any: ['\\?']\n", "      any: ['\\?', '(\\w+\\s?)+\\?']\n"), {}),
    "template-include": (
        BASE,
        {
            f"{lang}/other.public.j2": "{# method: REPLY #}\n{{ profile.brand }} {{ author }}\n"
            "{% include '../rules.yaml' %}\n{% include '/etc/hostname' %}\n{{ profile.signature }}\n"
            for lang in ("en", "fr")
        },
    ),
    "method-citation": (
        BASE,
        {
            "en/other.public.j2": "{{ profile.brand }} (en other) {{ author }}\n{{ profile.signature }}\n",
            "fr/other.public.j2": "{# method: REPLY EMPATHY #}\n{{ profile.brand }} (fr other) {{ author }}\n"
            "{{ profile.signature }}\n",
        },
    ),
}


def main() -> None:
    for check_id, (rules, templates) in CASES_BY_CHECK.items():
        folder = CASES / check_id
        shutil.rmtree(folder / "templates", ignore_errors=True)
        folder.mkdir(exist_ok=True)
        (folder / "rules.yaml").write_text(rules, "utf-8")
        for source in sorted((MINIMAL / "templates").glob("*/*.j2")):
            target = folder / "templates" / source.parent.name / source.name
            target.parent.mkdir(parents=True, exist_ok=True)
            citation = CITATIONS[source.name.split(".")[0]]
            target.write_text(f"{{# method: {citation} #}}\n" + source.read_text("utf-8"), "utf-8")
        for name, text in templates.items():
            path = folder / "templates" / name
            if text is None:
                path.unlink()
            else:
                path.write_text(text, "utf-8")


if __name__ == "__main__":
    main()
