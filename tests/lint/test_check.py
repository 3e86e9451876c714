"""``replykit check``: the tone and method review on a draft reply (issue 4)."""

from __future__ import annotations

import json

import support


def test_clean_draft_exits_0() -> None:
    proc = support.run("check", "--text", "Thank you for telling us, please call us on 01 23 45 67 89.")
    assert (proc.returncode, proc.stderr) == (0, "")
    assert "No tone or method problem found." in proc.stdout


def test_text_output_highlights_the_words_and_suggests_calmer_ones() -> None:
    proc = support.run("check", "--text", "Calm down, it's not our fault!!")
    assert proc.returncode == 1, proc.stderr
    first = proc.stdout.splitlines()[0]
    assert first == "[Calm down], it's [not our fault][!!]"
    assert "calmer: I understand this is frustrating" in proc.stdout
    assert "(defensive-wording)" in proc.stdout and "(double-exclamation)" in proc.stdout


def test_colour_output_styles_the_words_without_brackets() -> None:
    proc = support.run("check", "--color", "always", "--text", "You idiot")
    assert "\x1b[" in proc.stdout and "[idiot]" not in proc.stdout


def test_hostile_text_is_shown_literally() -> None:
    hostile = "idiot \x1b]8;;http://site.example\x07link\x1b[2J [bold]markup[/bold] \u202etext"
    proc = support.run("check", "--color", "always", "--text", hostile)
    assert proc.returncode == 1
    assert "\x1b]8" not in proc.stdout and "\x1b[2J" not in proc.stdout and "\u202e" not in proc.stdout
    assert "\\x1b]8;;http://site.example\\x07link\\x1b[2J" in proc.stdout
    assert "[bold]markup[/bold]" in proc.stdout
    assert "\\u202e" in proc.stdout


def test_json_output_is_stable() -> None:
    proc = support.run("check", "--format", "json", "--lang", "fr", "--text", "Calmez-vous !!")
    assert proc.returncode == 1
    data = json.loads(proc.stdout)
    assert data["schema"] == "replykit.check/1"
    assert set(data) == {"schema", "lang", "clean", "findings", "counts"}
    assert data["lang"] == "fr" and data["clean"] is False
    first = data["findings"][0]
    assert set(first) == {"check", "level", "start", "end", "text", "message", "suggestion"}
    assert (first["check"], first["level"], first["text"]) == ("defensive-wording", "warning", "Calmez-vous")
    assert first["suggestion"] == "je comprends votre agacement"
    assert data["counts"] == {"error": 1, "warning": 1}


def test_for_complaint_asks_for_empathy_and_a_private_channel() -> None:
    proc = support.run("check", "--for", "complaint", "--format", "json", "--text", "Your parcel left on Monday.")
    checks = [f["check"] for f in json.loads(proc.stdout)["findings"]]
    assert checks == ["no-private-channel", "no-empathy"]
    assert proc.returncode == 1


def test_file_and_stdin_inputs(tmp_path: object) -> None:
    proc = support.run("check", "-", input="Thanks for nothing.")
    assert proc.returncode == 1 and "(sarcasm)" in proc.stdout


def test_usage_errors_exit_2() -> None:
    for args in (["check", "missing-file.txt"], ["check", "--format", "yaml", "--text", "x"], ["check"]):
        proc = support.run(*args)
        assert proc.returncode == 2, (args, proc.stderr)
        support.assert_clean_error(proc.stderr) if "--format" not in args else None


def test_batch_emits_one_result_per_draft_and_errors_per_line() -> None:
    lines = [
        json.dumps({"id": "a", "reply": "Calm down!!"}),
        "not json",
        json.dumps({"id": "b", "reply": "Thank you for telling us."}),
        json.dumps({"id": "c"}),
    ]
    proc = support.run("check", "--batch", "--text-field", "reply", "-", input="\n".join(lines) + "\n")
    assert proc.returncode == 1, proc.stderr
    out = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [(o["line"], o["id"]) for o in out] == [(1, "a"), (2, None), (3, "b"), (4, "c")]
    assert out[0]["schema"] == "replykit.check/1" and not out[0]["clean"]
    assert out[1]["error"].startswith("bad JSON")
    assert out[2]["clean"] is True and out[2]["findings"] == []
    assert out[3]["error"] == "no 'reply' field"


def test_batch_of_clean_drafts_exits_0() -> None:
    proc = support.run("check", "--batch", "-", input=json.dumps({"text": "Thanks for your message."}) + "\n")
    assert proc.returncode == 0, proc.stdout


def test_check_and_reply_detect_the_same_language_on_a_short_text() -> None:
    # "scam" has no function word: the rules' vocabulary decides (English), for check as for reply
    checked = json.loads(support.run("check", "--text", "scam", "--format", "json").stdout)
    replied = json.loads(support.run("reply", "--text", "scam", "--format", "json").stdout)
    assert checked["lang"] == replied["lang"] == "en"
