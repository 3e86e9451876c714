"""Guarantees SECURITY.md makes about rules files and templates shared by others."""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

import pytest

import support


def project(tmp_path: Path) -> Path:
    folder = tmp_path / "shared-pack"
    shutil.copytree(support.MINIMAL, folder)
    return folder


@pytest.mark.parametrize(
    "template",
    [
        "{{ ''.__class__.__mro__[1].__subclasses__() }}",
        "{{ profile.__class__.__init__.__globals__ }}",
        "{{ cycler.__init__.__globals__.os.system('echo pwned') }}",
        "{% set x = [].append %}{{ x(1) }}",
    ],
    ids=["subclasses", "globals", "os-system", "mutation"],
)
def test_a_shared_template_cannot_reach_python_internals(tmp_path: Path, template: str) -> None:
    folder = project(tmp_path)
    (folder / "templates" / "en" / "other.public.j2").write_text(template + "\n", "utf-8")
    proc = support.run("reply", "--rules", str(folder / "rules.yaml"), "--text", "hello there", "--lang", "en")
    assert proc.returncode == 2, proc.stdout
    assert proc.stderr.startswith("replykit: error:") and "Traceback" not in proc.stderr
    assert "pwned" not in proc.stdout + proc.stderr


def test_a_template_name_cannot_leave_the_templates_folder(tmp_path: Path) -> None:
    folder = project(tmp_path)
    rules = folder / "rules.yaml"
    text = rules.read_text("utf-8").replace(
        "  other:\n", "  other:\n    templates: {public: ../../etc/passwd, private: other.private.j2}\n", 1
    )
    rules.write_text(text, "utf-8")
    proc = support.run("reply", "--rules", str(rules), "--text", "hello there")
    assert proc.returncode == 2
    assert "must stay inside the templates folder" in proc.stderr


def test_deeply_nested_yaml_is_rejected_quickly(tmp_path: Path) -> None:
    rules = tmp_path / "rules.yaml"
    rules.write_text("signals: " + "[" * 5000 + "]" * 5000 + "\n", "utf-8")
    started = time.monotonic()
    proc = support.run("reply", "--rules", str(rules), "--text", "x")
    assert time.monotonic() - started < 30
    assert proc.returncode == 2
    assert proc.stderr.startswith("replykit: error:") and "Traceback" not in proc.stderr


def test_a_corrupt_rules_cache_is_only_a_miss(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    env = {"REPLYKIT_CACHE_DIR": str(cache)}
    first = support.run("reply", "--text", "Merci beaucoup !", "--format", "json", env=env)
    assert first.returncode == 0, first.stderr
    pickles = list(cache.glob("rules-*.pickle"))
    assert pickles, "the first run should have filled the cache"
    for path in pickles:
        path.write_bytes(b"\x80\x05not a pickle at all")
    second = support.run("reply", "--text", "Merci beaucoup !", "--format", "json", env=env)
    assert second.returncode == 0, second.stderr
    assert second.stdout == first.stdout


def hostile_regex_pack(tmp_path: Path) -> Path:
    """The minimal pack whose question pattern backtracks for hours in Python's re."""
    folder = project(tmp_path)
    rules = folder / "rules.yaml"
    rules.write_text(rules.read_text("utf-8").replace("any: ['\\?']", "any: ['(a|aa)+\\?$']", 1), "utf-8")
    assert "(a|aa)+" in rules.read_text("utf-8")
    return rules


def test_a_backtracking_regex_cannot_hang_a_reply(tmp_path: Path) -> None:
    rules = hostile_regex_pack(tmp_path)
    started = time.monotonic()
    proc = support.run("reply", "--rules", str(rules), "--text", "a" * 60 + "!", "--format", "json")
    assert time.monotonic() - started < 20  # Python's re alone would run for years
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout)
    assert result["outcome"] == "other"
    assert any("signal 'asks'" in w and "stopped after" in w for w in result["warnings"]), result["warnings"]


def test_a_backtracking_regex_is_skipped_after_a_few_stops_in_a_batch(tmp_path: Path) -> None:
    rules = hostile_regex_pack(tmp_path)
    # Distinct texts: a repeated one would be answered from memory, not rematched.
    lines = "".join(json.dumps({"id": i, "text": "a" * 60 + f"! {i}"}) + "\n" for i in range(40))
    started = time.monotonic()
    proc = support.run("batch", "-", "--rules", str(rules), "--triage-only", input=lines)
    # 40 comments, but only the first few pay the time limit: then the regex is off.
    assert time.monotonic() - started < 20
    assert proc.returncode == 0, proc.stderr
    entries = [json.loads(line) for line in proc.stdout.splitlines()]
    assert len(entries) == 40
    assert all(entry["outcome"] == "other" for entry in entries)
    assert "stopped after" in " ".join(entries[0]["warnings"])
    assert "is skipped" in " ".join(entries[-1]["warnings"])


def test_an_ordinary_regex_still_matches_through_the_bounded_engine(tmp_path: Path) -> None:
    folder = project(tmp_path)
    proc = support.run("reply", "--rules", str(folder / "rules.yaml"), "--text", "open on sunday?", "--format", "json")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["outcome"] == "question"
