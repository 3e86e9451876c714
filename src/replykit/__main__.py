"""``python -m replykit`` and the ``replykit`` console script."""

from __future__ import annotations

import sys


def main() -> None:
    args = sys.argv[1:]
    if args[:1] == ["reply"]:
        from replykit.cli.fastpath import try_fast_reply

        code = try_fast_reply(args[1:])
        if code is not None:
            sys.exit(code)
    from replykit.cli.app import run_app

    sys.exit(run_app(args))


if __name__ == "__main__":
    main()
