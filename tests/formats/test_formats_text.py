"""Text output: colour (--color always|never|auto, NO_COLOR, pipes, terminals) and the reply's language.

The text and Markdown forms of a reply say every label, panel title, yes and no
and fixed warning in the reply's language, from the one table of
``formats/labels.py``.
"""

from __future__ import annotations

import json
import os
import pty
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import support
from replykit.formats.labels import LABELS, WARNINGS, warning

# Replies in a real business's name: these tests are not about the first run's example profile.
pytestmark = pytest.mark.usefixtures("own_profile")


TEXT = "Where is my order? Nobody answers."
SGR = re.compile(r"\x1b\[([0-9;]*)m")


def colour_codes(output: str) -> list[str]:
    """SGR parameters that set a foreground or background colour (bold, dim... excluded)."""
    found = []
    for params in SGR.findall(output):
        parts = params.split(";")
        for i, part in enumerate(parts):
            is_colour = part.isdigit() and (30 <= int(part) <= 38 or 40 <= int(part) <= 48 or 90 <= int(part) <= 107)
            is_colour_value = i > 0 and parts[i - 1] in ("38", "48")  # the 5 of 38;5;N is not a colour code
            if is_colour and not is_colour_value:
                found.append(part)
    return found


@pytest.mark.parametrize("command", [["reply", "--text", TEXT], ["tree"]], ids=["reply", "tree"])
def test_color_always_emits_ansi_colours(cli: Any, command: list[str], no_color_env: None) -> None:
    result = cli(*command, "--color", "always")
    assert (result.exit_code, result.stderr) == (0, "")
    assert colour_codes(result.stdout)


def test_color_always_beats_no_color(cli: Any) -> None:
    result = cli("reply", "--text", TEXT, "--color", "always", env={"NO_COLOR": "1", "TERM": "xterm-256color"})
    assert result.exit_code == 0
    assert colour_codes(result.stdout), "an explicit --color always overrides NO_COLOR"


@pytest.mark.parametrize("command", [["reply", "--text", TEXT], ["tree"]], ids=["reply", "tree"])
def test_color_never_emits_no_escape_at_all(cli: Any, command: list[str], no_color_env: None) -> None:
    result = cli(*command, "--color", "never", env={"FORCE_COLOR": "1"})
    assert (result.exit_code, result.stderr) == (0, "")
    assert "\x1b" not in result.stdout
    assert result.stdout.strip()


def test_piped_output_has_no_escapes_by_default(tmp_path: Path) -> None:
    env = {"TERM": "xterm-256color"}
    full = {k: v for k, v in os.environ.items() if k != "NO_COLOR"} | env
    proc = subprocess.run([sys.executable, "-m", "replykit", "reply", "--text", TEXT],
                          capture_output=True, text=True, env=full, cwd=tmp_path, timeout=60)  # fmt: skip
    assert (proc.returncode, proc.stderr) == (0, "")
    assert "\x1b" not in proc.stdout and proc.stdout.strip()


def run_in_terminal(env_changes: dict[str, str | None], *args: str) -> str:
    """Run replykit with stdout on a pseudo-terminal; return what it wrote."""
    env = dict(os.environ)
    for key, value in env_changes.items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    leader, follower = pty.openpty()
    try:
        proc = subprocess.Popen([sys.executable, "-m", "replykit", "reply", "--text", TEXT, *args],
                                stdout=follower, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, env=env)  # fmt: skip
        os.close(follower)
        chunks = []
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # EIO: the child closed the terminal
                break
            if not chunk:
                break
            chunks.append(chunk)
        assert proc.wait(timeout=60) == 0, proc.stderr.read() if proc.stderr else ""
    finally:
        os.close(leader)
    return b"".join(chunks).decode("utf-8", "replace")


def test_terminal_gets_colour_by_default() -> None:
    out = run_in_terminal({"NO_COLOR": None, "TERM": "xterm-256color"})
    assert colour_codes(out)


def test_no_color_env_turns_colour_off_on_a_terminal() -> None:
    out = run_in_terminal({"NO_COLOR": "1", "TERM": "xterm-256color"})
    assert "Triage" in out or "Tri" in out
    assert colour_codes(out) == []


def test_color_never_on_a_terminal() -> None:
    out = run_in_terminal({"NO_COLOR": None, "TERM": "xterm-256color"}, "--color", "never")
    assert "\x1b" not in out


# ---- the reply's language ------------------------------------------------------------------

FRENCH = "Ma commande n'est jamais arrivée, c'est inadmissible"
ENGLISH = "My order never arrived, this is unacceptable"
WIDE = {"COLUMNS": "240"}  # no label cut from its value by a line break
# the labels of a reply's forms (the rest of the table belongs to the batch table and summary)
REPLY_KEYS = [k for k in LABELS["en"] if not k.startswith(("table.", "summary.", ":", ";"))]


def foreign_labels(output: str, lang: str) -> list[str]:
    """The labels of the other language that ``output`` shows as words (labels both languages share excepted)."""
    other = "en" if lang == "fr" else "fr"
    found = []
    for key in REPLY_KEYS:
        mine, theirs = LABELS[lang][key], LABELS[other][key]
        if theirs != mine and re.search(rf"(?<![\w-]){re.escape(theirs)}(?![\w-])", output):
            found.append(theirs)
    return found


def test_every_label_and_warning_is_in_both_languages() -> None:
    assert set(LABELS) == set(support.LANGS)
    assert set(LABELS["fr"]) == set(LABELS["en"])
    assert all(value.strip() for table in LABELS.values() for value in table.values() if value not in ":;")
    for key, templates in WARNINGS.items():
        assert set(templates) == set(support.LANGS), key
        fields = {lang: sorted(re.findall(r"\{(\w+)\}", text)) for lang, text in templates.items()}
        assert fields["fr"] == fields["en"], f"{key}: the same values in both languages"


@pytest.mark.parametrize("args", [["--text", FRENCH], ["--text", ENGLISH, "--lang", "fr"]], ids=["detected", "forced"])
def test_a_french_reply_has_french_labels(cli: Any, args: list[str]) -> None:
    result = cli("reply", *args, env=WIDE)
    assert (result.exit_code, result.stderr) == (0, "")
    out = result.stdout
    source = "imposée" if "--lang" in args else "détectée"
    for label in ("─ Tri ─", "Résultat : ", "Catégorie : ", "Escalade : non", f"Langue : fr ({source})",
                  "Méthode : ", "Dossier : ", "Chemin :", "─ Réponse publique ─", "─ Suivi en privé ─",
                  "─ Avant de publier ─"):  # fmt: skip
        assert label in out, f"{label!r} not in:\n{out}"
    assert foreign_labels(out, "fr") == [], out


def test_an_english_reply_has_english_labels(cli: Any) -> None:
    result = cli("reply", "--text", ENGLISH, env=WIDE)
    assert (result.exit_code, result.stderr) == (0, "")
    out = result.stdout
    for label in ("─ Triage ─", "Outcome: ", "Category: ", "Escalate: no", "Language: en (detected)", "Method: ",
                  "Case: ", "Path:", "Heard:", "─ Public reply ─", "─ Private follow-up script ─",
                  "─ Before you post ─"):  # fmt: skip
        assert label in out, f"{label!r} not in:\n{out}"
    assert foreign_labels(out, "en") == [], out


@pytest.mark.parametrize(("text", "lang"), [(FRENCH, "fr"), (ENGLISH, "en")])
def test_markdown_speaks_the_reply_language_too(cli: Any, text: str, lang: str) -> None:
    result = cli("reply", "--text", text, "--format", "markdown")
    assert (result.exit_code, result.stderr) == (0, "")
    words = LABELS[lang]
    colon = words[":"]
    for label in (f"**{words['category']}{colon}**", f"**{words['escalate']}{colon}** {words['no']}",
                  f"### {words['why']}", f"### {words['public']}", f"### {words['before']}"):  # fmt: skip
        assert label in result.stdout, f"{label!r} not in:\n{result.stdout}"
    assert foreign_labels(result.stdout, lang) == [], result.stdout


def test_an_escalation_says_yes_in_the_reply_language(cli: Any) -> None:
    french = "Je vais porter plainte, ça fait un mois que j'attends mon remboursement"
    assert "Escalade : oui" in cli("reply", "--text", french, env=WIDE).stdout
    assert "Escalate: yes" in cli("reply", "--text", "My lawyer will hear about this", env=WIDE).stdout


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_fixed_warnings_are_said_in_the_reply_language(cli: Any, fmt: str) -> None:
    long = " ".join([FRENCH] * 400)  # over the 20,000 characters analysed
    args = ("reply", "--text", long, "--platform", "x", "--var", "phone=" + "01 23 45 67 89 " * 20, "--format", fmt)
    french = cli(*args, env=WIDE)
    assert french.exit_code == 0, french.stderr
    assert "le commentaire fait 21 199 caractères ; seuls les 20 000 premiers ont été analysés" in french.stdout
    assert "au-delà des 280 autorisés sur x" in french.stdout
    assert "characters" not in french.stdout
    english_text = " ".join(["My order never arrived, this is unacceptable"] * 460)
    english = cli("reply", "--text", english_text, *args[3:], "--lang", "en", env=WIDE)
    assert "the comment has 20,699 characters; the first 20,000 were analysed" in english.stdout
    assert "over the 280 allowed on x" in english.stdout
    data = json.loads(cli(*args[:-2], "--format", "json").stdout)  # JSON keeps the warnings as written
    assert data["lang"] == "fr" and all(" characters" in w for w in data["warnings"]), data["warnings"]


def test_a_stopped_regex_is_reported_in_french(tmp_path: Path) -> None:
    pack = tmp_path / "pack"
    shutil.copytree(support.MINIMAL, pack)
    rules = pack / "rules.yaml"
    rules.write_text(rules.read_text("utf-8").replace("any: ['\\?']", "any: ['(a|aa)+\\?$']", 1), "utf-8")
    proc = support.run("reply", "--rules", str(rules), "--text", "a" * 60 + "!", "--lang", "fr", env=WIDE)
    assert proc.returncode == 0, proc.stderr
    shown = " ".join(proc.stdout.replace("│", " ").split())
    assert "─ Avertissements ─" in proc.stdout
    assert "signal « asks » : l'expression régulière « (a|aa)+\\?$ » a été arrêtée au bout de 0,25 s" in shown, shown


def test_an_unknown_warning_is_shown_as_written() -> None:
    assert warning("something new happened", "fr") == "something new happened"
    skipped = "signal 'x': regex 'a+' is skipped: it ran past 0.25 s 3 times (see `replykit lint`)"
    assert warning(skipped, "en") == skipped
    assert warning(skipped, "fr").startswith("signal « x » : l'expression régulière « a+ » est désormais ignorée")


def test_comment_words_in_the_french_panel_stay_text_not_markup(cli: Any) -> None:
    result = cli("reply", "--text", "Vous êtes ouverts le [bold]dimanche[/bold] ?", "--color", "always", env=WIDE)
    assert result.exit_code == 0, result.stderr
    assert "Entendu :" in result.stdout
    assert "Vous êtes ouverts le [bold]dimanche[/bold] ?" in result.stdout  # as written, never as markup
