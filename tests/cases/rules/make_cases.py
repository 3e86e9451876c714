"""Rebuild the broken ``rules.yaml`` of each golden case from the minimal fixture.

Run it after changing tests/fixtures/minimal/rules.yaml:

    python tests/cases/rules/make_cases.py

It never writes ``expected.txt``: after a rebuild, run the case
(``cd tests/cases/rules/NAME && replykit reply --rules rules.yaml --text x``),
read the message, and update ``expected.txt`` only if it is right.
"""

from __future__ import annotations

import itertools
import shutil
from pathlib import Path

CASES = Path(__file__).resolve().parent
MINIMAL = CASES.parent.parent / "fixtures" / "minimal"
BASE = (MINIMAL / "rules.yaml").read_text("utf-8")


def sub(old: str, new: str) -> str:
    assert old in BASE, old
    return BASE.replace(old, new, 1)


def bomb(levels: int) -> str:
    """A "billion laughs": each anchor lists the previous one ten times."""
    names = [chr(ord("a") + i) for i in range(levels + 1)]
    lines = [f"{names[0]}: &{names[0]} [{', '.join(['x'] * 10)}]"]
    lines += [f"{n}: &{n} [{', '.join(['*' + p] * 10)}]" for p, n in itertools.pairwise(names)]
    return "\n".join(lines) + "\n"


RULES: dict[str, str] = {
    "unknown_key": sub("  - id: is_question\n", "  - id: is_question\n    descripton: typo\n"),
    "unsupported_version": sub("version: 1\n", "version: 2\n"),
    "unquoted_number": sub('  brand: "Mini"\n', "  brand: 01234567\n"),
    "wrong_type": sub("    option: 1\n    action: reply\n", '    option: 1\n    escalate: "yes"\n    action: reply\n'),
    "dangling_reference": sub("    then: complaint\n", "    then: complain\n"),
    "cycle": sub("    else: other\n", "    else: is_complaint\n"),
    "unreachable_outcome": BASE + "  praise:\n    category: praise\n    action: reply\n",
    "unknown_signal": sub("    when: asks\n", "    when: ask\n"),
    "unknown_method": sub("    method: [O1.2]\n", "    method: [O1.9]\n"),
    "bad_regex": sub("      any: ['\\?']\n", "      any: ['\\?(']\n"),
    "yaml_syntax": sub("    method: [READ, O1.1]\n", "    method: [READ, O1.1\n"),
    "duplicate_key": sub("    else: is_question\n", "    else: is_question\n    then: question\n"),
    "billion_laughs": bomb(8) + BASE,
    "empty_file": "",
    "not_a_mapping": "- just\n- a list\n",
    "bad_category": sub("    category: question\n", "    category: questions\n"),
    "merge_key": sub("  other:\n", "  other: &o\n") + "  praise:\n    <<: *o\n",
    "python_tag": sub('brand: "Mini"', "brand: !!python/object/apply:os.system [echo pwned]"),
    # The rules include learned.yaml (INCLUDED below); the included file is what is broken.
    "include_missing": sub("version: 1\n", "version: 1\ninclude: [learned.yaml]\n"),
    "include_invalid": sub("version: 1\n", "version: 1\ninclude: [learned.yaml]\n"),
    "include_collision": sub("version: 1\n", "version: 1\ninclude: [learned.yaml]\n"),
    "include_nested": sub("version: 1\n", "version: 1\ninclude: [learned.yaml]\n"),
    # Valid rules; the templates/ folder beside them is what is broken.
    "missing_template": BASE,
    "template_syntax": BASE,
    "template_undefined": BASE,
    "template_runtime_error": BASE,
}
LEARNED = "signals:\n  learned:\n    kind: lexicon\n    terms:\n      en: [idiot]\n"
INCLUDED = {
    "include_invalid": LEARNED.replace("      en: [idiot]\n", "      en: [idiot]\n    min: two\n") + "tree: []\n",
    "include_collision": LEARNED + "  unhappy:\n    kind: lexicon\n    terms: {en: [sad]}\n",
    "include_nested": "include: [other.yaml]\n" + LEARNED,
}
BROKEN_TEMPLATES = {
    "missing_template": None,  # en/other.public.j2 deleted
    "template_syntax": "{{ profile.brand }}\n{% if author %}Hi {{ author }}\n{{ profile.signature }}\n",
    "template_undefined": "{{ profile.brand }}\nHi {{ customer_name }}\n{{ profile.signature }}\n",
    "template_runtime_error": "{{ profile.brand }}\n{{ author ~ (profile.phone + 1) }}\n",
}


def main() -> None:
    for name, text in RULES.items():
        folder = CASES / name
        folder.mkdir(exist_ok=True)
        (folder / "rules.yaml").write_text(text, "utf-8")
    for name, text in INCLUDED.items():
        (CASES / name / "learned.yaml").write_text(text, "utf-8")
    for name, template in BROKEN_TEMPLATES.items():
        target = CASES / name / "templates"
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(MINIMAL / "templates", target)
        broken = target / "en" / "other.public.j2"
        if template is None:
            broken.unlink()
        else:
            broken.write_text(template, "utf-8")
    # Not UTF-8: one Latin-1 byte in the first line's comment.
    (CASES / "invalid_utf8").mkdir(exist_ok=True)
    (CASES / "invalid_utf8" / "rules.yaml").write_bytes(BASE.replace("# A minimal", "# A min\xefmal").encode("latin-1"))
    (CASES / "missing_file").mkdir(exist_ok=True)  # no rules.yaml at all


if __name__ == "__main__":
    main()
