"""The README's before/after pairs are real: each "Now" reply is what replykit prints today.

The section between ``<!-- pairs -->`` and ``<!-- /pairs -->`` lists, for each
comment, the reply of the version before the listening stage ("Before", kept as
history) and today's public reply on X ("Now"), which must be exactly what
``replykit reply --text COMMENT --lang LANG --platform x`` gives.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from support import run

README = Path(__file__).resolve().parents[2] / "README.md"
PAIR = re.compile(
    r"^- \*\*(?P<lang>en|fr)\*\* “(?P<comment>[^”]+)”\n  - Before: (?P<before>.+)\n  - Now: (?P<now>.+)$", re.M
)


def pairs() -> list[re.Match[str]]:
    text = README.read_text("utf-8")
    section = text[text.index("<!-- pairs -->") : text.index("<!-- /pairs -->")]
    return list(PAIR.finditer(section))


def test_the_readme_shows_three_pairs_in_each_language() -> None:
    langs = [pair["lang"] for pair in pairs()]
    assert langs.count("en") >= 3 and langs.count("fr") >= 3, langs


@pytest.mark.parametrize("pair", pairs(), ids=lambda pair: pair["comment"][:30])
def test_the_new_reply_is_what_replykit_prints(pair: re.Match[str]) -> None:
    proc = run("reply", "--text", pair["comment"], "--lang", pair["lang"], "--platform", "x", "--format", "json")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["public_reply"] == pair["now"]
    assert pair["before"] != pair["now"]
