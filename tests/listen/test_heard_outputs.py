"""What a user sees of the listening stage: the JSON ``heard``, the triage panel, batch, a broken aspects file."""

from __future__ import annotations

import json
from pathlib import Path

import support
from replykit import suggest
from replykit.batch import triage_many
from replykit.errors import RulesError
from replykit.rules.load import load_rules


def test_reply_json_carries_what_was_heard() -> None:
    proc = support.run("reply", "--text", "Ma commande de 20 croissants n'est jamais arrivée et personne ne décroche.",
                       "--format", "json")  # fmt: skip
    heard = json.loads(proc.stdout)["heard"]
    assert heard["subject"]["id"] == "order"
    assert heard["subject"]["phrase"] == "votre commande" and heard["subject"]["gender"] == "f"
    assert heard["object"] == {"text": "votre commande de 20 croissants", "words": "Ma commande de 20 croissants"}
    assert [c["id"] for c in heard["channels_tried"]] == ["phone"]


def test_the_panel_shows_what_was_heard_and_never_reads_it_as_markup() -> None:
    proc = support.run("reply", "--text", "Are you open on [bold]Sunday[/bold]?", "--color", "always")
    assert "Heard:" in proc.stdout
    # markup is no clean question: the panel shows the customer's words, as written, never as markup
    assert "Are you open on [bold]Sunday[/bold]?" in proc.stdout


def test_markdown_lists_what_was_heard_in_the_reply_language() -> None:
    proc = support.run("reply", "--text", "Vous êtes ouverts le 15 août ?", "--format", "markdown")
    assert "### Entendu" in proc.stdout
    assert "si vous êtes ouverts le 15 août" in proc.stdout


def test_batch_entries_carry_heard_like_a_single_reply() -> None:
    text = "Waited over an hour for our food, nobody apologised."
    entry = next(triage_many([text]))
    assert entry["heard"] == suggest(text).heard.to_dict()
    assert entry["heard"]["duration"]["text"] == "an hour"


def test_batch_csv_has_a_heard_column(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"text": "My parcel never arrived"}) + "\n", "utf-8")
    proc = support.run("batch", str(source), "--format", "csv")
    header, row = proc.stdout.splitlines()[:2]
    assert "heard" in header.split(",")
    assert '""id"": ""delivery""' in row


def test_a_broken_aspects_file_is_reported_at_its_place(tmp_path: Path) -> None:
    rules = (support.REPO / "rules.yaml").read_text("utf-8")
    rules = rules.replace("listening/aspects.yaml, listening/cues.yaml", "listening/mine.yaml")
    (tmp_path / "rules.yaml").write_text(rules, "utf-8")
    (tmp_path / "lexicons").mkdir()
    for file in (support.REPO / "lexicons").glob("*.yaml"):
        (tmp_path / "lexicons" / file.name).write_text(file.read_text("utf-8"), "utf-8")
    (tmp_path / "listening").mkdir()
    (tmp_path / "listening" / "mine.yaml").write_text(
        "version: 1\nlistening:\n  aspects:\n    delivery:\n      fr: {phrase: votre livraison, the: la livraison,"
        " gender: x, terms: [livr*]}\n",
        "utf-8",
    )
    try:
        load_rules(tmp_path / "rules.yaml", use_cache=False)
    except RulesError as exc:
        where, message = exc.problems[0]
        assert (Path(where.file).name, where.line) == ("mine.yaml", 5)
        assert "unknown value 'x'" in message
    else:
        raise AssertionError("a gender 'x' must be refused")


def test_rules_without_a_listening_section_hear_no_aspect(tmp_path: Path) -> None:
    minimal = support.REPO / "tests" / "fixtures" / "minimal"
    rules = load_rules(minimal / "rules.yaml", use_cache=False)
    heard = suggest("My parcel never arrived, third time!", rules=rules, render_replies=True,
                    templates=minimal / "templates").heard  # fmt: skip
    assert heard.aspects == () and heard.subject is None
