"""Load, validate and cache a rules file (``find`` says which one).

Parsing YAML and validating costs more than answering a comment, so the
compiled rules are pickled to a per-user cache keyed on the file's path,
modification time and size, and on the replykit version; a changed file is
simply a cache miss. Files named by ``include:`` are checked after a hit
against the modification times and sizes the compiled rules recorded. ``REPLYKIT_NO_CACHE=1`` turns the cache off.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import re
import sys
from pathlib import Path

from replykit import __version__
from replykit.errors import Location, ReplykitError, RulesError, UsageError
from replykit.rules.find import CURRENT_FOLDER, locate_rules
from replykit.rules.model import Rules

CACHE_FORMAT = 3  # 2: rule text is checked for file-reading tags at compile time; 3: listening vocabularies


def load_rules(path: str | os.PathLike[str] | None = None, *, use_cache: bool = True) -> Rules:
    """Load and validate a rules file (the discovered one when ``path`` is None).

    Raises:
        UsageError: the file is missing or unreadable.
        RulesError: the file is not valid; every problem has a location.
    """
    file, origin = locate_rules(path)
    if origin != CURRENT_FOLDER:
        return _load(file, use_cache)
    try:
        return _load(file, use_cache)
    except ReplykitError as exc:
        # A stray rules.yaml (another tool's) must be recognisable as the cause.
        exc.args = ("\n".join(f"{file} ({CURRENT_FOLDER}): {line}" for line in str(exc).splitlines()),)
        raise


def _load(file: Path, use_cache: bool) -> Rules:
    try:
        stat = file.stat()
    except OSError as exc:
        raise UsageError(f"{file}: cannot read rules file: {exc.strerror or exc}") from None
    if not file.is_file():
        raise UsageError(f"{file}: is not a file")
    cache = _cache_file(file, stat) if use_cache and not os.environ.get("REPLYKIT_NO_CACHE") else None
    rules = _read_cache(cache) if cache else None
    if rules is not None and rules.includes:
        rules = rules if _unchanged(rules.includes) else None  # an included file changed
    if rules is None:
        rules = compile_rules(_read_text(file), str(file))
        if cache:
            _write_cache(cache, rules)
    # The cache is keyed on the resolved path, and may come from a run in
    # another folder: the path as given now is the one to report and to find
    # templates from.
    rules.source = str(file)
    return rules


def _unchanged(stamps: tuple[tuple[str, int, int], ...]) -> bool:
    """Whether every included file is as when the rules were compiled (``Rules.includes``).

    Here, not in rules/includes.py: loading cached rules must not import the YAML parser (20 ms).
    """
    for resolved, mtime_ns, size in stamps:
        try:
            stat = os.stat(resolved)
        except OSError:
            return False
        if (stat.st_mtime_ns, stat.st_size) != (mtime_ns, size):
            return False
    return True


def compile_rules(text: str, filename: str = "rules.yaml") -> Rules:
    """Validate rules given as YAML text and build the matchers."""
    from replykit.rules.kinds.lexicon import LexiconIndex
    from replykit.rules.kinds.pattern import PatternIndex
    from replykit.rules.schema import build_rules
    from replykit.rules.yamlsrc import load_yaml

    rules = build_rules(load_yaml(text, filename))
    rules.index = LexiconIndex(rules.signals)
    rules.patterns = PatternIndex(rules.signals)
    return rules


def _read_text(file: Path) -> str:
    try:
        data = file.read_bytes()
    except OSError as exc:
        raise UsageError(f"{file}: cannot read rules file: {exc.strerror or exc}") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        from replykit.text.inputs import byte_position

        line, column = byte_position(data, exc.start)
        raise RulesError([(Location(str(file), line, column), "not valid UTF-8")]) from None


def cache_dir() -> Path:
    """``$REPLYKIT_CACHE_DIR``, else ``$XDG_CACHE_HOME/replykit``, else ``~/.cache/replykit``."""
    explicit = os.environ.get("REPLYKIT_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME")
    return (Path(base) if base else Path.home() / ".cache") / "replykit"


# The modules that define the compiled form: editing any of them (a
# development checkout, an upgrade) must invalidate cached rules. Every
# module of rules/kinds/ counts too (see _code_files): a new kind needs no line here.
_CODE = (
    "rules/model.py",
    "rules/checker.py",
    "rules/schema.py",
    "rules/signals.py",
    "rules/includes.py",
    "rules/listening.py",
    "rules/conditions.py",
    "text/normalize.py",
    "text/jinjaenv.py",
)


def _cache_file(file: Path, stat: os.stat_result) -> Path:
    """``rules-<the file's path>-<its state and replykit's>.pickle``: one rules file's caches share a prefix,
    so writing a new one removes those its edits and upgrades left behind (see _write_cache)."""
    resolved = str(file.resolve())
    code = "|".join(str(path.stat().st_mtime_ns) for path in _code_files())
    key = f"{CACHE_FORMAT}|{__version__}|{sys.version}|{code}|{resolved}|{stat.st_mtime_ns}|{stat.st_size}"
    where = hashlib.sha256(resolved.encode()).hexdigest()[:12]
    return cache_dir() / f"rules-{where}-{hashlib.sha256(key.encode()).hexdigest()[:24]}.pickle"


def _code_files() -> list[Path]:
    here = Path(__file__).parents[1]
    kinds = sorted(entry.name for entry in os.scandir(here / "rules" / "kinds") if entry.name.endswith(".py"))
    return [here / name for name in (*_CODE, *(f"rules/kinds/{name}" for name in kinds))]


def _read_cache(cache: Path) -> Rules | None:
    try:
        with cache.open("rb") as handle:
            rules = pickle.load(handle)
    except Exception:  # a missing, stale or corrupt cache is only a miss
        return None
    return rules if isinstance(rules, Rules) else None


def _write_cache(cache: Path, rules: Rules) -> None:
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        tmp = cache.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(pickle.dumps(rules, protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(tmp, cache)
    except OSError:
        return  # a read-only home must not stop replykit from working
    _remove_stale(cache)


_OLD_NAME = re.compile(r"rules-[0-9a-f]{24}\.pickle")  # caches named before one rules file kept one cache


def _remove_stale(cache: Path) -> None:
    """Remove the other caches of the same rules file: each edit of the file, and each upgrade, made a new one
    that nothing read again (a user who edits their rules daily had hundreds)."""
    same_file = cache.name.rsplit("-", 1)[0] + "-"  # "rules-<the file's path>-"
    try:
        entries = [entry for entry in os.scandir(cache.parent) if entry.name != cache.name]
    except OSError:
        return
    for entry in entries:
        if (entry.name.startswith(same_file) and entry.name.endswith(".pickle")) or _OLD_NAME.fullmatch(entry.name):
            with contextlib.suppress(OSError):  # another process removed it first
                os.remove(entry.path)
