"""``replykit learn``: terms, weights and threshold computed by hand on a tiny file, the
written lexicon included by rules.yaml through the CLI, --force, figures, bad input."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

import support
from replykit.measure.evaluate import LabelMap
from replykit.measure.learn import Example, Settings, best_threshold, fit, learn, score_terms
from replykit.rules.includes import check_included

# abuse 1 = inappropriate. Every comment is detected as English.
ROWS = [
    ("you are an idiot", 1),
    ("what an idiot you are", 1),
    ("you clown", 1),
    ("the clown, total idiot", 1),
    ("you are great", 0),
    ("thank you for the parcel", 0),
    ("the parcel is an hour late", 0),
    ("what a clown show, thanks", 0),
]
MAP = "1=inappropriate,0=*rest"


def delta(a: int, b: int, pos: int = 4, neg: int = 4) -> float:
    """The smoothed log-odds ratio, written out (prior 1)."""
    return math.log((a + 1) / (pos - a + 1)) - math.log((b + 1) / (neg - b + 1))


def write_rows(tmp_path: Path, rows: list[tuple[str, int]] = ROWS, name: str = "history.jsonl") -> Path:
    path = tmp_path / name
    path.write_text("".join(json.dumps({"text": t, "abuse": y}) + "\n" for t, y in rows), "utf-8")
    return path


def records(rows: list[tuple[str, int]] = ROWS) -> list[object]:
    from replykit.batch.read import Record

    return [Record(i, t, None, {"abuse": y}) for i, (t, y) in enumerate(rows, 1)]


def run_learn(tmp_path: Path, *args: str) -> tuple[int, dict[str, object], str]:
    source = write_rows(tmp_path)
    options = ["--label-field", "abuse", "--map", MAP, "--min-count", "2", "--folds", "2", "--format", "json"]
    proc = support.run("learn", str(source), *options, *args, cwd=tmp_path)
    return proc.returncode, json.loads(proc.stdout) if proc.stdout else {}, proc.stderr


# ---- the core, by hand ----------------------------------------------------------------


def test_weights_and_order_by_hand() -> None:
    # target / other comments holding each word seen in >= 2 target comments:
    # idiot 3/0; you 3/2; are, an, clown 2/1 (what, the: 1 target comment only)
    assert round(delta(3, 0), 1) == 2.3 and round(delta(3, 2), 1) == round(delta(2, 1), 1) == 0.7
    result = learn(
        records(), LabelMap({"1": "inappropriate", "0": "rest"}), "abuse", Settings("inappropriate", 2, folds=2)
    )
    terms = result.lexicon.terms["en"]
    assert [(t.text, t.weight, t.positive, t.negative) for t in terms] == [
        ("idiot", 2.3, 3, 0),
        ("you", 0.7, 3, 2),  # heavier first, then more target comments, then alphabetical
        ("an", 0.7, 2, 1),
        ("are", 0.7, 2, 1),
        ("clown", 0.7, 2, 1),
    ]
    assert list(result.lexicon.terms) == ["en"]


def test_threshold_maximises_f1_by_hand() -> None:
    # values: 4.4 4.4 1.4 3.0 (targets), 1.4 0.7 0.7 0.7 (others). From 1.4: tp 4, fp 1,
    # F1 0.889; from 3.0: tp 3, fp 0, F1 0.857; from 0.7: tp 4, fp 4, F1 0.667.
    result = learn(
        records(), LabelMap({"1": "inappropriate", "0": "rest"}), "abuse", Settings("inappropriate", 2, folds=2)
    )
    assert result.lexicon.threshold == 1.4
    assert result.lexicon.minimum == 1.35  # below the threshold, so 0.7 + 0.7 summed in floats still reaches it


def test_best_threshold_prefers_the_highest_among_ties_and_zero_when_nothing_fires() -> None:
    # from 2.0: tp 1 fp 0 fn 1 (F1 0.667); from 1.0: tp 2 fp 2 (F1 0.667): the tie keeps 2.0
    assert best_threshold([(2.0, True), (1.0, True), (1.0, False), (1.0, False)]) == 2.0
    assert best_threshold([(0.0, True), (0.0, False)]) == 0.0


def test_min_count_and_max_terms() -> None:
    lexicon = fit(_examples(), Settings("inappropriate", min_count=3))
    assert [t.text for t in lexicon.terms["en"]] == ["idiot", "you"]
    assert [t.text for t in fit(_examples(), Settings("inappropriate", min_count=2, max_terms=1)).terms["en"]] == [
        "idiot"
    ]


def _examples() -> list[Example]:
    return [Example(i, "en", frozenset(t.replace(",", "").split()), y == 1) for i, (t, y) in enumerate(ROWS)]


def test_score_terms_drops_non_positive_weights() -> None:
    from collections import Counter

    kept = score_terms(Counter({"hello": 5, "idiot": 5}), Counter({"hello": 50}), 10, 100, Settings("x", 5))
    assert [t.text for t in kept] == ["idiot"]  # 'hello' is as common in both classes


def test_score_terms_keeps_out_light_terms_unless_asked() -> None:
    from collections import Counter

    # By hand: "and", in 6 of 10 target comments and 40 of 100 others, weighs
    # log((6+1)/(4+1)) - log((40+1)/(60+1)) = 0.336 + 0.397 = 0.7; "idiot",
    # 5 of 10 and 0 of 100, weighs log(6/6) - log(1/101) = 4.6.
    counts = Counter({"and": 6, "idiot": 5}), Counter({"and": 40}), 10, 100
    assert [(t.text, t.weight) for t in score_terms(*counts, Settings("x", 5))] == [("idiot", 4.6), ("and", 0.7)]
    assert [t.text for t in score_terms(*counts, Settings("x", 5, min_weight=0.9))] == ["idiot"]


def test_each_language_gets_its_own_terms() -> None:
    french = [
        ("t es un abruti", 1),
        ("quel abruti celui la", 1),
        ("c est une arnaque", 1),
        ("vous êtes des abrutis et des escrocs", 1),
        ("merci pour la livraison", 0),
        ("le colis est arrivé", 0),
        ("je suis contente", 0),
        ("c est une belle boutique", 0),
    ]
    result = learn(
        records(ROWS + french),
        LabelMap({"1": "inappropriate", "0": "rest"}),
        "abuse",
        Settings("inappropriate", 2, folds=2),
    )
    assert set(result.lexicon.terms) == {"en", "fr"}
    assert "abruti" in [t.text for t in result.lexicon.terms["fr"]]
    assert "idiot" in [t.text for t in result.lexicon.terms["en"]]
    assert {lang: dict(c) for lang, c in result.examples.items()} == {
        "en": {True: 4, False: 4},
        "fr": {True: 4, False: 4},
    }


# ---- the command -------------------------------------------------------------------------


def test_cross_validation_figures_are_present_and_in_range(tmp_path: Path) -> None:
    code, doc, stderr = run_learn(tmp_path)
    assert (code, stderr) == (0, "")
    assert doc["schema"] == "replykit.learn/1"
    cv = doc["cross_validation"]
    assert isinstance(cv, dict) and len(cv["folds"]) == 2
    for name in ("precision", "recall", "f1"):
        assert 0.0 <= cv[name]["mean"] <= 1.0 and cv[name]["stdev"] >= 0.0
        assert all(0.0 <= fold[name] <= 1.0 for fold in cv["folds"])
    assert doc["threshold"] == 1.4 and doc["min"] == 1.35
    assert doc["terms"]["en"][0] == {"term": "idiot", "weight": 2.3, "target": 3, "other": 0}  # type: ignore[index]


def test_text_output_shows_figures_and_top_terms(tmp_path: Path) -> None:
    source = write_rows(tmp_path)
    proc = support.run("learn", str(source), "--label-field", "abuse", "--map", MAP, "--min-count", "2", "--folds", "2")
    assert proc.returncode == 0, proc.stderr
    assert "2-fold cross-validation, the learned signal alone: precision " in proc.stdout
    assert "Top terms (en, 5 kept)" in proc.stdout
    assert "│ idiot │    2.3 │             3 │     0 │" in proc.stdout
    assert "signal learned_inappropriate: fires from 1.4 (min 1.35)" in proc.stdout


def test_written_lexicon_is_included_and_changes_the_triage(tmp_path: Path) -> None:
    code, _, stderr = run_learn(tmp_path, "-o", "lexicons/learned.yaml")
    assert (code, stderr) == (0, "")
    written = (tmp_path / "lexicons" / "learned.yaml").read_text("utf-8")
    assert written.startswith("# Learned by `replykit learn` from history.jsonl\n")
    assert "2-fold cross-validation (seed 13), this signal alone: precision " in written
    assert '        - "idiot": 2.3' in written and "# 3 / 0" in written
    assert "    method: [READ, O2.2]\n" in written and written.endswith("    min: 1.35\n")
    signals = check_included(written, "learned.yaml")
    assert [t.text for t in signals["learned_inappropriate"].terms["en"]][:2] == ["idiot", "you"]

    base = (support.MINIMAL / "rules.yaml").read_text("utf-8")
    (tmp_path / "rules.yaml").write_text(base, "utf-8")
    assert _category(tmp_path, "what an idiot") == "other"  # the minimal rules know no insult
    rules = base.replace("version: 1\n", "version: 1\ninclude: [lexicons/learned.yaml]\n").replace(
        "tree:\n",
        "tree:\n  - id: is_abuse\n    when: learned_inappropriate\n    then: moderate\n    else: is_complaint\n",
    )
    rules += "  moderate:\n    category: inappropriate\n    option: 2\n    action: moderate\n"
    (tmp_path / "rules.yaml").write_text(rules, "utf-8")
    assert _category(tmp_path, "what an idiot") == "inappropriate"  # an + idiot = 3.0
    assert _category(tmp_path, "you are an IDIOT!") == "inappropriate"
    assert _category(tmp_path, "the parcel is late") == "other"


def _category(folder: Path, text: str) -> str:
    proc = support.run("reply", "--rules", "rules.yaml", "--text", text, "--format", "json", cwd=folder)
    assert proc.returncode == 0, proc.stderr
    return str(json.loads(proc.stdout)["category"])


def test_never_overwrites_without_force(tmp_path: Path) -> None:
    out = tmp_path / "learned.yaml"
    out.write_text("# mine\n", "utf-8")
    code, doc, stderr = run_learn(tmp_path, "-o", "learned.yaml")
    assert (code, doc) == (2, {})
    assert support.assert_clean_error(stderr) == "learned.yaml: already exists; use --force to overwrite it"
    assert out.read_text("utf-8") == "# mine\n"
    code, _, stderr = run_learn(tmp_path, "-o", "learned.yaml", "--force")
    assert (code, stderr) == (0, "")
    assert out.read_text("utf-8").startswith("# Learned by `replykit learn`")
    assert not [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_bad_records_are_reported_with_their_line(tmp_path: Path) -> None:
    source = write_rows(tmp_path)
    source.write_text(source.read_text("utf-8") + '{"text": "broken\n{"text": "no label"}\n', "utf-8")
    proc = support.run("learn", str(source), "--label-field", "abuse", "--map", MAP, "--min-count", "2", "--folds", "2")
    assert proc.returncode == 1
    lines = proc.stderr.splitlines()
    assert lines[0].startswith(f"replykit: error: {source}:9: ")
    assert "1 records without a 'abuse' label skipped (lines 10)" in proc.stderr
    assert "Traceback" not in proc.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--target", "praise"), "--target: 'praise' is not a class of the label map; expected one of: inappropriate"),
        (("--folds", "5"), "too little data: 4 'inappropriate' and 4 other labeled comments;"),
        (("--name", "bad name"), "--name: 'bad name' is not a valid signal name (letters, digits, _ . -)"),
    ],
)
def test_usage_errors(tmp_path: Path, args: tuple[str, ...], message: str) -> None:
    source = write_rows(tmp_path)
    proc = support.run("learn", str(source), "--label-field", "abuse", "--map", MAP, "--min-count", "2", *args)
    assert proc.returncode == 2
    assert support.assert_clean_error(proc.stderr).startswith(message)


def test_missing_input_is_a_usage_error(tmp_path: Path) -> None:
    proc = support.run("learn", str(tmp_path / "nope.jsonl"), "--map", MAP)
    assert proc.returncode == 2
    assert "nope.jsonl" in support.assert_clean_error(proc.stderr)
