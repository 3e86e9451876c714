"""Lexicon options of issue 12: ``negation_side``, ``except`` and ``overlap`` (docs/rules.md, lexicon)."""

from __future__ import annotations

import textwrap

import pytest

from replykit.errors import RulesError
from replykit.rules.load import compile_rules
from replykit.rules.model import Rules
from replykit.text.normalize import normalize, tokenize
from replykit.triage.walk import Facts, triage


def rules_with(signals: str, top: str = "") -> Rules:
    """A valid rules file holding ``signals`` (YAML under ``signals:``) and a one-node tree."""
    text = (
        f"version: 1\n{textwrap.dedent(top)}signals:\n{textwrap.indent(textwrap.dedent(signals), '  ')}"
        "tree:\n  - id: n\n    when: {lang: fr}\n    then: hit\n    else: miss\n"
        "outcomes:\n  hit: {category: complaint, action: reply}\n  miss: {category: other, action: reply}\n"
    )
    return compile_rules(text, "rules.yaml")


def value(rules: Rules, name: str, text: str, lang: str) -> tuple[float, bool, list[str]]:
    """Value, fired and evidence of signal ``name`` for ``text``."""
    norm = normalize(text)
    facts = Facts(rules, text, norm, tokenize(norm), lang, {}, rules.policy)
    found, fired, _ = facts.signal(name)
    return found, fired, facts.evidence(name)


def problems(signals: str) -> list[str]:
    with pytest.raises(RulesError) as info:
        rules_with(signals)
    return [f"{where.line}:{where.column}: {message}" for where, message in info.value.problems]


NOT_WORKING = """\
not_working:
  kind: lexicon
  negation: require
  negation_side: {side}
  window: 2
  terms:
    en: [works, working]
    fr: [marche, fonctionne]
"""


# --- negation_side -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "before", "after", "both"),
    [
        ("ça marche pas", "fr", False, True, True),
        ("ça marche plus", "fr", False, False, False),  # "plus" is not a default negator
        ("ça ne marche pas", "fr", True, True, True),
        ("ça ne marche", "fr", True, False, True),
        ("ça marche vraiment pas", "fr", False, True, True),
        ("ça marche vraiment très pas", "fr", False, False, False),  # three words after: outside window 2
        ("ça marche très bien", "fr", False, False, False),
        ("it works not", "en", False, True, True),
        ("it does not work, nothing works", "en", True, False, True),  # "work" is not a term: "nothing works"
        ("nothing works, really", "en", True, False, True),
    ],
)
def test_negation_side_says_where_the_negator_stands(
    text: str, lang: str, before: bool, after: bool, both: bool
) -> None:
    for side, expected in (("before", before), ("after", after), ("both", both)):
        rules = rules_with(NOT_WORKING.format(side=side))
        assert value(rules, "not_working", text, lang)[1] is expected, (side, text)


def test_plus_is_a_negator_after_the_word_when_listed() -> None:
    rules = rules_with(NOT_WORKING.format(side="after"), top='negators:\n  fr: [pas, ne, "n", plus, jamais]\n')
    assert value(rules, "not_working", "ça marche plus", "fr")[:2] == (1.0, True)


def test_negation_side_before_is_the_default() -> None:
    default = rules_with(NOT_WORKING.replace("  negation_side: {side}\n", ""))
    explicit = rules_with(NOT_WORKING.format(side="before"))
    assert not default.index.refined and explicit.index.refined == {}
    for text in ("ça marche pas", "ça ne marche pas", "nothing works", "it works not"):
        lang = "en" if "works" in text else "fr"
        assert value(default, "not_working", text, lang) == value(explicit, "not_working", text, lang)


def test_a_negator_of_an_exception_word_does_not_negate_backwards() -> None:
    top = "negation_exceptions:\n  en: [problem]\n  fr: [souci]\n"
    rules = rules_with(NOT_WORKING.format(side="after"), top=top)
    assert value(rules, "not_working", "it works, no problem", "en")[1] is False
    assert value(rules, "not_working", "ça marche, pas de souci", "fr")[1] is False
    assert value(rules, "not_working", "ça marche pas du tout", "fr")[1] is True
    assert value(rules, "not_working", "it works not at all", "en")[1] is True


def test_negation_exclude_after_drops_praise_negated_after() -> None:
    rules = rules_with("praise:\n  kind: lexicon\n  negation: exclude\n  negation_side: both\n  terms: {fr: [top]}\n")
    assert value(rules, "praise", "c'est top", "fr")[1] is True
    assert value(rules, "praise", "c'est top pas", "fr")[1] is False
    assert value(rules, "praise", "pas top", "fr")[1] is False


def test_an_unknown_side_is_located_with_a_suggestion() -> None:
    [problem] = problems(NOT_WORKING.format(side="afer"))
    assert problem.startswith("6:5: unknown value 'afer': did you mean 'after'? expected one of: before, after, both")


# --- except --------------------------------------------------------------------------------------

DAMAGED = """\
damaged:
  kind: lexicon
  terms:
    en: ["dumb*"]
    fr: [casse, rat]
  except:
    en: ["dumbbell*"]
    fr: ["casse museau", "casse croûte", "casse cou", "rat de bibliotheque"]
"""


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Un casse-croûte délicieux", "fr", []),
        ("CASSE CROUTE et café", "fr", []),
        ("un vrai casse-cou ce livreur", "fr", []),
        ("Mon fils, un rat de bibliothèque", "fr", []),
        ("un rat dans la cuisine", "fr", ["rat"]),
        ("écran cassé", "fr", ["cassé"]),
        ("casse-croûte et vitre casse", "fr", ["casse"]),  # only the occurrence inside the phrase is dropped
        ("casse", "fr", ["casse"]),  # the phrase would run past the end of the comment
        ("dumbbells for sale", "en", []),
        ("dumbbell and a dumb answer", "en", ["dumb"]),
        ("dumbest shop ever", "en", ["dumbest"]),
    ],
)
def test_a_term_inside_an_exception_does_not_count(text: str, lang: str, expected: list[str]) -> None:
    rules = rules_with(DAMAGED)
    _, fired, words = value(rules, "damaged", text, lang)
    assert (fired, words) == (bool(expected), expected), text


def test_exceptions_fold_case_accents_and_apostrophes_like_terms() -> None:
    rules = rules_with('eye:\n  kind: lexicon\n  terms:\n    fr: [oeil, œil]\n  except:\n    any: ["trompe l’œil"]\n')
    assert value(rules, "eye", "un superbe TROMPE-L'ŒIL", "fr")[1] is False
    assert value(rules, "eye", "une poussière dans l'œil", "fr")[1] is True


def test_exceptions_are_per_language_and_any_is_both() -> None:
    rules = rules_with(
        "words:\n  kind: lexicon\n  terms:\n    any: [rat]\n  except:\n    fr: [rat de bibliotheque]\n"
        "    any: [rat pack]\n"
    )
    assert value(rules, "words", "rat de bibliotheque", "fr")[1] is False
    assert value(rules, "words", "rat de bibliotheque", "en")[1] is True
    assert value(rules, "words", "the rat pack", "en")[1] is False
    assert value(rules, "words", "le rat pack", "fr")[1] is False


def test_an_excepted_term_keeps_the_weights_of_the_others() -> None:
    rules = rules_with(
        'words:\n  kind: lexicon\n  terms:\n    fr: [{casse: 2}, {"rembours*": 3}]\n  except:\n    fr: [casse croute]\n'
    )
    assert value(rules, "words", "casse-croûte pas remboursé", "fr")[:2] == (3.0, True)


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("except:\n    fr: [{casse croute: 2}]\n", "8:12: an exception is a phrase, without a weight"),
        ("except:\n    de: [casse croute]\n", "8:7: unknown key 'de': expected one of: en, fr, any"),
        ("except:\n    fr: casse croute\n", "8:7: expected a list, got a string"),
        ('except:\n    fr: ["!!"]\n', "8:12: term '!!' has no letters, digits or emoji to match"),
    ],
)
def test_exception_problems_are_located(spec: str, message: str) -> None:
    signals = "damaged:\n  kind: lexicon\n  terms:\n    fr: [casse]\n  " + spec
    assert problems(signals) == [message]


# --- overlap -------------------------------------------------------------------------------------

EVERY_TIME = """\
every_time:
  kind: lexicon
  {overlap}
  terms:
    fr: ["a chaque fois", "chaque fois", "encore une fois", {{"une fois": 5}}]
"""


@pytest.mark.parametrize(
    ("text", "all_value", "longest_value"),
    [
        ("À chaque fois pareil", 2.0, 1.0),
        ("chaque fois, à chaque fois", 2.0, 2.0),  # two places, two distinct terms
        ("encore une fois", 6.0, 1.0),  # the longest wins, not the heaviest
        ("une fois", 5.0, 5.0),
        ("rien", 0.0, 0.0),
    ],
)
def test_overlap_longest_counts_one_term_per_word(text: str, all_value: float, longest_value: float) -> None:
    every = rules_with(EVERY_TIME.format(overlap=""))
    longest = rules_with(EVERY_TIME.format(overlap="overlap: longest"))
    assert value(every, "every_time", text, "fr")[0] == all_value
    assert value(longest, "every_time", text, "fr")[0] == longest_value


def test_overlap_longest_takes_words_from_left_to_right() -> None:
    rules = rules_with('pair:\n  kind: lexicon\n  overlap: longest\n  terms:\n    en: ["a b", "b c", c]\n')
    assert value(rules, "pair", "a b c", "en")[:2] == (2.0, True)  # "a b", then "c": "b c" overlaps "a b"
    assert value(rules, "pair", "x b c", "en")[2] == ["b c"]


def test_overlap_is_within_one_signal() -> None:
    rules = rules_with(
        'every_time:\n  kind: lexicon\n  overlap: longest\n  terms:\n    fr: ["a chaque fois"]\n'
        'each:\n  kind: lexicon\n  terms:\n    fr: ["chaque fois"]\n'
    )
    assert value(rules, "every_time", "à chaque fois", "fr")[:2] == (1.0, True)
    assert value(rules, "each", "à chaque fois", "fr")[:2] == (1.0, True)


def test_overlap_all_is_the_default_and_an_unknown_mode_is_located() -> None:
    assert rules_with(EVERY_TIME.format(overlap="overlap: all")).index.refined == {}
    [problem] = problems(EVERY_TIME.format(overlap="overlap: long"))
    assert problem.startswith("5:5: unknown value 'long': did you mean 'longest'?")


def test_options_combine_and_walk_shows_the_kept_words() -> None:
    rules = rules_with(
        """\
        broken:
          kind: lexicon
          negation: require
          negation_side: after
          overlap: longest
          terms:
            fr: [marche, "marche bien"]
          except:
            fr: [marche de noel]
        """
    )
    assert value(rules, "broken", "le marché de Noël marche bien pas", "fr")[1:] == (True, ["marche bien"])
    assert value(rules, "broken", "le marché de Noël, pas", "fr")[1] is False
    result = triage(rules, "ça marche bien pas", lang="fr")
    assert result.outcome.id == "hit"
