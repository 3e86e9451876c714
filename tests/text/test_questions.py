"""How a question reads: what the routing counts as asked, as a jab, or as asking whether anyone is there."""

from __future__ import annotations

import pytest

from replykit.text.questions import asked_questions, jabs


@pytest.mark.parametrize(
    ("text", "asked", "jabbed"),
    [
        ("Are you open on Sunday?", 1, 0),
        ("Seriously? 45 minutes for a coffee.", 0, 1),
        ("What gives?", 0, 1),
        ("Is this OK to bring a dog on the terrace?", 1, 0),
        ("Is this OK?", 0, 1),
        ("Did you mean by email?", 1, 0),
        ("Did you really mean that?", 0, 1),
        ("use the app you say??", 0, 1),
        ("Vous êtes sérieux ? Et vous ouvrez quand ?", 1, 1),
        ("C'est une blague ?", 0, 1),
        # a "?" glued to a handle, followed by "!" or by a stray "n" still ends a question
        ("How do i view delivery feedback ?@Uber_Support", 1, 0),
        ("How can I get them ?!", 1, 0),
        ("quand vais-je recevoir les étiquettes ?npuis-je les rendre en boutique ?", 1, 0),
        # asking whether anyone is there, or nothing at all: neither asked nor a jab
        ("hello??? Anyone there?", 0, 0),
        ("Allô, y a quelqu'un ?", 0, 0),
        ("No question here.", 0, 0),
    ],
)
def test_a_jab_asks_nothing(text: str, asked: int, jabbed: int) -> None:
    assert (asked_questions(text), jabs(text)) == (asked, jabbed)
