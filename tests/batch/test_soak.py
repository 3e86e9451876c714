"""A small soak: ``replykit batch`` on 3,000 generated lines, 1% broken (issue 6).

The same generator and checks as ``bench/soak.py`` (``make soak``, a million
lines), imported from it: every output line complete JSON for its own input
line, an error entry exactly on each broken line (cut JSON, no text field,
invalid UTF-8, a line over the 1 MiB limit), exit 1, ``--jobs 2`` identical to
``--jobs 1``, ``| head -n 10`` and Ctrl-C without a traceback.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import support

# Replies in a real business's name: these tests are not about the first run's example profile.
pytestmark = pytest.mark.usefixtures("own_profile")


LINES = 3_000
SEED = 6


def _load_soak() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_soak", support.REPO / "bench" / "soak.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


soak = _load_soak()
REPLYKIT = [sys.executable, "-m", "replykit", "batch"]


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[int, str]]:
    path = tmp_path_factory.mktemp("soak") / "comments.jsonl"
    texts = soak.load_texts(soak.DATA)
    return path, soak.generate(path, LINES, texts, SEED)


@pytest.fixture(scope="module")
def jobs1(generated: tuple[Path, dict[int, str]]) -> tuple[Path, subprocess.CompletedProcess[bytes]]:
    path, _ = generated
    return _batch(path, path.with_name("jobs1.jsonl"), "--triage-only")


def _batch(path: Path, output: Path, *options: str) -> tuple[Path, subprocess.CompletedProcess[bytes]]:
    with output.open("wb") as out:
        proc = subprocess.run([*REPLYKIT, str(path), *options], stdout=out, stderr=subprocess.PIPE, timeout=120)
    return output, proc


def test_the_plan_breaks_exactly_one_line_in_a_hundred_of_each_kind() -> None:
    plan = soak.corruption_plan(LINES, SEED)
    assert len(plan) == LINES // 100
    assert {kind: list(plan.values()).count(kind) for kind in soak.KINDS} == {
        "bad-json": 8,
        "no-text": 7,
        "bad-utf8": 7,
        "huge": 8,
    }
    assert sorted((line - 1) // 100 for line in plan) == list(range(LINES // 100))  # one per block of 100
    big = soak.corruption_plan(1_000_000, SEED)
    assert len(big) == 10_000 and list(big.values()).count("huge") == soak.MAX_HUGE


def test_the_file_holds_what_the_plan_says(generated: tuple[Path, dict[int, str]]) -> None:
    path, plan = generated
    lines = path.read_bytes().splitlines(keepends=True)
    assert len(lines) == LINES
    for number, kind in plan.items():
        raw = lines[number - 1]
        if kind == "huge":
            assert len(raw) > soak.MAX_LINE_BYTES
        else:
            assert len(raw) < 100_000
        assert (b"\xff" in raw) == (kind == "bad-utf8")
    assert all(len(raw) < 100_000 and b"\xff" not in raw for n, raw in enumerate(lines, 1) if n not in plan)


def test_one_output_line_per_input_line_and_errors_exactly_on_the_broken_ones(
    generated: tuple[Path, dict[int, str]], jobs1: tuple[Path, subprocess.CompletedProcess[bytes]]
) -> None:
    _, plan = generated
    output, proc = jobs1
    assert proc.returncode == 1, proc.stderr[-500:]
    verdict = soak.verify(output, plan)
    assert verdict == (LINES, len(plan), [])
    stderr = proc.stderr.decode("utf-8")
    assert soak.no_traceback(stderr)
    assert len(stderr.splitlines()) == len(plan)  # one message per broken line


def test_verify_sees_a_lost_record_and_an_error_on_the_wrong_line(
    generated: tuple[Path, dict[int, str]], jobs1: tuple[Path, subprocess.CompletedProcess[bytes]], tmp_path: Path
) -> None:
    _, plan = generated
    lines = jobs1[0].read_bytes().splitlines(keepends=True)
    first_bad = min(plan)
    lost = tmp_path / "lost.jsonl"
    lost.write_bytes(b"".join(lines[: first_bad - 1] + lines[first_bad:]))
    assert soak.verify(lost, plan).problems
    moved = dict(plan)
    moved[first_bad + 1] = moved.pop(first_bad)
    assert soak.verify(jobs1[0], moved).problems
    cut = tmp_path / "cut.jsonl"
    cut.write_bytes(b"".join(lines[:10]) + lines[10][:20])
    assert soak.verify(cut, plan).problems


def test_jobs_2_writes_the_same_bytes(
    generated: tuple[Path, dict[int, str]], jobs1: tuple[Path, subprocess.CompletedProcess[bytes]]
) -> None:
    path, _ = generated
    output, proc = _batch(path, path.with_name("jobs2.jsonl"), "--triage-only", "--jobs", "2")
    assert proc.returncode == 1 and soak.no_traceback(proc.stderr.decode("utf-8"))
    assert output.read_bytes() == jobs1[0].read_bytes()
    assert proc.stderr == jobs1[1].stderr


def test_head_ends_quietly(generated: tuple[Path, dict[int, str]]) -> None:
    path, _ = generated
    result = soak.head([*REPLYKIT, str(path)], timeout=60)
    assert len(result["printed"].splitlines()) == 10
    assert result["code"] in soak.EXIT_CODES
    assert soak.no_traceback(result["stderr"]), result["stderr"]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_ctrl_c_mid_run_exits_130_with_complete_lines(generated: tuple[Path, dict[int, str]], jobs: str) -> None:
    # 3,000 lines end in a blink: a slow reader (a pipe left full) holds the run mid-way
    path, plan = generated
    code, stdout, stderr = support.interrupt_mid_run([*REPLYKIT, str(path), "--jobs", jobs])
    output = path.with_name(f"sigint-{jobs}.jsonl")
    output.write_bytes(stdout)
    assert code == 130, stderr
    assert soak.no_traceback(stderr), stderr
    verdict: Any = soak.verify(output, plan)
    assert verdict.problems == []
    assert 0 < verdict.lines < LINES
    assert f"interrupted after {verdict.lines} records" in stderr
