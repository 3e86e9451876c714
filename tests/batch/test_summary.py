"""The batch summary: counts, escalations first, who needs a reply, and recurring topics.

A topic that comes back often enough earns a prevention post for all
customers (O1.7) and a FAQ entry (O1.2); the figures must agree with the
entries the same run wrote.
"""

from __future__ import annotations

import json
import os
import pty
import re
import subprocess
import sys
import threading
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

import support
from replykit.batch import triage_many
from replykit.batch.summary import Summary

# Replies in a real business's name: these tests are not about the first run's example profile.
pytestmark = pytest.mark.usefixtures("own_profile")


COMPLAINT = "Commande jamais reçue, toujours pas remboursé"
PRAISE = "Merci, super accueil !"
QUESTION = "Where is my order? Nobody answers."
VIRAL = support.default_rules().signals["viral"]


def batch_rows(complaints: int, text: str = COMPLAINT) -> list[dict[str, Any]]:
    """``complaints`` alike complaints, two thank-yous, a question, a widely shared post, a bad record."""
    rows: list[dict[str, Any]] = [{"id": f"c{i}", "text": text} for i in range(complaints)]
    rows += [{"id": "p1", "text": PRAISE}, {"id": "q1", "text": QUESTION}, {"id": "p2", "text": PRAISE},
             {"id": "v1", "text": PRAISE, VIRAL.field_name: int(VIRAL.minimum) * 10}, {"id": "e1"}]  # fmt: skip
    return rows


def summarise(rows: list[dict[str, Any]]) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    entries = list(triage_many(rows, support.default_rules(), triage_only=True))
    summary = Summary()
    for entry in entries:
        summary.add(entry)
    return summary.to_dict(), entries


def prevention_posts(summary: dict[str, Any]) -> list[str]:
    return [s for s in summary["suggestions"] if "O1.7" in s]


def test_counts_agree_with_the_entries() -> None:
    summary, entries = summarise(batch_rows(5))
    good = [e for e in entries if "error" not in e]
    assert (summary["records"], summary["errors"]) == (len(entries), 1)
    assert summary["categories"] == dict(Counter(e["category"] for e in good))
    assert summary["outcomes"] == dict(Counter(e["outcome"] for e in good))
    assert summary["needs_reply"] == len(good)  # complaints, thanks and a crisis all need an answer


def test_escalations_are_listed_with_line_and_id() -> None:
    summary, entries = summarise(batch_rows(3))
    escalated = [e for e in entries if e.get("escalate")]
    assert [(x["line"], x["id"]) for x in summary["escalations"]] == [(e["line"], e["id"]) for e in escalated]
    assert [x["id"] for x in summary["escalations"]] == ["v1"]
    assert "viral" in summary["escalations"][0]["matched"]


def test_a_recurring_topic_earns_a_prevention_post_and_a_faq_entry() -> None:
    summary, entries = summarise(batch_rows(20))
    topic = entries[0]["topic"]
    assert topic and all(e["topic"] == topic for e in entries[:20])
    assert summary["recurring_topics"] == {topic: 20}
    (post,) = prevention_posts(summary)
    assert topic in post and "20" in post
    assert any("O1.2" in s and topic in s for s in summary["suggestions"])
    assert support.language_of(post) == "fr"  # most comments are French


def test_a_topic_seen_twice_is_not_recurring() -> None:
    summary, _ = summarise(batch_rows(2))
    assert summary["recurring_topics"] == {}
    assert prevention_posts(summary) == []


def test_suggestions_follow_the_language_of_most_comments() -> None:
    summary, entries = summarise(batch_rows(12, QUESTION))
    topic = entries[0]["topic"]
    (post,) = prevention_posts(summary)
    assert topic in post and support.language_of(post) == "en"


def test_the_text_summary_speaks_the_language_of_most_comments() -> None:
    from replykit.formats.batchout import summary_text

    english = summary_text(summarise(batch_rows(12, QUESTION))[0]).splitlines()
    assert english[0].startswith("17 records, 1 error, 16 need a reply, 1 to escalate"), english[0]
    assert english[1].startswith("  ESCALATE line 16 id v1: ") and english[2].startswith("categories: ")
    french = summary_text(summarise(batch_rows(12))[0]).splitlines()
    assert french[0].startswith("17 enregistrements, 1 erreur, 16 appellent une réponse, 1 à escalader"), french[0]
    assert french[1].startswith("  ESCALADE ligne 16 id v1 : ") and french[2].startswith("catégories : ")
    shown = "\n".join(french)
    assert not [w for w in ("record", "error", "need a reply", "ESCALATE", "categories:", "outcomes:") if w in shown]


def test_complaint_terms_count_comments_not_signals() -> None:
    summary, _ = summarise(batch_rows(20))
    terms = summary["complaint_terms"]
    assert terms and max(terms.values()) == 20  # 20 complaints: no term is counted more often
    assert all(term.lower() in COMPLAINT.lower() or term.lower() in QUESTION.lower() for term in terms), terms
    assert not any("=" in term for term in terms)  # "shares=5000" is a field, not something anyone wrote


# ---- on the command line ---------------------------------------------------------------


@pytest.fixture
def export(tmp_path: Path) -> Path:
    path = tmp_path / "export.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in batch_rows(20)), "utf-8")
    return path


def test_summary_json_is_the_last_stderr_line(cli: Any, export: Path) -> None:
    plain = cli("batch", str(export), "--triage-only")
    result = cli("batch", str(export), "--triage-only", "--summary", "--summary-format", "json")
    assert result.exit_code == 1  # the bad record
    assert result.stdout == plain.stdout  # the summary never mixes with the records
    *errors, last = result.stderr.splitlines()
    assert errors == plain.stderr.splitlines() == [f"replykit: error: {export}:25: no 'text' field"]
    summary = json.loads(last)
    assert {"records", "errors", "escalations", "needs_reply", "categories", "outcomes", "recurring_topics",
            "complaint_terms", "suggestions"} <= set(summary)  # fmt: skip
    entries = [json.loads(line) for line in plain.stdout.splitlines()]
    assert (summary["records"], summary["errors"]) == (25, 1)
    assert summary["escalations"][0]["line"] == 24 and summary["escalations"][0]["id"] == "v1"
    assert summary["recurring_topics"] == {entries[0]["topic"]: 20}
    assert len(prevention_posts(summary)) == 1


def test_text_summary_lists_escalations_first(cli: Any, export: Path) -> None:
    data = json.loads(cli("batch", str(export), "--summary", "--summary-format", "json").stderr.splitlines()[-1])
    result = cli("batch", str(export), "--summary", env={"COLUMNS": "300"})
    lines = [line for line in result.stderr.splitlines() if not line.startswith("replykit: error:")]
    # most comments of the export are French: so is the summary, as its suggestions are
    head = re.match(r"(\d+) enregistrements?, (\d+) erreurs?, (\d+) appellen?t une réponse, (\d+) à escalader",
                    lines[0])  # fmt: skip
    assert head, lines[0]
    assert [int(n) for n in head.groups()] == [data["records"], data["errors"], data["needs_reply"],
                                               len(data["escalations"])]  # fmt: skip
    assert "ESCALADE ligne 24 id v1 : " in lines[1] and VIRAL.field_name in lines[1]
    assert lines[2].startswith("catégories : ")
    text = " ".join(result.stderr.split())
    for suggestion in data["suggestions"]:
        assert " ".join(suggestion.split()) in text


def test_no_summary_prints_nothing(cli: Any, tmp_path: Path) -> None:
    path = tmp_path / "ok.jsonl"
    path.write_text(json.dumps({"text": PRAISE}) + "\n", "utf-8")
    result = cli("batch", str(path), "--no-summary")
    assert (result.exit_code, result.stderr) == (0, "")


def test_summary_of_an_empty_input(cli: Any, tmp_path: Path) -> None:
    (tmp_path / "empty.jsonl").write_bytes(b"")
    result = cli("batch", str(tmp_path / "empty.jsonl"), "--summary", "--summary-format", "json")
    assert (result.exit_code, result.stdout) == (0, "")
    summary = json.loads(result.stderr)
    assert (summary["records"], summary["errors"], summary["suggestions"]) == (0, 0, [])


def test_summary_by_default_only_when_stderr_is_a_terminal(export: Path) -> None:
    piped = support.run("batch", str(export), "--triage-only")
    assert piped.returncode == 1
    assert piped.stderr.splitlines() == [f"replykit: error: {export}:25: no 'text' field"]  # no summary

    leader, follower = pty.openpty()
    shown: list[bytes] = []

    def read_terminal() -> None:  # read as it comes, so a full terminal buffer never blocks the run
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # EIO: the writer is gone
                return
            if not chunk:
                return
            shown.append(chunk)

    reader = threading.Thread(target=read_terminal)
    reader.start()
    try:
        proc = subprocess.Popen([sys.executable, "-m", "replykit", "batch", str(export), "--triage-only"],
                                stdout=subprocess.PIPE, stderr=follower)  # fmt: skip
        os.close(follower)
        stdout, _ = proc.communicate(timeout=60)
        reader.join(timeout=10)
    finally:
        os.close(leader)
    assert proc.returncode == 1
    assert stdout.decode() == piped.stdout
    terminal = b"".join(shown).decode("utf-8", "replace")
    assert "25 enregistrements, 1 erreur, " in terminal, terminal
    assert "ESCALADE ligne 24 id v1" in terminal
