"""Helpers shared by the test modules (plain functions, usable at collection time)."""

from __future__ import annotations

import functools
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

TESTS = Path(__file__).resolve().parent
REPO = TESTS.parent
MINIMAL = TESTS / "fixtures" / "minimal"
RULE_CASES = TESTS / "cases" / "rules"
METHOD_MD = REPO.parent / "shared" / "METHOD.md"
LANGS = ("en", "fr")
CATEGORIES = {"complaint", "question", "general", "inappropriate", "praise", "other"}

# A 50-character display name (the longest X allows), with accents.
LONG_AUTHOR = "Marie-Bérénice de La Tour-d'Auvergne-Saint-Hilaire"
assert len(LONG_AUTHOR) == 50


def typer_app() -> Any:
    """The typer application, wherever the package keeps it."""
    try:
        from replykit.cli.app import app
    except ImportError:  # older layout: the app object in replykit/cli/__init__.py
        from replykit.cli import app
    return app


def run(*args: str, input: str | bytes | None = None, cwd: str | Path | None = None,
        env: dict[str, str] | None = None, timeout: float = 60) -> subprocess.CompletedProcess[str]:  # fmt: skip
    """``python -m replykit ARGS`` in a subprocess; text is decoded as UTF-8."""
    full_env = dict(os.environ)
    if env:
        full_env.update(env)
    data = input.encode("utf-8") if isinstance(input, str) else input
    proc = subprocess.run(
        [sys.executable, "-m", "replykit", *args],
        input=data if data is not None else b"",
        capture_output=True,
        cwd=cwd,
        env=full_env,
        timeout=timeout,
    )
    return subprocess.CompletedProcess(
        proc.args, proc.returncode, proc.stdout.decode("utf-8", "replace"), proc.stderr.decode("utf-8", "replace")
    )


def assert_clean_error(stderr: str) -> str:
    """One line, ``replykit: error: ...``, no traceback; returns the message."""
    assert "Traceback" not in stderr, stderr
    lines = stderr.splitlines()
    assert len(lines) == 1, f"expected exactly one stderr line, got:\n{stderr}"
    assert lines[0].startswith("replykit: error: "), stderr
    return lines[0].removeprefix("replykit: error: ")


@functools.cache
def default_rules() -> Any:
    """The packaged default rules (loaded once per test session).

    ``REPLYKIT_TEST_RULES=path/to/rules.yaml`` runs the suite's routing and reply
    checks on another rules file (a copy in progress) without reinstalling.
    """
    from replykit.rules.find import default_rules_path
    from replykit.rules.load import load_rules

    return load_rules(os.environ.get("REPLYKIT_TEST_RULES") or default_rules_path())


# A real business's details, each at least as long as the example's (the length checks stay honest).
OWN_PROFILE = {
    "Atelier Exemple": "Boulangerie Lune",
    "+33 1 23 45 67 89": "+33 4 78 90 12 34",
    "contact@atelier-exemple.fr": "bonjour@boulangerie-lune.fr",
    "https://atelier-exemple.fr": "https://boulangerie-lune.fr",
    "Camille, de l'Atelier Exemple": "Mathilde, de la Boulangerie Lune",
    "Camille, Atelier Exemple": "Mathilde, Boulangerie Lune",
}


def with_own_profile(rules_text: str) -> str:
    """The default rules.yaml's text with :data:`OWN_PROFILE` in its profile section, all else kept."""
    head, sep, rest = rules_text.partition("\npolicy:")
    for example, own in OWN_PROFILE.items():
        head = head.replace(f'"{example}"', f'"{own}"')
    return head + sep + rest


@functools.cache
def own_rules_path() -> Path:
    """The default rules with a real business's profile, as after ``replykit init`` (made once per session).

    For tests about something other than the first run: replies then carry no
    example-profile warning. Its lexicons, listening and templates are the packaged ones.
    """
    import atexit
    import shutil
    import tempfile

    from replykit.rules.find import defaults_dir

    folder = Path(tempfile.mkdtemp(prefix="replykit-own-profile-"))
    atexit.register(shutil.rmtree, folder, True)
    (folder / "rules.yaml").write_text(with_own_profile((defaults_dir() / "rules.yaml").read_text("utf-8")), "utf-8")
    for name in ("lexicons", "listening", "templates"):
        (folder / name).symlink_to(defaults_dir() / name)
    return folder / "rules.yaml"


@functools.cache
def own_rules() -> Any:
    """:func:`own_rules_path`, loaded once per session."""
    from replykit.rules.load import load_rules

    return load_rules(own_rules_path())


def policy_for(rules: Any, outcome_id: str) -> dict[str, str]:
    """``--var`` policy values needed to reach an outcome that sits behind a policy node.

    Read from the tree, not hard-coded: a node whose condition is
    ``{policy: NAME}`` leads to its ``then`` when the policy is on and to its
    ``else`` when it is off.
    """
    out = {}
    for node in rules.tree:
        if node.when[0] == "policy":
            if node.otherwise == outcome_id:
                out[f"policy.{node.when[1]}"] = "false"
            elif node.then == outcome_id:
                out[f"policy.{node.when[1]}"] = "true"
    return out


def outcome_examples(rules: Any) -> list[tuple[str, str, int, str]]:
    """``(outcome, lang, index, text)`` for every example in the rules."""
    return [
        (oid, lang, i, text)
        for oid, outcome in rules.outcomes.items()
        for lang in LANGS
        for i, text in enumerate(outcome.examples.get(lang, ()))
    ]


def example_params(rules: Any) -> list[Any]:
    """pytest params over every example; an outcome without examples is a clear skip."""
    import pytest

    params = [pytest.param(oid, lang, text, id=f"{oid}-{lang}-{i}") for oid, lang, i, text in outcome_examples(rules)]
    for oid, outcome in rules.outcomes.items():
        for lang in LANGS:
            if not outcome.examples.get(lang):
                params.append(pytest.param(oid, lang, "", id=f"{oid}-{lang}-none", marks=pytest.mark.skip(
                    reason=f"outcome '{oid}' has no '{lang}' examples yet")))  # fmt: skip
    return params


def method_ids() -> set[str]:
    """The step IDs of ../shared/METHOD.md (``- **O1.1 EMPATHY**`` gives ``O1.1``)."""
    if METHOD_MD.is_file():
        found = re.findall(r"(?m)^- \*\*([A-Z][A-Z0-9]*(?:\.[0-9]+)?)\b", METHOD_MD.read_text("utf-8"))
        if found:
            return set(found)
    from replykit.rules.model import METHOD_IDS

    return set(METHOD_IDS)


# Words that only one of the two languages uses, to tell which language a reply is in.
_FR_WORDS = {"vous", "votre", "vos", "nous", "notre", "nos", "merci", "bonjour", "le", "la", "les", "des",
             "est", "pour", "avec", "je", "et", "un", "une", "du", "sur", "dans", "pas", "ce", "cette"}  # fmt: skip
_EN_WORDS = {"you", "your", "we", "our", "us", "thank", "thanks", "hello", "hi", "the", "is", "are", "for",
             "with", "and", "to", "of", "this", "that", "please", "it", "i", "in", "on", "not"}  # fmt: skip


def language_of(text: str) -> str | None:
    """``"fr"``, ``"en"`` or None (too little text), from common function words."""
    words = re.findall(r"[a-zàâäçéèêëîïôöùûüœ]+", text.lower())
    fr = sum(w in _FR_WORDS for w in words)
    en = sum(w in _EN_WORDS for w in words)
    if fr == en:
        return None
    return "fr" if fr > en else "en"


def force_outcome(rules: Any, outcome_id: str) -> Any:
    """The same rules with a one-node tree that always leads to ``outcome_id``.

    Lets a test render every outcome's templates whatever the lexicons route
    where (the examples tests cover the routing).
    """
    import dataclasses

    node_type = type(rules.tree[0])
    node = node_type(id="forced", method=(), when=("true",), then=outcome_id, otherwise=outcome_id)
    return dataclasses.replace(rules, tree=(node,))


# Comments that light up a topic and a ready-made solution: the longest replies.
RICH_COMMENT = {
    "en": "Where is my order? I am still waiting for my refund and I have had no news.",
    "fr": "Où est ma commande ? J'attends toujours mon remboursement et je n'ai aucune nouvelle.",
}

# Asking the commenter to post personal data in public (O1.3 forbids it).
PERSONAL_DATA_REQUEST = {
    "en": re.compile(
        r"\b(send|give|share|post|provide|leave|tell|drop|include|comment|reply with)\b(?:\W+\w+){0,3}?\W+"
        r"(your|ur)\s+(full\s+)?(phone|mobile|number|address|order\s*(number|no|#)|e-?mail|details|"
        r"account\s*number|postcode|zip|card)",
        re.IGNORECASE,
    ),
    "fr": re.compile(
        r"\b(envoy|donn|communiqu|indiqu|laiss|partag|précis|transm|post|mett|publi|not)\w*"
        r"(-nous|-moi)?\b(?:\W+\w+){0,3}?\W+"
        r"(votre|vos)\s+(numéro|téléphone|portable|adresse|coordonnées|e-?mail|courriel|"
        r"informations|référence|n°)",
        re.IGNORECASE,
    ),
}
TU_FORMS = re.compile(r"\b(tu|toi|te|ta|tes)\b|\bt['’]", re.IGNORECASE)
VOUS_FORMS = re.compile(r"\b(vous|votre|vos)\b|\b\w+ez\b", re.IGNORECASE)


def with_policy_node(rules_path: Path) -> Path:
    """Extend a copy of the minimal fixture: ``other`` sits behind a policy node,
    and a new ``quiet`` outcome (action monitor, empty public reply) is its else."""
    text = rules_path.read_text("utf-8")
    text = text.replace("    else: other\n", "    else: policy_gate\n  - id: policy_gate\n    method: [O2.1]\n"
                        "    when: {policy: reply_to_general}\n    then: other\n    else: quiet\n")  # fmt: skip
    text += "  quiet:\n    category: general\n    option: 2\n    action: monitor\n    method: [O2.1]\n"
    rules_path.write_text(text, "utf-8")
    for lang in LANGS:
        folder = rules_path.parent / "templates" / lang
        (folder / "quiet.public.j2").write_text("{# nothing to post #}\n", "utf-8")
        (folder / "quiet.private.j2").write_text("1. Watch the thread ({{ case_ref }}).\n2. Do not reply.\n", "utf-8")
    return rules_path


def parse_mermaid(text: str) -> tuple[dict[str, str], set[tuple[str, str, str]]]:
    """Mermaid ids -> labels (the first line of each box), and the labelled edges by label."""
    labels = {m[0]: m[1] for m in re.findall(r'(?m)^\s*(\w+)[{(]\[?"([^"<]+)', text)}
    edges = set(re.findall(r"(?m)^\s*(\w+) -- (yes|no) --> (\w+)\s*$", text))
    return labels, {(labels.get(a, a), kind, labels.get(b, b)) for a, kind, b in edges}


def expected_edges(rules: Any) -> set[tuple[str, str, str]]:
    """(node, yes|no, target) for every then/else of the tree."""
    return {(n.id, "yes", n.then) for n in rules.tree} | {(n.id, "no", n.otherwise) for n in rules.tree}


def interrupt_mid_run(cmd: list[str], pause: float = 0.3) -> tuple[int, bytes, str]:
    """Start ``cmd``, read its first output, wait, send Ctrl-C (SIGINT): (exit code, stdout, stderr).

    Reading only the start of the output and pausing holds the run mid-way: the
    pipe fills up and the command waits in the middle of a write.
    """
    import signal
    import time

    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        first = os.read(proc.stdout.fileno(), 65536)  # type: ignore[union-attr]
        assert first, "no output before the end"
        time.sleep(pause)
        proc.send_signal(signal.SIGINT)
        rest, stderr = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    return proc.returncode, first + rest, stderr.decode("utf-8")
