"""What batch reuses (answers of repeated comments, renders, wordings) changes no byte of its output.

Every comment of ../shared/data goes through ``replykit batch`` twice: as users
run it, and with ``REPLYKIT_PLAIN=1``, where every record is triaged, heard
and rendered afresh. The file repeats part of the comments, with other ids,
ratings and share counts, so that answers are found again, and some that must
not be (a rating that differs, a post gone viral).
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

import support

DATA = support.REPO.parent / "shared" / "data"
REPEATED = 4_000  # comments that come back later in the file
pytestmark = pytest.mark.skipif(not (DATA / "complaints_en.jsonl").is_file(), reason="../shared/data is absent")


def every_comment() -> list[dict[str, object]]:
    records: list[dict[str, object]] = []
    for path in sorted(DATA.glob("*.jsonl")):
        with path.open(encoding="utf-8") as lines:
            for number, line in enumerate(lines, 1):
                source = json.loads(line)
                text = source.get("text") or source.get("customer_text")
                if isinstance(text, str) and text.strip():
                    record: dict[str, object] = {"id": f"{path.stem}:{number}", "text": text}
                    if isinstance(source.get("stars"), int):
                        record["stars"] = source["stars"]
                    records.append(record)
    return records


@pytest.fixture(scope="module")
def export(tmp_path_factory: pytest.TempPathFactory) -> Path:
    rng = random.Random(15)
    records = every_comment()
    again = [dict(record) for record in rng.sample(records, REPEATED)]
    for number, record in enumerate(again):
        record["id"] = f"again-{number}"
        if number % 3 == 0:
            record["shares"] = rng.choice([0, 3, 499, 500, 12_000])  # `viral` fires from 500
        if number % 5 == 0 and "stars" in record:
            record["stars"] = rng.randint(1, 5)
        if number % 7 == 0:
            record["text"] = ""  # a rating alone: answered from its stars, or an error without them
            record["stars"] = rng.choice([1, 3, 5])
    mixed = records + again
    rng.shuffle(mixed)
    path = tmp_path_factory.mktemp("parity") / "every-comment.jsonl"
    path.write_text("".join(json.dumps(record, ensure_ascii=False) + "\n" for record in mixed), encoding="utf-8")
    return path


def batch(path: Path, *options: str, plain: bool) -> bytes:
    """The output of batch on ``path``; ``plain`` runs on two processes (their output is the same as one's:
    tests/batch/test_batch.py), to halve the time of this test."""
    env = {key: value for key, value in os.environ.items() if key != "REPLYKIT_PLAIN"}
    if plain:
        env["REPLYKIT_PLAIN"] = "1"
        options = (*options, "--jobs", "2")
    cmd = [sys.executable, "-m", "replykit", "batch", str(path), "--rules", str(support.own_rules_path()), *options]
    proc = subprocess.run(cmd, capture_output=True, env=env, check=False, timeout=1800)
    assert proc.returncode == 0, proc.stderr.decode()[-2000:]
    return proc.stdout


@pytest.mark.parametrize("options", [(), ("--triage-only",)], ids=["replies", "triage-only"])
def test_reuse_changes_no_byte_on_every_shared_comment(export: Path, options: tuple[str, ...]) -> None:
    reused = batch(export, *options, plain=False)
    assert reused == batch(export, *options, plain=True)
    lines = reused.decode("utf-8").splitlines()
    assert len(lines) == sum(1 for _ in export.open(encoding="utf-8"))
    entries = [json.loads(line) for line in lines]
    assert sum("error" in entry for entry in entries) < REPEATED  # the ratings alone without stars only
    if not options:
        public = [entry["public_reply"] for entry in entries if entry.get("public_reply")]
        assert len(set(public)) > len(public) // 4  # answered, and worded apart (the generic ones repeat)
