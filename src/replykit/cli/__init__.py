"""The command line, typer only: options in, one core call, a formatter, an exit code.

Holds the typer application that registers every command (``app``), the
shared options (``options``), the one error boundary (``boundary``), one
module per command, and the typer-free fast path of ``replykit reply``
(``fastpath``). Commands never import ``app``.

May import: everything else. Nothing imports it but ``replykit.__main__``.
"""
