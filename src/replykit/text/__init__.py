"""Stage 1, text: what every later stage reads a comment with.

Holds normalisation and tokens (``normalize``), reading a comment from
``--text``, a file or stdin with located UTF-8 errors (``inputs``), regexes
run with a time limit and what they need (``saferegex``, ``regexinfo``), and
exact fast JSON (``jsonfast``).

May import: ``replykit.errors`` only. Never a later stage.
"""
