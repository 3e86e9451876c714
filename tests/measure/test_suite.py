"""``replykit eval SUITE``: a user's own routing suite, scored per invariant, language and trade."""

from __future__ import annotations

import json
from pathlib import Path

import support

CASES = """\
- id: bakery-fr-late
  text: "Le gâteau est arrivé avec deux heures de retard, la fête était finie."
  expect: {category: complaint, option: 1, escalate: false}
  invariant: N2
  why: "a delay is a complaint"
- id: bakery-fr-hours
  text: "Bonjour, vous êtes ouverts le 15 août ?"
  expect: {category: question, option: 1, escalate: false}
  invariant: N5
  why: "opening on a public holiday"
"""
WRONG = """\
- id: bakery-en-wrong
  text: "Thanks so much, the croissants were lovely!"
  expect: {category: complaint, option: 1, escalate: false}
  invariant: N6
  why: "deliberately wrong, to see a failure"
"""


def suite(tmp_path: Path, **files: str) -> Path:
    folder = tmp_path / "suite"
    folder.mkdir()
    for name, text in files.items():
        (folder / name.replace("_", ".")).write_text(text, "utf-8")
    return folder


def test_a_passing_suite_exits_0_with_rates_per_invariant(tmp_path: Path) -> None:
    folder = suite(tmp_path, bakery_fr_yaml=CASES)
    proc = support.run("eval", str(folder))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "2 of 2 cases route as expected (100.0%)" in proc.stdout
    rows = {line.split()[0]: line.split()[1:] for line in proc.stdout.splitlines() if line.startswith("  ")}
    assert rows["N2"] == ["1/1", "100.0%"] and rows["N5"] == ["1/1", "100.0%"]
    assert rows["fr"] == ["2/2", "100.0%"] and rows["bakery"] == ["2/2", "100.0%"]


def test_a_failing_case_is_shown_with_why_and_exit_1(tmp_path: Path) -> None:
    folder = suite(tmp_path, bakery_fr_yaml=CASES, bakery_en_yaml=WRONG)
    proc = support.run("eval", str(folder), "--format", "json")
    assert proc.returncode == 1
    report = json.loads(proc.stdout)
    assert report["schema"] == "replykit.suite/1"
    assert (report["cases"], report["passed"]) == (3, 2)
    assert report["by_lang"] == {"en": {"passed": 0, "cases": 1}, "fr": {"passed": 2, "cases": 2}}
    [failure] = report["failures"]
    assert failure["id"] == "bakery-en-wrong" and failure["got"]["category"] == "praise"
    text = support.run("eval", str(folder)).stdout
    assert "- bakery-en-wrong [N6, bakery.en.yaml]: expected complaint/1, got praise/none" in text
    assert "why: deliberately wrong" in text


def test_a_malformed_case_is_one_line_naming_its_file_and_case(tmp_path: Path) -> None:
    folder = suite(tmp_path, bakery_fr_yaml=CASES.replace("invariant: N5", "invariant: N9"))
    proc = support.run("eval", str(folder))
    assert proc.returncode == 2
    message = support.assert_clean_error(proc.stderr)
    assert "bakery.fr.yaml: case 2 (bakery-fr-hours): invariant must be one of" in message


def test_the_default_rules_pass_their_own_suite_but_the_known_failures() -> None:
    proc = support.run("eval", str(support.TESTS / "cases" / "routing"), "--format", "json", timeout=300)
    report = json.loads(proc.stdout)
    known = [line.split()[0] for line in (support.TESTS / "cases" / "routing" / "known_failures.txt").read_text(
        "utf-8").splitlines() if line.strip() and not line.startswith("#")]  # fmt: skip
    assert sorted(f["id"] for f in report["failures"]) == sorted(known)
