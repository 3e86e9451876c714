"""``include:``: signals from other files, located errors in the right file, the cache, lint and check.

The broken cases (missing, invalid, name collision, nested include) are golden
cases in tests/cases/rules/include_*; these tests cover the rest.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

import support
from replykit.errors import RulesError
from replykit.rules.load import load_rules

BASE = (support.MINIMAL / "rules.yaml").read_text("utf-8")
# The minimal rules with a first node that moderates what the included signal finds.
INCLUDING = (
    BASE.replace("version: 1\n", "version: 1\ninclude: [lexicons/learned.yaml]\n", 1).replace(
        "tree:\n",
        "tree:\n  - id: is_abuse\n    method: [O2.2]\n    when: learned\n    then: moderate\n    else: is_complaint\n",
        1,
    )
    + "  moderate:\n    category: inappropriate\n    option: 2\n    action: moderate\n    method: [O2.2]\n"
)
LEARNED = """# learned
signals:
  learned:
    kind: lexicon
    terms:
      en:
        - idiot: 1.5
        - clown: 0.5
    min: 1
"""


def tree(tmp_path: Path, learned: str = LEARNED) -> Path:
    (tmp_path / "lexicons").mkdir(exist_ok=True)
    (tmp_path / "rules.yaml").write_text(INCLUDING, "utf-8")
    (tmp_path / "lexicons" / "learned.yaml").write_text(learned, "utf-8")
    return tmp_path / "rules.yaml"


def category(rules: Path, text: str, cwd: Path | None = None) -> str:
    proc = support.run("reply", "--rules", str(rules), "--text", text, "--format", "json", cwd=cwd)
    assert proc.returncode == 0, proc.stderr
    return str(json.loads(proc.stdout)["category"])


def test_included_signal_drives_the_tree(tmp_path: Path) -> None:
    rules = tree(tmp_path)
    assert category(rules, "you are an idiot") == "inappropriate"
    assert category(rules, "what a clown") == "other"  # 0.5 is below min 1
    assert category(rules, "I want a refund") == "complaint"


def test_paths_are_relative_to_the_including_file(tmp_path: Path) -> None:
    rules = tree(tmp_path)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    assert category(Path("..") / "rules.yaml", "you are an idiot", cwd=elsewhere) == "inappropriate"
    assert load_rules(rules).includes[0][0] == str((tmp_path / "lexicons" / "learned.yaml").resolve())


def test_a_changed_included_file_invalidates_the_cache(tmp_path: Path) -> None:
    rules = tree(tmp_path)
    assert "learned" in load_rules(rules).signals
    assert category(rules, "what a clown") == "other"
    learned = tmp_path / "lexicons" / "learned.yaml"
    learned.write_text(LEARNED.replace("clown: 0.5", "clown: 2"), "utf-8")
    stat = learned.stat()
    os.utime(learned, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))  # a coarse clock
    assert category(rules, "what a clown") == "inappropriate"
    terms = load_rules(rules).signals["learned"].terms["en"]
    assert [t.weight for t in terms] == [1.5, 2.0]


def test_errors_name_the_included_file(tmp_path: Path) -> None:
    rules = tree(tmp_path, LEARNED.replace("    min: 1\n", "    min: one\n    negation: maybe\n"))
    with pytest.raises(RulesError) as info:
        load_rules(rules, use_cache=False)
    where = [(Path(loc.file).name, loc.line, loc.column, loc.keypath) for loc, _ in info.value.problems]
    assert where == [
        ("learned.yaml", 9, 5, "signals.learned.min"),
        ("learned.yaml", 10, 5, "signals.learned.negation"),
    ]
    assert info.value.problems[0][0].file == str(tmp_path / "lexicons" / "learned.yaml")


def test_include_must_be_a_list_of_names(tmp_path: Path) -> None:
    (tmp_path / "rules.yaml").write_text(BASE.replace("version: 1\n", "version: 1\ninclude: {a: b}\n"), "utf-8")
    with pytest.raises(RulesError) as info:
        load_rules(tmp_path / "rules.yaml", use_cache=False)
    [(loc, message)] = info.value.problems
    assert (loc.line, loc.column, loc.keypath, message) == (3, 1, "include", "expected a list, got a mapping")


def test_the_same_file_twice_is_an_error(tmp_path: Path) -> None:
    rules = tree(tmp_path)
    twice = "include: [lexicons/learned.yaml, lexicons/../lexicons/learned.yaml]"
    text = INCLUDING.replace("include: [lexicons/learned.yaml]", twice)
    rules.write_text(text, "utf-8")
    with pytest.raises(RulesError, match="included twice"):
        load_rules(rules, use_cache=False)


def test_lint_and_check_locate_problems_in_the_included_file(tmp_path: Path) -> None:
    rules = tree(tmp_path, LEARNED.replace("kind: lexicon", "kind: lexicn"))
    lint = support.run("lint", "--rules", "rules.yaml", "--format", "parsable", cwd=tmp_path)
    assert lint.returncode == 1
    assert lint.stdout.startswith("lexicons/learned.yaml:4:5: [error] signals.learned.kind: unknown value 'lexicn'")
    check = support.run("check", "--rules", str(rules), cwd=tmp_path)
    assert check.returncode == 2
    assert f"{tmp_path / 'lexicons' / 'learned.yaml'}:4:5: signals.learned.kind" in check.stderr


def test_lint_passes_a_valid_include(tmp_path: Path) -> None:
    tree(tmp_path)
    lint = support.run("lint", "--rules", "rules.yaml", "--format", "parsable", cwd=tmp_path)
    assert "rules-invalid" not in lint.stdout


def test_lint_flags_a_backtracking_regex_in_an_included_file(tmp_path: Path) -> None:
    learned = LEARNED + "  shouty:\n    kind: pattern\n    patterns:\n      en: ['(\\w+\\s?)+!']\n"
    tree(tmp_path, learned)
    lint = support.run("lint", "--rules", "rules.yaml", "--format", "parsable", cwd=tmp_path)
    assert lint.returncode == 1, lint.stdout + lint.stderr
    flagged = [line for line in lint.stdout.splitlines() if "(regex-backtracking)" in line]
    assert flagged and flagged[0].startswith("lexicons/learned.yaml:13:12: [error] signal 'shouty'"), lint.stdout
