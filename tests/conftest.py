"""Shared fixtures: a predictable environment for every test.

The environment is set in ``pytest_configure`` (before collection, because
some modules parametrize over the default rules while being collected):

- ``COLUMNS=100`` so rich lays out text the same way everywhere;
- colour off (``NO_COLOR=1``, ``TERM=dumb``, no ``FORCE_COLOR``); the colour
  tests turn it back on explicitly;
- ``REPLYKIT_CACHE_DIR`` in a temporary folder, so no test reads or writes
  ``~/.cache/replykit``;
- no ``REPLYKIT_RULES`` / ``REPLYKIT_DEBUG`` / ``REPLYKIT_NO_CACHE`` leaking in
  from the developer's shell.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

import support

_ENV_SET = {"COLUMNS": "100", "LINES": "50", "NO_COLOR": "1", "TERM": "dumb", "PYTHONIOENCODING": "utf-8"}
_ENV_UNSET = ("FORCE_COLOR", "CLICOLOR_FORCE", "TTY_COMPATIBLE", "TTY_INTERACTIVE", "REPLYKIT_RULES",
              "REPLYKIT_DEBUG", "REPLYKIT_NO_CACHE", "XDG_CACHE_HOME")  # fmt: skip
_saved: dict[str, str | None] = {}
_cache_root: list[str] = []


def pytest_configure(config: pytest.Config) -> None:
    cache = tempfile.mkdtemp(prefix="replykit-test-cache-")
    _cache_root.append(cache)
    for key in (*_ENV_SET, *_ENV_UNSET, "REPLYKIT_CACHE_DIR"):
        _saved[key] = os.environ.get(key)
    os.environ.update(_ENV_SET)
    os.environ["REPLYKIT_CACHE_DIR"] = cache
    for key in _ENV_UNSET:
        os.environ.pop(key, None)


def pytest_unconfigure(config: pytest.Config) -> None:
    for key, value in _saved.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value
    for cache in _cache_root:
        shutil.rmtree(cache, ignore_errors=True)


@pytest.fixture(autouse=True)
def _pinned_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """Re-pin the environment for every test, so one test's changes never leak into the next."""
    for key, value in _ENV_SET.items():
        monkeypatch.setenv(key, value)
    monkeypatch.setenv("REPLYKIT_CACHE_DIR", _cache_root[0])
    for key in _ENV_UNSET:
        monkeypatch.delenv(key, raising=False)


@pytest.fixture(autouse=True)
def _isolated_cwd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test starts in an empty folder: no stray ./rules.yaml is picked up."""
    work = tmp_path / "cwd"
    work.mkdir()
    monkeypatch.chdir(work)
    return work


@pytest.fixture
def own_profile(monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run as a user who gave their own details (``replykit init``): ``$REPLYKIT_RULES`` points at them.

    For tests about something else than the first run, so the example-profile
    warning is not in their way; the tests of that warning run without it.
    """
    path = support.own_rules_path()
    monkeypatch.setenv("REPLYKIT_RULES", str(path))
    return path


@pytest.fixture
def cli() -> Callable[..., Any]:
    """Invoke the typer app in-process: ``cli("reply", "--text", "x")``.

    Returns click's Result (``exit_code``, ``stdout``, ``stderr`` kept apart).
    """
    from typer.testing import CliRunner

    app = support.typer_app()
    runner = CliRunner()

    def invoke(*args: str, input: str | bytes | None = None, env: dict[str, str] | None = None) -> Any:
        return runner.invoke(app, list(args), input=input, env=env, catch_exceptions=False)

    return invoke


@pytest.fixture
def run() -> Callable[..., subprocess.CompletedProcess[str]]:
    """Run ``python -m replykit ...`` as a real process (exit codes, stdin, stderr)."""
    return support.run


@pytest.fixture
def minimal_rules(tmp_path: Path) -> Path:
    """A private copy of the small valid fixture (rules.yaml + templates/)."""
    target = tmp_path / "minimal"
    shutil.copytree(support.MINIMAL, target)
    return target / "rules.yaml"


@pytest.fixture
def no_color_env(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Undo the suite's colour-off defaults for one test."""
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")
    yield
