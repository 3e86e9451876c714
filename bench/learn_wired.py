"""Macro-F1 of the default rules alone, and with a learned lexicon included and wired into the tree.

Usage (from the repository root)::

    python bench/learn_wired.py [complaints_en offensive_en offensive_fr]

For each of 5 folds (stratified, the seed of ``replykit learn``), a lexicon is
learned on the other 4 folds, written as ``replykit learn`` writes it, included
by a copy of the default rules.yaml whose tree ORs it into one node
(``is_insult`` for inappropriate, ``is_complaint`` for complaint), and both
rule sets are measured on the held-out fold; the confusion matrices of the 5
folds are pooled. Never train-on-test: each comment is measured by a lexicon
that did not see it. The default rules.yaml itself is left untouched.
"""

from __future__ import annotations

import sys
import tempfile
from collections import Counter
from pathlib import Path

from replykit.batch.read import Record, open_records
from replykit.formats.learnout import as_yaml
from replykit.measure.evaluate import PRESETS, Scores, evaluate
from replykit.measure.learn import Settings, collect, fold_indexes, learn
from replykit.rules.find import default_rules_path
from replykit.rules.load import compile_rules
from replykit.rules.model import REST

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
WIRES = {  # target -> (a line of the default tree, the condition added after it)
    "inappropriate": ("            - all: [insult, personal_attack]\n", "            - learned_inappropriate\n"),
    "complaint": ("        - {signal: complaint_cues, min: 2}\n", "        - learned_complaint\n"),
}


def wired_rules(target: str) -> str:
    text = default_rules_path().read_text("utf-8")
    line, added = WIRES[target]
    assert text.count(line) == 1, f"the default tree changed: {line!r}"
    return text.replace(line, line + added).replace("version: 1\n", "version: 1\ninclude: [learned.yaml]\n", 1)


def measure(name: str, folds: int = 5) -> tuple[Scores, Scores, str]:
    preset = PRESETS[name]
    target = next(c for c in preset.targets.values() if c != REST)
    with (DATA / f"{name}.jsonl").open("rb") as handle:
        records: list[Record] = list(open_records(handle, name, None, "text", "id").records)
    label_map, settings = preset.label_map(), Settings(target, folds=folds)
    examples, _ = collect(records, label_map, preset.label_field, settings, preset.exclude)
    fold_of = dict(zip((e.line for e in examples), fold_indexes(examples, folds, settings.seed), strict=True))
    base = compile_rules(default_rules_path().read_text("utf-8"), str(default_rules_path()))
    pooled = Scores(label_map.classes), Scores(label_map.classes)
    with tempfile.TemporaryDirectory() as tmp:
        for k in range(folds):
            train = [r for r in records if r.line in fold_of and fold_of[r.line] != k]
            test = [r for r in records if r.line in fold_of and fold_of[r.line] == k]
            learned = learn(train, label_map, preset.label_field, settings, preset.exclude)
            (Path(tmp) / "learned.yaml").write_text(as_yaml(learned, name, f"learned_{target}"), "utf-8")
            wired = compile_rules(wired_rules(target), str(Path(tmp) / "rules.yaml"))
            for rules, scores in zip((base, wired), pooled, strict=True):
                result = evaluate(test, rules, label_map, preset.label_field, exclude=preset.exclude)
                for gold, row in result.scores.matrix.items():
                    scores.matrix.setdefault(gold, Counter()).update(row)
    return pooled[0], pooled[1], target


def line(scores: Scores, target: str) -> str:
    mine = scores.per_class()[target]
    return f"{scores.macro_f1():.3f} | {mine.precision:.3f}/{mine.recall:.3f}/{mine.f1:.3f}"


def main(names: list[str]) -> int:
    print("| data set | n | default: macro-F1 | target P/R/F1 | + learned include: macro-F1 | target P/R/F1 |")
    print("|---|---|---|---|---|---|")
    for name in names:
        base, wired, target = measure(name)
        print(f"| {name} | {base.total} | {line(base, target)} | {line(wired, target)} |")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:] or ["complaints_en", "offensive_en", "offensive_fr"]))
