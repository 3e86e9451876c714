"""Broken rules files and templates: golden cases in tests/cases/rules/<name>/.

Each case folder holds a ``rules.yaml`` (the minimal fixture with one thing
broken; no file at all for ``missing_file``), sometimes a ``templates/``
folder, and ``expected.txt``: the exact stderr of
``replykit reply --rules rules.yaml --text x`` run in that folder. Exit code 2,
no traceback, every line starting with ``replykit: error:``.
"""

from __future__ import annotations

import re
import time
from pathlib import Path
from typing import Any

import pytest

import support
from replykit.errors import RulesError
from replykit.rules.load import compile_rules, load_rules

CASES = sorted(p for p in support.RULE_CASES.iterdir() if (p / "expected.txt").is_file())


def test_there_are_golden_cases() -> None:
    assert len(CASES) >= 15


def test_minimal_fixture_is_valid_and_answers(tmp_path: Path) -> None:
    proc = support.run("reply", "--rules", "rules.yaml", "--text", "x", "--format", "json", cwd=support.MINIMAL)
    assert (proc.returncode, proc.stderr) == (0, "")
    assert '"outcome": "other"' in proc.stdout


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_broken_rules_golden_case(case: Path) -> None:
    expected = (case / "expected.txt").read_text("utf-8")
    started = time.monotonic()
    proc = support.run("reply", "--rules", "rules.yaml", "--text", "x", cwd=case, timeout=30)
    elapsed = time.monotonic() - started
    assert "Traceback" not in proc.stderr
    assert proc.stdout == ""
    assert proc.stderr == expected
    assert proc.returncode == 2
    assert all(line.startswith("replykit: error: ") for line in proc.stderr.splitlines())
    assert elapsed < 10, f"took {elapsed:.1f}s"


@pytest.mark.parametrize("case", [c for c in CASES if c.name.startswith(("template", "missing_template"))],
                         ids=lambda c: c.name)  # fmt: skip
def test_template_errors_name_the_template(case: Path) -> None:
    message = (case / "expected.txt").read_text("utf-8")
    assert "en/other.public.j2" in message
    if case.name.startswith("template_"):  # syntax error or undefined variable: file and line
        assert "templates/en/other.public.j2:" in message


def test_every_rules_error_names_file_line_and_column() -> None:
    located = [c for c in CASES if c.name not in ("empty_file", "missing_file") and not c.name.startswith("template")]
    for case in located:
        for line in (case / "expected.txt").read_text("utf-8").splitlines():
            files = ("rules.yaml:", "learned.yaml:") if case.name.startswith("include_") else ("rules.yaml:",)
            assert line.removeprefix("replykit: error: ").startswith(files), line
            place = line.removeprefix("replykit: error: ").split(": ")[0]
            assert len(place.split(":")) == 3 and all(p.isdigit() for p in place.split(":")[1:]), line


def test_unknown_key_suggests_the_right_one() -> None:
    assert "did you mean 'description'" in (support.RULE_CASES / "unknown_key" / "expected.txt").read_text()


# ---- the same validation through the API --------------------------------------------


def test_rules_error_collects_every_problem_with_locations() -> None:
    text = (support.MINIMAL / "rules.yaml").read_text("utf-8")
    text = text.replace("method: [O1.2]", "method: [O9]").replace("category: other", "category: others")
    with pytest.raises(RulesError) as info:
        compile_rules(text, "mine.yaml")
    problems = info.value.problems
    assert len(problems) == 2
    assert {loc.keypath for loc, _ in problems} == {"outcomes.question.method[0]", "outcomes.other.category"}
    assert all(loc.file == "mine.yaml" and loc.line > 0 for loc, _ in problems)


def test_alias_bomb_is_rejected_quickly() -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 10)}]\n" for i in range(12)
    )
    started = time.monotonic()
    with pytest.raises(RulesError):
        compile_rules(bomb, "bomb.yaml")
    assert time.monotonic() - started < 5


def test_merge_keys_and_non_scalar_keys_are_refused() -> None:
    base = (support.MINIMAL / "rules.yaml").read_text("utf-8")
    with pytest.raises(RulesError, match="merge keys"):
        compile_rules(base + "x: &x {a: 1}\ny:\n  <<: *x\n", "m.yaml")
    with pytest.raises(RulesError, match="plain scalars"):
        compile_rules(base + "? [a, b]\n: 1\n", "m.yaml")


def test_yes_no_as_booleans_gets_a_quoting_hint() -> None:
    text = (support.MINIMAL / "rules.yaml").read_text("utf-8").replace('brand: "Mini"', "brand: yes")
    with pytest.raises(RulesError, match="quote it"):
        compile_rules(text, "m.yaml")


def test_template_path_escaping_the_folder_is_refused() -> None:
    text = (
        (support.MINIMAL / "rules.yaml")
        .read_text("utf-8")
        .replace("    method: [REPLY]\n", "    method: [REPLY]\n    templates:\n      public: ../../etc/passwd\n")
    )
    with pytest.raises(RulesError, match="inside the templates folder"):
        compile_rules(text, "m.yaml")


def test_editing_the_rules_file_takes_effect_despite_the_cache(minimal_rules: Path) -> None:
    first = load_rules(minimal_rules)
    assert load_rules(minimal_rules).profile["brand"] == "Mini"  # a cache hit
    minimal_rules.write_text(minimal_rules.read_text("utf-8").replace('"Mini"', '"Maxi Studio"'), "utf-8")
    assert load_rules(minimal_rules).profile["brand"] == "Maxi Studio"
    assert first.profile["brand"] == "Mini"


def test_cache_lives_in_replykit_cache_dir(
    minimal_rules: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "my-cache"
    monkeypatch.setenv("REPLYKIT_CACHE_DIR", str(cache))
    load_rules(minimal_rules)
    assert any(cache.rglob("*")), "the compiled rules are cached in $REPLYKIT_CACHE_DIR"


def test_editing_the_rules_leaves_one_cache_per_file(
    minimal_rules: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Each edit made a new 800 KB cache that nothing read again: a user who edits daily had hundreds.
    cache = tmp_path / "cache"
    monkeypatch.setenv("REPLYKIT_CACHE_DIR", str(cache))
    other = tmp_path / "other" / "rules.yaml"
    other.parent.mkdir()
    other.write_text(minimal_rules.read_text("utf-8"), "utf-8")
    load_rules(other)
    cache.joinpath("rules-0123456789abcdef01234567.pickle").write_bytes(b"a cache named the old way")
    for brand in ("Maxi", "Midi Bis", "Mini Studio"):  # sizes differ: mtimes may not
        minimal_rules.write_text(re.sub(r'brand: "[^"]*"', f'brand: "{brand}"', minimal_rules.read_text("utf-8")))
        assert load_rules(minimal_rules).profile["brand"] == brand
    names = sorted(path.name for path in cache.glob("rules-*"))
    assert len(names) == 2, names  # this file's newest, and the other file's untouched
    assert load_rules(other).profile["brand"] == "Mini"
    assert load_rules(minimal_rules).profile["brand"] == "Mini Studio"


def test_unwritable_cache_does_not_stop_replykit(minimal_rules: Path, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("REPLYKIT_CACHE_DIR", str(blocker / "cache"))
    assert load_rules(minimal_rules).profile["brand"] == "Mini"


def test_corrupt_cache_is_only_a_miss(minimal_rules: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "c"
    monkeypatch.setenv("REPLYKIT_CACHE_DIR", str(cache))
    load_rules(minimal_rules)
    for file in cache.rglob("*"):
        if file.is_file():
            file.write_bytes(b"garbage")
    assert load_rules(minimal_rules).profile["brand"] == "Mini"


@pytest.mark.parametrize("name", ["unknown_key", "cycle", "yaml_syntax", "missing_file"])
def test_golden_case_through_typer_gives_the_same_message(cli: Any, name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # The fast path (python -m replykit reply) and the typer command report alike.
    monkeypatch.chdir(support.RULE_CASES / name)
    result = cli("reply", "--rules", "rules.yaml", "--text", "x")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (support.RULE_CASES / name / "expected.txt").read_text("utf-8")


def test_negation_exceptions_are_single_words_per_language() -> None:
    base = (support.MINIMAL / "rules.yaml").read_text("utf-8")
    rules = compile_rules(base + "negation_exceptions:\n  en: [Problem]\n  fr: [soucis]\n", "rules.yaml")
    assert rules.negation_exceptions == {"en": frozenset({"problem"}), "fr": frozenset({"soucis"})}
    with pytest.raises(RulesError) as caught:
        compile_rules(base + "negation_exceptions:\n  en: [no problem]\n", "rules.yaml")
    assert "negation_exceptions.en[0]: 'no problem' is not one word" in str(caught.value)
