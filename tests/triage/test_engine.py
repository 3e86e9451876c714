"""Routing: every example in rules.yaml reaches its outcome, in its language.

The examples are data owned by rules.yaml (``outcomes.<id>.examples``); these
tests run them all, so a lexicon change that sends an example elsewhere fails
here with the path the comment took.
"""

from __future__ import annotations

import pytest

import support
from replykit import suggest
from replykit.errors import InputError, ReplykitError

RULES = support.default_rules()


def _describe_path(s: object) -> str:
    steps = s.triage.path  # type: ignore[attr-defined]
    return " -> ".join(f"{st.node}:{'yes' if st.result else 'no'}{dict(st.matched) or ''}" for st in steps)


@pytest.mark.parametrize("outcome_id", list(RULES.outcomes))
def test_every_outcome_has_examples_in_both_languages(outcome_id: str) -> None:
    examples = RULES.outcomes[outcome_id].examples
    missing = [lang for lang in support.LANGS if not examples.get(lang)]
    assert not missing, (
        f"outcome '{outcome_id}' has no examples in: {', '.join(missing)} (rules.yaml outcomes.{outcome_id}.examples)"
    )


@pytest.mark.parametrize(("outcome_id", "lang", "text"), support.example_params(RULES))
def test_example_reaches_its_outcome(outcome_id: str, lang: str, text: str) -> None:
    variables = support.policy_for(RULES, outcome_id)
    s = suggest(text, rules=RULES, variables=variables, render_replies=False)
    assert s.outcome == outcome_id, f"{text!r} went to '{s.outcome}' via {_describe_path(s)}"


@pytest.mark.parametrize(("outcome_id", "lang", "text"), support.example_params(RULES))
def test_example_language_is_detected(outcome_id: str, lang: str, text: str) -> None:
    s = suggest(text, rules=RULES, render_replies=False)
    assert (s.lang, s.triage.lang_source) == (lang, "detected"), text


def test_path_explains_the_route_with_method_ids_and_matched_words() -> None:
    s = suggest("Where is my order? Nobody answers.", rules=RULES, render_replies=False)
    assert s.triage.path, "the path must list the nodes visited"
    assert s.triage.path[0].node == RULES.tree[0].id
    known_nodes = {node.id for node in RULES.tree}
    for step in s.triage.path:
        assert step.node in known_nodes
        assert set(step.method) <= support.method_ids()
    matched_words = [w for step in s.triage.path for words in step.matched.values() for w in words]
    assert any(w.lower() in "where is my order? nobody answers." for w in matched_words), matched_words
    # The path is a walk: each step leads to the next node (or to the outcome).
    for here, nxt in zip(s.triage.path, [*s.triage.path[1:], None], strict=True):
        node = RULES.nodes[here.node]
        target = node.then if here.result else node.otherwise
        assert target == (nxt.node if nxt else s.outcome)


def test_a_step_shows_the_signals_that_decided_it_not_every_word_found() -> None:
    # Default rules: is_crisis asks fraud_accusation before complaint_facts
    # (all() stops there), and is_complaint's any() stops at complaint_facts.
    s = suggest("Where is my order? Nobody answers.", rules=RULES, render_replies=False)
    steps = {step.node: step for step in s.triage.path}
    assert s.outcome == "complaint"
    assert steps["is_crisis"].matched == {}  # complaint_facts fired, but is_crisis never got to ask
    assert steps["is_complaint"].result is True
    assert steps["is_complaint"].matched == {"complaint_facts": ["Nobody answers"]}
    # A node that failed shows what made it fail: is_resolved's not(any(...)) met negated_function.
    assert steps["is_resolved"].result is False
    assert list(steps["is_resolved"].matched) == ["negated_function"]


@pytest.mark.parametrize(
    ("text", "signal", "word"),
    [
        ("Ce service est nuuuuuul", "dissatisfaction", "nuuuuuul"),  # cut to one letter
        ("this is sooooo baaaad", "dissatisfaction", "baaaad"),
        ("vous faites de la meeeeeeeerde", "insult", "meeeeeeeerde"),
    ],
)
def test_words_stretched_for_emphasis_are_still_found(text: str, signal: str, word: str) -> None:
    s = suggest(text, rules=RULES, render_replies=False)
    found = {name: words for step in s.triage.path for name, words in step.matched.items()}
    assert word in found.get(signal, []), found  # shown as written


def test_a_problem_with_something_the_business_provides_is_a_complaint_unless_negated() -> None:
    for text in ("I have a problem with my order", "J'ai un problème avec ma commande", "webmail hs depuis ce matin"):
        assert suggest(text, rules=RULES, render_replies=False).outcome == "complaint", text
    assert suggest("Pas de problème avec la livraison", rules=RULES, render_replies=False).outcome != "complaint"


@pytest.mark.parametrize(
    "text",
    ["No problem, the package arrived fine, thanks", "Pas de souci, le colis est bien arrivé, merci"],
)
def test_no_problem_does_not_negate_what_follows(text: str) -> None:
    # "no" negates "problem", not "arrived": a happy customer, not a missing parcel.
    s = suggest(text, rules=RULES, render_replies=False)
    assert s.outcome == "praise", [step.matched for step in s.triage.path]


def test_a_negator_still_negates_without_an_exception_word() -> None:
    s = suggest("My parcel has still not arrived", rules=RULES, render_replies=False)
    assert s.category == "complaint"


@pytest.mark.parametrize(("text", "lang"), [("panne box probleme connexion", "fr"), ("webmail hs", "fr"),
                                            ("outage again, no signal", "en")])  # fmt: skip
def test_comments_without_function_words_take_the_language_of_their_rule_words(text: str, lang: str) -> None:
    assert suggest(text, rules=RULES, render_replies=False).lang == lang


def test_a_link_alone_does_not_vote_for_a_language() -> None:
    # "co" of t.co is also a French rule word ("plus de co"): a link must not make a tweet French.
    s = suggest("Woah! https://t.co/Edx7ldYuKD", rules=RULES, render_replies=False)
    assert s.lang == "en"


COMPLAINT = {
    "fr": "Commande jamais reçue, toujours pas remboursé, c'est honteux.",
    "en": "My order never arrived and I still have no refund, this is shameful.",
}
LEGAL = {
    "fr": " Je vais porter plainte, mon avocat est prévenu.",
    "en": " I am taking legal action, my lawyer is ready.",
}


@pytest.mark.parametrize("lang", support.LANGS)
def test_legal_threat_keeps_the_complaint_category_and_escalates(lang: str) -> None:
    # The issue's own example: escalate is orthogonal to the category.
    calm = suggest(COMPLAINT[lang], rules=RULES)
    threat = suggest(COMPLAINT[lang] + LEGAL[lang], rules=RULES)
    assert (calm.category, calm.escalate) == ("complaint", False)
    assert (threat.category, threat.escalate) == ("complaint", True)
    assert threat.public_reply != calm.public_reply and threat.private_script != calm.private_script


@pytest.mark.parametrize("lang", support.LANGS)
def test_viral_complaint_keeps_its_category_and_escalates(lang: str) -> None:
    threshold = RULES.signals["viral"].minimum
    calm = suggest(COMPLAINT[lang], rules=RULES, render_replies=False)
    hot = suggest(COMPLAINT[lang], rules=RULES, render_replies=False, fields={"shares": int(threshold) * 2})
    assert not calm.escalate and hot.escalate
    assert hot.category == calm.category


@pytest.mark.parametrize(
    "spell", [int, str, "{:,}".format, lambda n: f"{n / 1000:g}k"], ids=["int", "str", "commas", "k"]
)
def test_viral_field_signal_reads_numbers_as_records_give_them(spell: object) -> None:
    value = spell(int(RULES.signals["viral"].minimum) * 3)  # type: ignore[operator]
    s = suggest("Thanks for the quick answer", rules=RULES, render_replies=False, fields={"shares": value})
    assert s.escalate, value
    fired = {name for step in s.triage.path for name in step.matched}
    assert "viral" in fired


def test_field_below_threshold_does_not_escalate() -> None:
    threshold = RULES.signals["viral"].minimum
    s = suggest("Thanks for the quick answer", rules=RULES, render_replies=False,
                fields={"shares": max(int(threshold) // 10, 1)})  # fmt: skip
    assert not s.escalate


@pytest.mark.parametrize("text", ["", "   ", "\n\t \n"])
def test_empty_comment_is_an_input_error(text: str) -> None:
    with pytest.raises(InputError):
        suggest(text, rules=RULES)


def test_huge_comment_is_analysed_on_its_head_with_a_warning() -> None:
    head = "Where is my order? Nobody answers. "
    short = suggest(head, rules=support.own_rules())  # a real profile: no example-profile warning
    huge = suggest(head * (5_000_000 // len(head)), rules=support.own_rules())
    assert short.to_dict()["warnings"] == []
    assert huge.to_dict()["warnings"], "a truncated analysis must be reported"


def test_forced_language_wins_over_detection() -> None:
    text = "Commande jamais reçue, toujours pas remboursé, c'est honteux"
    detected = suggest(text, rules=RULES)
    forced = suggest(text, rules=RULES, lang="en")
    assert (detected.lang, detected.triage.lang_source) == ("fr", "detected")
    assert (forced.lang, forced.triage.lang_source) == ("en", "forced")
    assert support.language_of(forced.public_reply + "\n" + forced.private_script) == "en"
    assert support.language_of(detected.public_reply + "\n" + detected.private_script) == "fr"


def test_unknown_forced_language_is_an_error() -> None:
    with pytest.raises(ReplykitError):
        suggest("hello", rules=RULES, lang="de")


@pytest.mark.parametrize(("text", "lang"), [
    ("Where is my order? Nobody answers the phone.", "en"),
    ("The app has been broken for a week and support never replies", "en"),
    ("Commande jamais reçue, toujours pas remboursé, c'est honteux", "fr"),
    ("Où est ma commande ? Personne ne répond au téléphone.", "fr"),
])  # fmt: skip
def test_language_detection_on_plain_sentences(text: str, lang: str) -> None:
    s = suggest(text, rules=RULES, render_replies=False)
    assert (s.lang, s.triage.lang_source) == (lang, "detected")


def test_no_language_evidence_falls_back_to_the_profile_default() -> None:
    s = suggest("😡😡😡", rules=RULES, render_replies=False)
    assert (s.lang, s.triage.lang_source) == (RULES.default_lang, "default")
