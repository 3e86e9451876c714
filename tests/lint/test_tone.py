"""replykit.lint.tone: the tone and method review of one reply (issue 4)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import support
from replykit.errors import RulesError
from replykit.lint.tone import KINDS, contacts_of, review
from replykit.rules.load import load_rules


def kinds(text: str, lang: str | None = None, **kwargs: object) -> list[str]:
    return [f.kind for f in review(text, lang, support.default_rules(), **kwargs)]  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "lang", "kind"),
    [
        ("You are an idiot.", "en", "aggressive-wording"),
        ("Franchement, quel abruti.", "fr", "aggressive-wording"),
        ("This is not our fault.", "en", "defensive-wording"),
        ("Calmez-vous, ce n'est pas notre faute.", "fr", "defensive-wording"),
        ("Oh great, thanks for nothing.", "en", "sarcasm"),
        ("Mais bien sûr, merci du conseil.", "fr", "sarcasm"),
        ("You should have read the manual.", "en", "blaming-customer"),
        ("Vous auriez dû lire la notice.", "fr", "blaming-customer"),
        ("WHY DID YOU NOT READ THE PAGE", "en", "shouting"),
        ("Thanks for waiting!!", "en", "double-exclamation"),
        ("Please post your order number below.", "en", "asks-personal-data"),
        ("Merci de nous indiquer votre adresse en commentaire.", "fr", "asks-personal-data"),
        ("Sorry, we will refund you today.", "en", "promises-gesture"),
        ("Désolé, nous allons vous rembourser.", "fr", "promises-gesture"),
        ("Here is a 20% off promo code.", "en", "promises-gesture"),
    ],
)
def test_each_kind_is_found(text: str, lang: str, kind: str) -> None:
    assert kind in kinds(text, lang)


def test_finding_points_at_the_words_as_written() -> None:
    text = "Well... Ce n’est PAS notre faute."
    (finding,) = [f for f in review(text, "fr", support.default_rules()) if f.kind == "defensive-wording"]
    assert text[finding.start : finding.end] == finding.text == "Ce n’est PAS notre faute"


def test_calmer_wording_comes_from_the_rules() -> None:
    (finding,) = [f for f in review("Calm down.", "en", support.default_rules()) if f.kind == "defensive-wording"]
    assert finding.suggestion == "I understand this is frustrating"


@pytest.mark.parametrize(
    "text",
    [
        "Sorry about this! Please DM us your order number and we'll sort it out.",
        "I'm sorry to read this. Call us on +33 1 23 45 67 89 or write to help@example.com.",
        "Désolée pour ce souci : écrivez-nous en message privé avec votre numéro de commande.",
        "Thank you for telling us, we take it seriously: please send us a DM.",
    ],
)
def test_calm_replies_are_clean(text: str) -> None:
    assert kinds(text, category="complaint") == []


def test_the_business_offering_its_own_contact_is_not_asking_for_data() -> None:
    assert "asks-personal-data" not in kinds("Sorry! Give us a call on 01 23 45 67 89.", "en", category="complaint")


def test_complaint_needs_empathy_and_a_private_channel() -> None:
    assert kinds("Your parcel left on Monday.", "en", category="complaint") == ["no-private-channel", "no-empathy"]
    assert kinds("Your parcel left on Monday.", "en", category="question") == ["no-private-channel"]
    assert kinds("Your parcel left on Monday.", "en") == []


def test_profile_contacts_count_as_a_private_channel() -> None:
    rules = support.default_rules()
    contacts = contacts_of(dict(rules.profile), "en")
    text = f"Sorry about that: {rules.profile['email']}"
    assert [f.kind for f in review(text, "en", rules, category="question", contacts=contacts)] == []


def test_moderation_that_argues_back() -> None:
    assert "moderation-argues" in kinds("For the record, that never happened.", "en", category="moderation")
    assert "moderation-argues" not in kinds("For the record, that never happened.", "en")


def test_private_scripts_get_the_wording_checks_only() -> None:
    text = "Never promise a refund. Ask for the order number."
    assert kinds(text, "en", category="complaint", public=False) == []


def test_language_is_detected_when_not_given() -> None:
    assert "aggressive-wording" in kinds("Vous êtes vraiment des abrutis.")


def test_kinds_are_known() -> None:
    assert set(kinds("You idiot!! Not our fault. Post your phone number here.")) <= set(KINDS)


def test_user_lists_extend_and_bad_shapes_are_clear_errors(tmp_path: Path) -> None:
    folder = tmp_path / "r"
    import shutil

    shutil.copytree(support.MINIMAL, folder)
    path = folder / "rules.yaml"
    base = path.read_text("utf-8")
    path.write_text(base + "lint:\n  tone:\n    sarcasm:\n      terms:\n        en: [splendid]\n", "utf-8")
    rules = load_rules(path, use_cache=False)
    assert [f.kind for f in review("Splendid.", "en", rules)] == ["sarcasm"]
    # lists the file does not give fall back on the built-in ones
    assert [f.kind for f in review("idiot", "en", rules)] == ["aggressive-wording"]
    for bad, message in [
        ("    sarcasm: [a]\n", "lint.tone.sarcasm: expected a mapping"),
        ("    sarcasm:\n      terms: {en: yes}\n", "lint.tone.sarcasm.terms.en: expected a list"),
        ("    sarcasm:\n      patterns: {en: ['(']}\n", "lint.tone.sarcasm.patterns.en[0]: invalid regular expression"),
        ("    sarcasam:\n      terms: {en: [a]}\n", "lint.tone.sarcasam: unknown key 'sarcasam'"),
    ]:
        # the schema checks the lint section when the rules load, each problem at its line and column
        path.write_text(base + "lint:\n  tone:\n" + bad, "utf-8")
        with pytest.raises(RulesError, match=r"rules\.yaml:\d+:\d+: " + re.escape(message)):
            load_rules(path, use_cache=False)
