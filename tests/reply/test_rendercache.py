"""The render cache must give exactly what rendering every record would."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import support
from replykit.reply import cache as rendercache
from replykit.reply.suggestion import draft, suggest
from replykit.rules.load import load_rules

COMMENTS = [
    "Commande jamais reçue, toujours pas remboursé",
    "Where is my order? Nobody answers.",
    "Merci, super accueil !",
    "Colis abîmé, c'est inadmissible",
    "What a joke of a company",
]


@pytest.fixture(autouse=True)
def empty_cache() -> None:
    rendercache.clear()


def uncached(text: str, **options: object) -> tuple[str, str]:
    first = suggest(text, **options)  # type: ignore[arg-type]
    return first.public_reply, first.private_script


@pytest.mark.parametrize("platform", ["", "x", "facebook"])
@pytest.mark.parametrize("author", ["", "Julie", "Marie-Bérénice de La Tour"])
def test_cached_replies_equal_fresh_renders(platform: str, author: str) -> None:
    rules = load_rules()
    for text in COMMENTS * 2:  # the second round is served from the cache
        cached = suggest(text, rules=rules, author=author, platform=platform, reuse_renders=True)
        fresh = uncached(text, rules=rules, author=author, platform=platform)
        assert (cached.public_reply, cached.private_script) == fresh
        assert cached.case_ref in cached.private_script


def copy_minimal(tmp_path: Path) -> Path:
    folder = tmp_path / "rules"
    shutil.copytree(support.MINIMAL, folder)
    return folder


@pytest.mark.parametrize(
    ("template", "expected"),
    [
        ("Ref {{ case_ref|lower }}", lambda ref: f"Ref {ref.lower()}"),
        ("Ref {{ case_ref|upper }}", lambda ref: f"Ref {ref.upper()}"),
        ("Ref {{ case_ref[:5] }}", lambda ref: f"Ref {ref[:5]}"),
        ("Ref {{ case_ref|reverse }}", lambda ref: f"Ref {ref[::-1]}"),
        ('Ref {{ case_ref|replace("RK-", "#") }}', lambda ref: f"Ref {ref.replace('RK-', '#')}"),
    ],
    ids=["lower", "upper", "slice", "reverse", "replace"],
)
def test_a_template_that_transforms_the_case_reference_is_rendered_every_time(
    tmp_path: Path, template: str, expected: object
) -> None:
    folder = copy_minimal(tmp_path)
    (folder / "templates" / "en" / "other.private.j2").write_text(template + "\n")
    rules = load_rules(folder / "rules.yaml")
    texts = ["hello there one", "hello there two", "hello there three"] * 3  # learned on the second sight
    results = [suggest(t, rules=rules, lang="en", reuse_renders=True) for t in texts]
    private_entries = [value for key, value in rendercache._cache.items() if key[1] == "other.private.j2"]
    assert len(private_entries) == 3 and all(value is None for value in private_entries)  # learned: not swappable
    for text, result in zip(texts, results, strict=True):
        assert result.outcome == "other"
        assert result.private_script == expected(result.case_ref)  # type: ignore[operator]
        assert (result.public_reply, result.private_script) == uncached(text, rules=rules, lang="en")


def test_a_case_reference_given_by_the_user_is_used_as_is(tmp_path: Path) -> None:
    rules = load_rules()
    first = suggest(COMMENTS[0], rules=rules, variables={"case_ref": "TICKET-42"}, reuse_renders=True)
    assert "TICKET-42" in first.private_script
    second = suggest(COMMENTS[0], rules=rules, reuse_renders=True)
    assert "TICKET-42" not in second.private_script and second.case_ref in second.private_script


@pytest.mark.parametrize(
    "moves",
    [
        "{{ ['Hi', 'Hello', 'Hey'][phrasing(variant, 0, 3)] }} {{ ['there', 'you'][phrasing(variant, 1, 2)] }}",
        # the second question depends on the first answer: a tree, not a list
        "{% if phrasing(variant, 0, 2) %}A{{ phrasing(variant, 2, 3) }}"
        "{% else %}B{{ phrasing(variant, 1, 4) }}{% endif %}",
    ],
    ids=["two-moves", "nested"],
)
def test_the_phrasings_of_a_context_are_found_again_exactly(tmp_path: Path, moves: str) -> None:
    folder = copy_minimal(tmp_path)
    (folder / "templates" / "en" / "other.public.j2").write_text(moves + "\n")
    rules = load_rules(folder / "rules.yaml")
    found = [draft("hello there", rules=rules, lang="en", reuse_renders=True) for _ in range(2)]
    fresh = draft("hello there", rules=rules, lang="en")
    for alternative in range(40):
        assert found[alternative % 2].public_reply(alternative) == fresh.public_reply(alternative)
    assert rendercache._reads(folder / "templates", "en/other.public.j2") is not None


@pytest.mark.parametrize(
    "template",
    [
        "{{ ['Hi', 'Hello'][variant % 2] }}",  # reads the variant itself
        "{{ ['Hi', 'Hello'][phrasing(variant, 0, 2)] }} {{ case_ref }}",  # the reference is in the reply
        "{{ ['Hi', 'Hello', 'Hey']|random }}",  # draws at random
        "{% set phrasing = 3 %}{{ phrasing }}",  # not the function any more
    ],
    ids=["variant", "case_ref", "random", "shadowed"],
)
def test_a_template_that_reads_more_than_its_phrasings_is_not_kept_apart_from_its_variant(
    tmp_path: Path, template: str
) -> None:
    folder = copy_minimal(tmp_path)
    (folder / "templates" / "en" / "other.public.j2").write_text(template + "\n")
    assert rendercache._reads(folder / "templates", "en/other.public.j2") is None
    rules = load_rules(folder / "rules.yaml")
    if "random" not in template:
        for text in ("hello there one", "hello there two", "hello there one"):
            assert (
                suggest(text, rules=rules, lang="en", reuse_renders=True).public_reply
                == uncached(text, rules=rules, lang="en")[0]
            )


def test_the_shipped_reply_templates_are_found_again_from_their_phrasings() -> None:
    from replykit.rules.find import defaults_dir

    folder = defaults_dir() / "templates"
    for lang in ("en", "fr"):
        for name in ("complaint", "question", "praise", "other", "general", "moderate"):
            assert rendercache._reads(folder, f"{lang}/{name}.public.j2") is not None, name
