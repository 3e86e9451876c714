"""The replies themselves: length on X, contact details, tone, language, author.

Two sweeps: every outcome's templates rendered directly (the tree forced to
that outcome), so each template is checked whatever the lexicons do; and every
example of rules.yaml run through the real tree.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import support
from replykit import load_rules, suggest

RULES = support.own_rules()  # a real profile: these replies are not about the example business
OUTCOME_LANGS = [pytest.param(oid, lang, id=f"{oid}-{lang}") for oid in RULES.outcomes for lang in support.LANGS]
CONTACT = {"phone": "+33 9 87 65 43 21", "email": "aide@zorglub.example"}


def forced(outcome_id: str, lang: str, **kwargs: object) -> object:
    rules = support.force_outcome(RULES, outcome_id)
    return suggest(support.RICH_COMMENT[lang], rules=rules, lang=lang, **kwargs)  # type: ignore[arg-type]


# ---- length on X --------------------------------------------------------------


@pytest.mark.parametrize(("outcome_id", "lang"), OUTCOME_LANGS)
@pytest.mark.parametrize("platform", ["x", "twitter"])
def test_public_reply_fits_280_on_x_for_every_outcome(outcome_id: str, lang: str, platform: str) -> None:
    s = forced(outcome_id, lang, platform=platform, author=support.LONG_AUTHOR)
    assert len(s.public_reply) <= 280, f"{len(s.public_reply)} characters:\n{s.public_reply}"
    assert s.to_dict()["warnings"] == []


@pytest.mark.parametrize(("outcome_id", "lang", "text"), support.example_params(RULES))
def test_public_reply_fits_280_on_x_for_every_example(outcome_id: str, lang: str, text: str) -> None:
    variables = support.policy_for(RULES, outcome_id)
    s = suggest(text, rules=RULES, platform="x", author=support.LONG_AUTHOR, variables=variables)
    assert len(s.public_reply) <= 280, f"{s.outcome}: {len(s.public_reply)} characters:\n{s.public_reply}"


def test_over_long_reply_is_flagged_in_warnings(minimal_rules: Path) -> None:
    (minimal_rules.parent / "templates" / "en" / "complaint.public.j2").write_text("{{ 'word ' * 80 }}")
    s = suggest("I want a refund", rules=load_rules(minimal_rules), platform="x")
    assert len(s.public_reply) > 280
    assert any("280" in w for w in s.to_dict()["warnings"]), s.to_dict()["warnings"]


# ---- contact and personal data (O1.3) -----------------------------------------

COMPLAINT_OUTCOMES = [p for p in OUTCOME_LANGS if RULES.outcomes[p.values[0]].category == "complaint"]


@pytest.mark.parametrize(("outcome_id", "lang"), COMPLAINT_OUTCOMES)
@pytest.mark.parametrize("platform", ["", "x"])
def test_complaint_reply_gives_the_business_contact(outcome_id: str, lang: str, platform: str) -> None:
    s = forced(outcome_id, lang, platform=platform, variables=CONTACT)
    assert CONTACT["phone"] in s.public_reply or CONTACT["email"] in s.public_reply, s.public_reply


@pytest.mark.parametrize("channel", ["phone", "email"])
def test_complaint_reply_uses_whichever_contact_the_profile_has(channel: str) -> None:
    # Only one channel configured: the reply must still give it.
    variables = {"phone": "", "email": ""} | {channel: CONTACT[channel]}
    for outcome_id, lang in (p.values for p in COMPLAINT_OUTCOMES):
        s = forced(outcome_id, lang, variables=variables)
        assert CONTACT[channel] in s.public_reply, f"{outcome_id}/{lang}: {s.public_reply}"


@pytest.mark.parametrize(("outcome_id", "lang"), OUTCOME_LANGS)
def test_public_reply_never_asks_for_personal_data(outcome_id: str, lang: str) -> None:
    for platform in ("", "x"):
        s = forced(outcome_id, lang, platform=platform, author="Julie")
        found = support.PERSONAL_DATA_REQUEST[lang].search(s.public_reply)
        assert not found, f"asks for personal data in public: {found.group()!r}\n{s.public_reply}"


@pytest.mark.parametrize(("outcome_id", "lang", "text"), support.example_params(RULES))
def test_example_replies_never_ask_for_personal_data(outcome_id: str, lang: str, text: str) -> None:
    s = suggest(text, rules=RULES, author="Julie", variables=support.policy_for(RULES, outcome_id))
    found = support.PERSONAL_DATA_REQUEST[s.lang].search(s.public_reply)
    assert not found, f"asks for personal data in public: {found.group()!r}\n{s.public_reply}"


# ---- tone, language, author ---------------------------------------------------


@pytest.mark.parametrize("outcome_id", list(RULES.outcomes))
def test_french_replies_say_vous_never_tu(outcome_id: str) -> None:
    for platform in ("", "x"):
        s = forced(outcome_id, "fr", platform=platform, author="Julie")
        for name, text in (("public", s.public_reply), ("private", s.private_script)):
            found = support.TU_FORMS.search(text)
            assert not found, f"{name} text uses '{found.group()}' (tutoiement):\n{text}"
        if RULES.outcomes[outcome_id].category == "complaint":
            assert support.VOUS_FORMS.search(s.public_reply), s.public_reply


@pytest.mark.parametrize(("outcome_id", "lang"), OUTCOME_LANGS)
def test_replies_are_in_the_comment_language(outcome_id: str, lang: str) -> None:
    s = forced(outcome_id, lang, author="Julie")
    assert s.lang == lang
    if s.public_reply:
        assert support.language_of(s.public_reply) == lang, s.public_reply
    assert support.language_of(s.private_script) == lang, s.private_script


@pytest.mark.parametrize(("outcome_id", "lang", "text"), support.example_params(RULES))
def test_example_replies_are_in_the_comment_language(outcome_id: str, lang: str, text: str) -> None:
    s = suggest(text, rules=RULES, variables=support.policy_for(RULES, outcome_id))
    for reply in (s.public_reply, s.private_script):
        if reply:
            assert support.language_of(reply) == lang, reply


# Moderation notes deliberately name nobody, and monitored opinions get no reply.
ADDRESSED = [
    p
    for p in OUTCOME_LANGS
    if RULES.outcomes[p.values[0]].category != "inappropriate" and RULES.outcomes[p.values[0]].action != "monitor"
]


@pytest.mark.parametrize(("outcome_id", "lang"), ADDRESSED)
def test_author_name_appears_when_given(outcome_id: str, lang: str) -> None:
    s = forced(outcome_id, lang, author="Zéphyrine")
    assert "Zéphyrine" in s.public_reply, s.public_reply


@pytest.mark.parametrize(("outcome_id", "lang"), OUTCOME_LANGS)
@pytest.mark.parametrize("author", ["", "Julie"])
@pytest.mark.parametrize("platform", ["", "x"])
def test_public_reply_has_no_template_artefacts(outcome_id: str, lang: str, author: str, platform: str) -> None:
    s = forced(outcome_id, lang, author=author, platform=platform)
    for text in (s.public_reply, s.private_script):
        for artefact in ("{{", "}}", "{%", "%}", "{#", " ,", " .", "None", "[]"):
            assert artefact not in text, f"{artefact!r} in:\n{text}"
        doubled = re.search(r"\S {2,}\S", text)  # indentation is fine, a gap mid-sentence is not
        assert not doubled, f"{doubled.group()!r} in:\n{text}"
    if RULES.outcomes[outcome_id].action != "monitor":
        assert s.public_reply.strip(), "every outcome but a monitored one has something to post"


@pytest.mark.parametrize("outcome_id", [oid for oid, o in RULES.outcomes.items() if o.action == "monitor"])
@pytest.mark.parametrize("lang", support.LANGS)
def test_monitor_outcomes_post_nothing_in_public(outcome_id: str, lang: str) -> None:
    s = forced(outcome_id, lang, author="Julie")
    assert s.public_reply == ""
    assert s.private_script.strip(), "the private script still says what to watch for"


@pytest.mark.parametrize(("outcome_id", "lang"), OUTCOME_LANGS)
def test_private_script_is_numbered_steps(outcome_id: str, lang: str) -> None:
    s = forced(outcome_id, lang, author="Julie")
    steps = re.findall(r"(?m)^\s*(\d+)[.)]\s+\S", s.private_script)
    assert len(steps) >= 2 and steps[:2] == ["1", "2"], s.private_script


@pytest.mark.parametrize(("outcome_id", "lang"), OUTCOME_LANGS)
def test_before_you_post_checklist(outcome_id: str, lang: str) -> None:
    s = forced(outcome_id, lang)
    methods = {m for r in s.reminders for m in r.method}
    assert {"PAUSE", "PUBLIC", "O1.3"} <= methods, methods
    if RULES.outcomes[outcome_id].category == "complaint":
        assert "GESTURE" in methods
    assert ("ESCALATE" in methods) == RULES.outcomes[outcome_id].escalate


# ---- the author is untrusted text -----------------------------------------------

HOSTILE_AUTHOR = "Eve {{ 7*7 }} {% for x in range(3) %}x{% endfor %} [bold red]boom[/bold red]"


@pytest.mark.parametrize(("outcome_id", "lang"), OUTCOME_LANGS)
def test_author_is_rendered_literally_never_evaluated(outcome_id: str, lang: str) -> None:
    s = forced(outcome_id, lang, author=HOSTILE_AUTHOR)
    for text in (s.public_reply, s.private_script):
        assert "Eve 49" not in text and "xxx" not in text, text
        if "Eve" in text:
            assert HOSTILE_AUTHOR in text, text
