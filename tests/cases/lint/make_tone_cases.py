"""Rebuild the fixtures of the tone and method checks (issue 4) from the minimal fixture.

For each check, ``tests/cases/lint/<check-id>/`` is the minimal fixture (with
the method citation every template needs) with ONE template broken, and
``tests/cases/lint_pass/<check-id>/`` the same with that template written the
right way. Run it after changing the minimal fixture:

    python tests/cases/lint/make_tone_cases.py

It never writes ``expected.txt``: after a rebuild, run the failing case
(``cd tests/cases/lint/NAME && replykit lint --format parsable .``), read the
output, and update ``expected.txt`` only if it is right.
"""

from __future__ import annotations

import shutil
from pathlib import Path

CASES = Path(__file__).resolve().parent
PASSING = CASES.parent / "lint_pass"
MINIMAL = CASES.parent.parent / "fixtures" / "minimal"
BASE = (MINIMAL / "rules.yaml").read_text("utf-8")
CITATIONS = {"complaint": "O1.1 O1.3", "question": "O1.2", "other": "REPLY"}
# `other` as a moderation outcome, for moderation-argues
MODERATION = BASE.replace(
    "  other:\n    category: other\n    action: reply\n",
    "  other:\n    category: inappropriate\n    option: 2\n    action: moderate\n",
)

# check id -> (rules, template, failing text, passing text)
TONE_CASES: dict[str, tuple[str, str, str, str]] = {
    "aggressive-wording": (
        BASE,
        "en/complaint.private.j2",
        "1. Call {{ profile.phone }} about {{ case_ref }} and tell this idiot to stop whining.\n",
        "1. Call {{ profile.phone }} about {{ case_ref }} and listen first.\n",
    ),
    "defensive-wording": (
        BASE,
        "en/complaint.public.j2",
        "Sorry {{ author }}, but this is not our fault. Call {{ profile.phone }}.\n",
        "Sorry {{ author }}, let's sort it out together. Call {{ profile.phone }}.\n",
    ),
    "charged-topic": (
        BASE,
        "en/other.public.j2",
        "Thanks {{ author }}, we never talk about immigration or the election here. {{ profile.brand }}\n",
        "Thanks {{ author }}, we are glad you wrote to us. {{ profile.brand }}\n",
    ),
    "sarcasm": (
        BASE,
        "en/other.public.j2",
        "Oh great, thanks for nothing {{ author }}. {{ profile.brand }}\n",
        "Thanks for getting in touch {{ author }}. {{ profile.brand }}\n",
    ),
    "blaming-customer": (
        BASE,
        "fr/complaint.public.j2",
        "Désolé {{ author }}, mais vous auriez dû lire la notice. Appelez le {{ profile.phone }}.\n",
        "Désolé {{ author }}, regardons cela ensemble. Appelez le {{ profile.phone }}.\n",
    ),
    "shouting": (
        BASE,
        "en/other.public.j2",
        "{{ profile.brand }}: THANK YOU SO MUCH FOR WRITING, {{ author }}.\n",
        "{{ profile.brand }}: thank you so much for writing, {{ author }}.\n",
    ),
    "double-exclamation": (
        BASE,
        "fr/other.public.j2",
        "Merci {{ author }} !! {{ profile.brand }}\n",
        "Merci {{ author }} ! {{ profile.brand }}\n",
    ),
    "no-private-channel": (
        BASE,
        "en/question.public.j2",
        "Thanks for your question {{ author }}, {{ profile.brand }} is looking into it.\n",
        "Thanks for your question {{ author }}: call {{ profile.brand }} on {{ profile.phone }}.\n",
    ),
    "no-empathy": (
        BASE,
        "fr/complaint.public.j2",
        "{{ profile.brand }} {{ author }} : appelez le {{ profile.phone }}.\n",
        "{{ profile.brand }} {{ author }} : désolé pour ce souci, appelez le {{ profile.phone }}.\n",
    ),
    "asks-personal-data": (
        BASE,
        "en/complaint.public.j2",
        "Sorry {{ author }}, please post your order number below or call {{ profile.phone }}.\n",
        "Sorry {{ author }}, please call {{ profile.phone }} with your order number.\n",
    ),
    "promises-gesture": (
        BASE,
        "en/complaint.public.j2",
        "Sorry {{ author }}, we will refund you. Call {{ profile.phone }}.\n",
        "Sorry {{ author }}, we will put it right. Call {{ profile.phone }}.\n",
    ),
    "moderation-argues": (
        MODERATION,
        "en/other.public.j2",
        "{{ profile.brand }} hid a comment against our guidelines, {{ author }}. For the record, we never said that.\n",
        "{{ profile.brand }} hid a comment against our guidelines, {{ author }}. Criticism stays welcome.\n",
    ),
}


def build(folder: Path, rules: str, name: str, text: str) -> None:
    shutil.rmtree(folder / "templates", ignore_errors=True)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "rules.yaml").write_text(rules, "utf-8")
    for source in sorted((MINIMAL / "templates").glob("*/*.j2")):
        target = folder / "templates" / source.parent.name / source.name
        target.parent.mkdir(parents=True, exist_ok=True)
        citation = CITATIONS[source.name.split(".")[0]]
        target.write_text(f"{{# method: {citation} #}}\n" + source.read_text("utf-8"), "utf-8")
    citation = CITATIONS[name.split("/")[1].split(".")[0]]
    (folder / "templates" / name).write_text(f"{{# method: {citation} #}}\n" + text, "utf-8")


def main() -> None:
    for check_id, (rules, name, failing, passing) in TONE_CASES.items():
        build(CASES / check_id, rules, name, failing)
        build(PASSING / check_id, rules, name, passing)


if __name__ == "__main__":
    main()
