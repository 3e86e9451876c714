"""``replykit eval``: metrics checked by hand on a tiny file with the minimal rules, maps, presets, exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import support
from replykit.errors import UsageError
from replykit.measure.evaluate import LabelMap, Scores, parse_groups, parse_map

RULES = str(support.MINIMAL / "rules.yaml")
DATA = support.REPO.parent / "shared" / "data"

# The minimal rules: 'refund*'/'broken' -> complaint; a '?' -> question; else other.
ROWS = [
    ("I want a refund", "complaint"),  # complaint -> complaint
    ("It arrived broken", "complaint"),  # complaint -> complaint
    ("When do you open?", "complaint"),  # complaint -> question (misrouted)
    ("Do you deliver on Sunday?", "question"),  # question -> question
    ("My refund, when?", "question"),  # question -> complaint (misrouted)
    ("Nice shop", "other"),  # other -> other
]


def write_jsonl(tmp_path: Path, rows: list[dict[str, object]], name: str = "labeled.jsonl") -> str:
    path = tmp_path / name
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), "utf-8")
    return str(path)


def labeled(tmp_path: Path) -> str:
    return write_jsonl(tmp_path, [{"id": i, "text": t, "category": c} for i, (t, c) in enumerate(ROWS, 1)])


def run_json(*args: str) -> tuple[int, dict[str, object], str]:
    proc = support.run("eval", *args, "--rules", RULES, "--format", "json")
    return proc.returncode, json.loads(proc.stdout) if proc.stdout else {}, proc.stderr


def test_metrics_by_hand(tmp_path: Path) -> None:
    code, doc, _ = run_json(labeled(tmp_path))
    assert code == 0
    assert doc["schema"] == "replykit.eval/1"
    assert doc["evaluated"] == 6
    # gold rows x predicted columns (categories order)
    cols = doc["confusion"]["predicted"]
    rows = doc["confusion"]["gold"]
    m = {
        (g, p): n
        for g, row in zip(rows, doc["confusion"]["matrix"], strict=True)
        for p, n in zip(cols, row, strict=True)
    }
    assert m[("complaint", "complaint")] == 2 and m[("complaint", "question")] == 1
    assert m[("question", "question")] == 1 and m[("question", "complaint")] == 1
    assert m[("other", "other")] == 1
    assert sum(sum(r) for r in doc["confusion"]["matrix"]) == 6
    per = doc["per_class"]
    # complaint: tp 2, predicted 3, gold 3 -> P 2/3, R 2/3, F1 2/3
    assert per["complaint"]["precision"] == pytest.approx(2 / 3, abs=1e-6)
    assert per["complaint"]["recall"] == pytest.approx(2 / 3, abs=1e-6)
    assert per["complaint"]["f1"] == pytest.approx(2 / 3, abs=1e-6)
    # question: tp 1, predicted 2, gold 2 -> 1/2 each
    assert per["question"]["precision"] == pytest.approx(0.5) and per["question"]["recall"] == pytest.approx(0.5)
    assert per["other"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0, "support": 1, "predicted": 1}
    assert set(per) == {"complaint", "question", "other"}  # classes with gold comments only
    assert doc["macro_f1"] == pytest.approx((2 / 3 + 0.5 + 1.0) / 3, abs=1e-6)
    assert doc["accuracy"] == pytest.approx(4 / 6, abs=1e-6)
    assert doc["misrouted_count"] == 2


def test_json_schema_keys(tmp_path: Path) -> None:
    _, doc, _ = run_json(labeled(tmp_path))
    assert set(doc) == {
        "schema", "file", "preset", "label_field", "mapping", "records", "evaluated", "accuracy", "macro_f1",
        "per_class", "confusion", "escalated", "skipped", "bad_records", "misrouted_count", "misrouted",
    }  # fmt: skip
    first = doc["misrouted"][0]  # type: ignore[index]
    assert set(first) == {"line", "id", "text", "label", "gold", "predicted", "category", "outcome", "lang", "path"}
    assert set(first["path"][0]) == {"node", "result", "matched"}


def test_errors_show_the_path(tmp_path: Path) -> None:
    proc = support.run("eval", labeled(tmp_path), "--rules", RULES, "--errors", "5", "--color", "never")
    assert proc.returncode == 0, proc.stderr
    assert "line 5 [5]: My refund, when?" in proc.stdout
    assert "is_complaint:Y(unhappy[refund])" in proc.stdout
    assert "is_complaint:n > is_question:Y(asks[?])" in proc.stdout
    proc = support.run("eval", labeled(tmp_path), "--rules", RULES, "--errors", "1", "--color", "never")
    assert "1 shown of 2" in proc.stdout and "My refund" not in proc.stdout


def test_binary_map_and_predicted_groups(tmp_path: Path) -> None:
    rows = [{"text": t, "flag": int(c == "complaint")} for t, c in ROWS]
    path = write_jsonl(tmp_path, rows)
    code, doc, _ = run_json(path, "--label-field", "flag", "--map", "1=complaint,0=*rest")
    assert code == 0
    # complaint vs rest: predicted complaint for rows 1, 2, 5 -> tp 2, fp 1, fn 1
    assert doc["confusion"] == {"gold": ["complaint", "rest"], "predicted": ["complaint", "rest"],
                                "matrix": [[2, 1], [1, 2]]}  # fmt: skip
    _, doc, _ = run_json(
        path, "--label-field", "flag", "--map", "1=complaint,0=*rest", "--predicted", "complaint+question"
    )
    # questions count as complaints too: rows 1-5 predicted complaint -> tp 3, fp 2, tn 1
    assert doc["confusion"]["matrix"] == [[3, 0], [2, 1]]  # type: ignore[index]


def test_csv_and_boolean_labels(tmp_path: Path) -> None:
    path = tmp_path / "l.csv"
    path.write_text("text,bad\nI want a refund,True\nNice shop,false\n", "utf-8")
    code, doc, _ = run_json(str(path), "--label-field", "bad", "--map", "true=complaint,false=*rest")
    assert code == 0 and doc["accuracy"] == 1.0


def test_unlabeled_and_unmapped_are_reported(tmp_path: Path) -> None:
    rows: list[dict[str, object]] = [
        {"text": "I want a refund", "category": "complaint"},
        {"text": "Nice shop"},
        {"text": "Nice", "category": "angry"},
        {"text": "Ok", "category": None},
    ]
    code, doc, err = run_json(write_jsonl(tmp_path, rows))
    assert code == 1
    assert doc["evaluated"] == 1
    assert doc["skipped"]["unlabeled"] == {"count": 2, "lines": [2, 4]}  # type: ignore[index]
    assert doc["skipped"]["unmapped"] == {"count": 1, "lines": [3], "values": {"angry": 1}}  # type: ignore[index]
    assert "2 records without a 'category' label skipped (lines 2, 4)" in err
    assert "'angry'" in err and "lines 3" in err


def test_bad_records_exit_1(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"text": "I want a refund", "category": "complaint"}\n{not json\n{"category": "other"}\n', "utf-8")
    code, doc, err = run_json(str(path))
    assert code == 1
    assert doc["bad_records"]["count"] == 2  # type: ignore[index]
    assert ":2: bad JSON" in err and ":3: no 'text' field" in err


@pytest.mark.parametrize(
    "args, message",
    [
        (["--preset", "nope"], "unknown preset 'nope'"),
        (["--map", "1=complant"], "did you mean 'complaint'"),
        (["--map", "1complaint"], "is not LABEL=CATEGORY"),
        (["--map", "0=*rest"], "at least one label"),
        (["--map", "1=complaint,1=praise"], "mapped twice"),
        (["--predicted", "complaint+genral"], "unknown category 'genral'"),
    ],
)
def test_usage_errors_exit_2(tmp_path: Path, args: list[str], message: str) -> None:
    proc = support.run("eval", labeled(tmp_path), "--rules", RULES, *args)
    assert proc.returncode == 2
    assert message in support.assert_clean_error(proc.stderr)


def test_parse_map_and_groups() -> None:
    assert parse_map("1=complaint, 0=*rest") == {"1": "complaint", "0": "rest"}
    assert parse_map("Negative=complaint,positive=praise") == {"negative": "complaint", "positive": "praise"}
    assert parse_groups("complaint+general,question+other") == {"general": "complaint", "other": "question"}
    with pytest.raises(UsageError):
        parse_map("")
    lm = LabelMap(parse_map("true=inappropriate,false=*rest"))
    assert lm.binary and lm.gold(True) == "inappropriate" and lm.gold(False) == "rest" and lm.gold("x") is None
    assert lm.predicted("praise") == "rest" and lm.predicted("inappropriate") == "inappropriate"


def test_scores_pure() -> None:
    s = Scores(["complaint", "rest"])
    for gold, pred in [("complaint", "complaint"), ("complaint", "rest"), ("rest", "rest"), ("rest", "complaint")]:
        s.add(gold, pred)
    assert s.accuracy() == 0.5 and s.macro_f1() == 0.5 and s.confusion() == [[1, 1], [1, 1]]


@pytest.mark.skipif(not (DATA / "complaints_en.jsonl").is_file(), reason="../shared/data is absent")
def test_preset_matches_bench_quality() -> None:
    proc = support.run("eval", str(DATA / "complaints_en.jsonl"), "--preset", "complaints_en", "--format", "json",
                       "--rules", str(support.REPO / "rules.yaml"), timeout=300)  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)
    bench = subprocess.run(
        [sys.executable, str(support.REPO / "bench" / "quality.py"), str(DATA), "--only", "complaints_en",
         "--rules", str(support.REPO / "rules.yaml")],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    line = next(x for x in bench.stdout.splitlines() if x.startswith("complaints_en"))
    n, macro, acc, pp, rp, fp = line.split()[1:7]
    assert doc["evaluated"] == int(n)
    assert f"{doc['macro_f1']:.3f}" == macro and f"{doc['accuracy']:.3f}" == acc
    c = doc["per_class"]["complaint"]
    assert (f"{c['precision']:.3f}", f"{c['recall']:.3f}", f"{c['f1']:.3f}") == (pp, rp, fp)


def test_escalations_among_non_complaints_are_counted(tmp_path: Path) -> None:
    # Default rules: a lawyer threat escalates, whatever the label says.
    rows = [
        {"text": "Commande jamais reçue, mon avocat va vous contacter", "category": "complaint"},  # escalated complaint
        {"text": "I am taking legal action, my lawyer is ready.", "category": "general"},  # escalated, not a complaint
        {"text": "Merci, super accueil !", "category": "praise"},
        {"text": "What a joke of a company", "category": "general"},
    ]
    proc = support.run("eval", write_jsonl(tmp_path, rows), "--format", "json")
    doc = json.loads(proc.stdout)
    assert doc["escalated"]["non_complaints"] == 1 and doc["escalated"]["of"] == 3
    assert doc["escalated"]["rate"] == round(1 / 3, 6)
    assert doc["escalated"]["per_gold_class"] == {"complaint": 1, "general": 1}
    text = support.run("eval", write_jsonl(tmp_path, rows), "--color", "never", env={"COLUMNS": "120"})
    assert "escalated: 1 of 3 comments not labeled complaint (33.3%)" in text.stdout
