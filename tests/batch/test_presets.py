"""Every export preset end to end through the command line: text, stars, author, answered, one output per input."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

import support

# About reading exports, not the first run: as a user who gave their own details (no example-profile warning).
pytestmark = pytest.mark.usefixtures("own_profile")

EXPORTS = support.TESTS / "fixtures" / "exports"

# preset -> (fixture, [(line, id, text start, author, stars, answered), ...]); one tuple per record in the file.
CASES: dict[str, tuple[str, list[tuple[int, str, str, str, int | None, bool]]]] = {
    "google-reviews": ("google-reviews.json", [
        (3, "r1", "Gâteau commandé pour samedi", "Julie Martin", 1, False),
        (12, "r2", "The bread was stale", "Tom Baker", 2, True),
        (22, "r3", "Merci pour les croissants", "Camille D.", 5, False),
    ]),
    "youtube-comments": ("youtube-comments.json", [
        (6, "Ugx1", "Your tutorial skips the step where it crashes & nobody answers my emails.\nStill waiting.",
         "@dev_sam", None, False),
        (27, "Ugx2", "Le son est inaudible à partir de 3:12, c'est dommage.", "@lea.m", None, False),
    ]),
    "facebook-comments": ("facebook-comments.json", [
        (1, "123_1", "Livraison annulée sans prévenir", "Sophie Laurent", None, False),
        (1, "123_2", "Ordered a birthday cake", "Mark Hill", None, False),
    ]),
    "instagram-comments": ("instagram-comments.json", [
        (2, "178001", "Toujours pas reçu ma commande", "marie_b", None, False),
        (3, "178002", "The colours in the photo", "jon.k", None, False),
    ]),
    "trustpilot-csv": ("trustpilot.csv", [
        (2, "tp1", "Colis jamais arrivé. J'ai payé la livraison express", "Nadia R.", 1, False),
        (3, "tp2", "Disappointing. The shirt shrank", "Peter S.", 2, False),
        (4, "tp3", "Parfait", "Hugo L.", 5, False),
    ]),
    "mastodon": ("mastodon.json", [
        (2, "1100001", "@atelier Site en panne depuis hier & impossible de commander !\n\nQuelqu'un peut m'aider ?",
         "paul@pouet.example", None, False),
        (11, "1100002", "Third time my order is late.\n[bold red]Not happy[/] <b>really</b>", "ann", None, False),
    ]),
    "bluesky": ("bluesky.json", [
        (3, "at://did:plc:abc/app.bsky.feed.post/1", "Ça fait trois semaines", "claire.bsky.social", None, False),
        (15, "at://did:plc:def/app.bsky.feed.post/2", "Your app logged me out", "sam.bsky.social", None, False),
    ]),
}  # fmt: skip


def batch(*args: str) -> tuple[list[dict[str, Any]], str, int]:
    proc = support.run("batch", *args, "--format", "jsonl", "--no-summary", cwd=EXPORTS)
    support.assert_clean_error(proc.stderr) if proc.returncode else None
    return [json.loads(line) for line in proc.stdout.splitlines()], proc.stderr, proc.returncode


@pytest.mark.parametrize("preset", list(CASES))
def test_preset_maps_each_record(preset: str) -> None:
    fixture, expected = CASES[preset]
    entries, stderr, code = batch(fixture, "--input-format", preset)
    assert code == 0 and stderr == ""
    assert len(entries) == len(expected)  # one output record per input record
    for entry, (line, ident, text, author, stars, answered) in zip(entries, expected, strict=True):
        assert (entry["line"], entry["id"]) == (line, ident)
        assert entry["text"].startswith(text) and entry["fields"]["author"] == author
        assert entry["fields"].get("stars") == stars
        assert entry.get("answered", False) is answered
        assert entry["fields"]["platform"] == preset.split("-")[0]
        assert entry["public_reply"]


def test_stars_reach_the_rules(tmp_path: Path) -> None:
    # the same words: praise at five stars, never at one (rules.yaml: rating_low)
    reviews = [
        {"reviewId": r, "comment": "Merci, super accueil !", "starRating": s} for r, s in (("a", "ONE"), ("b", "FIVE"))
    ]
    (tmp_path / "r.json").write_text(json.dumps({"reviews": reviews}), "utf-8")
    proc = support.run("batch", "r.json", "-i", "google-reviews", "--triage-only", "--format", "jsonl", cwd=tmp_path)
    low, high = (json.loads(line) for line in proc.stdout.splitlines())
    assert (low["fields"]["stars"], high["fields"]["stars"]) == (1, 5)
    assert low["category"] != "praise" and high["category"] == "praise"


def test_a_rating_alone_is_answered_from_its_stars(tmp_path: Path) -> None:
    reviews = [{"reviewId": "a", "starRating": "FIVE"}, {"reviewId": "b", "starRating": "ONE", "comment": ""}]
    (tmp_path / "r.json").write_text(json.dumps({"reviews": reviews}), "utf-8")
    proc = support.run("batch", "r.json", "-i", "google-reviews", "--format", "jsonl", cwd=tmp_path)
    five, one = (json.loads(line) for line in proc.stdout.splitlines())
    assert proc.returncode == 0, proc.stderr
    assert five["category"] == "praise" and "message" not in five["public_reply"]
    assert one["category"] != "praise" and one["text"] == ""


def test_no_words_and_no_rating_is_an_error_record(tmp_path: Path) -> None:
    (tmp_path / "r.json").write_text(json.dumps({"reviews": [{"reviewId": "a"}]}), "utf-8")
    proc = support.run("batch", "r.json", "-i", "google-reviews", "--format", "jsonl", cwd=tmp_path)
    assert proc.returncode == 1 and json.loads(proc.stdout)["error"] == "no 'comment' field"


def test_a_csv_preset_keeps_the_input_columns() -> None:
    proc = support.run(
        "batch", "trustpilot.csv", "-i", "trustpilot-csv", "--format", "csv", "--triage-only", cwd=EXPORTS
    )
    rows = list(csv.DictReader(io.StringIO(proc.stdout)))
    assert proc.returncode == 0 and len(rows) == 3
    assert (rows[0]["Review Stars"], rows[0]["Review Username"], rows[0]["id"]) == ("1", "Nadia R.", "tp1")


def test_skip_answered_keeps_one_record_per_input() -> None:
    entries, _, code = batch("google-reviews.json", "--input-format", "google-reviews", "--skip-answered")
    assert code == 0 and [e["id"] for e in entries] == ["r1", "r2", "r3"]
    skipped = entries[1]
    assert skipped["answered"] is True and "already answered" in skipped["skipped"]
    assert "public_reply" not in skipped and "category" not in skipped
    assert all(e.get("public_reply") for e in (entries[0], entries[2]))


def test_skip_answered_is_counted_in_the_summary() -> None:
    args = ("google-reviews.json", "--input-format", "google-reviews", "--skip-answered", "--summary")
    proc = support.run("batch", *args, "--summary-format", "json", "--format", "jsonl", cwd=EXPORTS)
    summary = json.loads(proc.stderr)
    assert summary["records"] == 3 and summary["skipped"] == 1 and summary["errors"] == 0


def test_mastodon_html_never_reaches_the_terminal_as_markup() -> None:
    proc = support.run("batch", "mastodon.json", "-i", "mastodon", "--format", "table", "--color", "always",
                       "--triage-only", "--no-summary", cwd=EXPORTS, env={"COLUMNS": "200"})  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert "[bold red]Not happy[/]" in proc.stdout and "<script>" not in proc.stdout and "alert" not in proc.stdout


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("--text-field", "snippet.topLevelComment.snippet.textOriginal"), "Your tutorial skips"),
        (("--text-field", "SNIPPET.topLevelComment.snippet.textOriginal", "--id-field", "snippet.videoId"), "v1"),
    ],
    ids=["dotted", "folded-case"],
)
def test_dotted_paths_read_nested_fields(args: tuple[str, ...], expected: str) -> None:
    entries, _, code = batch("youtube-comments.json", *args, "--triage-only")
    assert code == 0 and len(entries) == 2
    assert entries[0]["text"].startswith(expected) or entries[0]["id"] == expected


def test_json_array_and_page_and_lines(tmp_path: Path) -> None:
    records = [{"id": i, "text": "Ma commande n'est jamais arrivée"} for i in (1, 2)]
    forms = {
        "array.json": json.dumps(records, indent=2),
        "page.json": json.dumps({"data": records, "paging": {}}),
        "pages.json": json.dumps({"items": records[:1]}) + "\n" + json.dumps({"items": records[1:]}) + "\n",
        "lines.jsonl": "".join(json.dumps(r) + "\n" for r in records),
    }
    for name, data in forms.items():
        (tmp_path / name).write_text(data, "utf-8")
        proc = support.run("batch", name, "--triage-only", "--format", "jsonl", cwd=tmp_path)
        assert proc.returncode == 0, (name, proc.stderr)
        assert [json.loads(line)["id"] for line in proc.stdout.splitlines()] == [1, 2], name


def test_a_preset_on_json_lines_keeps_going_past_a_bad_line(tmp_path: Path) -> None:
    good = json.dumps({"id": "1", "message": "Commande annulée sans prévenir", "from": {"name": "Léa"}})
    (tmp_path / "fb.jsonl").write_text(f'{good}\n{{"id": "2", "message": "cut\n{good}\n', "utf-8")
    proc = support.run(
        "batch", "fb.jsonl", "-i", "facebook-comments", "--triage-only", "--format", "jsonl", cwd=tmp_path
    )
    entries = [json.loads(line) for line in proc.stdout.splitlines()]
    assert proc.returncode == 1 and [e["line"] for e in entries] == [1, 2, 3]
    assert "error" in entries[1] and entries[2]["fields"]["author"] == "Léa"


def test_a_one_line_page_longer_than_the_sniffed_bytes(tmp_path: Path) -> None:
    items = [{"id": str(i), "message": f"Commande {i} jamais arrivée, aucune réponse"} for i in range(2000)]
    (tmp_path / "page.json").write_text(json.dumps({"data": items, "paging": {}}), "utf-8")
    proc = support.run("batch", "page.json", "-i", "facebook-comments", "--triage-only", "--format", "jsonl",
                       "--no-summary", cwd=tmp_path, timeout=300)  # fmt: skip
    assert proc.returncode == 0 and len(proc.stdout.splitlines()) == 2000


def test_broken_json_document_is_one_located_error(tmp_path: Path) -> None:
    (tmp_path / "cut.json").write_text('[\n {"id": 1, "text": "Colis perdu"},\n {"id": 2, "text": "Col', "utf-8")
    proc = support.run("batch", "cut.json", "--triage-only", "--format", "jsonl", cwd=tmp_path)
    entries = [json.loads(line) for line in proc.stdout.splitlines()]
    assert proc.returncode == 1 and entries[0]["id"] == 1
    assert entries[1]["line"] == 3 and "line 3, column" in entries[1]["error"]
