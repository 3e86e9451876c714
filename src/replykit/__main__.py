"""``python -m replykit`` and the ``replykit`` console script."""

from __future__ import annotations


def main() -> None:
    from replykit.cli import app

    app(prog_name="replykit")


if __name__ == "__main__":
    main()
