"""``python -m replykit`` and the ``replykit`` console script."""

from __future__ import annotations

import contextlib
import gc
import os
import sys


def main() -> None:
    # A one-shot `reply` allocates little and exits at once: collecting
    # garbage during the imports and tearing the interpreter down at exit cost
    # ~20 ms of a ~100 ms call (bench/startup.py), so the fast path skips both.
    gc.disable()
    args = sys.argv[1:]
    if args[:1] == ["reply"]:
        from replykit.cli.fastpath import try_fast_reply

        code = try_fast_reply(args[1:])
        if code is not None:
            exit_now(code)
    gc.enable()
    from replykit.cli.app import run_app

    sys.exit(run_app(args))


def exit_now(code: int) -> None:
    """Flush what was written and leave without interpreter teardown.

    Every file replykit writes is closed before this point (atomic writes use
    context managers), and replykit registers no atexit handlers.
    """
    with contextlib.suppress(BrokenPipeError):  # the reader left (`| head`)
        sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


if __name__ == "__main__":
    main()
