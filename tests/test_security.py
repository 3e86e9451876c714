"""Guarantees SECURITY.md makes about rules files and templates shared by others."""

from __future__ import annotations

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
