"""The one error boundary: expected errors become a line on stderr and an exit code.

Kept free of typer so the fast path (see ``fastpath.py``) can use it too.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import Any

from replykit.errors import ExitCode, ReplykitError


def run_guarded(func: Callable[..., Any], *args: Any, **kwargs: Any) -> int:
    """Call ``func`` and return its exit code; never let a traceback reach the user."""
    try:
        return int(func(*args, **kwargs) or 0)
    except ReplykitError as exc:
        report(str(exc))
        return int(exc.exit_code)
    except KeyboardInterrupt:
        report("interrupted")
        return int(ExitCode.INTERRUPTED)
    except BrokenPipeError:
        silence_broken_pipe()
        return int(ExitCode.OK)
    except Exception as exc:  # the one place a bug is caught
        if os.environ.get("REPLYKIT_DEBUG"):
            raise
        report(f"internal error: {type(exc).__name__}: {exc} (set REPLYKIT_DEBUG=1 for a traceback)")
        return int(ExitCode.INTERNAL_ERROR)


def report(message: str) -> None:
    """Write ``replykit: error: ...`` lines to stderr, control characters made visible."""
    from replykit.text.normalize import printable

    for line in printable(message).splitlines() or [""]:
        sys.stderr.write(f"replykit: error: {line}\n")
    sys.stderr.flush()


def warn(message: str) -> None:
    """Write one ``replykit: warning: ...`` line to stderr, control characters made visible."""
    from replykit.text.normalize import printable

    sys.stderr.write(f"replykit: warning: {printable(message)}\n")
    sys.stderr.flush()


def silence_broken_pipe() -> None:
    # The reader went away (`| head`): point stdout at /dev/null so the
    # interpreter's final flush does not raise again.
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
